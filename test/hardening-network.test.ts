// The request as an attacker and a careless webmaster meet it (issue 13), over real HTTP
// against test/server.mjs: links resolve against where the campaign really came from,
// addresses with user info are no links, a typo in referrerpolicy or an absurd static limit
// does not break loading, one time limit covers the retry too, and the page forgets answers
// no block shows any more.
import { expect, oneEvent } from '@open-wc/testing';
import '../src/open-letter-define.js';
import { OpenLetter } from '../src/open-letter.js';
import { api, captureConsole, keyOf, minimalCampaign, shownTitle, sourceLinks } from './helpers.js';
import { mount, settled } from './mount.js';
import { requestsSeen, watchedRequests } from './requests.js';

const original = { timeout: OpenLetter.timeout, retryDelay: OpenLetter.retryDelay, maxBytes: OpenLetter.maxBytes };
let errors: ReturnType<typeof captureConsole>;
let warnings: ReturnType<typeof captureConsole>;

beforeEach(() => {
  errors = captureConsole('error');
  warnings = captureConsole('warn');
});

afterEach(() => {
  errors.restore();
  warnings.restore();
  document.querySelectorAll('open-letter').forEach((el) => el.remove());
  Object.assign(OpenLetter, original);
});

describe('<open-letter> links in a campaign that was redirected', () => {
  it('resolves relative source addresses against the address the campaign came from after the redirect', async () => {
    const { el } = await settled(
      mount({ src: `/api/redirect?to=${encodeURIComponent('/api/moved/deeper/campaign.json')}` }),
    );
    const links = sourceLinks(el);
    expect(links.get('Relative to the campaign')).to.equal(
      new URL('/api/moved/deeper/source.html', location.href).href,
    );
    expect(links.get('Up one folder')).to.equal(new URL('/api/moved/up.html', location.href).href);
  });
});

describe('<open-letter> addresses with user info', () => {
  it('shows a source whose address hides its host behind user info as text, not as a link', async () => {
    const sources = [
      { title: 'Rijksoverheid', url: 'https://www.rijksoverheid.nl@evil.example/' },
      { title: 'With a password', url: 'https://user:secret@example.org/' },
      { title: 'With only a password', url: 'http://:secret@example.org/' },
      { title: 'An at sign in the path', url: 'https://example.org/@gemeente' },
    ];
    const { el } = await settled(mount({ campaign: minimalCampaign({ sources }) }));
    const links = sourceLinks(el);
    expect([...links.keys()]).to.deep.equal(['An at sign in the path']);
    const article = el.querySelector<HTMLElement>('article')!;
    for (const { title } of sources) expect(article.innerText).to.include(title);
    expect(
      warnings.calls.filter((call) => call.includes('sources[')),
      'a warning per refused address',
    ).to.have.length(3);
  });
});

describe('<open-letter> referrerpolicy', () => {
  it('ignores a value that is no referrer policy, as HTML does: the letter loads, and a warning names the value', async () => {
    const { outcome, el } = await mount({ src: api('campaign.json'), attributes: { referrerpolicy: 'no-referer' } });
    expect(await outcome).to.include({ event: 'load' });
    await el.updateComplete;
    expect(shownTitle(el)).to.be.a('string').and.not.be.empty;
    expect(warnings.calls.some((call) => call.includes('"no-referer"'))).to.be.true;
    expect(errors.calls).to.deep.equal([]);
  });

  it('ignores a referrerPolicy property that is not a string, with a warning, and loads the letter', async () => {
    const { outcome } = await mount({ src: api('campaign.json'), properties: { referrerPolicy: 42 } });
    expect(await outcome).to.include({ event: 'load' });
    expect(warnings.calls.some((call) => call.includes('referrerpolicy (a number)'))).to.be.true;
  });

  it('reads the keyword in any case, as HTML does: NO-REFERRER sends no Referer', async () => {
    const src = api('watched.json');
    const { outcome } = await mount({ src, attributes: { referrerpolicy: 'NO-REFERRER' } });
    expect(await outcome).to.include({ event: 'load' });
    expect(await watchedRequests(keyOf(src))).to.deep.include({ requests: 1, referers: 0 });
    expect(warnings.calls).to.deep.equal([]);
  });
});

