// With the pre-rendered letter in the snippet, the block's script takes the letter over in
// place: nothing moves, and at no moment do readers (or assistive technology) meet the
// letter twice. test/pages/take-over-probe.js watches the page from before the script runs.
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { DEMO_URL, demoCampaign, openPage, shownTitle, textIn } from './helpers.js';
import { mount, settled } from './mount.js';
import { collapsed, duplicateIds, painted, type PageWindow } from './page-helpers.js';

interface TakeOverRecord {
  before: { blockHeight: number; belowTop: number };
  batches: { letters: number; titles: number; duplicateIds: string[] }[];
  layoutShifts: number[] | null;
  loaded: boolean;
}

type ProbedPage = PageWindow & { takeOver: TakeOverRecord };

describe('the block takes over its pre-rendered letter in place', () => {
  let page: ProbedPage;
  let record: TakeOverRecord;

  before(async () => {
    // The campaign arrives late, as from a slow endpoint: the pre-rendered letter is on
    // screen first, and the take-over happens on a painted page.
    page = await openPage<ProbedPage>('/api/snippet-page?lang=nl&letter=prerendered&probe&campaign-delay=800', {
      width: 800,
      height: 600,
    });
    record = page.takeOver;
    await waitUntil(() => record.loaded, 'the block fires open-letter-load', { timeout: 10_000 });
    await painted(page);
  });

  after(() => page.frameElement?.remove());

  it("has taken the letter over: the letter is the script's, with its language switch", () => {
    const switches = page.document.querySelectorAll('open-letter button[aria-pressed]');
    expect(switches, 'the language buttons the script adds').to.have.length(2);
    expect(record.batches, 'the probe saw the script change the page').to.not.be.empty;
  });

  it('keeps its height (±1 px)', () => {
    const height = page.document.querySelector('open-letter')!.getBoundingClientRect().height;
    expect(
      Math.abs(height - record.before.blockHeight),
      `the pre-rendered letter was ${record.before.blockHeight} px tall, the block is ${height} px`,
    ).to.be.at.most(1);
  });

  it('moves nothing below it: the text below stays put, and no layout shift (CLS 0) where the engine reports them', () => {
    const belowTop = page.document.getElementById('below')!.getBoundingClientRect().top + page.scrollY;
    expect(belowTop, 'the top of the text below the block, in page coordinates').to.be.closeTo(
      record.before.belowTop,
      1,
    );
    // Layout Instability API: Chromium only; the positions above hold in every engine.
    if (record.layoutShifts) {
      expect(record.layoutShifts, 'layout shift scores during the take-over').to.deep.equal([]);
    }
  });

  it('never has two letters or two titles in the document, after any change', () => {
    record.batches.forEach((batch, index) => {
      expect(batch.letters, `letters in the document after change ${index + 1}`).to.be.at.most(1);
      expect(batch.titles, `titles in the document after change ${index + 1}`).to.be.at.most(1);
    });
  });

  it('never has an id twice in the document, after any change', () => {
    record.batches.forEach((batch, index) => {
      expect(batch.duplicateIds, `ids on more than one element after change ${index + 1}`).to.deep.equal([]);
    });
    expect(duplicateIds(page.document), 'ids on more than one element now').to.deep.equal([]);
  });

  it('leaves exactly one heading with the title', async () => {
    const title = textIn((await demoCampaign()).title, 'nl');
    const headings = [...page.document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(
      (heading) => collapsed(heading.textContent) === title,
    );
    expect(headings, `headings "${title}" in the document`).to.have.length(1);
  });
});

describe('a keyboard user in the pre-rendered letter when the block takes it over', () => {
  it("goes on from the live letter's title", async () => {
    const page = await openPage<PageWindow>('/api/snippet-page?lang=nl&letter=prerendered&campaign-delay=1500');
    try {
      const link = page.document.querySelector<HTMLElement>('open-letter .open-letter__letter a[href]')!;
      link.focus();
      expect(page.document.activeElement, 'a source link of the pre-rendered letter has focus').to.equal(link);
      await waitUntil(() => !link.isConnected, 'the block took the letter over', { timeout: 10_000 });
      const focused = page.document.activeElement;
      expect(focused?.matches('.open-letter__title'), `focus is on ${focused?.outerHTML.slice(0, 60)}`).to.be.true;
      expect(focused?.textContent?.trim()).to.equal(textIn((await demoCampaign()).title, 'nl'));
    } finally {
      page.frameElement?.remove();
    }
  });
});

describe('the page paints the pre-rendered letter before the block takes it over', () => {
  it('also when the campaign is at hand at once, as when another block on the page shows it', async () => {
    const page = fixtureSync<HTMLElement>(html`<div></div>`);
    await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl', id: 'beside' }, into: page }));
    const snapshot = await (await fetch('/dist/test-snapshot.nl.html')).text();
    const mounted = mount({ src: DEMO_URL, attributes: { lang: 'nl' }, fallback: snapshot, into: page });
    // Asked for in the task that added the block, so before any frame the block asks for: it
    // looks a task after the next frame has been rendered.
    const prerenderedTitle = page.querySelector('open-letter:last-child > .open-letter__letter .open-letter__title')!;
    const inPageAfterFrame = new Promise<boolean>((resolve) =>
      requestAnimationFrame(() => setTimeout(() => resolve(prerenderedTitle.isConnected))),
    );
    const { el } = await settled(mounted);
    expect(await inPageAfterFrame, 'the pre-rendered title is in the page when the next frame has been rendered').to.be
      .true;
    expect(prerenderedTitle.isConnected, 'the pre-rendered title after open-letter-load').to.be.false;
    expect(shownTitle(el), "the block's own title").to.equal(textIn((await demoCampaign()).title, 'nl'));
  });

  it('takes it over all the same where the page shows nothing (a background tab, a frame not displayed)', async () => {
    // Firefox renders no frames for an iframe that is not displayed, Chromium does: a page
    // without animation frames, for the time of the test, is the same in every engine: whatever
    // paint the engine reports, the frames the block waits for after it never come.
    const { requestAnimationFrame } = window;
    window.requestAnimationFrame = () => 0;
    try {
      const snapshot = await (await fetch('/dist/test-snapshot.nl.html')).text();
      const { el, loads } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' }, fallback: snapshot }));
      expect(loads, 'open-letter-load').to.have.length(1);
      expect(el.querySelector(':scope > .open-letter__letter'), 'the pre-rendered letter').to.equal(null);
      expect(shownTitle(el), "the block's own title").to.equal(textIn((await demoCampaign()).title, 'nl'));
    } finally {
      window.requestAnimationFrame = requestAnimationFrame;
    }
  });
});
