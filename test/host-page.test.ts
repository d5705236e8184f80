// The block's stylesheet styles the block and nothing else: every element of the host page
// keeps every computed style property when the snippet (stylesheet, script, block) is added.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
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

/** Every key whose value differs between two sets of computed styles, as "key: before → after". */
function differences(
  before: Map<string, string>,
  after: Map<string, string>,
  ignore = (_key: string) => false,
): string[] {
  return [...after]
    .filter(([key, value]) => before.get(key) !== value && !ignore(key))
    .map(([key, value]) => `${key}: ${before.get(key)} → ${value}`);
}

/** Focuses the host's button with the keyboard (Tab from the element before it) and returns its computed styles. */
async function keyboardFocusedButton(page: PageWindow): Promise<Map<string, string>> {
  const button = page.document.getElementById('host-button')!;
  page.document.getElementById('before-host-button')!.focus();
  await sendKeys({ press: 'Tab' });
  expect(page.document.activeElement, "Tab moves focus to the host's button").to.equal(button);
  const styles = computedStyles(page, button);
  button.blur();
  return styles;
}

describe('nothing outside the block is restyled', () => {
  let page: PageWindow;
  let outside: Element[];
  let names: string[];
  let block: HTMLElement;
  let stylesBefore: Map<string, string>[];
  let focusedBefore: Map<string, string>;

  before(async () => {
    // Tall enough that the block adds no scroll bar, which would narrow the page.
    page = await openPage<PageWindow>('/test/pages/host-elements.html', { width: 800, height: 4000 });
    const doc = page.document;
    outside = [doc.documentElement, ...doc.body.querySelectorAll('*'), doc.body];
    names = outside.map(
      (element) =>
        `${element.tagName.toLowerCase()} "${element.textContent!.replace(/\s+/g, ' ').trim().slice(0, 30)}"`,
    );
    stylesBefore = outside.map((element) => computedStyles(page, element));
    focusedBefore = await keyboardFocusedButton(page);

    // The snippet, pasted into the page between the host's elements.
    const link = Object.assign(doc.createElement('link'), { rel: 'stylesheet', href: '/dist/open-letter.css' });
    block = doc.createElement('open-letter');
    block.setAttribute('src', '/api/campaign.json');
    const script = Object.assign(doc.createElement('script'), { type: 'module', src: '/dist/open-letter.js' });
    const stylesheetLoaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
    doc.getElementById('block-goes-here')!.append(link, block, script);
    await stylesheetLoaded;
    await letterShown(block);
    await painted(page);
  });

  after(() => page.frameElement?.remove());

  it("keeps every computed style of the host page's headings, lists, links, buttons, paragraphs and [hidden] elements", () => {
    outside.forEach((element, index) => {
      const holdsTheBlock = element.contains(block);
      const changed = differences(
        stylesBefore[index],
        computedStyles(page, element),
        (key) => holdsTheBlock && GROWS_WITH_THE_BLOCK.has(key.split(' ')[1]),
      );
      expect(changed, `computed styles of ${names[index]} that the block changed`).to.deep.equal([]);
    });
  });

  it("keeps the host's own focus indicator on a button focused with the keyboard", async () => {
    const changed = differences(focusedBefore, await keyboardFocusedButton(page));
    expect(changed, "computed styles of the host's focused button that the block changed").to.deep.equal([]);
  });
});
