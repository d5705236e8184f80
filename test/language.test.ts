import { expect, fixtureSync, html, nextFrame } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Campaign, Signatory, Text } from '../src/campaign-schema.js';
import type { OpenLetter } from '../src/open-letter.js';
import {
  DEMO_URL,
  HEADINGS,
  articleOf,
  demoCampaign,
  minimalCampaign,
  echoUrl,
  textIn,
  textOf,
  uniqueKey,
} from './helpers.js';
import { mount, settled } from './mount.js';
import { requestedAddresses, requestsSeen } from './requests.js';

type Reader = 'nl' | 'en';

/** What a reader of each language sees as the section headings. */
const sectionNames: Record<Reader, { demands: string; sources: string }> = {
  nl: { demands: 'Wat wij vragen', sources: 'Bronnen' },
  en: { demands: 'What we are asking for', sources: 'Sources' },
};

/** The supported language a language tag belongs to, if any. */
function supported(tag: string | null | undefined): Reader | undefined {
  const primary = tag?.split('-')[0].toLowerCase();
  return primary === 'nl' || primary === 'en' ? primary : undefined;
}

function headingTexts(el: OpenLetter): string[] {
  return [...el.querySelectorAll(HEADINGS)].map(textOf);
}

/** The language a screen reader uses for the deepest element showing exactly `text`. */
function languageOfText(el: Element, text: string): string | null {
  const matches = [...el.querySelectorAll<HTMLElement>('*')].filter((node) => textOf(node) === text);
  expect(matches, `an element showing "${text}"`).to.not.be.empty;
  return matches[matches.length - 1].closest('[lang]')?.getAttribute('lang') ?? null;
}

/** Asserts that the block reads in `language`: root language, title and interface strings. */
function expectReadIn(el: OpenLetter, language: Reader, campaign: Campaign): void {
  expect(articleOf(el).getAttribute('lang'), 'lang of the letter').to.equal(language);
  const headings = headingTexts(el);
  expect(headings[0], 'the title').to.equal(textIn(campaign.title, language));
  expect(headings, `the headings ${JSON.stringify(headings)}`).to.include(sectionNames[language].demands);
}

function signatories(count: number): Signatory[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `Raadslid ${index + 1}`,
    party: `Partij ${index + 1}`,
  }));
}

function buttonsOf(el: OpenLetter): HTMLButtonElement[] {
  return [...el.querySelectorAll('button')];
}

function switchButton(el: OpenLetter, label: 'Nederlands' | 'English'): HTMLButtonElement {
  const button = buttonsOf(el).find((candidate) => textOf(candidate) === label);
  expect(button, `a "${label}" button`).to.exist;
  return button!;
}

/** Everything a page keeps across page views: storage and cookies. */
function storedState() {
  const dump = (storage: Storage) =>
    Object.fromEntries(
      Array.from({ length: storage.length }, (_, index) => storage.key(index)!).map((key) => [
        key,
        storage.getItem(key),
      ]),
    );
  return { local: dump(localStorage), session: dump(sessionStorage), cookies: document.cookie };
}

