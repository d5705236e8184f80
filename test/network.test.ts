// Hostile networks (issue 5), over real HTTP against test/server.mjs: one request for many
// blocks, answers out of order, abort on removal, 1,000 lifecycle cycles, the automatic
// retry, the size limit, and what the request gives away. Neither fetch nor our own code is
// mocked; the server counts what really reached it.
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import '../src/open-letter-define.js';
import { OpenLetter } from '../src/open-letter.js';
import type { Campaign } from '../src/campaign-schema.js';
import {
  absolute,
  api,
  captureConsole,
  demoCampaign,
  echoUrl,
  isWebKit,
  keyOf,
  retryButton,
  shownTitle,
  uniqueKey,
  uncaughtDuring,
} from './helpers.js';
import { mount, settled } from './mount.js';
import { requestedAddresses, requestsSeen, watchedRequests } from './requests.js';

/** Every block here is a Dutch reader's: the letter shows its Dutch title. */
const dutchReader = { lang: 'nl' };

function titled(campaign: Campaign, title: string): Campaign {
  return { ...campaign, title };
}

let demo: Campaign;
let demoTitle: string;
const original = { retryDelay: OpenLetter.retryDelay, maxBytes: OpenLetter.maxBytes, timeout: OpenLetter.timeout };
let consoleErrors: ReturnType<typeof captureConsole>;

before(async () => {
  demo = await demoCampaign();
  demoTitle = (demo.title as Record<string, string>).nl;
});

beforeEach(() => {
  consoleErrors = captureConsole('error');
});

afterEach(() => {
  consoleErrors.restore();
  OpenLetter.retryDelay = original.retryDelay;
  OpenLetter.maxBytes = original.maxBytes;
  OpenLetter.timeout = original.timeout;
});

describe('<open-letter> many blocks, one request', () => {
  it('makes one request for three blocks with the same src while it is under way, and none for a fourth added once they show the letter', async () => {
    const src = api('campaign.json', { delay: '300' });
    const blocks = [await mount({ src, attributes: dutchReader })];
    await waitUntil(async () => (await requestsSeen(keyOf(src))).count === 1, 'the request did not reach the server', {
      timeout: 3000,
    });
    // The server is still holding its answer back: two more blocks join while it is under way.
    blocks.push(await mount({ src, attributes: dutchReader }), await mount({ src, attributes: dutchReader }));
    for (const b of blocks) await settled(b);
    for (const b of blocks) expect(shownTitle(b.el)).to.equal(demoTitle);
    expect((await requestsSeen(keyOf(src))).count, 'requests for three blocks').to.equal(1);

    const fourth = await mount({ src, attributes: dutchReader });
    await settled(fourth);
    expect(shownTitle(fourth.el)).to.equal(demoTitle);
    expect(fourth.loads).to.have.length(1);
    expect((await requestsSeen(keyOf(src))).count, 'requests for four blocks').to.equal(1);
  });

  it('requests exactly the src as given, with no cache-busting parameter added', async () => {
    performance.clearResourceTimings();
    const src = api('campaign.json');
    const b = await mount({ src, attributes: dutchReader });
    await settled(b);
    expect(requestedAddresses(keyOf(src))).to.deep.equal([absolute(src)]);
  });

  it('lets the browser answer from its HTTP cache when the server allows caching', async function () {
    // WebKitGTK's WebDriver session keeps no HTTP cache at all (Safari with a profile does).
    if (isWebKit) this.skip();
    const src = api('cacheable.json');
    // The page itself fetched the campaign before (Cache-Control: max-age=600), as a
    // previous visit or another script would have.
    await (await fetch(src, { credentials: 'omit' })).text();
    expect((await requestsSeen(keyOf(src))).count, 'requests before the block').to.equal(1);

    const b = await mount({ src, attributes: dutchReader });
    await settled(b);
    expect(shownTitle(b.el)).to.equal(demoTitle);
    expect((await requestsSeen(keyOf(src))).count, 'requests after the block').to.equal(1);
  });

  it('asks the server again when the reader presses the retry button, even though the browser may cache the failure', async () => {
    const src = api('cached-404-once.json');
    const b = await mount({ src, attributes: dutchReader });
    await settled(b);
    expect(b.errors.map((event) => event.detail.reason)).to.deep.equal(['http']);
    retryButton(b.el)!.click();
    await settled(b, 2);
    expect(shownTitle(b.el)).to.equal(demoTitle);
    expect((await requestsSeen(keyOf(src))).count).to.equal(2);
  });
});

