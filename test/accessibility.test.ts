import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, emulateMedia } from '@web/test-runner-commands';
import { pressKeys, setViewport } from './commands.js';
import { OpenLetter } from '../src/open-letter.js';
import { DEMO_URL, api, demoCampaign, echoUrl, isChromium, openPage } from './helpers.js';
import { mount, settled } from './mount.js';

interface AXNode {
  role: string;
  name?: string;
  level?: number;
  pressed?: boolean | 'mixed';
  expanded?: boolean;
  disabled?: boolean;
  busy?: boolean;
  children?: AXNode[];
}

/** The full accessibility tree Chromium gives a screen reader for the block (Chromium only). */
async function accessibilityTree(id: string): Promise<AXNode> {
  return executeServerCommand<AXNode, { selector: string }>('accessibility-tree', {
    selector: `#${id}`,
  });
}

function findAll(node: AXNode, test: (node: AXNode) => boolean, found: AXNode[] = []): AXNode[] {
  if (test(node)) found.push(node);
  node.children?.forEach((child) => findAll(child, test, found));
  return found;
}

function listItemCounts(tree: AXNode): number[] {
  return findAll(tree, (node) => node.role === 'list').map(
    (list) => findAll(list, (node) => node.role === 'listitem').length,
  );
}

/** The demo campaign with `count` signatories, served by the test server. */
const withSignatories = (count: number) => `/api/many.json?count=${count}`;

async function withId(el: OpenLetter, id: string): Promise<OpenLetter> {
  el.id = id;
  await el.updateComplete;
  return el;
}

describe('accessibility: axe finds no violations', () => {
  for (const lang of ['nl', 'en']) {
    it(`[loading, ${lang}] is accessible and marked busy`, async () => {
      const { el } = await mount({ src: api('campaign.json', { delay: '5000' }), attributes: { lang } });
      const status = el.querySelector('[role="status"]')!;
      const loading = lang === 'nl' ? 'De brief wordt geladen…' : 'Loading the letter…';
      await waitUntil(() => status.textContent!.trim() === loading, `the status says "${loading}"`, { timeout: 4000 });
      await expect(el).to.be.accessible();
    });

    it(`[error, ${lang}] is accessible`, async () => {
      const { el } = await settled(mount({ src: '/api/not-found.json', attributes: { lang } }));
      await expect(el).to.be.accessible();
    });

    for (let level = 1; level <= 6; level++) {
      it(`[loaded, ${lang}, heading-level ${level}] is accessible`, async () => {
        const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang, 'heading-level': String(level) } }));
        await expect(el).to.be.accessible();
      });
    }

    it(`[long list collapsed and expanded, ${lang}] is accessible`, async function () {
      this.timeout(60_000); // two axe runs, the second over 1,234 signatories: about 8 s on a quiet machine
      const { el } = await settled(mount({ src: withSignatories(1234), attributes: { lang } }));
      await expect(el).to.be.accessible();
      el.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});