/** Saves `<html lang>` before each test and restores it after. */
function keepPageLanguage(): void {
  let saved: string | null = null;
  beforeEach(() => {
    saved = document.documentElement.getAttribute('lang');
  });
  afterEach(() => {
    if (saved === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', saved);
  });
}

describe('<open-letter> interface strings', () => {
  for (const language of ['nl', 'en'] as const) {
    it(`heads the sections "${sectionNames[language].demands}" and "${sectionNames[language].sources}" for a reader with lang="${language}"`, async () => {
      const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: language } }));
      const headings = headingTexts(el);
      expect(headings).to.include(sectionNames[language].demands);
      expect(headings).to.include(sectionNames[language].sources);
      expect(headings).to.not.include(sectionNames[language === 'nl' ? 'en' : 'nl'].demands);
    });
  }

  const counts: [number, Reader, string][] = [
    [1, 'nl', '1 ondertekenaar'],
    [9, 'nl', '9 ondertekenaars'],
    [1234, 'nl', '1.234 ondertekenaars'],
    [1, 'en', '1 signatory'],
    [9, 'en', '9 signatories'],
    [1234, 'en', '1,234 signatories'],
  ];
  for (const [count, language, heading] of counts) {
    it(`heads the signatories "${heading}" for ${count} signator${count === 1 ? 'y' : 'ies'} and lang="${language}"`, async () => {
      const { el } = await settled(
        mount({ campaign: minimalCampaign({ signatories: signatories(count) }), attributes: { lang: language } }),
      );
      expect(headingTexts(el)).to.include(heading);
    });
  }

  it('shows two blocks in different languages on one page each with their own interface strings', async () => {
    const campaign = await demoCampaign();
    const page = fixtureSync(html`<div></div>`);
    const { el: dutch } = await settled(mount({ campaign, attributes: { lang: 'nl' }, into: page }));
    const { el: english } = await settled(
      mount({ campaign: structuredClone(campaign), attributes: { lang: 'en' }, into: page }),
    );
    expectReadIn(dutch, 'nl', campaign);
    expectReadIn(english, 'en', campaign);
    expect(headingTexts(dutch)).to.include.members(['Wat wij vragen', '9 ondertekenaars', 'Bronnen']);
    expect(headingTexts(english)).to.include.members(['What we are asking for', '9 signatories', 'Sources']);
    expect(headingTexts(dutch)).to.not.include.members(['What we are asking for']);
    expect(headingTexts(english)).to.not.include.members(['Wat wij vragen']);
    expect(dutch.querySelector('[role="group"]')?.getAttribute('aria-label')).to.equal('Taal');
    expect(english.querySelector('[role="group"]')?.getAttribute('aria-label')).to.equal('Language');
  });
});