describe('<open-letter> answers out of order', () => {
  it('shows only the letter from the last src when the answer for an earlier src arrives after it', async () => {
    const first = echoUrl(titled(demo, 'Eerste brief'), { delay: '800', key: uniqueKey('first') });
    const last = echoUrl(titled(demo, 'Laatste brief'), { delay: '50', key: uniqueKey('last') });
    const order: string[] = [];
    // A second block waits for the first src as well, so its answer really comes (a block
    // on its own would have aborted it) and arrives after the last src's answer.
    const witness = await mount({ src: first, attributes: dutchReader });
    witness.el.addEventListener('open-letter-load', () => order.push('first answered'));
    const b = await mount({ src: first, attributes: dutchReader });
    b.el.addEventListener('open-letter-load', () => order.push('block shows a letter'));
    await b.el.updateComplete;
    b.el.src = last;

    await settled(witness);
    await aTimeout(50);
    expect(order, 'the answers arrived out of order').to.deep.equal(['block shows a letter', 'first answered']);
    expect(shownTitle(witness.el)).to.equal('Eerste brief');
    expect(shownTitle(b.el)).to.equal('Laatste brief');
    expect(b.loads.map((event) => event.detail.campaign.title)).to.deep.equal(['Laatste brief']);
    expect(b.errors).to.deep.equal([]);
  });

  it('gives up the request for the earlier src when src changes while it loads, and never shows that letter', async () => {
    const first = api('watched.json', { wait: '600' });
    const last = echoUrl(titled(demo, 'Laatste brief'), { delay: '50' });
    const b = await mount({ src: first, attributes: dutchReader });
    await waitUntil(
      async () => (await watchedRequests(keyOf(first))).requests === 1,
      'the first request did not reach the server',
      {
        timeout: 3000,
      },
    );
    b.el.src = last;
    await settled(b);
    await waitUntil(async () => (await watchedRequests(keyOf(first))).open === 0, 'the first request is still open', {
      timeout: 3000,
    });
    expect(await watchedRequests(keyOf(first))).to.deep.include({ requests: 1, aborted: 1, answered: 0 });
    await aTimeout(700);
    expect(shownTitle(b.el)).to.equal('Laatste brief');
    expect(b.loads).to.have.length(1);
    expect(b.errors).to.deep.equal([]);
  });
});