describe('<open-letter> static limits set to values out of range', () => {
  for (const [what, value] of [
    ['Infinity', Infinity],
    ['2^31 ms, past what a timer can count', 2 ** 31],
    ['NaN', NaN],
    ['a string', '10000'],
  ] as const) {
    it(`loads the letter with OpenLetter.timeout = ${what}, and warns that it was clamped`, async () => {
      (OpenLetter as { timeout: unknown }).timeout = value;
      const { outcome } = await mount({ src: api('campaign.json', { delay: '50' }) });
      expect(await outcome).to.include({ event: 'load' });
      expect(warnings.calls.some((call) => call.includes('OpenLetter.timeout'))).to.be.true;
    });
  }

  it('still refuses an answer over 1 MiB with OpenLetter.maxBytes = NaN', async () => {
    OpenLetter.maxBytes = NaN;
    const { outcome } = await mount({ src: api('huge.json') });
    expect(await outcome).to.include({ event: 'error', reason: 'size' });
    expect(warnings.calls.some((call) => call.includes('OpenLetter.maxBytes'))).to.be.true;
  });
});

describe('<open-letter> one time limit for the request and its automatic retry', () => {
  it('stops at the time limit when the retry would end after it, though each attempt alone is quicker', async () => {
    OpenLetter.timeout = 1500;
    OpenLetter.retryDelay = 100;
    const src = api('fails-then-answers.json', { first: '700', second: '1100' });
    const { outcome } = await mount({ src });
    expect(await outcome).to.include({ event: 'error', reason: 'timeout' });
    expect((await requestsSeen(keyOf(src))).count, 'the retry was made').to.equal(2);
  });

  it('reports the failure itself when the pause before the retry would end after the time limit', async () => {
    OpenLetter.timeout = 1000;
    OpenLetter.retryDelay = 900;
    const src = api('fails-then-answers.json', { first: '300', second: '0' });
    const { outcome } = await mount({ src });
    expect(await outcome).to.include({ event: 'error', reason: 'http' });
    expect((await requestsSeen(keyOf(src))).count, 'no retry').to.equal(1);
  });
});

describe('<open-letter> the shared answer', () => {
  it('is kept while a block shows it: a block added later makes no new request', async () => {
    const src = api('campaign.json');
    const first = await mount({ src });
    const second = await mount({ src });
    expect(await first.outcome).to.include({ event: 'load' });
    expect(await second.outcome).to.include({ event: 'load' });
    first.el.remove();
    const third = await mount({ src });
    expect(await third.outcome).to.include({ event: 'load' });
    expect((await requestsSeen(keyOf(src))).count).to.equal(1);
  });

  it('is forgotten once every block that showed it is removed: the next block asks the server again', async () => {
    const src = api('campaign.json');
    const blocks = [await mount({ src }), await mount({ src })];
    for (const { outcome } of blocks) expect(await outcome).to.include({ event: 'load' });
    for (const { el } of blocks) el.remove();
    const again = await mount({ src });
    expect(await again.outcome).to.include({ event: 'load' });
    expect((await requestsSeen(keyOf(src))).count).to.equal(2);
  });

  it('is given back by a block that loads another campaign', async () => {
    const src = api('campaign.json');
    const block = await mount({ src });
    expect(await block.outcome).to.include({ event: 'load' });
    const reloaded = oneEvent(block.el, 'open-letter-load');
    block.el.src = api('campaign.json');
    await reloaded;
    const next = await mount({ src });
    expect(await next.outcome).to.include({ event: 'load' });
    expect((await requestsSeen(keyOf(src))).count).to.equal(2);
  });
});