describe('<open-letter> content language', () => {
  for (const language of ['nl', 'en'] as const) {
    it(`shows every text of a bilingual campaign in the reader's language (lang="${language}")`, async () => {
      const campaign = await demoCampaign();
      const { el } = await settled(mount({ campaign, attributes: { lang: language } }));
      const other = language === 'nl' ? 'en' : 'nl';
      const letter = campaign.letter;
      const texts: Text[] = [
        campaign.title,
        campaign.summary!,
        letter.salutation!,
        ...letter.paragraphs,
        letter.demandsIntro!,
        ...letter.demands,
        ...(letter.closing ?? []),
        letter.signOff!,
        ...campaign.sources!.map((source) => source.title),
      ];
      const shown = textOf(articleOf(el));
      for (const text of texts) {
        expect(shown).to.include(textIn(text, language));
        expect(shown).to.not.include(textIn(text, other));
        expect(languageOfText(el, textIn(text, language)), textIn(text, language)).to.equal(language);
      }
    });
  }

  it('shows a text without English in Dutch, marked lang="nl", inside an article marked lang="en"', async () => {
    const campaign = await demoCampaign();
    const onlyDutch = 'Deze alinea is niet vertaald.';
    campaign.letter.paragraphs[1] = { nl: onlyDutch };
    const { el } = await settled(mount({ campaign, attributes: { lang: 'en' } }));
    expect(articleOf(el).getAttribute('lang')).to.equal('en');
    expect(textOf(articleOf(el))).to.include(onlyDutch);
    expect(languageOfText(el, onlyDutch)).to.equal('nl');
    expect(languageOfText(el, textIn(campaign.letter.paragraphs[0], 'en'))).to.equal('en');
  });

  it('shows a text without Dutch in the language it has, marked with that language, inside an article marked lang="nl"', async () => {
    const campaign = await demoCampaign();
    const onlyEnglish = 'This demand exists only in English.';
    campaign.letter.demands[2] = { en: onlyEnglish };
    const { el } = await settled(mount({ campaign, attributes: { lang: 'nl' } }));
    expect(articleOf(el).getAttribute('lang')).to.equal('nl');
    expect(languageOfText(el, onlyEnglish)).to.equal('en');
    expect(languageOfText(el, textIn(campaign.letter.demands[0], 'nl'))).to.equal('nl');
  });

  it('shows a title without English in Dutch, with the heading marked lang="nl", to an English reader', async () => {
    const campaign = await demoCampaign();
    campaign.title = { nl: 'Alleen een Nederlandse titel' };
    const { el } = await settled(mount({ campaign, attributes: { lang: 'en' } }));
    const heading = el.querySelector('h2');
    expect(textOf(heading)).to.equal('Alleen een Nederlandse titel');
    expect(heading!.closest('[lang]')?.getAttribute('lang')).to.equal('nl');
    expect(articleOf(el).getAttribute('lang')).to.equal('en');
    expect(headingTexts(el)).to.include('What we are asking for');
  });

  it('marks plain-string texts with the campaign language, lang="nl", in an English reader\'s block', async () => {
    const campaign = await demoCampaign();
    expect(campaign.initiator).to.be.a('string');
    campaign.letter.demands[0] = 'Een eis die alleen als gewone tekst bestaat.';
    campaign.sources![0].title = 'Een bron met een gewone titel';
    const { el } = await settled(mount({ campaign, attributes: { lang: 'en' } }));
    expect(articleOf(el).getAttribute('lang')).to.equal('en');
    // The initiator's party also signed: look in the line under the title.
    expect(languageOfText(el.querySelector('.open-letter__meta')!, campaign.initiator as string)).to.equal('nl');
    expect(languageOfText(el, campaign.letter.demands[0] as string)).to.equal('nl');
    expect(languageOfText(el, 'Een bron met een gewone titel')).to.equal('nl');
  });

  it("reads plain-string texts as Dutch in a Dutch reader's block", async () => {
    const campaign = await demoCampaign();
    const { el } = await settled(mount({ campaign, attributes: { lang: 'nl' } }));
    expect(languageOfText(el, campaign.initiator as string)).to.equal('nl');
  });

  describe('translation note', () => {
    it('tells an English reader of the demo campaign that it is "Translated from the original Dutch."', async () => {
      const campaign = await demoCampaign();
      expect(campaign.translations).to.deep.equal(['en']);
      const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'en' } }));
      expect(textOf(articleOf(el))).to.include('Translated from the original Dutch.');
    });

    it('shows no translation note to a Dutch reader of the original', async () => {
      const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
      const text = textOf(articleOf(el));
      expect(text).to.not.match(/vertaald|translated/i);
    });

    it('shows no translation note when the campaign does not mark its translations', async () => {
      const campaign = await demoCampaign();
      delete campaign.translations;
      const { el } = await settled(mount({ campaign, attributes: { lang: 'en' } }));
      expect(textOf(articleOf(el))).to.not.match(/translated|vertaald/i);
      expectReadIn(el, 'en', campaign);
    });
  });
});