describe('<open-letter> removed while loading', () => {
  it('closes its request when it is removed from the page: the server sees the connection given up', async () => {
    const src = api('watched.json', { wait: '3000' });
    const b = await mount({ src, attributes: dutchReader });
    await waitUntil(
      async () => (await watchedRequests(keyOf(src))).requests === 1,
      'the request did not reach the server',
      {
        timeout: 3000,
      },
    );
    b.el.remove();
    await waitUntil(async () => (await watchedRequests(keyOf(src))).open === 0, 'the request is still open', {
      timeout: 2500,
    });
    expect(await watchedRequests(keyOf(src))).to.deep.include({ requests: 1, aborted: 1, answered: 0 });
    expect(b.loads).to.have.length(0);
    expect(b.errors).to.have.length(0);
  });

  it('keeps a shared request going when only one of two blocks is removed, and the other shows the letter', async () => {
    const src = api('watched.json', { wait: '500' });
    const removed = await mount({ src, attributes: dutchReader });
    const kept = await mount({ src, attributes: dutchReader });
    await waitUntil(
      async () => (await watchedRequests(keyOf(src))).requests === 1,
      'the request did not reach the server',
      {
        timeout: 3000,
      },
    );
    removed.el.remove();
    await settled(kept);
    expect(shownTitle(kept.el)).to.equal(demoTitle);
    expect(await watchedRequests(keyOf(src))).to.deep.include({ requests: 1, aborted: 0, answered: 1 });
    expect(removed.loads, 'events from the removed block').to.have.length(0);
    expect(removed.errors, 'events from the removed block').to.have.length(0);
  });

  it('loads again when a block removed while loading is put back', async () => {
    const src = api('watched.json', { wait: '300' });
    const b = await mount({ src, attributes: dutchReader });
    await waitUntil(
      async () => (await watchedRequests(keyOf(src))).requests === 1,
      'the request did not reach the server',
      {
        timeout: 3000,
      },
    );
    const place = b.el.parentElement!;
    b.el.remove();
    await waitUntil(async () => (await watchedRequests(keyOf(src))).open === 0, 'the request is still open', {
      timeout: 2500,
    });
    place.append(b.el);
    await settled(b);
    expect(shownTitle(b.el)).to.equal(demoTitle);
    expect(await watchedRequests(keyOf(src))).to.deep.include({ requests: 2, aborted: 1, answered: 1 });
  });
});

describe('<open-letter> 1,000 cycles of connect, change src, disconnect', () => {
  const CYCLES = 1000;
  // Blocks made by hand rather than by mount(): most live for less than one update.
  const stage = document.createElement('div');
  document.body.append(stage);
  afterEach(() => stage.replaceChildren());

  async function cycles(liveUntilRendered: boolean) {
    const srcs = [0, 1, 2].map(() => api('watched.json', { wait: '300' }));
    const events = { 'open-letter-load': 0, 'open-letter-error': 0 };
    const record = (event: Event) => (events[event.type as keyof typeof events] += 1);
    const uncaught = await uncaughtDuring(async () => {
      for (let i = 0; i < CYCLES; i++) {
        const el = document.createElement('open-letter');
        el.addEventListener('open-letter-load', record);
        el.addEventListener('open-letter-error', record);
        stage.append(el);
        el.src = srcs[i % srcs.length];
        if (liveUntilRendered) await el.updateComplete;
        el.remove();
        if (!liveUntilRendered && i % 100 === 99) await aTimeout(0);
      }
      // Longer than the server's wait: any request left running would be answered by now.
      await aTimeout(600);
    });
    // Give the last connections a moment to close, then look at what the server saw.
    await waitUntil(
      async () => (await Promise.all(srcs.map((src) => watchedRequests(keyOf(src))))).every((w) => w.open === 0),
      undefined,
      {
        timeout: 3000,
      },
    ).catch(() => undefined);
    const seen = await Promise.all(srcs.map((src) => watchedRequests(keyOf(src))));
    return { uncaught, events, seen };
  }

  it('leaves no request open, fires no event and rejects nothing when each block lives until it has rendered once', async () => {
    const { uncaught, events, seen } = await cycles(true);
    expect(uncaught, 'uncaught errors and unhandled rejections').to.deep.equal([]);
    expect(events, 'events from removed blocks').to.deep.equal({ 'open-letter-load': 0, 'open-letter-error': 0 });
    expect(
      seen.map((w) => w.open),
      `requests still open (the server saw ${JSON.stringify(seen)})`,
    ).to.deep.equal([0, 0, 0]);
    // At most one request per cycle reaches the server; most are given up before they are
    // even sent. (Chromium and Firefox still send and complete a few that fetch() had already
    // aborted, even for a bare fetch() with an AbortController, so "none answered" is not
    // something a page can promise.)
    expect(
      seen.reduce((sum, w) => sum + w.requests, 0),
      'requests',
    ).to.be.at.most(CYCLES);
  });

  it("leaves no request open, fires no event and rejects nothing when each block is removed in the same task it was added (as a framework's double mount does)", async () => {
    const { uncaught, events, seen } = await cycles(false);
    expect(uncaught, 'uncaught errors and unhandled rejections').to.deep.equal([]);
    expect(events, 'events from removed blocks').to.deep.equal({ 'open-letter-load': 0, 'open-letter-error': 0 });
    expect(
      seen.map((w) => w.open),
      `requests still open (the server saw ${JSON.stringify(seen)})`,
    ).to.deep.equal([0, 0, 0]);
  });
});