describe('accessibility: what a screen reader receives (Chromium accessibility tree)', function () {
  before(function () {
    // The accessibility tree comes from Chromium's DevTools protocol, which the other engines
    // lack; WebKit gets the roles and names in roles-and-names.test.ts.
    if (!isChromium) this.skip();
  });

  it('reads the letter as an article named by its title, with headings one level below it', async () => {
    const campaign = await demoCampaign();
    await withId(
      (await settled(mount({ src: DEMO_URL, attributes: { lang: 'en', 'heading-level': '3' } }))).el,
      'tree',
    );
    const tree = await accessibilityTree('tree');
    const [article] = findAll(tree, (node) => node.role === 'article');
    expect(article.name).to.equal((campaign.title as Record<string, string>).en);
    const headings = findAll(tree, (node) => node.role === 'heading').map((node) => [node.level, node.name]);
    expect(headings).to.deep.equal([
      [3, (campaign.title as Record<string, string>).en],
      [4, 'What we are asking for'],
      [4, `${campaign.signatories.length} signatories`],
      [4, 'Sources'],
    ]);
    expect(
      findAll(tree, (node) => node.role === 'region' || node.role === 'complementary' || node.role === 'navigation'),
    ).to.have.length(0);
  });

  it('gives the demands, signatories and sources as lists with every item counted', async () => {
    const campaign = await demoCampaign();
    await withId((await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }))).el, 'lists');
    const tree = await accessibilityTree('lists');
    expect(listItemCounts(tree)).to.deep.equal([
      campaign.letter.demands.length,
      campaign.signatories.length,
      campaign.sources!.length,
    ]);
  });

  it('names every link after its source and publisher', async () => {
    const campaign = await demoCampaign();
    await withId((await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }))).el, 'links');
    const tree = await accessibilityTree('links');
    const names = findAll(tree, (node) => node.role === 'link').map((node) => node.name);
    expect(names).to.have.length(campaign.sources!.length);
    campaign.sources!.forEach((source, index) => {
      expect(names[index]).to.contain((source.title as Record<string, string>).nl);
      if (source.publisher) expect(names[index]).to.contain(source.publisher);
    });
  });

  it('says "PDF" in the name of a link to a PDF', async () => {
    const campaign = await demoCampaign();
    campaign.sources = [{ title: 'De brief', url: 'https://example.org/brief.pdf', kind: 'pdf' }];
    await withId((await settled(mount({ src: echoUrl(campaign), attributes: { lang: 'en' } }))).el, 'pdf');
    const [link] = findAll(await accessibilityTree('pdf'), (node) => node.role === 'link');
    expect(link.name).to.equal('De brief (PDF)');
  });

  it('offers the language switch as two buttons with the current one pressed', async () => {
    await withId((await settled(mount({ src: DEMO_URL, attributes: { lang: 'en' } }))).el, 'switch');
    const buttons = findAll(await accessibilityTree('switch'), (node) => node.role === 'button');
    expect(buttons.map((node) => [node.name, node.pressed ?? false])).to.deep.equal([
      ['Nederlands', false],
      ['English', true],
    ]);
  });

  it('marks the block busy while it loads, and not once it has loaded', async () => {
    const block = await mount({
      src: '/api/campaign.json?delay=3000',
      attributes: { id: 'busy', lang: 'nl' },
      fallback: '',
    });
    const busy = findAll(await accessibilityTree('busy'), (node) => node.busy === true);
    expect(busy).to.have.length(1);
    await settled(block);
    expect(findAll(await accessibilityTree('busy'), (node) => node.busy === true)).to.have.length(0);
  });

  it('offers a retry button after a failure', async () => {
    await withId((await settled(mount({ src: '/api/not-found.json', attributes: { lang: 'nl' } }))).el, 'retry');
    const tree = await accessibilityTree('retry');
    expect(findAll(tree, (node) => node.role === 'button').map((node) => node.name)).to.deep.equal([
      'Opnieuw proberen',
    ]);
    expect(
      findAll(tree, (node) => node.role === 'alert')[0]
        ?.children?.map((node) => node.name)
        .join(''),
    ).to.contain('De brief kon niet worden geladen.');
  });

  it('says how many signatories a long list hides, and counts them all once opened', async () => {
    await withId((await settled(mount({ src: withSignatories(1234), attributes: { lang: 'nl' } }))).el, 'long');
    let tree = await accessibilityTree('long');
    const [disclosure] = findAll(tree, (node) => node.role === 'button' && node.expanded !== undefined);
    expect(disclosure.name).to.equal('Alle 1.234 ondertekenaars tonen');
    expect(disclosure.expanded).to.equal(false);
    expect(listItemCounts(tree)[1]).to.equal(OpenLetter.signatoriesWhenFolded);

    const el = document.querySelector<OpenLetter>('#long')!;
    el.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    // The full list renders a chunk per task, so the page stays responsive.
    await waitUntil(
      () => el.querySelectorAll('.open-letter__signatory').length === 1234,
      'the full list did not complete',
      { timeout: 15000 },
    );
    tree = await accessibilityTree('long');
    const [opened] = findAll(tree, (node) => node.role === 'button' && node.expanded !== undefined);
    expect(opened.expanded).to.equal(true);
    expect(listItemCounts(tree)[1]).to.equal(1234);
  });
});

