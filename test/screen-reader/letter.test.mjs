// Orca reading the loaded letter in Firefox ESR, as a screen-reader user moves through
// it in browse mode: by heading (h), by list (l), by Tab, and with say all (KP_Add).
// Every test starts from the top of the page (Control+Home): speech during page load
// varies from run to run. Expected texts come from the campaign JSON itself.
import { after, before, describe, test } from 'node:test';
import { screenReaderUser } from './session.mjs';
import { inOrder } from './speech-log.mjs';
import { demoCampaign as campaign } from './test-server.mjs';

/** A campaign text as the reader of `language` sees it. */
const text = (value, language) => (typeof value === 'string' ? value : value[language]);

const counts = {
  demands: campaign.letter.demands.length,
  signatories: campaign.signatories.length,
  sources: campaign.sources.length,
};
const ownParty = 'Houten Anders!';

/** The checks every page makes, in the page's language. */
function readsTheLetter({ language, headingLevel, words }) {
  let page;

  before(async () => {
    page = await screenReaderUser('firefox');
    const { server, user } = page;
    await user.open(
      server.pageUrl(language, { src: '/campaign.json', 'heading-level': headingLevel, highlight: ownParty }),
      { loaded: server.answers('/campaign.json') },
    );
  });
  after(() => page?.close());

  test(`the title is a heading of level ${headingLevel}, the sections of level ${headingLevel + 1}`, async () => {
    const { user } = page;
    await user.press('Control+Home');
    user.expectHeard(await user.press('h'), inOrder(text(campaign.title, language), `heading level ${headingLevel}`));
    for (const section of [words.demands, `${counts.signatories} ${words.signatories}`, words.sources]) {
      user.expectHeard(await user.press('h'), inOrder(section, `heading level ${headingLevel + 1}`));
    }
  });

  test(`the lists say how many items they have: ${counts.demands} demands, ${counts.signatories} signatories, ${counts.sources} sources`, async () => {
    const { user } = page;
    await user.press('Control+Home');
    for (const count of [counts.demands, counts.signatories, counts.sources]) {
      user.expectHeard(await user.press('l'), `list with ${count} items`);
    }
  });

  test(`every demand and every signatory is read whole, the own party as "(${words.ourParty})"`, async () => {
    const { user } = page;
    await user.press('Control+Home');
    await user.press('h');
    await user.press('h');
    // Say all from the demands' heading to the end of the page, which ends with the host's own text.
    const reading = await user.sayAll(words.pageEnd);
    for (const demand of campaign.letter.demands) user.expectHeard(reading, text(demand, language));
    for (const { name, party, place } of campaign.signatories) {
      user.expectHeard(reading, place ? `${name}, ${party} (${place})` : `${name}, ${party}`);
    }
    const ownSignatory = campaign.signatories.find(({ party }) => party === ownParty).name;
    const ownItem = reading.spoken.filter((line) => line.includes(ownSignatory));
    const otherItems = reading.spoken.filter((line) => !line.includes(ownSignatory));
    user.expectHeard({ ...reading, spoken: ownItem }, `${ownParty} (${words.ourParty})`, 'in the same item as the name');
    user.expectNotHeard({ ...reading, spoken: otherItems }, words.ourParty, 'only the own party is marked');
  });

  test('the date and the initiator are read without decorative punctuation', async () => {
    const { user } = page;
    await user.press('Control+Home');
    await user.press('h');
    const meta = await user.press('Down');
    user.expectHeard(meta, words.date);
    user.expectHeard(meta, campaign.initiator);
    user.expectNotHeard(meta, /middle dot|bullet operator|vertical line/, 'a separator is decoration, not content');
  });

  test(`the language switch is two toggle buttons, each named in its own language, ${words.pressedLanguage} pressed`, async () => {
    const { user } = page;
    await user.press('Control+Home');
    const first = await user.press('Tab');
    const second = await user.press('Tab');
    for (const [step, name] of [[first, 'Nederlands'], [second, 'English']]) {
      const state = name === words.pressedLanguage ? 'toggle button pressed' : 'toggle button not pressed';
      user.expectHeard(step, inOrder(name, state));
    }
  });

  return () => page;
}

describe('Orca in Firefox ESR reads a Dutch page (heading-level 2, highlight)', { timeout: 600_000 }, () => {
  const page = readsTheLetter({
    language: 'nl',
    headingLevel: 2,
    words: {
      demands: 'Eisen',
      signatories: 'ondertekenaars',
      sources: 'Bronnen',
      ourParty: 'onze partij',
      date: '18 februari 2022',
      pressedLanguage: 'Nederlands',
      pageEnd: 'Tekst na het blok',
    },
  });

  test('pressing "English" presses it and keeps focus on the switch', async () => {
    const { user } = page();
    await user.press('Control+Home');
    await user.press('Tab');
    user.expectHeard(await user.press('Tab'), 'English');
    user.expectHeard(await user.press('space'), /\bpressed/);
    user.expectHeard(await user.press('Shift+Tab'), inOrder('Nederlands', 'toggle button not pressed'));
  });

  test('after pressing "English" the title and the text are in English and exposed as English', async () => {
    const { user } = page();
    await user.press('Control+Home');
    const title = await user.press('h');
    user.expectHeard(title, text(campaign.title, 'en'));
    user.expectLanguage(title, 'en');
    await user.press('Down');
    await user.press('Down');
    const summary = await user.press('Down');
    user.expectHeard(summary, text(campaign.summary, 'en').split(' ').slice(0, 6).join(' '));
    user.expectLanguage(summary, 'en');
  });
});

describe('Orca in Firefox ESR reads an English page (heading-level 3)', { timeout: 600_000 }, () => {
  const page = readsTheLetter({
    language: 'en',
    headingLevel: 3,
    words: {
      demands: 'Demands',
      signatories: 'signatories',
      sources: 'Sources',
      ourParty: 'our party',
      date: '18 February 2022',
      pressedLanguage: 'English',
      pageEnd: 'Text after the block',
    },
  });

  test('the letter is exposed in English', async () => {
    const { user } = page();
    await user.press('Control+Home');
    user.expectLanguage(await user.press('h'), 'en');
  });
});