describe('<open-letter> automatic retry', () => {
  beforeEach(() => {
    OpenLetter.retryDelay = 50;
  });

  it('retries once by itself when the connection breaks off, and shows the letter without ever showing an error', async () => {
    const src = api('breaks-once.json');
    const b = await mount({ src, attributes: dutchReader });
    await settled(b);
    expect(
      b.errors.map((event) => event.detail.reason),
      'error events',
    ).to.deep.equal([]);
    expect(shownTitle(b.el)).to.equal(demoTitle);
    expect((await requestsSeen(keyOf(src))).count).to.equal(2);
  });

  it('retries a server error (500) once, then shows the error with the retry button', async () => {
    const src = api('server-error.json');
    const b = await mount({ src, attributes: dutchReader });
    await settled(b);
    await aTimeout(300);
    expect(b.errors.map((event) => event.detail.reason)).to.deep.equal(['http']);
    expect(retryButton(b.el), 'the retry button').to.exist;
    expect((await requestsSeen(keyOf(src))).count).to.equal(2);
  });

  const notRetried: [string, string, string][] = [
    ['a missing file (404)', 'not-found.json', 'http'],
    ['invalid data', 'invalid.json', 'invalid'],
    ['an answer that is not JSON', 'not-json.json', 'parse'],
    ['a campaign of another version', 'version-2.json', 'version'],
  ];
  for (const [what, endpoint, reason] of notRetried) {
    it(`does not retry ${what} by itself: one request, then the error with the retry button`, async () => {
      const src = api(endpoint);
      const b = await mount({ src, attributes: dutchReader });
      await settled(b);
      // Well past the pause before an automatic retry.
      await aTimeout(300);
      expect(b.errors.map((event) => event.detail.reason)).to.deep.equal([reason]);
      expect(retryButton(b.el), 'the retry button').to.exist;
      expect((await requestsSeen(keyOf(src))).count).to.equal(1);
    });
  }

  it('does not retry a timeout by itself', async () => {
    OpenLetter.timeout = 200;
    const src = api('hang.json');
    const b = await mount({ src, attributes: dutchReader });
    await settled(b);
    await aTimeout(300);
    expect(b.errors.map((event) => event.detail.reason)).to.deep.equal(['timeout']);
    expect((await requestsSeen(keyOf(src))).count).to.equal(1);
  });

  it('makes no second request when the block is removed during the pause before the retry', async () => {
    OpenLetter.retryDelay = 400;
    const src = api('server-error.json');
    const b = await mount({ src, attributes: dutchReader });
    await waitUntil(async () => (await requestsSeen(keyOf(src))).count === 1, 'the request did not reach the server', {
      timeout: 3000,
    });
    await aTimeout(50);
    b.el.remove();
    await aTimeout(900);
    expect((await requestsSeen(keyOf(src))).count).to.equal(1);
    expect(b.errors).to.have.length(0);
  });
});

