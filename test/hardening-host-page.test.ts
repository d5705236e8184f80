// The built dist/open-letter.js on host pages that are hard on it (issue 13): a page that
// refuses its Trusted Types policy gets its fallback and a console message saying why,
// never an uncaught error; a page with frozen built-ins, or one that pollutes
// Object.prototype, gets the letter as if it had not. Each page is test/pages/hostile-host.html in a frame. A Lit
// site's hydration support, which renders the block's templates with the page's own
// lit-html, still gets the letter (test/pages/lit-site.html).
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { demoCampaign, isShown, openPage, shownTitle, textIn } from './helpers.js';

type HostilePage = Window &
  typeof globalThis & {
    /** What the page's console.error got, and its uncaught errors and rejections (test/pages/hostile-host.js). */
    __consoleErrors: string[];
    __uncaught: string[];
  };

function openHostilePage(query: Record<string, string>): Promise<HostilePage> {
  return openPage<HostilePage>(`/api/hostile-host-page?${new URLSearchParams(query)}`);
}

function block(page: HostilePage): HTMLElement {
  return page.document.getElementById('letter')!;
}

/** Waits until the block gave up on starting, then checks what the webmaster and the reader get. */
async function expectFallbackAndReason(page: HostilePage, reason: RegExp): Promise<void> {
  await waitUntil(
    () => page.__consoleErrors.some((message) => message.includes('<open-letter>')),
    'no console message from the block',
    {
      timeout: 5000,
    },
  );
  // Let anything late (an element upgrade, a request) report itself.
  await aTimeout(300);
  expect(page.__uncaught, 'uncaught errors').to.deep.equal([]);
  const message = page.__consoleErrors.find((text) => text.includes('<open-letter>'))!;
  expect(message).to.match(reason);
  expect(message, 'says what to allow').to.include('trusted-types lit-html');
  expect(page.customElements.get('open-letter'), 'the element is not defined').to.equal(undefined);
  const fallback = page.document.getElementById('fallback')!;
  expect(block(page).contains(fallback), 'the fallback is still in the block').to.be.true;
  expect(isShown(fallback), 'the fallback is shown').to.be.true;
}

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('dist/open-letter.js on a page that refuses its Trusted Types policy', () => {
  before(function () {
    // An engine without Trusted Types ignores the policy list: there is nothing to refuse.
    if (!('trustedTypes' in window)) this.skip();
  });

  it("leaves the fallback and says what to allow under trusted-types 'none'", async () => {
    await expectFallbackAndReason(await openHostilePage({ 'trusted-types': "'none'" }), /could not start/);
  });

  it('leaves the fallback and says what to allow when the policy list names only other policies', async () => {
    await expectFallbackAndReason(await openHostilePage({ 'trusted-types': 'dompurify' }), /could not start/);
  });

  it('renders the letter when the list allows lit-html', async () => {
    const page = await openHostilePage({ 'trusted-types': 'lit-html' });
    await waitUntil(() => shownTitle(block(page)), 'the letter did not render', { timeout: 5000 });
    expect(page.__uncaught).to.deep.equal([]);
  });
});

describe('dist/open-letter.js on a page with frozen built-ins', () => {
  // The block writes nothing into the page's globals or built-ins, so freezing them stops nothing.
  for (const [host, what] of [
    ['frozen-symbol', 'Symbol is frozen'],
    ['lockdown', 'every built-in is frozen, as SES lockdown does'],
  ]) {
    it(`renders the letter when ${what}`, async () => {
      const page = await openHostilePage({ host });
      await waitUntil(
        () => shownTitle(block(page)) || page.__consoleErrors.length || page.__uncaught.length,
        'neither a letter nor an error',
        { timeout: 5000 },
      );
      expect(page.__uncaught, 'uncaught errors').to.deep.equal([]);
      expect(page.__consoleErrors, 'console errors').to.deep.equal([]);
      expect(shownTitle(block(page))).to.equal(textIn((await demoCampaign()).title, 'nl'));
      expect(page.document.getElementById('fallback'), 'the fallback, out of the page while the letter shows').to.equal(
        null,
      );
    });
  }
});

describe('dist/open-letter.js on a page that pollutes Object.prototype', () => {
  it('renders the letter as on any page, and shows nothing from Object.prototype as campaign data', async () => {
    const page = await openHostilePage({ host: 'polluted' });
    await waitUntil(
      () => shownTitle(block(page)) || page.__consoleErrors.length || page.__uncaught.length,
      'neither a letter nor an error',
      {
        timeout: 5000,
      },
    );
    expect(page.__uncaught, 'uncaught errors').to.deep.equal([]);
    expect(page.__consoleErrors, 'console errors').to.deep.equal([]);
    const campaign = await demoCampaign();
    expect(shownTitle(block(page))).to.equal((campaign.title as Record<string, string>).nl);
    const article = block(page).querySelector<HTMLElement>('article')!;
    expect(article.innerText).not.to.include('Injected');
    expect(article.querySelectorAll('li').length, 'every demand, signatory and source').to.be.greaterThan(
      campaign.letter.demands.length,
    );
  });
});

describe("dist/open-letter.js on a Lit site whose hydration support renders the block's templates", () => {
  it('shows the letter and switches its language', async () => {
    const page = await openPage<Window & { litElementHydrateSupport?: unknown }>('/test/pages/lit-site.html');
    expect(typeof page.litElementHydrateSupport, 'the page hooks every LitElement').to.equal('function');
    const letter = page.document.getElementById('letter')!;
    const titles = (await demoCampaign()).title as Record<string, string>;
    const titleShown = () => letter.querySelector<HTMLElement>('article h2')?.innerText.trim();
    await waitUntil(() => titleShown() === titles.nl, 'no Dutch letter', { timeout: 5000 });
    [...letter.querySelectorAll('button')].find((button) => button.innerText.trim() === 'English')!.click();
    await waitUntil(() => titleShown() === titles.en, 'no English letter', { timeout: 5000 });
    expect(letter.querySelectorAll('article').length, 'one letter').to.equal(1);
  });
});
