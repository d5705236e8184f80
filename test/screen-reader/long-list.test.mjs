// A petition-sized list of signatories, as Orca in Firefox ESR reads it: the block lists
// the first ones and a disclosure button for the rest, and both say what they hold.
import { after, before, describe, test } from 'node:test';
import { screenReaderUser } from './session.mjs';
import { inOrder } from './speech-log.mjs';
import { longListLength } from './test-server.mjs';

describe(`Orca in Firefox ESR reads a list of ${longListLength} signatories`, { timeout: 300_000 }, () => {
  let page;

  before(async () => {
    page = await screenReaderUser('firefox');
    const { server, user } = page;
    await user.open(server.pageUrl('nl', { src: '/long.json' }), { loaded: server.answers('/long.json') });
  });
  after(() => page?.close());

  test('the heading counts them all; the list says how many it shows; a collapsed button offers the rest', async () => {
    const { user } = page;
    await user.press('Control+Home');
    await user.press('h');
    await user.press('h');
    await user.expectHeard(await user.press('h'), inOrder(`${longListLength} ondertekenaars`, 'heading level 3'));
    user.expect(
      await user.press('l'),
      (said) => Number(/list with (\d+) items/i.exec(said)?.[1]) < longListLength,
      `Orca did not announce a list of fewer than ${longListLength} items`,
    );
    const button = await user.press('b');
    await user.expectHeard(button, inOrder(`${longListLength} ondertekenaars`, 'button'));
    await user.expectHeard(button, 'collapsed');
  });

  test(`pressing it says "expanded", and the list then has all ${longListLength}`, async () => {
    const { user } = page;
    // The disclosure is the last button on the page.
    await user.press('Control+End');
    await user.expectHeard(await user.press('shift+b'), 'collapsed');
    await user.expectHeard(await user.press('space'), 'expanded');
    await user.expectHeard(await user.press('shift+l'), `list with ${longListLength} items`);
  });
});
