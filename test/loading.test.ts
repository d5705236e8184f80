// Loading a campaign over real HTTP from the test server's /api/ endpoints (see
// test/server.mjs): the fallback content, every kind of failure, events, origins,
// cookies, races between requests, and the retry button. Nothing is mocked.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/open-letter-define.js';
import { OpenLetter, type OpenLetterErrorDetail, type OpenLetterLoadDetail } from '../src/open-letter.js';
import type { Campaign } from '../src/campaign-schema.js';
import {
  absolute,
  api,
  captureConsole,
  demoCampaign,
  echoUrl,
  fallbackVisible,
  isShown,
  isWebKit,
  keyOf,
  retryButton,
  shownTitle,
  textOf,
  uniqueKey,
} from './helpers.js';
import { mount, settled } from './mount.js';
import { requestsSeen } from './requests.js';

type Language = 'nl' | 'en';

/** The interface strings a reader sees, in both languages. */
const ui: Record<Language, { failed: string; retry: string; loading: string }> = {
  nl: {
    failed: 'De brief kon niet worden geladen.',
    retry: 'Opnieuw proberen',
    loading: 'De brief wordt geladen…',
  },
  en: {
    failed: 'The letter could not be loaded.',
    retry: 'Try again',
    loading: 'Loading the letter…',
  },
};

/** The same test server under another origin: localhost and 127.0.0.1 are different origins. */
const otherOrigin = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

/** Everything the block shows itself (not the webmaster's fallback), whitespace collapsed. */
function visibleText(el: OpenLetter): string {
  return [...el.querySelectorAll('.open-letter__live > *')].filter(isShown).map(textOf).filter(Boolean).join(' ');
}