describe('accessibility: keyboard', () => {
  it('tabs through the language switch, the disclosure button and the source links in reading order', async () => {
    const campaign = await demoCampaign();
    const { el } = await settled(mount({ src: withSignatories(40), attributes: { lang: 'en' } }));
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    const visited: string[] = [];
    for (let i = 0; i < 3 + campaign.sources!.length; i++) {
      await sendKeys({ press: 'Tab' });
      visited.push(document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '(outside)');
    }
    expect(visited.slice(0, 3)).to.deep.equal(['Nederlands', 'English', 'Show all 40 signatories']);
    expect(visited.slice(3).every((text) => text.length > 0 && text !== '(outside)')).to.equal(true);
    before.remove();
  });

  it('opens and closes the full list with Enter and Space, focus staying on the button', async () => {
    const { el } = await settled(mount({ src: withSignatories(40), attributes: { lang: 'nl' } }));
    const button = el.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button.getAttribute('aria-expanded') === 'true', 'Enter did not open the list');
    expect(el.querySelectorAll('.open-letter__signatory')).to.have.length(40);
    expect(document.activeElement).to.equal(button);
    await sendKeys({ press: ' ' });
    await waitUntil(() => button.getAttribute('aria-expanded') === 'false', 'Space did not close the list');
    expect(el.querySelectorAll('.open-letter__signatory')).to.have.length(OpenLetter.signatoriesWhenFolded);
  });

  it('keeps focus on the retry button while retrying, and on failure again', async () => {
    const { el } = await settled(mount({ src: '/api/not-found.json?delay=1000', attributes: { lang: 'en' } }));
    const retry = el.querySelector<HTMLButtonElement>('.open-letter__retry')!;
    retry.focus();
    const failedAgain = oneEvent(el, 'open-letter-error');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => retry.getAttribute('aria-disabled') === 'true', 'the retry did not start');
    expect(document.activeElement).to.equal(retry);
    await failedAgain;
    await el.updateComplete;
    expect(document.activeElement?.textContent?.trim()).to.equal('Try again');
  });

  it('moves focus to the title after a retry succeeds, so it is not lost', async () => {
    const key = `fails-once-${Math.random()}`;
    const { el } = await settled(mount({ src: `/api/fails-once.json?key=${key}`, attributes: { lang: 'en' } }));
    const retry = el.querySelector<HTMLButtonElement>('.open-letter__retry')!;
    retry.focus();
    const loadedNow = oneEvent(el, 'open-letter-load');
    await sendKeys({ press: 'Enter' });
    await loadedNow;
    await el.updateComplete;
    const title = el.querySelector('h2')!;
    expect(document.activeElement).to.equal(title);
    expect(el.querySelector('.open-letter__retry')).to.equal(null);
  });
});

describe('accessibility: links', () => {
  it('opens sources in the same tab by default', async () => {
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    for (const link of el.querySelectorAll('a')) {
      expect(link.target).to.equal('');
      expect(link.textContent).not.to.contain('tabblad');
    }
  });

  it('says so in every link when the webmaster opens them in a new tab', async () => {
    for (const [lang, words] of [
      ['nl', 'opent in een nieuw tabblad'],
      ['en', 'opens in a new tab'],
    ]) {
      const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang, 'links-in-new-tab': '' } }));
      const links = [...el.querySelectorAll('a')];
      expect(links.length).to.be.greaterThan(0);
      for (const link of links) {
        expect(link.target).to.equal('_blank');
        expect(link.textContent!.replace(/\s+/g, ' ')).to.contain(`(${words})`);
      }
    }
  });

  it('sends no referrer to the sources, so the visit stays private', async () => {
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    for (const link of el.querySelectorAll('a')) {
      expect(link.relList.contains('noreferrer')).to.equal(true);
    }
  });
});

