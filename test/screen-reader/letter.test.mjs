// Orca reading the loaded letter as a screen-reader user moves through it in browse
// mode: by heading (h), by list (l), line by line (Down), by Tab, and with say all
// (KP_Add). Firefox ESR gets every check, in a Dutch and an English page; Chromium the
// ones where engines differ (the separator, the language after switching). Every test
// starts from the top of the page (Control+Home), since speech during page load varies
// from run to run. Expected texts come from the campaign JSON itself.
import { after, before, describe, test } from 'node:test';
import { engines } from './browser.mjs';
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

const pages = {
  nl: {
    language: 'nl',
    headingLevel: 2,
    words: {
      demands: 'Wat wij vragen',
      signatories: 'ondertekenaars',
      sources: 'Bronnen',
      ourParty: 'onze partij',
      date: '18 februari 2022',
      pressedLanguage: 'Nederlands',
    },
  },
  en: {
    language: 'en',
    headingLevel: 3,
    words: {
      demands: 'What we are asking for',
      signatories: 'signatories',
      sources: 'Sources',
      ourParty: 'our party',
      date: '18 February 2022',
      pressedLanguage: 'English',
    },
  },
};

/** Opens the page in a fresh browser before the suite's tests; returns a getter for its user. */
function openPage(engine, { language, headingLevel }) {
  let page;
  before(async () => {
    page = await screenReaderUser(engine);
    const { server, user } = page;
    await user.open(
      server.pageUrl(language, { src: '/campaign.json', 'heading-level': headingLevel, highlight: ownParty }),
      { loaded: server.answers('/campaign.json') },
    );
  });
  after(() => page?.close());
  return () => page.user;
}

function headings(reader, { language, headingLevel, words }) {
  test(`the title is a heading of level ${headingLevel}, the sections of level ${headingLevel + 1}`, async () => {
    const user = reader();
    await user.press('Control+Home');
    await user.expectHeard(
      await user.press('h'),
      inOrder(text(campaign.title, language), `heading level ${headingLevel}`),
    );
    for (const section of [words.demands, `${counts.signatories} ${words.signatories}`, words.sources]) {
      await user.expectHeard(await user.press('h'), inOrder(section, `heading level ${headingLevel + 1}`));
    }
  });
}

function lists(reader) {
  test(`the lists say how many items they have: ${counts.demands} demands, ${counts.signatories} signatories, ${counts.sources} sources`, async () => {
    const user = reader();
    await user.press('Control+Home');
    for (const count of [counts.demands, counts.signatories, counts.sources]) {
      await user.expectHeard(await user.press('l'), `list with ${count} items`);
    }
  });
}

function wholeItems(reader, { language, words }) {
  test(`every demand and every signatory is read whole, the own party as "(${words.ourParty})"`, async () => {
    const user = reader();
    await user.press('Control+Home');
    await user.press('h');
    await user.press('h');
    // Say all from the demands' heading through the signatories, up to the next heading.
    const reading = await user.sayAll(new RegExp(`^${words.sources}$`, 'i'));
    for (const demand of campaign.letter.demands) await user.expectHeard(reading, text(demand, language));
    for (const { name, party, place } of campaign.signatories) {
      await user.expectHeard(reading, place ? `${name}, ${party} (${place})` : `${name}, ${party}`);
    }
    const ownSignatory = campaign.signatories.find(({ party }) => party === ownParty).name;
    const ownItem = reading.spoken.filter((line) => line.includes(ownSignatory));
    const otherItems = reading.spoken.filter((line) => !line.includes(ownSignatory));
    await user.expectHeard(
      { ...reading, spoken: ownItem },
      `${ownParty} (${words.ourParty})`,
      'in the same item as the name',
    );
    user.expectNotHeard({ ...reading, spoken: otherItems }, words.ourParty, 'only the own party is marked');
  });
}

function dateAndInitiator(reader, { words }) {
  test('the date and the initiator are read without decorative punctuation', async () => {
    const user = reader();
    await user.press('Control+Home');
    await user.press('h');
    const meta = await user.press('Down');
    await user.expectHeard(meta, words.date);
    await user.expectHeard(meta, campaign.initiator);
    user.expectNotHeard(meta, /middle dot|bullet operator|vertical line/, 'a separator is decoration, not content');
  });
}

function switchState(reader, { words }) {
  test(`the language switch is two toggle buttons, each named in its own language, ${words.pressedLanguage} pressed`, async () => {
    const user = reader();
    await user.press('Control+Home');
    for (const name of ['Nederlands', 'English']) {
      const state = name === words.pressedLanguage ? 'toggle button pressed' : 'toggle button not pressed';
      await user.expectHeard(await user.press('Tab'), inOrder(name, state));
    }
  });
}

/** On a Dutch page: the reader switches to English. Changes the page for the tests after it. */
function switchToEnglish(reader) {
  test('pressing "English" presses it and keeps focus on the switch', async () => {
    const user = reader();
    await user.press('Control+Home');
    await user.press('Tab');
    await user.expectHeard(await user.press('Tab'), 'English');
    user.expect(
      await user.press('space'),
      (said) => /\bpressed\b/i.test(said) && !/not pressed/i.test(said),
      'Orca did not say that the button is now pressed',
    );
    await user.expectHeard(await user.press('Shift+Tab'), inOrder('Nederlands', 'toggle button not pressed'));
  });

  test('after pressing "English" the title and the text are in English and exposed as English', async () => {
    const user = reader();
    await user.press('Control+Home');
    const title = await user.press('h');
    await user.expectHeard(title, text(campaign.title, 'en'));
    user.expectLanguage(title, 'en');
    await user.press('Down');
    await user.press('Down');
    const summary = await user.press('Down');
    await user.expectHeard(summary, text(campaign.summary, 'en').split(' ').slice(0, 6).join(' '));
    user.expectLanguage(summary, 'en');
  });
}

describe(
  `Orca in ${engines.firefox.label} reads a Dutch page (heading-level 2, highlight)`,
  { timeout: 600_000 },
  () => {
    const reader = openPage('firefox', pages.nl);
    headings(reader, pages.nl);
    lists(reader);
    wholeItems(reader, pages.nl);
    dateAndInitiator(reader, pages.nl);
    switchState(reader, pages.nl);
    switchToEnglish(reader);
  },
);

describe(
  `Orca in ${engines.firefox.label} reads an English page (heading-level 3, highlight)`,
  { timeout: 600_000 },
  () => {
    const reader = openPage('firefox', pages.en);
    headings(reader, pages.en);
    lists(reader);
    wholeItems(reader, pages.en);
    dateAndInitiator(reader, pages.en);
    switchState(reader, pages.en);

    test('the letter is exposed in English', async () => {
      const user = reader();
      await user.press('Control+Home');
      user.expectLanguage(await user.press('h'), 'en');
    });
  },
);

describe(
  `Orca in ${engines.chromium.label} reads a Dutch page: separator and language switch`,
  { timeout: 300_000 },
  () => {
    const reader = openPage('chromium', pages.nl);
    dateAndInitiator(reader, pages.nl);
    switchToEnglish(reader);
  },
);