describe('<open-letter> size limit', () => {
  const huge: [string, string][] = [
    ['2 MB with a Content-Length header', 'huge.json'],
    ['2.5 MB streamed without a Content-Length header', 'huge-streamed.json'],
  ];
  for (const [what, endpoint] of huge) {
    it(`refuses an answer of ${what} with reason "size", without retrying and without freezing the page`, async () => {
      const src = api(endpoint);
      let ticks = 0;
      let ticksAtError = -1;
      let ticking = true;
      const tick = () => {
        ticks += 1;
        if (ticking) setTimeout(tick, 0);
      };
      setTimeout(tick, 0);
      const b = await mount({ src, attributes: dutchReader });
      b.el.addEventListener('open-letter-error', () => (ticksAtError = ticks));
      try {
        await settled(b);
      } finally {
        ticking = false;
      }
      expect(b.errors.map((event) => event.detail.reason)).to.deep.equal(['size']);
      expect(ticksAtError, 'the page ran other work while the answer came in').to.be.greaterThan(0);
      expect(retryButton(b.el), 'the retry button').to.exist;
      expect(shownTitle(b.el)).to.equal(undefined);
      expect(consoleErrors.calls.join('\n'), 'the message names the limit').to.include(`${OpenLetter.maxBytes} bytes`);
      await aTimeout(200);
      expect((await requestsSeen(keyOf(src))).count, 'requests').to.equal(1);
    });
  }

  it('applies the limit a webmaster sets in OpenLetter.maxBytes', async () => {
    const size = new TextEncoder().encode(JSON.stringify(demo)).length;
    OpenLetter.maxBytes = 1000;
    const tooBig = await mount({ src: api('campaign.json'), attributes: dutchReader });
    await settled(tooBig);
    expect(tooBig.errors.map((event) => event.detail.reason)).to.deep.equal(['size']);

    OpenLetter.maxBytes = size * 2;
    const fits = await mount({ src: api('campaign.json'), attributes: dutchReader });
    await settled(fits);
    expect(shownTitle(fits.el)).to.equal(demoTitle);
  });
});

describe('<open-letter> privacy', () => {
  it('sends no Referer with referrerpolicy="no-referrer", and the page\'s usual one without it', async () => {
    const quiet = api('watched.json');
    const usual = api('watched.json');
    const a = await mount({ src: quiet, attributes: { ...dutchReader, referrerpolicy: 'no-referrer' } });
    const b = await mount({ src: usual, attributes: dutchReader });
    await settled(a);
    await settled(b);
    expect(shownTitle(a.el)).to.equal(demoTitle);
    expect(await watchedRequests(keyOf(quiet)), 'with referrerpolicy="no-referrer"').to.deep.include({
      requests: 1,
      referers: 0,
    });
    expect(await watchedRequests(keyOf(usual)), 'without the attribute').to.deep.include({ requests: 1, referers: 1 });
  });

  async function storage() {
    return {
      cookie: document.cookie,
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
      indexedDB: (await indexedDB.databases()).map((database) => database.name),
    };
  }

  it('writes nothing to cookies, localStorage, sessionStorage or IndexedDB while loading, switching language and retrying', async () => {
    OpenLetter.retryDelay = 50;
    const before = await storage();

    const b = await mount({ src: api('campaign.json'), attributes: dutchReader });
    await settled(b);
    const english = [...b.el.querySelectorAll('button')].find((button) => button.lang === 'en')!;
    english.click();
    await b.el.updateComplete;
    expect(shownTitle(b.el), 'switched to English').to.equal((demo.title as Record<string, string>).en);

    const failing = await mount({ src: api('fails-once.json'), attributes: dutchReader });
    await settled(failing);
    retryButton(failing.el)!.click();
    await settled(failing, 2);
    expect(shownTitle(failing.el), 'the retry succeeded').to.equal(demoTitle);

    expect(await storage()).to.deep.equal(before);
  });

  it('requests nothing but the campaign itself: no fonts, images or other resources', async () => {
    performance.clearResourceTimings();
    const src = api('campaign.json');
    const b = await mount({ src, attributes: { ...dutchReader, 'links-in-new-tab': '' } });
    await settled(b);
    const english = [...b.el.querySelectorAll('button')].find((button) => button.lang === 'en')!;
    english.click();
    await b.el.updateComplete;
    await aTimeout(200);
    const requested = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => !name.includes('/api/seen') && !name.includes('/api/watched?'));
    expect(requested).to.deep.equal([absolute(src)]);
  });
});
