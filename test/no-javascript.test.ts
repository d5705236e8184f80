// A visitor without JavaScript (or whose browser blocks the block's script) gets the full
// letter from the snippet's pre-rendered copy (`open-letter snapshot`), looking like the live
// block: the snapshot reserves the room of the controls the script adds.
import { expect } from '@open-wc/testing';
import type { Campaign } from '../src/campaign-schema.js';
import { demoCampaign, openPage, textIn } from './helpers.js';
import { collapsed, everyLetterShown, type PageWindow } from './page-helpers.js';

const languages = { nl: 'Dutch', en: 'English' } as const;
type Language = keyof typeof languages;

/** The snippet with the pre-rendered letter, on a page that allows no script at all (CSP script-src 'none'). */
async function withoutJavaScript(lang: Language, width = 800): Promise<PageWindow> {
  const page = await openPage<PageWindow>(`/api/snippet-page?lang=${lang}&letter=prerendered&javascript=off`, {
    width,
    height: 600,
  });
  expect(page.customElements.get('open-letter'), "the block's script did not run").to.equal(undefined);
  return page;
}

function isVisible(element: Element): boolean {
  return (
    element.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && element.getClientRects().length > 0
  );
}

function elementsWithText(page: PageWindow, selector: string, matches: (text: string) => boolean): Element[] {
  return [...page.document.querySelectorAll(selector)].filter((element) => matches(collapsed(element.textContent)));
}

describe('without JavaScript, the snippet shows the pre-rendered letter', () => {
  let campaign: Campaign;
  before(async () => (campaign = await demoCampaign()));
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  for (const [lang, language] of Object.entries(languages) as [Language, string][]) {
    it(`shows the whole letter in ${language}: the title as a heading, every demand and every signatory, visible`, async () => {
      const page = await withoutJavaScript(lang);
      const title = textIn(campaign.title, lang);
      const headings = elementsWithText(page, 'h1, h2, h3, h4, h5, h6', (text) => text === title);
      expect(headings, `one heading "${title}"`).to.have.length(1);
      expect(isVisible(headings[0]), 'the title is visible').to.equal(true);
      campaign.letter.demands.forEach((demand, index) => {
        const items = elementsWithText(page, 'ol > li', (text) => text === textIn(demand, lang));
        expect(items, `demand ${index + 1} is an item of a numbered list`).to.have.length(1);
        expect(isVisible(items[0]), `demand ${index + 1} is visible`).to.equal(true);
      });
      for (const { name } of campaign.signatories) {
        const items = elementsWithText(page, 'ul > li', (text) => text.startsWith(`${name},`));
        expect(items, `the signatory ${name} is an item of a list`).to.have.length(1);
        expect(isVisible(items[0]), `the signatory ${name} is visible`).to.equal(true);
      }
    });

    for (const width of [800, 360]) {
      it(`in ${language}, ${width} px wide, is as tall as the live block (within 2 %)`, async () => {
        // Both at heading level 2, the default of the snapshot command and of the block.
        const [prerendered, live] = await Promise.all([
          withoutJavaScript(lang, width),
          openPage<PageWindow>(`/api/snippet-page?lang=${lang}`, { width, height: 600 }),
        ]);
        await everyLetterShown(live);
        const heightOf = (page: PageWindow) =>
          page.document.querySelector('open-letter')!.getBoundingClientRect().height;
        const [prerenderedHeight, liveHeight] = [heightOf(prerendered), heightOf(live)];
        expect(
          Math.abs(prerenderedHeight - liveHeight) / liveHeight,
          `the pre-rendered letter is ${prerenderedHeight} px tall, the live block ${liveHeight} px`,
        ).to.be.at.most(0.02);
      });
    }
  }
});
