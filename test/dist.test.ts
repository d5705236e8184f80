// The built dist/open-letter.js, as webmasters get it: one script tag in a plain page,
// no bundler, no test helpers. `npm test` builds it first.
import { expect, waitUntil } from '@open-wc/testing';
import { demoCampaign, openPage } from './helpers.js';

function textIn(page: Window, id: string, selector: string): string {
  const root = page.document.getElementById(id);
  return (root?.querySelector(selector) as HTMLElement | null)?.innerText.trim() ?? '';
}

describe('dist/open-letter.js in a plain page', () => {
  let page: Window;
  const pageErrors: string[] = [];

  before(async () => {
    page = await openPage('/test/pages/plain.html');
    page.addEventListener('error', (event) => pageErrors.push(event.message));
    await waitUntil(
      () =>
        textIn(page, 'same-origin', 'h2') &&
        textIn(page, 'other-origin', 'h2') &&
        textIn(page, 'dead', '[role="alert"]'),
      'the three blocks did not settle',
      { timeout: 5000 },
    );
  });

  after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('renders the whole letter from a same-origin endpoint in the page language', async () => {
    const campaign = await demoCampaign();
    const title = campaign.title as Record<string, string>;
    expect(textIn(page, 'same-origin', 'h2')).to.equal(title.nl);
    const root = page.document.getElementById('same-origin')!;
    expect(root.querySelectorAll('ol li')).to.have.length(campaign.letter.demands.length);
    expect(root.querySelectorAll('.open-letter__signatory')).to.have.length(campaign.signatories.length);
    expect(root.querySelectorAll('.open-letter__sources a')).to.have.length(campaign.sources!.length);
  });

  it('renders any valid campaign: plain strings, one language, no optional fields', async () => {
    const minimal = await (await fetch('/test/pages/minimal.json')).json();
    const root = page.document.getElementById('minimal')!;
    await waitUntil(() => root.querySelector('h2'), 'the minimal campaign did not render');
    expect(textIn(page, 'minimal', 'h2')).to.equal(minimal.title);
    expect(textIn(page, 'minimal', 'ol')).to.equal(minimal.letter.demands[0]);
    expect(textIn(page, 'minimal', '.open-letter__signatories')).to.contain(minimal.signatories[0].name);
    // One language only: no language switch to offer.
    expect(root.querySelector('[aria-pressed]')).to.equal(null);
  });

  it('renders a campaign from another origin that sends a CORS header', async () => {
    const campaign = await demoCampaign();
    expect(textIn(page, 'other-origin', 'h2')).to.equal((campaign.title as Record<string, string>).en);
  });

  it('shows the fallback link and a retry button when the endpoint is dead', () => {
    const dead = page.document.getElementById('dead')!;
    expect(textIn(page, 'dead', '[role="alert"]')).to.contain('De brief kon niet worden geladen.');
    expect(dead.querySelector('button')).to.exist;
    expect(dead.querySelector('a')!.getClientRects().length).to.be.greaterThan(0);
  });

  it('survives the script being pasted twice and leaves the rest of the page alone', () => {
    expect(pageErrors).to.deep.equal([]);
    expect(page.customElements.get('open-letter')).to.exist;
    expect(page.document.getElementById('before')!.textContent).to.equal('Text before the block.');
    expect(page.document.getElementById('after')!.textContent).to.equal('Text after the block.');
  });
});
