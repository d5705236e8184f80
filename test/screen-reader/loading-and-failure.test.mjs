// What a screen-reader user hears from a block that is still loading or cannot load:
// the block announces these states by itself (live regions), so here the speech during
// page load is what counts. In Firefox ESR and in Chromium, whose live regions differ.
import { describe, test } from 'node:test';
import { engines } from './browser.mjs';
import { screenReaderUser } from './session.mjs';
import { inOrder } from './speech-log.mjs';

const loadingMessage = /de brief wordt geladen/i;
const failureMessage = 'De brief kon niet worden geladen.';

for (const engine of ['firefox', 'chromium']) {
  describe(`Orca in ${engines[engine].label} hears a block that is loading or has failed`, { timeout: 300_000 }, () => {
    test('the loading message is spoken while a slow campaign loads', async () => {
      const { server, user, close } = await screenReaderUser(engine);
      try {
        const opened = await user.open(server.pageUrl('nl', { src: '/slow.json' }), {
          loaded: server.answers('/slow.json'),
          announced: loadingMessage,
          timeout: 5000,
        });
        await user.expectHeard(opened, loadingMessage, 'a polite status while the campaign loads');
      } finally {
        await close();
      }
    });

    test(`a dead endpoint: "${failureMessage}" is spoken, and the retry button is there`, async () => {
      const { server, user, close } = await screenReaderUser(engine);
      try {
        const opened = await user.open(server.pageUrl('nl', { src: '/dead.json' }), {
          loaded: server.answers('/dead.json'),
          // After the block's own automatic retry, if it makes one.
          announced: failureMessage,
        });
        await user.expectHeard(opened, failureMessage, 'announced as an alert, without moving focus');
        await user.press('Control+Home');
        await user.expectHeard(await user.press('b'), inOrder('Opnieuw proberen', 'button'));
      } finally {
        await close();
      }
    });
  });
}
