// The snapshot a campaign author pastes as fallback content must be the same letter as
// the block renders. `npm test` writes the snapshots with the real command before the
// browser tests run (dist/test-snapshot.<lang>.html).
import { expect } from '@open-wc/testing';
import { DEMO_URL } from './helpers.js';
import { mount, settled } from './mount.js';

/** What a reader gets from a letter, independent of styling and shadow DOM. */
function readingOf(root: ParentNode) {
  const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
  return {
    headings: [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((node) => `${node.tagName} ${text(node)}`),
    paragraphs: [...root.querySelectorAll('article p')].map(text),
    lists: [...root.querySelectorAll('ol, ul')].map((list) => [...list.querySelectorAll('li')].map(text)),
    links: [...root.querySelectorAll('a[href]')].map((link) => `${link.getAttribute('href')} ${text(link)}`),
    languages: [...root.querySelectorAll('[lang]')].map((node) => `${node.tagName} ${node.getAttribute('lang')}`),
    times: [...root.querySelectorAll('time')].map((node) => `${node.getAttribute('datetime')} ${text(node)}`),
  };
}

async function snapshot(lang: string): Promise<Document> {
  const response = await fetch(`/dist/test-snapshot.${lang}.html`);
  expect(response.ok, 'npm test writes dist/test-snapshot.*.html before the browser tests').to.equal(true);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

describe('the snapshot command and the block render the same letter', () => {
  for (const lang of ['nl', 'en']) {
    it(`in ${lang === 'nl' ? 'Dutch' : 'English'}: the same headings, paragraphs, lists, links, languages and dates`, async () => {
      const page = await snapshot(lang);
      const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang, 'hide-language-switch': '' } }));
      const fromBlock = readingOf(el);
      const fromSnapshot = readingOf(page);
      expect(fromSnapshot.headings).to.deep.equal(fromBlock.headings);
      expect(fromSnapshot.paragraphs).to.deep.equal(fromBlock.paragraphs);
      expect(fromSnapshot.lists).to.deep.equal(fromBlock.lists);
      expect(fromSnapshot.links).to.deep.equal(fromBlock.links);
      expect(fromSnapshot.languages).to.deep.equal(fromBlock.languages);
      expect(fromSnapshot.times).to.deep.equal(fromBlock.times);
    });
  }

  it('contains no script, no style element and no style attribute', async () => {
    for (const lang of ['nl', 'en']) {
      const page = await snapshot(lang);
      expect(page.querySelectorAll('script, style, [style]')).to.have.length(0);
    }
  });
});