describe('accessibility: visual', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    if (isChromium) await executeServerCommand('emulate-forced-colors', { active: false });
    if (isChromium) await emulateMedia({ reducedMotion: 'no-preference' });
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  it('reflows at 320 CSS pixels without horizontal scrolling', async () => {
    const campaign = await demoCampaign();
    campaign.sources!.push({
      title: 'https://example.org/a/very/long/address/without/any/spaces/'.repeat(3),
      url: 'https://example.org/',
    });
    // A frame 320 px wide: MiniBrowser (WebKit) will not make its window that narrow.
    const query = new URLSearchParams({ src: echoUrl(campaign), lang: 'nl' });
    const page = await openPage<Window & { blockLoaded: Promise<OpenLetter> }>(`/test/pages/one-block.html?${query}`, {
      width: 320,
      height: 640,
    });
    const el = await page.blockLoaded;
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(page.document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('reflows at 200 % text size without horizontal scrolling', async () => {
    await setViewport({ width: 640, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
      expect(document.documentElement.scrollWidth).to.be.at.most(640);
      for (const node of el.querySelectorAll('h2, p, li, a, button')) {
        expect(node.getBoundingClientRect().right, node.textContent!).to.be.at.most(640);
      }
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('has targets of at least 24 by 24 CSS pixels', async () => {
    const { el } = await settled(mount({ src: withSignatories(40), attributes: { lang: 'nl' } }));
    for (const button of el.querySelectorAll('button')) {
      const box = button.getBoundingClientRect();
      expect(box.width, button.textContent!).to.be.at.least(24);
      expect(box.height, button.textContent!).to.be.at.least(24);
    }
  });

  it('shows the pressed language by weight and underline, not by colour alone', async () => {
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    const [pressed, other] = el.querySelectorAll<HTMLButtonElement>('.open-letter__language');
    expect(getComputedStyle(pressed).fontWeight).to.equal('700');
    expect(getComputedStyle(pressed).textDecorationLine).to.equal('underline');
    expect(getComputedStyle(other).textDecorationLine).to.equal('none');
  });

  it('draws a clearly visible focus indicator', async () => {
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    const button = el.querySelector<HTMLButtonElement>('.open-letter__language')!;
    button.focus();
    await sendKeys({ press: 'Tab' });
    await pressKeys('Shift', 'Tab');
    const style = getComputedStyle(document.activeElement!);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('keeps its structure visible in forced-colours mode', async function () {
    if (!isChromium) this.skip(); // forced-colours emulation needs Chromium's DevTools protocol
    await executeServerCommand('emulate-forced-colors', { active: true });
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const demands = el.querySelector('ol')!;
    expect(getComputedStyle(demands).borderInlineStartStyle).to.equal('solid');
    const pressed = el.querySelector<HTMLButtonElement>('[aria-pressed="true"]')!;
    expect(getComputedStyle(pressed).textDecorationLine).to.equal('underline');
    await expect(el).to.be.accessible();
  });

  it('does not move anything for a reader who asks for reduced motion', async function () {
    if (!isChromium) this.skip(); // emulateMedia needs Chromium's DevTools protocol
    await emulateMedia({ reducedMotion: 'reduce' });
    const { el } = await settled(mount({ src: withSignatories(40), attributes: { lang: 'nl' } }));
    const moving = [...el.querySelectorAll('*')].filter((node) => {
      const style = getComputedStyle(node);
      return parseFloat(style.transitionDuration) > 0 || parseFloat(style.animationDuration) > 0;
    });
    expect(moving).to.have.length(0);
  });
});

describe('accessibility: announcements', () => {
  it('announces loading once in a polite status and the failure once in an alert, each into a region already in the page', async () => {
    const block = await mount({ src: '/api/not-found.json?delay=3000', attributes: { lang: 'en' }, fallback: '' });
    const { el } = block;
    const status = el.querySelector('[role="status"]')!;
    const alert = el.querySelector('[role="alert"]')!;
    // Empty at first: screen readers announce a live region's change, not what it held when it appeared.
    expect(status.textContent!.trim(), 'the status at first').to.equal('');
    expect(alert.textContent!.trim(), 'the alert at first').to.equal('');
    await waitUntil(() => status.textContent!.trim() === 'Loading the letter…', 'the status says it is loading', {
      timeout: 4000,
    });
    expect(el.querySelector('[role="status"]'), 'the same status region').to.equal(status);
    await settled(block);
    expect(status.textContent!.trim()).to.equal('');
    const alerts = [...el.querySelectorAll('[role="alert"]')].map((node) => node.textContent!.trim());
    expect(alerts).to.deep.equal(['The letter could not be loaded.']);
    expect(el.querySelector('[role="alert"]'), 'the same alert region, not a new one').to.equal(alert);
  });

  it('keeps the letter out of every live region', async () => {
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    for (const region of el.querySelectorAll('[role="status"], [role="alert"], [aria-live]')) {
      expect(region.textContent!.trim()).to.equal('');
    }
  });
});

describe('long lists stay responsive', () => {
  it('renders a full list of thousands in several tasks, so input is handled in between', async () => {
    const { el } = await settled(mount({ src: '/api/many.json?count=5000', attributes: { lang: 'nl' } }));
    const items = () => el.querySelectorAll('.open-letter__signatory').length;
    const seen: number[] = [];
    el.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    // Another task, queued right after the click, gets its turn while the list is still growing.
    await new Promise((resolve) => setTimeout(resolve));
    seen.push(items());
    await el.updateComplete;
    expect(items(), 'the full list, once updateComplete resolves').to.equal(5000);
    expect(seen[0]).to.be.greaterThan(OpenLetter.signatoriesWhenFolded);
    expect(seen[0]).to.be.lessThan(5000);
  });
});
