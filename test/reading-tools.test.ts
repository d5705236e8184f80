// The letter is part of the page, so the tools readers use on a page find it: Firefox's
// Reader View (which many dyslexic and low-vision readers use), and everything that reads
// the page's text (read-aloud and translation extensions, "copy all", archives).
import { expect } from '@open-wc/testing';
import type { Campaign } from '../src/campaign-schema.js';
import { demoCampaign, openPage, textIn } from './helpers.js';
import { collapsed, everyLetterShown, readerViewOf, type PageWindow } from './page-helpers.js';

/** What a reader must find of the demo letter, in Dutch: the party page is Dutch. */
function partsOf(campaign: Campaign) {
  return {
    title: textIn(campaign.title, 'nl'),
    demands: campaign.letter.demands.map((demand) => textIn(demand, 'nl')),
    signatories: campaign.signatories.map((signatory) => signatory.name),
  };
}

/** The text of every heading in some HTML. */
function headingsIn(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => collapsed(heading.textContent));
}

describe('reading tools find the letter on a party page', () => {
  let page: PageWindow;
  let letter: ReturnType<typeof partsOf>;

  before(async () => {
    letter = partsOf(await demoCampaign());
    page = await openPage('/test/pages/party-page.html', { width: 1024, height: 768 });
    await everyLetterShown(page);
  });

  after(() => page.frameElement?.remove());

  it("Reader View (Firefox's Readability) keeps the title, every demand and every signatory", async () => {
    const article = await readerViewOf(page.document);
    expect(article, 'Readability finds an article on the page').to.not.equal(null);
    // As a heading: the first source has the same words as its title.
    expect(headingsIn(article!.content ?? ''), "Reader View's headings").to.include(letter.title);
    const text = collapsed(article!.textContent);
    letter.demands.forEach((demand, index) => {
      expect(text, `Reader View's text holds demand ${index + 1}`).to.contain(demand);
    });
    for (const name of letter.signatories) {
      expect(text, `Reader View's text holds the signatory ${name}`).to.contain(name);
    }
  });

  it("the page's text (document.body.innerText) has the title, every demand and every signatory, each on its own line", () => {
    // Lines, not substrings: the first source has the same words as the title.
    const lines = page.document.body.innerText.split('\n').map(collapsed);
    expect(lines, "the page's text has the title as a line").to.include(letter.title);
    letter.demands.forEach((demand, index) => {
      expect(lines, `the page's text has demand ${index + 1} as a line`).to.include(demand);
    });
    for (const name of letter.signatories) {
      expect(
        lines.some((line) => line.startsWith(`${name},`)),
        `the page's text has a line for the signatory ${name}`,
      ).to.equal(true);
    }
  });
});