/** The text of the block's live regions, which screen readers announce. */
function announced(el: OpenLetter): string {
  return [...el.querySelectorAll('[role="alert"], [role="status"], [aria-live]')]
    .map((region) => region.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .filter(Boolean)
    .join(' ');
}

/** The one state every failure ends in, as a reader sees it. */
function expectFailureShown(el: OpenLetter, lang: Language): void {
  expect(visibleText(el), 'the visible message').to.include(ui[lang].failed);
  expect(announced(el), 'the message is in a live region').to.include(ui[lang].failed);
  expect(visibleText(el), 'the message stays non-technical').not.to.match(/\/api\/|https?:|HTTP/);
  expect(isShown(retryButton(el)), `a visible "${ui[lang].retry}" button`).to.be.true;
  expect(textOf(retryButton(el)), 'the retry button').to.equal(ui[lang].retry);
  expect(fallbackVisible(el), 'the fallback content is visible').to.be.true;
  expect(shownTitle(el), 'no letter is shown').to.be.undefined;
}

/** `path` occurs in `text` as a whole path, not as part of a longer one. */
function mentionsPath(text: string, path: string): boolean {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.\\]])${escaped}(?![\\w.[])`).test(text);
}

const originalTimeout = OpenLetter.timeout;
let consoleErrors: ReturnType<typeof captureConsole>;

beforeEach(() => {
  consoleErrors = captureConsole('error');
});

afterEach(() => {
  consoleErrors.restore();
  OpenLetter.timeout = originalTimeout;
});

describe('<open-letter> fallback content', () => {
  it('shows the fallback content while the letter is loading and hides it once the letter is shown', async () => {
    const mounted = await mount({ src: api('campaign.json', { delay: '300' }), attributes: { lang: 'nl' } });
    expect(fallbackVisible(mounted.el), 'fallback while loading').to.be.true;
    expect(shownTitle(mounted.el), 'no letter yet').to.be.undefined;

    await settled(mounted);
    expect(mounted.loads).to.have.length(1);
    expect(shownTitle(mounted.el), 'the letter is shown').to.be.a('string').and.not.be.empty;
    expect(fallbackVisible(mounted.el), 'fallback once the letter is shown').to.be.false;
    expect(consoleErrors.calls).to.deep.equal([]);
  });

  it('tells screen reader users that the letter is loading, and stops once it is shown', async () => {
    const mounted = await mount({ src: api('campaign.json', { delay: '3000' }), attributes: { lang: 'en' } });
    // Said after a moment, into a region that was in the page empty: only then is it announced.
    expect(announced(mounted.el), 'nothing said at once').to.equal('');
    await waitUntil(() => announced(mounted.el).includes(ui.en.loading), 'the loading message is announced', {
      timeout: 4000,
    });

    await settled(mounted);
    expect(announced(mounted.el)).not.to.include(ui.en.loading);
  });

  it('shows the fallback content again when a new src fails after a letter was shown', async () => {
    const mounted = await mount({ src: api('campaign.json'), attributes: { lang: 'nl' } });
    await settled(mounted);
    expect(fallbackVisible(mounted.el)).to.be.false;

    mounted.el.src = api('not-found.json');
    await settled(mounted, 2);
    expect(mounted.errors).to.have.length(1);
    expectFailureShown(mounted.el, 'nl');
  });

  it('shows only the fallback content, fires no event and makes no request without src or campaign', async () => {
    const mountedAt = performance.now();
    const mounted = await mount({ attributes: { lang: 'nl' } });
    await aTimeout(200);
    await mounted.el.updateComplete;

    expect(fallbackVisible(mounted.el), 'fallback').to.be.true;
    expect(shownTitle(mounted.el), 'no letter').to.be.undefined;
    expect(visibleText(mounted.el), 'no message of its own').to.equal('');
    expect(mounted.loads, 'load events').to.have.length(0);
    expect(mounted.errors, 'error events').to.have.length(0);
    expect(consoleErrors.calls, 'console errors').to.deep.equal([]);
    const newRequests = performance.getEntriesByType('resource').filter((entry) => entry.startTime >= mountedAt);
    expect(
      newRequests.map((entry) => entry.name),
      'requests',
    ).to.deep.equal([]);
  });
});

interface Failure {
  reason: OpenLetterErrorDetail['reason'];
  when: string;
  src: () => string;
  lang: Language;
  /** What the console message must contain besides the URL. */
  mentions?: string[];
  /** Paths of bad fields the console message must name. */
  paths?: string[];
  timeout?: number;
}

const failures: Failure[] = [
  {
    reason: 'network',
    when: 'the connection breaks off halfway through the answer',
    src: () => api('broken.json'),
    lang: 'nl',
  },
  {
    reason: 'network',
    when: 'another origin does not allow reading the answer (no CORS header)',
    src: () => `${otherOrigin}${api('no-cors.json')}`,
    lang: 'en',
  },
  { reason: 'http', when: 'the endpoint answers 404', src: () => api('not-found.json'), lang: 'nl', mentions: ['404'] },
  {
    reason: 'http',
    when: 'the endpoint answers 500',
    src: () => api('server-error.json'),
    lang: 'en',
    mentions: ['500'],
  },
  { reason: 'timeout', when: 'the endpoint never answers', src: () => api('hang.json'), lang: 'nl', timeout: 300 },
  { reason: 'size', when: 'the answer declares more than the size limit', src: () => api('huge.json'), lang: 'en' },
  {
    reason: 'size',
    when: 'the answer streams more than the size limit without declaring its length',
    src: () => api('huge-streamed.json'),
    lang: 'nl',
  },
  {
    reason: 'parse',
    when: 'the endpoint answers with HTML instead of JSON',
    src: () => api('not-json.json'),
    lang: 'en',
  },
  {
    reason: 'invalid',
    when: 'the campaign breaks the format in several fields',
    src: () => api('invalid.json'),
    lang: 'nl',
    paths: ['date', 'letter.paragraphs', 'letter.demands', 'signatories[0].party'],
  },
  {
    reason: 'version',
    when: 'the campaign is of a version this element cannot read',
    src: () => api('version-2.json'),
    lang: 'en',
    mentions: ['version'],
  },
];

describe('<open-letter> when loading fails', () => {
  for (const failure of failures) {
    it(`shows the fallback and ${failure.lang === 'nl' ? 'a Dutch' : 'an English'} retry message, reports "${failure.reason}" and tells the webmaster why when ${failure.when}`, async () => {
      if (failure.timeout) OpenLetter.timeout = failure.timeout;
      const src = failure.src();
      const mounted = await mount({ src, attributes: { lang: failure.lang } });
      await settled(mounted);

      expect(mounted.loads, 'load events').to.have.length(0);
      expect(mounted.errors, 'error events').to.have.length(1);
      expect(mounted.errors[0].detail.reason).to.equal(failure.reason);
      expectFailureShown(mounted.el, failure.lang);

      expect(consoleErrors.calls, 'one console error').to.have.length(1);
      const logged = consoleErrors.calls[0];
      expect(logged, 'the console error names the URL').to.include(absolute(src));
      for (const mention of failure.mentions ?? []) expect(logged).to.include(mention);
      for (const path of failure.paths ?? []) {
        expect(mentionsPath(logged, path), `the console error names ${path}:\n${logged}`).to.be.true;
      }
    });
  }
});

describe('<open-letter> events', () => {
  it('sends open-letter-load, with the campaign, up to the document even from inside another shadow root', async () => {
    const host = document.createElement('div');
    const el = document.createElement('open-letter');
    el.setAttribute('src', api('campaign.json'));
    host.attachShadow({ mode: 'open' }).append(el);
    const events: CustomEvent<OpenLetterLoadDetail>[] = [];
    const listener = (event: CustomEvent<OpenLetterLoadDetail>) => events.push(event);
    document.addEventListener('open-letter-load', listener);
    try {
      await fixture(html`<div>${host}</div>`);
      await waitUntil(() => events.length > 0, 'no open-letter-load reached the document', { timeout: 3000 });
    } finally {
      document.removeEventListener('open-letter-load', listener);
    }
    expect(events).to.have.length(1);
    expect(events[0].detail.campaign.title).to.deep.equal((await demoCampaign()).title);
  });

  it('sends open-letter-error, with the reason, up to the document even from inside another shadow root', async () => {
    const host = document.createElement('div');
    const el = document.createElement('open-letter');
    el.setAttribute('src', api('not-found.json'));
    host.attachShadow({ mode: 'open' }).append(el);
    const events: CustomEvent<OpenLetterErrorDetail>[] = [];
    const listener = (event: CustomEvent<OpenLetterErrorDetail>) => events.push(event);
    document.addEventListener('open-letter-error', listener);
    try {
      await fixture(html`<div>${host}</div>`);
      await waitUntil(() => events.length > 0, 'no open-letter-error reached the document', { timeout: 3000 });
    } finally {
      document.removeEventListener('open-letter-error', listener);
    }
    expect(events).to.have.length(1);
    expect(events[0].detail.reason).to.equal('http');
    expect(events[0].detail.message).to.include('404');
  });
});

describe('<open-letter> addresses and requests', () => {
  it('resolves a relative src against the page, not against the script', async () => {
    const key = uniqueKey('relative');
    // From the page's own directory up to the server's root, then down to /api/.
    const depth = location.pathname.split('/').length - 2;
    const relative = `${'../'.repeat(depth)}api/campaign.json?key=${key}`;
    expect(relative.startsWith('/'), 'a truly relative src').to.be.false;

    const mounted = await mount({ src: relative, attributes: { lang: 'nl' } });
    await settled(mounted);
    expect(
      mounted.errors.map((event) => event.detail.message),
      'errors',
    ).to.deep.equal([]);
    expect(mounted.loads).to.have.length(1);
    expect((await requestsSeen(key)).count).to.equal(1);
  });

  it('loads a campaign from another origin that allows it (CORS)', async () => {
    const src = `${otherOrigin}${api('campaign.json')}`;
    expect(new URL(src).origin).not.to.equal(location.origin);

    const mounted = await mount({ src, attributes: { lang: 'en' } });
    await settled(mounted);
    expect(
      mounted.errors.map((event) => event.detail.message),
      'errors',
    ).to.deep.equal([]);
    expect(mounted.loads).to.have.length(1);
    const demo = await demoCampaign();
    expect(shownTitle(mounted.el)).to.equal((demo.title as Record<string, string>).en);
    expect(fallbackVisible(mounted.el)).to.be.false;
  });

  it('sends no cookies, even to its own origin', async () => {
    document.cookie = 'tracking=1; path=/';
    try {
      // The cookie is really there: an ordinary request carries it.
      const control = uniqueKey('cookie-control');
      await fetch(`/api/campaign.json?key=${control}`);
      expect(await requestsSeen(control), 'an ordinary request').to.deep.equal({ count: 1, cookies: 1 });

      const key = uniqueKey('cookies');
      const mounted = await mount({ src: `/api/campaign.json?key=${key}`, attributes: { lang: 'nl' } });
      await settled(mounted);
      expect(mounted.loads).to.have.length(1);
      expect(await requestsSeen(key)).to.deep.equal({ count: 1, cookies: 0 });
    } finally {
      document.cookie = 'tracking=; path=/; max-age=0';
    }
    expect(document.cookie).not.to.include('tracking=');
  });

  /** Puts a `<link rel="preload" as="fetch">` in the page's head: the page asks for `href` itself. */
  function preload(href: string, crossorigin: string): HTMLLinkElement {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'fetch', href });
    link.setAttribute('crossorigin', crossorigin);
    document.head.append(link);
    return link;
  }

  it("reuses the page's own preload of its campaign: one request, the one the page asked for", async function () {
    // WebKitGTK's WebDriver session keeps no HTTP cache and makes a second request here; a preload
    // from another origin is reused there too (test/generator.test.ts).
    if (isWebKit) this.skip();
    document.cookie = 'tracking=1; path=/';
    const src = api('campaign.json');
    const link = preload(src, 'anonymous');
    try {
      const mounted = await mount({ src, attributes: { lang: 'nl' } });
      await settled(mounted);
      expect(
        mounted.errors.map((event) => event.detail.message),
        'errors',
      ).to.deep.equal([]);
      expect(mounted.loads).to.have.length(1);
      expect(shownTitle(mounted.el)).to.equal(((await demoCampaign()).title as Record<string, string>).nl);
      expect((await requestsSeen(keyOf(src))).count, 'requests for the campaign').to.equal(1);
    } finally {
      link.remove();
      document.cookie = 'tracking=; path=/; max-age=0';
    }
  });

  it('sends no cookies beside a preload it cannot reuse (with credentials, or of another address)', async () => {
    document.cookie = 'tracking=1; path=/';
    const withCredentials = api('campaign.json');
    const other = api('campaign.json');
    const preloads = [preload(withCredentials, 'use-credentials'), preload(other, 'anonymous')];
    try {
      // The page's own preload carries the cookie: it is there to be sent.
      await waitUntil(async () => (await requestsSeen(keyOf(withCredentials))).count === 1, 'the preload was not sent');
      expect(await requestsSeen(keyOf(withCredentials)), 'the preload').to.deep.equal({ count: 1, cookies: 1 });

      const mounted = await mount({ src: withCredentials, attributes: { lang: 'nl' } });
      await settled(mounted);
      expect(mounted.loads).to.have.length(1);
      expect(await requestsSeen(keyOf(withCredentials)), 'the preload and the block').to.deep.equal({
        count: 2,
        cookies: 1,
      });

      const key = uniqueKey('cookies');
      const beside = await mount({ src: `/api/campaign.json?key=${key}`, attributes: { lang: 'nl' } });
      await settled(beside);
      expect(beside.loads).to.have.length(1);
      expect(await requestsSeen(key), 'beside a preload of another address').to.deep.equal({ count: 1, cookies: 0 });
    } finally {
      for (const link of preloads) link.remove();
      document.cookie = 'tracking=; path=/; max-age=0';
    }
  });

  it('shows the letter from the last src when src changes while the first is still loading', async () => {
    const other: Campaign = { ...(await demoCampaign()), title: 'Een andere brief over hetzelfde datalek' };
    const slow = api('campaign.json', { delay: '600' });
    const mounted = await mount({ src: slow, attributes: { lang: 'nl' } });
    mounted.el.src = echoUrl(other);
    await settled(mounted);
    await aTimeout(800); // Past the moment the first answer arrives.

    expect(shownTitle(mounted.el)).to.equal(other.title);
    expect(mounted.loads, 'load events').to.have.length(1);
    expect(mounted.loads[0].detail.campaign.title).to.equal(other.title);
    expect(mounted.errors, 'error events').to.have.length(0);
    expect(consoleErrors.calls).to.deep.equal([]);
  });

  it('stays silent when it is removed from the page while loading', async () => {
    const mounted = await mount({ src: api('campaign.json', { delay: '300' }), attributes: { lang: 'nl' } });
    mounted.el.remove();
    await aTimeout(500);

    expect(mounted.loads, 'load events').to.have.length(0);
    expect(mounted.errors, 'error events').to.have.length(0);
    expect(consoleErrors.calls, 'console errors').to.deep.equal([]);
  });

  it('reports no timeout when it is removed from the page while waiting for an endpoint that never answers', async () => {
    OpenLetter.timeout = 500;
    const mounted = await mount({ src: api('hang.json'), attributes: { lang: 'nl' } });
    expect(
      mounted.errors.map((event) => event.detail.message),
      'errors before removal',
    ).to.deep.equal([]);
    mounted.el.remove();
    await aTimeout(800); // Past the timeout.

    expect(
      mounted.errors.map((event) => event.detail.message),
      'error events',
    ).to.deep.equal([]);
    expect(consoleErrors.calls, 'console errors').to.deep.equal([]);
  });

  it('still shows the letter when it is moved elsewhere in the page while loading', async () => {
    const mounted = await mount({ src: api('campaign.json', { delay: '300' }), attributes: { lang: 'nl' } });
    const elsewhere = document.createElement('section');
    mounted.el.parentElement!.after(elsewhere);
    elsewhere.append(mounted.el);
    await settled(mounted);

    expect(mounted.loads).to.have.length(1);
    expect(mounted.errors).to.have.length(0);
    expect(shownTitle(mounted.el)).to.be.a('string').and.not.be.empty;
  });
});

describe('<open-letter> retry button', () => {
  it('loads again when the reader presses the retry button, and shows the failure again if it fails again', async () => {
    const src = api('not-found.json', { delay: '3000' });
    const key = keyOf(src);
    const mounted = await mount({ src, attributes: { lang: 'nl' } });
    await settled(mounted);
    expect((await requestsSeen(key)).count, 'requests before retrying').to.equal(1);

    retryButton(mounted.el)!.click();
    await mounted.el.updateComplete;
    expect(visibleText(mounted.el), 'while loading again').not.to.include(ui.nl.failed);
    await waitUntil(
      () => announced(mounted.el).includes(ui.nl.loading),
      'while loading again, the loading message is announced',
      { timeout: 4000 },
    );
    expect(fallbackVisible(mounted.el), 'fallback while loading again').to.be.true;

    await settled(mounted, 2);
    expect(mounted.errors, 'error events').to.have.length(2);
    expect(mounted.errors[1].detail.reason).to.equal('http');
    expect((await requestsSeen(key)).count, 'requests after retrying').to.equal(2);
    expectFailureShown(mounted.el, 'nl');
    expect(consoleErrors.calls, 'one console error per attempt').to.have.length(2);
  });

  it('shows the letter when a retry succeeds after a timeout', async () => {
    OpenLetter.timeout = 150;
    const src = api('campaign.json', { delay: '500' });
    const key = keyOf(src);
    const mounted = await mount({ src, attributes: { lang: 'en' } });
    await settled(mounted);
    expect(mounted.errors[0].detail.reason).to.equal('timeout');

    OpenLetter.timeout = 3000;
    retryButton(mounted.el)!.click();
    await settled(mounted, 2);

    expect(mounted.loads).to.have.length(1);
    expect((await requestsSeen(key)).count).to.equal(2);
    expect(shownTitle(mounted.el)).to.be.a('string').and.not.be.empty;
    expect(visibleText(mounted.el)).not.to.include(ui.en.failed);
    expect(retryButton(mounted.el), 'retry button').to.be.undefined;
    expect(fallbackVisible(mounted.el)).to.be.false;
  });

  it('can be reached with the Tab key and pressed with Enter', async () => {
    const mounted = await mount({ src: api('not-found.json'), attributes: { lang: 'en' } });
    await settled(mounted);
    const button = retryButton(mounted.el)!;
    expect(button.localName).to.equal('button');

    // The fallback link comes first; Tab moves on to the retry button.
    mounted.el.querySelector('a')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(mounted.el.contains(document.activeElement), 'focus is in the block').to.equal(true);
    expect(document.activeElement, 'focus is on the retry button').to.equal(button);

    await sendKeys({ press: 'Enter' });
    await settled(mounted, 2);
    expect(mounted.errors, 'a second attempt, failing again').to.have.length(2);
  });
});

describe('<open-letter> campaign property', () => {
  it('shows a campaign set as a property without making any request', async () => {
    const demo = await demoCampaign();
    const key = uniqueKey('property');
    const mounted = await mount({ campaign: demo, src: `/api/campaign.json?key=${key}`, attributes: { lang: 'en' } });
    await settled(mounted);
    await aTimeout(100);

    expect(mounted.loads).to.have.length(1);
    expect(mounted.loads[0].detail.campaign.title).to.deep.equal(demo.title);
    expect(shownTitle(mounted.el)).to.equal((demo.title as Record<string, string>).en);
    expect(fallbackVisible(mounted.el)).to.be.false;
    expect((await requestsSeen(key)).count, 'requests').to.equal(0);
  });

  it('reports an invalid campaign property as "invalid", naming every bad field for the webmaster', async () => {
    const demo = await demoCampaign();
    const broken = {
      ...demo,
      date: '18-02-2022',
      letter: { ...demo.letter, demands: [] },
      signatories: [{ name: 'Iemand' }, ...demo.signatories.slice(1)],
    };
    const mounted = await mount({ campaign: broken, attributes: { lang: 'nl' } });
    await settled(mounted);

    expect(mounted.loads).to.have.length(0);
    expect(mounted.errors).to.have.length(1);
    expect(mounted.errors[0].detail.reason).to.equal('invalid');
    expectFailureShown(mounted.el, 'nl');
    expect(consoleErrors.calls).to.have.length(1);
    for (const path of ['date', 'letter.demands', 'signatories[0].party']) {
      expect(mentionsPath(consoleErrors.calls[0], path), `the console error names ${path}`).to.be.true;
    }
  });
});
