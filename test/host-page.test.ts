// The block's stylesheet styles the block and nothing else: every element of the host page
// keeps every computed style property when the snippet (stylesheet, script, block) is added.
import { expect } from '@open-wc/testing';
import { openPage } from './helpers.js';
import { letterShown, painted, type PageWindow } from './page-helpers.js';

/** Every computed property of an element and its pseudo-elements, as "pseudo property" → value. */
function computedStyles(page: PageWindow, element: Element): Map<string, string> {
  const pseudos = ['', '::before', '::after', ...(element.matches('li') ? ['::marker'] : [])];
  const styles = new Map<string, string>();
  for (const pseudo of pseudos) {
    const style = page.getComputedStyle(element, pseudo || null);
    for (let index = 0; index < style.length; index++) {
      const property = style.item(index);
      styles.set(`${pseudo || 'element'} ${property}`, style.getPropertyValue(property));
    }
  }
  return styles;
}

/**
 * The elements that hold the block grow by its height, and so do values computed from
 * their height: the page gets longer, which is not a change of style.
 */
const GROWS_WITH_THE_BLOCK = new Set(['height', 'block-size', 'perspective-origin', 'transform-origin']);

describe('nothing outside the block is restyled', () => {
  after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it("keeps every computed style of the host page's headings, lists, links, buttons, paragraphs and [hidden] elements", async () => {
    // Tall enough that the block adds no scroll bar, which would narrow the page.
    const page = await openPage<PageWindow>('/test/pages/host-elements.html', { width: 800, height: 4000 });
    const doc = page.document;
    const outside = [doc.documentElement, ...doc.body.querySelectorAll('*'), doc.body];
    const before = outside.map((element) => computedStyles(page, element));
    const names = outside.map((element) => `${element.tagName.toLowerCase()} "${element.textContent!.replace(/\s+/g, ' ').trim().slice(0, 30)}"`);

    // The snippet, pasted into the page between the host's elements.
    const link = Object.assign(doc.createElement('link'), { rel: 'stylesheet', href: '/dist/open-letter.css' });
    const block = doc.createElement('open-letter');
    block.setAttribute('src', '/api/campaign.json');
    const script = Object.assign(doc.createElement('script'), { type: 'module', src: '/dist/open-letter.js' });
    const stylesheetLoaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
    doc.getElementById('block-goes-here')!.append(link, block, script);
    await stylesheetLoaded;
    await letterShown(block);
    await painted(page);

    outside.forEach((element, index) => {
      const holdsTheBlock = element.contains(block);
      const changed = [...computedStyles(page, element)]
        .filter(([key, value]) => before[index].get(key) !== value)
        .filter(([key]) => !(holdsTheBlock && GROWS_WITH_THE_BLOCK.has(key.split(' ')[1])))
        .map(([key, value]) => `${key}: ${before[index].get(key)} → ${value}`);
      expect(changed, `computed styles of ${names[index]} that the block changed`).to.deep.equal([]);
    });
  });
});