describe("<open-letter> chooses the reader's language", () => {
  keepPageLanguage();

  let campaign: Campaign;
  beforeEach(async () => {
    campaign = await demoCampaign();
  });

  it("follows its own lang over its ancestor's", async () => {
    expectReadIn(
      (await settled(mount({ campaign, attributes: { lang: 'nl' }, ancestorLang: 'en' }))).el,
      'nl',
      campaign,
    );
    expectReadIn(
      (await settled(mount({ campaign, attributes: { lang: 'en' }, ancestorLang: 'nl' }))).el,
      'en',
      campaign,
    );
  });

  it("follows the nearest ancestor's lang over <html lang>", async () => {
    document.documentElement.lang = 'en';
    expectReadIn((await settled(mount({ campaign, ancestorLang: 'nl' }))).el, 'nl', campaign);
    document.documentElement.lang = 'nl';
    expectReadIn((await settled(mount({ campaign, ancestorLang: 'en' }))).el, 'en', campaign);
  });

  it("follows <html lang> over the browser's preferred languages", async () => {
    const browserLanguage = navigator.languages.map(supported).find(Boolean);
    const pageLanguage: Reader = browserLanguage === 'nl' ? 'en' : 'nl';
    document.documentElement.lang = pageLanguage;
    expectReadIn((await settled(mount({ campaign }))).el, pageLanguage, campaign);
  });

  it("without any lang in the page, follows the browser's preferred languages over the campaign's own language", async () => {
    document.documentElement.removeAttribute('lang');
    const browserLanguage = navigator.languages.map(supported).find(Boolean);
    if (browserLanguage) {
      // The campaign is written in the other language; the browser's still wins.
      campaign.language = browserLanguage === 'nl' ? 'en' : 'nl';
      delete campaign.translations;
      expectReadIn((await settled(mount({ campaign }))).el, browserLanguage, campaign);
    } else {
      for (const language of ['nl', 'en'] as const) {
        campaign.language = language;
        expectReadIn((await settled(mount({ campaign: structuredClone(campaign) }))).el, language, campaign);
      }
    }
  });

  describe('with the browser set to other languages', () => {
    let restoreLanguages: () => void;
    function browserLanguages(languages: string[]): void {
      Object.defineProperty(navigator, 'languages', { configurable: true, get: () => Object.freeze([...languages]) });
      restoreLanguages = () => delete (navigator as { languages?: unknown }).languages;
    }
    afterEach(() => restoreLanguages?.());

    it('skips unsupported browser languages and takes the first supported one, region subtags included', async () => {
      document.documentElement.removeAttribute('lang');
      browserLanguages(['de-DE', 'fr', 'en-GB', 'nl']);
      expect(navigator.languages).to.deep.equal(['de-DE', 'fr', 'en-GB', 'nl']);
      expectReadIn((await settled(mount({ campaign }))).el, 'en', campaign);
    });

    for (const language of ['nl', 'en'] as const) {
      const ways: [string, (data: Campaign) => Promise<OpenLetter>][] = [
        ['from a JSON endpoint', async (data) => (await settled(mount({ src: echoUrl(data) }))).el],
        ['from the campaign property', async (data) => (await settled(mount({ campaign: data }))).el],
      ];
      for (const [way, mount] of ways) {
        it(`reads a campaign written in "${language}" in that language, ${way}, when neither page nor browser names Dutch or English`, async () => {
          document.documentElement.removeAttribute('lang');
          browserLanguages(['de-DE', 'fr']);
          campaign.language = language;
          campaign.translations = [language === 'nl' ? 'en' : 'nl'];
          const el = await mount(campaign);
          expectReadIn(el, language, campaign);
          expect(headingTexts(el)).to.include(sectionNames[language].sources);
        });
      }
    }
  });

  for (const [tag, language] of [
    ['nl-BE', 'nl'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
  ] as const) {
    it(`reads lang="${tag}" as ${language === 'nl' ? 'Dutch' : 'English'}, on the element, an ancestor and <html>`, async () => {
      const other = language === 'nl' ? 'en' : 'nl';
      expectReadIn(
        (await settled(mount({ campaign, attributes: { lang: tag }, ancestorLang: other }))).el,
        language,
        campaign,
      );
      document.documentElement.lang = other;
      expectReadIn((await settled(mount({ campaign, ancestorLang: tag }))).el, language, campaign);
      document.documentElement.lang = tag;
      expectReadIn((await settled(mount({ campaign }))).el, language, campaign);
    });
  }

  it('passes over an unsupported language (de, fr) to the next candidate', async () => {
    expectReadIn(
      (await settled(mount({ campaign, attributes: { lang: 'de' }, ancestorLang: 'en' }))).el,
      'en',
      campaign,
    );
    expectReadIn(
      (await settled(mount({ campaign, attributes: { lang: 'fr' }, ancestorLang: 'nl' }))).el,
      'nl',
      campaign,
    );
    document.documentElement.lang = 'en';
    expectReadIn(
      (await settled(mount({ campaign, attributes: { lang: 'fr-FR' }, ancestorLang: 'de' }))).el,
      'en',
      campaign,
    );
  });

  for (const malformed of ['not a language!', '12345', '-', 'en_', '🇳🇱']) {
    it(`still shows the letter when lang="${malformed}", in the next candidate's language`, async () => {
      expectReadIn(
        (await settled(mount({ campaign, attributes: { lang: malformed }, ancestorLang: 'en' }))).el,
        'en',
        campaign,
      );
      document.documentElement.lang = 'nl';
      expectReadIn(
        (await settled(mount({ campaign, attributes: { lang: 'de' }, ancestorLang: malformed }))).el,
        'nl',
        campaign,
      );
    });
  }
});

describe('<open-letter> follows language changes live', () => {
  keepPageLanguage();
  beforeEach(() => performance.clearResourceTimings());

  it('re-renders in the new language at once, without a new request, when its lang changes', async () => {
    const campaign = await demoCampaign();
    const key = uniqueKey('element');
    const { el } = await settled(mount({ src: `/api/campaign.json?key=${key}`, attributes: { lang: 'nl' } }));
    expectReadIn(el, 'nl', campaign);
    expect((await requestsSeen(key)).count).to.equal(1);
    expect(requestedAddresses(key).length).to.equal(1);

    el.setAttribute('lang', 'en');
    await nextFrame();
    expectReadIn(el, 'en', campaign);
    expect(headingTexts(el)).to.include('9 signatories');

    el.setAttribute('lang', 'nl-BE');
    await nextFrame();
    expectReadIn(el, 'nl', campaign);

    expect((await requestsSeen(key)).count, 'requests that reached the server').to.equal(1);
    expect(requestedAddresses(key).length, 'requests the page made').to.equal(1);
  });

  it('follows the page again when its own lang is removed', async () => {
    const campaign = await demoCampaign();
    document.documentElement.lang = 'en';
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    expectReadIn(el, 'nl', campaign);
    el.removeAttribute('lang');
    await nextFrame();
    expectReadIn(el, 'en', campaign);
  });

  it('re-renders in the new language at once, without a new request, when <html lang> changes', async () => {
    const campaign = await demoCampaign();
    document.documentElement.lang = 'nl';
    const key = uniqueKey('page');
    const { el } = await settled(mount({ src: `/api/campaign.json?key=${key}` }));
    expectReadIn(el, 'nl', campaign);

    document.documentElement.lang = 'en';
    await nextFrame();
    expectReadIn(el, 'en', campaign);

    document.documentElement.lang = 'nl';
    await nextFrame();
    expectReadIn(el, 'nl', campaign);

    expect((await requestsSeen(key)).count, 'requests that reached the server').to.equal(1);
    expect(requestedAddresses(key).length, 'requests the page made').to.equal(1);
  });
});

describe('<open-letter> language switch', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('offers "Nederlands" and "English" buttons, each marked with its own lang, the current one pressed', async () => {
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    const dutch = switchButton(el, 'Nederlands');
    const english = switchButton(el, 'English');
    expect(dutch.getAttribute('lang')).to.equal('nl');
    expect(english.getAttribute('lang')).to.equal('en');
    expect(dutch.getAttribute('aria-pressed')).to.equal('true');
    expect(english.getAttribute('aria-pressed')).to.equal('false');

    const { el: englishReader } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'en' } }));
    expect(switchButton(englishReader, 'Nederlands').getAttribute('aria-pressed')).to.equal('false');
    expect(switchButton(englishReader, 'English').getAttribute('aria-pressed')).to.equal('true');
  });

  it('is not shown with the hide-language-switch attribute', async () => {
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl', 'hide-language-switch': '' } }));
    expectReadIn(el, 'nl', await demoCampaign());
    expect(buttonsOf(el).map(textOf)).to.not.include.members(['Nederlands']);
    expect(buttonsOf(el).map(textOf)).to.not.include.members(['English']);
  });

  it('is not shown for a campaign in one language only', async () => {
    const { el: dutchReader } = await settled(mount({ campaign: minimalCampaign(), attributes: { lang: 'nl' } }));
    const { el: englishReader } = await settled(mount({ campaign: minimalCampaign(), attributes: { lang: 'en' } }));
    for (const el of [dutchReader, englishReader]) {
      expect(textOf(el.querySelector('h2'))).to.equal('Een brief in het Nederlands');
      expect(buttonsOf(el).map(textOf)).to.not.include.members(['Nederlands']);
      expect(buttonsOf(el).map(textOf)).to.not.include.members(['English']);
    }
  });

  it('switches the block to English when "English" is clicked, and keeps focus on that button', async () => {
    const campaign = await demoCampaign();
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    const english = switchButton(el, 'English');
    english.scrollIntoView();
    const box = english.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
    });
    await nextFrame();
    expectReadIn(el, 'en', campaign);
    expect(switchButton(el, 'English').getAttribute('aria-pressed')).to.equal('true');
    expect(switchButton(el, 'Nederlands').getAttribute('aria-pressed')).to.equal('false');
    expect(el.contains(document.activeElement), 'focus is inside the block').to.equal(true);
    expect(textOf(document.activeElement)).to.equal('English');
  });

  it('can be operated by keyboard: Tab to it, Enter and Space choose a language, focus stays on the button', async () => {
    const campaign = await demoCampaign();
    const page = fixtureSync(html`<div><button type="button">Before the letter</button></div>`);
    const { el } = await settled(mount({ campaign, attributes: { lang: 'nl' }, into: page }));
    page.querySelector('button')!.focus();

    // Tab until focus reaches the switch (at most a few stops).
    for (let stop = 0; stop < 5 && !['Nederlands', 'English'].includes(textOf(document.activeElement)); stop++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(textOf(document.activeElement), 'focus is on the switch').to.be.oneOf(['Nederlands', 'English']);
    if (textOf(document.activeElement) !== 'English') {
      await sendKeys({ press: 'Tab' });
    }
    expect(textOf(document.activeElement)).to.equal('English');

    await sendKeys({ press: 'Enter' });
    await nextFrame();
    expectReadIn(el, 'en', campaign);
    expect(textOf(document.activeElement)).to.equal('English');
    expect(switchButton(el, 'English').getAttribute('aria-pressed')).to.equal('true');

    switchButton(el, 'Nederlands').focus();
    await sendKeys({ press: ' ' }); // the space bar
    await nextFrame();
    expectReadIn(el, 'nl', campaign);
    expect(textOf(document.activeElement)).to.equal('Nederlands');
    expect(switchButton(el, 'Nederlands').getAttribute('aria-pressed')).to.equal('true');
  });

  it('switches only its own block: another block on the page keeps its language', async () => {
    const campaign = await demoCampaign();
    const page = fixtureSync(html`<div></div>`);
    const { el: first } = await settled(mount({ campaign, attributes: { lang: 'nl' }, into: page }));
    const { el: second } = await settled(
      mount({ campaign: structuredClone(campaign), attributes: { lang: 'nl' }, into: page }),
    );

    switchButton(first, 'English').focus();
    await sendKeys({ press: 'Enter' });
    await nextFrame();
    expectReadIn(first, 'en', campaign);
    expectReadIn(second, 'nl', campaign);
    expect(switchButton(second, 'Nederlands').getAttribute('aria-pressed')).to.equal('true');
  });

  it('remembers nothing: no storage or cookies written, and a new block reads in its own language again', async () => {
    const campaign = await demoCampaign();
    const before = storedState();
    const { el } = await settled(mount({ campaign, attributes: { lang: 'nl' } }));
    switchButton(el, 'English').click();
    await nextFrame();
    expectReadIn(el, 'en', campaign);
    expect(storedState(), 'after choosing English').to.deep.equal(before);
    switchButton(el, 'Nederlands').click();
    await nextFrame();
    expectReadIn(el, 'nl', campaign);
    expect(storedState(), 'after choosing Nederlands').to.deep.equal(before);

    const { el: next } = await settled(mount({ campaign: structuredClone(campaign), attributes: { lang: 'nl' } }));
    expectReadIn(next, 'nl', campaign);
  });
});
