// Under a host's theme CSS — Tailwind's base styles (preflight) and Bootstrap, the two most
// common — the block keeps what a letter needs (numbered demands, a title larger than the
// text, a visible focus indicator, no sideways scrolling on a phone) and takes the theme's
// own look (its font and its link colour) instead of imposing one.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openPage } from './helpers.js';
import { everyLetterShown, type PageWindow } from './page-helpers.js';

/** The alpha of a computed colour: 0 is invisible. */
function alpha(color: string): number {
  if (color === 'transparent') return 0;
  const channels = color.match(/[\d.]+%?/g) ?? [];
  const value = channels.length === 4 ? channels[3] : '1';
  return value.endsWith('%') ? parseFloat(value) / 100 : parseFloat(value);
}

function px(value: string): number {
  return parseFloat(value);
}

/** Moves keyboard focus to the next element with Tab, from `from`, and returns what has focus. */
async function tabFrom(page: PageWindow, from: HTMLElement): Promise<Element | null> {
  from.focus();
  await sendKeys({ press: 'Tab' });
  return page.document.activeElement;
}

for (const theme of ['tailwind', 'bootstrap']) {
  const name = theme === 'tailwind' ? "Tailwind's preflight" : "Bootstrap's CSS";

  describe(`under ${name} as the page's own stylesheet`, () => {
    let page: PageWindow;
    let block: Element;

    before(async () => {
      page = await openPage(`/api/themed-page?theme=${theme}`, { width: 800, height: 600 });
      await everyLetterShown(page);
      block = page.document.querySelector('open-letter')!;
    });

    after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

    it('numbers the demands: decimal markers, visible, with room for them', () => {
      const demands = [...block.querySelectorAll('ol > li')];
      expect(demands, 'the demands, as items of a numbered list').to.have.length.above(1);
      const list = page.getComputedStyle(demands[0].parentElement!);
      for (const [index, demand] of demands.entries()) {
        const item = page.getComputedStyle(demand);
        const marker = page.getComputedStyle(demand, '::marker');
        const what = `demand ${index + 1}`;
        expect(item.display, `${what} is a list item`).to.equal('list-item');
        expect(item.listStyleType, `${what}'s marker`).to.equal('decimal');
        expect(item.visibility, `${what}'s visibility`).to.equal('visible');
        expect(alpha(marker.color), `${what}'s number is not transparent (${marker.color})`).to.be.above(0.5);
        expect(px(marker.fontSize), `${what}'s number has a size`).to.be.at.least(px(item.fontSize) * 0.8);
        if (item.listStylePosition === 'outside') {
          expect(
            px(list.paddingInlineStart) + px(item.marginInlineStart),
            `room beside ${what} for its number (the list's padding, at a ${item.fontSize} font)`,
          ).to.be.at.least(px(item.fontSize) * 1.5);
        }
      }
    });

    it('keeps the title clearly larger than the text (at least 1.2 times)', () => {
      const title = block.querySelector('.open-letter__title')!;
      const paragraph = block.querySelector('.open-letter__paragraph')!;
      const [titleSize, textSize] = [
        px(page.getComputedStyle(title).fontSize),
        px(page.getComputedStyle(paragraph).fontSize),
      ];
      expect(titleSize / textSize, `the title is ${titleSize} px, the text ${textSize} px`).to.be.at.least(1.2);
    });

    it('shows keyboard focus on its buttons and links with an outline of at least 2 px', async () => {
      const [firstButton, lastButton] = [
        block.querySelector<HTMLElement>('button[aria-pressed]')!,
        [...block.querySelectorAll<HTMLElement>('button[aria-pressed]')].at(-1)!,
      ];
      const linkBeforeTheBlock = page.document.getElementById('theme-link')!;
      for (const [from, expected] of [
        [linkBeforeTheBlock, firstButton],
        [lastButton, block.querySelector('article a[href]')!],
      ] as const) {
        const focused = await tabFrom(page, from);
        const what = expected.tagName === 'A' ? 'the first link in the letter' : 'the first language button';
        expect(focused, `Tab moves focus to ${what}`).to.equal(expected);
        expect(focused!.matches(':focus-visible'), `${what} shows keyboard focus`).to.equal(true);
        const style = page.getComputedStyle(focused!);
        expect(style.outlineStyle, `${what}'s outline style`).to.not.equal('none');
        expect(px(style.outlineWidth), `${what}'s outline width`).to.be.at.least(2);
        expect(alpha(style.outlineColor), `${what}'s outline is not transparent (${style.outlineColor})`).to.be.above(
          0.5,
        );
      }
      (page.document.activeElement as HTMLElement | null)?.blur();
    });

    it("takes the theme's font family and link colour", () => {
      const themeText = page.getComputedStyle(page.document.getElementById('theme-text')!);
      const themeLink = page.getComputedStyle(page.document.getElementById('theme-link')!);
      for (const selector of ['.open-letter__title', '.open-letter__paragraph', '.open-letter__signatory']) {
        expect(
          page.getComputedStyle(block.querySelector(selector)!).fontFamily,
          `the font family of ${selector}`,
        ).to.equal(themeText.fontFamily);
      }
      const link = block.querySelector('article a[href]')!;
      expect(page.getComputedStyle(link).color, "a link's colour in the letter").to.equal(themeLink.color);
    });

    it('needs no sideways scrolling at 320 px wide, and cuts nothing off', async () => {
      const phone = await openPage<PageWindow>(`/api/themed-page?theme=${theme}`, { width: 320, height: 600 });
      await everyLetterShown(phone);
      const root = phone.document.documentElement;
      expect(root.scrollWidth, `the page's width (${root.clientWidth} px wide window)`).to.be.at.most(root.clientWidth);
      const article = phone.document.querySelector('open-letter article')!;
      const edge = article.getBoundingClientRect().right;
      for (const element of article.querySelectorAll('*')) {
        const what = `${element.tagName.toLowerCase()}.${element.className} "${element.textContent!.trim().slice(0, 30)}"`;
        expect(element.getBoundingClientRect().right, `the right edge of ${what}`).to.be.at.most(edge + 0.5);
        if (element.clientWidth > 0) {
          expect(element.scrollWidth, `the content width of ${what}`).to.be.at.most(element.clientWidth);
        }
      }
    });
  });
}
