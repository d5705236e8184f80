// Hostile data and strict host pages (issue 5): the block renders under the strictest
// Content-Security-Policy with Trusted Types, shows everything in the data as inert text,
// links only to http(s), and whatever value it is given ends either as a letter or as its
// error state — never as an uncaught exception, never as an element or attribute from data.
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import '../src/open-letter-define.js';
import type { Campaign } from '../src/campaign-schema.js';
import { MAX_NAME_LENGTH } from '../src/limits.js';
import {
  captureConsole,
  demoCampaign,
  echoUrl,
  fallbackVisible,
  openPage,
  retryButton,
  uncaughtDuring,
} from './helpers.js';
import { type Block, type MountOptions, mount, settled } from './mount.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

// ---------------------------------------------------------------------------------------
// Strict CSP + Trusted Types, with the built dist/open-letter.js as webmasters get it.
// ---------------------------------------------------------------------------------------

interface Violation {
  violatedDirective: string;
  blockedURI: string;
  sample: string;
}
type StrictPage = Window & { __violations: Violation[] };

/**
 * Opens /api/strict-csp-page (test/pages/strict-csp.html with the strict policy header) in an
 * iframe; `query` as that endpoint takes it (`trusted-types`, `pasted-twice`).
 */
function openStrictPage(query = ''): Promise<StrictPage> {
  return openPage<StrictPage>(`/api/strict-csp-page${query}`);
}

/** Waits until the letter in the strict page renders (or a violation is reported), then checks both. */
async function expectRenderedWithoutViolations(page: StrictPage): Promise<void> {
  // The probe ran first: without it no violation could be seen at all.
  expect(page.__violations, 'the violation probe ran').to.be.an('array');
  const root = () => page.document.getElementById('letter');
  const title = () => (root()?.querySelector('.open-letter__title') as HTMLElement | null)?.innerText;
  await waitUntil(() => title() || page.__violations.length > 0, 'neither a letter nor a violation', {
    timeout: 5000,
  });
  // Let anything late (a second copy of the script, a style) report itself.
  await aTimeout(200);
  expect(page.__violations, 'CSP and Trusted Types violations').to.deep.equal([]);
  const campaign = await demoCampaign();
  expect(title()).to.equal((campaign.title as Record<string, string>).nl);
  expect(root()!.querySelectorAll('ol li'), 'the demands').to.have.length(campaign.letter.demands.length);
  // Its styles apply too, though style-src 'self' allows no inline <style>: the letter has its border.
  expect(getComputedStyle(root()!.querySelector('article')!).borderTopStyle).to.equal('solid');
}

describe('<open-letter> on a host page with a strict Content-Security-Policy and Trusted Types', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('renders the letter with zero violations, needing only the trusted-types policy name "lit-html"', async () => {
    await expectRenderedWithoutViolations(await openStrictPage());
  });

  it("renders with zero violations when the script is pasted twice, given trusted-types lit-html 'allow-duplicates'", async () => {
    const allowDuplicates = encodeURIComponent("lit-html 'allow-duplicates'");
    await expectRenderedWithoutViolations(await openStrictPage(`?pasted-twice&trusted-types=${allowDuplicates}`));
  });

  it('really is under Trusted Types there: a plain string written to innerHTML is refused and reported', async function () {
    const page = await openStrictPage();
    // Firefox ESR before 145 has no Trusted Types; there the policy's other directives
    // still apply, and the tests above still run.
    if (!('trustedTypes' in page)) this.skip();
    const probe = page.document.createElement('div');
    expect(() => {
      probe.innerHTML = '<b>not trusted</b>';
    }).to.throw();
    await waitUntil(() => page.__violations.length > 0, 'no violation was reported', { timeout: 2000 });
    expect(page.__violations.map((violation) => violation.violatedDirective)).to.include('require-trusted-types-for');
  });
});

// ---------------------------------------------------------------------------------------
// What the template makes: every tag and attribute name the block may ever contain.
// ---------------------------------------------------------------------------------------

interface Vocabulary {
  tags: Set<string>;
  attributes: Set<string>;
}

function vocabularyOf(root: ParentNode, into: Vocabulary = { tags: new Set(), attributes: new Set() }): Vocabulary {
  for (const element of root.querySelectorAll('*')) {
    into.tags.add(element.localName);
    for (const attribute of element.attributes) into.attributes.add(attribute.name);
  }
  return into;
}

/** Tags and attributes in `root` that the template never makes. */
function foreignNames(root: ParentNode, allowed: Vocabulary): string[] {
  const found = vocabularyOf(root);
  return [
    ...[...found.tags].filter((tag) => !allowed.tags.has(tag)).map((tag) => `<${tag}>`),
    ...[...found.attributes].filter((name) => !allowed.attributes.has(name)).map((name) => `${name}=`),
  ];
}

/** Every `href` in `root` that is not an http(s) address. */
function nonHttpLinks(root: ParentNode): string[] {
  return [...root.querySelectorAll('[href]')]
    .map((element) => element.getAttribute('href')!)
    .filter((href) => !/^https?:/.test(href));
}

const stage = document.createElement('div');
document.body.append(stage);

/**
 * Mounts a block (a Dutch reader's, without fallback children: all it contains is the
 * template's) as the only one on the stage, where the property-based tests mount hundreds.
 */
function mountAlone(options: MountOptions): Promise<Block> {
  stage.replaceChildren();
  return mount({ fallback: '', into: stage, ...options, attributes: { lang: 'nl', ...options.attributes } });
}

let allowed: Vocabulary;
let consoleErrors: ReturnType<typeof captureConsole>;
let consoleWarnings: ReturnType<typeof captureConsole>;

before(async () => {
  // Every state of the template with legitimate data: the demo letter in both languages,
  // a long list of signatories (closed and open), a source shown as text, the error state.
  const errors = captureConsole('error');
  const warnings = captureConsole('warn');
  try {
    const demo = await demoCampaign();
    allowed = { tags: new Set(), attributes: new Set() };
    for (const lang of ['nl', 'en'])
      vocabularyOf((await mountAlone({ campaign: demo, attributes: { lang } })).el, allowed);
    const long = await mountAlone({
      campaign: {
        ...demo,
        signatories: Array.from({ length: 30 }, (_, i) => ({ name: `Naam ${i}`, party: 'Partij', place: 'Plaats' })),
        sources: [
          { title: 'Bron', url: 'ftp://example.org/bron', kind: 'pdf', publisher: 'Uitgever', date: '2022-02-18' },
        ],
      },
    });
    vocabularyOf(long.el, allowed);
    long.el.querySelector<HTMLButtonElement>('.open-letter__disclosure')!.click();
    await long.el.updateComplete;
    vocabularyOf(long.el, allowed);
    vocabularyOf((await mountAlone({ campaign: {} })).el, allowed);
    stage.replaceChildren();
  } finally {
    errors.restore();
    warnings.restore();
  }
});

beforeEach(() => {
  delete window.__pwned;
  consoleErrors = captureConsole('error');
  consoleWarnings = captureConsole('warn');
});

afterEach(() => {
  consoleErrors.restore();
  consoleWarnings.restore();
  delete window.__pwned;
  stage.replaceChildren();
});

describe('what the template itself makes', () => {
  it('is plain text markup: no image, script, svg, iframe, inline style or event handler attribute', () => {
    expect([...allowed.tags]).to.include.members(['article', 'h2', 'ol', 'li', 'a', 'button']);
    for (const tag of ['img', 'script', 'svg', 'iframe', 'object', 'embed', 'style', 'link', 'form', 'input']) {
      expect(allowed.tags.has(tag), `<${tag}>`).to.be.false;
    }
    expect(allowed.attributes.has('style'), 'style=').to.be.false;
    expect([...allowed.attributes].filter((name) => name.startsWith('on'))).to.deep.equal([]);
  });
});

// ---------------------------------------------------------------------------------------
// The injection corpus in every text field and every URL field.
// ---------------------------------------------------------------------------------------

const textPayloads: [string, string][] = [
  ['an <img> with onerror', '<img src=x onerror=window.__pwned=1>'],
  ['a <script>', '<script>window.__pwned=1</script>'],
  ['an <svg> with onload', '<svg onload=window.__pwned=1>'],
  ['an attribute break-out into an <iframe>', '"><iframe src=javascript:window.__pwned=1>'],
  ['a template expression', "{{constructor.constructor('window.__pwned=1')()}}"],
  ['a template literal', '${window.__pwned=1}'],
  ['Unicode direction overrides', 'Brief \u202Eeilav\u202C en \u2066geïsoleerd\u2069 \u200Fklaar'],
  ['a comment and CDATA', '<!-- x --><![CDATA[<img src=x onerror=window.__pwned=1>]]>'],
  ['a <style> with an expression', '<style>*{background:url("javascript:window.__pwned=1")}</style>'],
  // As long as every field it fills may be: a name's limit (longer texts are refused, test/hardening-*.test.ts).
  [
    `a ${MAX_NAME_LENGTH}-character string of markup`,
    '<b onmouseover=window.__pwned=1>é</b>'.repeat(10).slice(0, MAX_NAME_LENGTH),
  ],
];

const urlPayloads: [string, string][] = [
  ['javascript:', 'javascript:window.__pwned=1'],
  ['JaVaScRiPt: in mixed case', 'JaVaScRiPt:window.__pwned=1'],
  ['javascript: after spaces, tabs and newlines', ' \t\n javascript:window.__pwned=1'],
  ['javascript: with a tab and a newline inside the scheme', 'java\tscr\nipt:window.__pwned=1'],
  ['javascript: after a NUL and a space', ' \u0000javascript:window.__pwned=1'],
  ['javascript: after other control characters', '\u0001\u001fjavascript:window.__pwned=1'],
  ['javascript: written with an HTML entity', '&#106;avascript:window.__pwned=1'],
  ['javascript: with a percent-encoded newline', 'javascript://%0Awindow.__pwned=1'],
  ['a data: URL with HTML', 'data:text/html,<script>parent.__pwned=1</script>'],
  ['a base64 data: URL', 'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+'],
  ['vbscript:', 'vbscript:window.__pwned=1'],
  ['VBScript: in mixed case', 'VBScript:msgbox(1)'],
];

const corpus = [...textPayloads, ...urlPayloads];

type Form = 'a plain string' | 'an object of translations';

/** A complete campaign with `payload` in every text field (in `form`) and every URL field. */
function campaignWith(payload: string, form: Form): Campaign {
  const text = form === 'a plain string' ? payload : { nl: payload, en: payload };
  return {
    version: 1,
    language: 'nl',
    translations: ['en'],
    title: text,
    date: '2022-02-18',
    summary: text,
    initiator: text,
    letter: {
      salutation: text,
      paragraphs: [text, text],
      demandsIntro: text,
      demands: [text, text],
      closing: [text],
      signOff: text,
    },
    signatories: [{ name: payload, party: payload, place: payload }],
    sources: [{ title: text, url: payload, kind: 'article', publisher: payload, date: '2022-02-18' }],
  };
}

/** The human texts campaignWith() fills, as a reader sees them in the letter. */
const TEXTS_SHOWN = 16;

/**
 * Text as innerText gives it, compared loosely: whitespace collapsed, and without the
 * invisible bidi controls, which Firefox leaves out of innerText (they are still in the
 * DOM: expectInert() checks textContent character for character).
 */
const collapse = (text: string) =>
  text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function occurrences(haystack: string, needle: string): number {
  return needle ? haystack.split(needle).length - 1 : 0;
}

/** Checks a block showing campaignWith(payload): literal text, template-made markup only, safe links, no script run. */
async function expectInert(block: Block, payload: string): Promise<void> {
  const root = block.el;
  expect(block.errors, 'error events').to.deep.equal([]);
  expect(block.loads, 'load events').to.have.length(1);
  const article = root.querySelector('article');
  expect(article, 'the letter').to.exist;

  // Literally, character for character, where an element holds only that text.
  const exact = [
    '.open-letter__title',
    '.open-letter__summary',
    '.open-letter__sign-off',
    '.open-letter__demand',
    '.open-letter__signatories .open-letter__name',
  ];
  for (const selector of exact) {
    for (const node of root.querySelectorAll(selector)) expect(node.textContent, selector).to.equal(payload);
  }
  // And every one of the texts, as the reader sees it.
  expect(occurrences(collapse(article!.innerText), collapse(payload)), 'texts showing the payload').to.equal(
    TEXTS_SHOWN,
  );

  expect(foreignNames(root, allowed), 'elements or attributes the template never makes').to.deep.equal([]);
  expect(nonHttpLinks(root), 'links that are not http(s)').to.deep.equal([]);
  // An injected image would fail loading and fire onerror by now.
  await aTimeout(50);
  expect(window.__pwned, 'window.__pwned').to.equal(undefined);
}

describe('<open-letter> renders an injection corpus in every field inertly', () => {
  for (const form of ['a plain string', 'an object of translations'] as Form[]) {
    describe(`in every text field as ${form}, and as every source url, set as the campaign property`, () => {
      for (const [name, payload] of corpus) {
        it(`shows ${name} as literal text and links nowhere but http(s)`, async () => {
          await expectInert(await mountAlone({ campaign: campaignWith(payload, form) }), payload);
        });
      }
    });
  }

  it('does the same for every payload served over HTTP (all but the long one, too long for a URL)', async () => {
    for (const [name, payload] of corpus.filter(([, payload]) => payload.length < 100)) {
      const block = await settled(mountAlone({ src: echoUrl(campaignWith(payload, 'an object of translations')) }));
      try {
        await expectInert(block, payload);
      } catch (error) {
        (error as Error).message = `${name}: ${(error as Error).message}`;
        throw error;
      }
    }
  });

  it('shows an English reader the payload in the English translation just as literally', async () => {
    const [, payload] = textPayloads[0];
    const block = await mountAlone({
      campaign: campaignWith(payload, 'an object of translations'),
      attributes: { lang: 'en' },
    });
    await expectInert(block, payload);
    expect(block.el.querySelector('article')!.getAttribute('lang')).to.equal('en');
  });

  it("links a relative address that only looks like a script to an http(s) page on the campaign's own host", async () => {
    const payload = '&#106;avascript:window.__pwned=1';
    const { el } = await mountAlone({ campaign: campaignWith(payload, 'a plain string') });
    const link = el.querySelector('.open-letter__sources a');
    expect(link, 'a link').to.exist;
    expect(new URL(link!.getAttribute('href')!).origin).to.equal(location.origin);
  });

  it('shows a source with a script or data address as text, not as a link, and warns the webmaster', async () => {
    for (const [name, payload] of urlPayloads.filter(([, payload]) => !payload.startsWith('&'))) {
      const { el } = await mountAlone({ campaign: campaignWith(payload, 'a plain string') });
      const sources = el.querySelector('.open-letter__sources')!;
      expect(sources.querySelectorAll('a'), name).to.have.length(0);
      expect(sources.querySelector('.open-letter__unlinked')?.textContent, name).to.include(payload);
    }
    expect(consoleWarnings.calls.filter((call) => call.includes('sources[0].url'))).to.have.length(
      urlPayloads.length - 1,
    );
  });
});

// ---------------------------------------------------------------------------------------
// Property-based: arbitrary values and mutations of a valid campaign.
// ---------------------------------------------------------------------------------------

/** The block ended as a letter or in its error state, never in between, and made nothing from data. */
function expectLetterOrError(block: Block): void {
  const root = block.el;
  const article = root.querySelector('article');
  const retry = retryButton(root);
  if (block.loads.length > 0) {
    expect(block.loads, 'load events').to.have.length(1);
    expect(block.errors, 'error events after a load').to.deep.equal([]);
    expect(article, 'the letter after a load event').to.exist;
    expect(retry, 'a retry button beside a letter').to.equal(undefined);
  } else {
    expect(
      block.errors.map((error) => error.detail.reason),
      'one error event, invalid or version',
    ).to.have.length(1);
    expect(['invalid', 'version']).to.include(block.errors[0].detail.reason);
    expect(article, 'a letter after an error event').to.equal(null);
    expect(retry, 'the retry button').to.exist;
  }
  expect(foreignNames(root, allowed), 'elements or attributes the template never makes').to.deep.equal([]);
  expect(nonHttpLinks(root), 'links that are not http(s)').to.deep.equal([]);
  expect(window.__pwned, 'window.__pwned').to.equal(undefined);
}

function structuredCloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

// The short payloads: inserted into any field, they keep it within the format's limits.
const markup = fc.constantFrom(...corpus.map(([, payload]) => payload).filter((payload) => payload.length < 100));
const markupString = fc
  .tuple(fc.string(), markup, fc.string())
  .map(([before, inside, after]) => before + inside + after);

type Path = (string | number)[];

/** Every path into `value`: object keys and array indexes, inner nodes and leaves. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

type Mutation =
  | { path: Path; kind: 'delete' }
  | { path: Path; kind: 'replace'; value: unknown }
  | { path: Path; kind: 'insert'; value: string };

function mutate(campaign: unknown, mutations: Mutation[]): unknown {
  const copy = structuredClone(campaign);
  for (const mutation of mutations) {
    let parent = copy as Record<string | number, unknown> | undefined;
    for (const key of mutation.path.slice(0, -1)) {
      const next = parent?.[key];
      parent = typeof next === 'object' && next !== null ? (next as Record<string | number, unknown>) : undefined;
    }
    if (!parent) continue; // An earlier mutation took this path away.
    const key = mutation.path[mutation.path.length - 1];
    const current = parent[key];
    if (mutation.kind === 'delete') {
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete parent[key];
    } else if (mutation.kind === 'replace') {
      parent[key] = mutation.value;
    } else if (typeof current === 'string') {
      const middle = Math.floor(current.length / 2);
      parent[key] = current.slice(0, middle) + mutation.value + current.slice(middle);
    } else if (Array.isArray(current)) {
      current.splice(0, 0, mutation.value);
    } else {
      parent[key] = mutation.value;
    }
  }
  return copy;
}

describe('<open-letter> given arbitrary data (property-based, fast-check)', () => {
  // Fixed seeds: a failure in CI is reproduced by running the same test again.
  const runs = { numRuns: 60 };

  async function property(value: unknown): Promise<void> {
    let block: Block | undefined;
    // What rendering throws fails the test here: mount() rejects with it.
    const uncaught = await uncaughtDuring(async () => {
      block = await mountAlone({ campaign: value });
    });
    expect(uncaught, 'uncaught errors').to.deep.equal([]);
    expectLetterOrError(block!);
  }

  it('ends as a letter or in its error state for any JSON value, never throwing and making nothing from data', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), property), { ...runs, seed: 5001 });
  });

  it('ends as a letter or in its error state for any JSON object with version 1, never throwing and making nothing from data', async () => {
    const withVersion = fc.dictionary(fc.string(), fc.jsonValue()).map((object) => ({ ...object, version: 1 }));
    await fc.assert(fc.asyncProperty(withVersion, property), { ...runs, seed: 5002 });
  });

  it('ends as a letter or in its error state for any structured-cloneable value, never throwing and making nothing from data', async () => {
    const cloneable = fc
      .anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withSparseArray: true,
        withTypedArray: true,
      })
      .filter((value) => value !== undefined && structuredCloneable(value));
    await fc.assert(fc.asyncProperty(cloneable, property), { ...runs, seed: 5003 });
  });

  it('ends as a letter or in its error state for any object whose version is a structured-cloneable value other than 1', async () => {
    const version = fc
      .anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
      })
      .filter((value) => value !== undefined && value !== 1 && structuredCloneable(value));
    await fc.assert(
      fc.asyncProperty(version, async (value) => {
        const uncaught = await uncaughtDuring(async () => {
          const block = await mountAlone({ campaign: { version: value } });
          expectLetterOrError(block);
          expect(block.errors.map((error) => error.detail.reason)).to.deep.equal(['version']);
        });
        expect(uncaught, 'uncaught errors').to.deep.equal([]);
      }),
      { ...runs, seed: 5004 },
    );
  });

  it('reports a campaign whose version is a BigInt (2n) as an unsupported version, showing the fallback and the retry button', async () => {
    const el = document.createElement('open-letter');
    el.setAttribute('lang', 'nl');
    el.innerHTML = '<a href="https://example.org/letter">Lees de brief</a>';
    const reasons: string[] = [];
    el.addEventListener('open-letter-error', (event) => reasons.push(event.detail.reason));
    // As a host page does it: set the property and carry on, awaiting nothing.
    const uncaught = await uncaughtDuring(async () => {
      el.campaign = { version: 2n };
      stage.replaceChildren(el);
      await aTimeout(50);
    });
    expect(uncaught, 'uncaught errors').to.deep.equal([]);
    expect(reasons, 'error events').to.deep.equal(['version']);
    expect(fallbackVisible(el), 'the fallback link is shown').to.equal(true);
    expect(el.querySelector('.open-letter__retry'), 'the retry button').to.exist;
  });

  it('ends as a letter or in its error state for any mutation of the demo campaign, never throwing and making nothing from data', async () => {
    const demo = await demoCampaign();
    const paths = pathsOf(demo);
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      fc.record({ path: fc.constantFrom(...paths), kind: fc.constant('delete' as const) }),
      fc.record({ path: fc.constantFrom(...paths), kind: fc.constant('replace' as const), value: fc.jsonValue() }),
      fc.record({ path: fc.constantFrom(...paths), kind: fc.constant('replace' as const), value: markupString }),
      fc.record({ path: fc.constantFrom(...paths), kind: fc.constant('insert' as const), value: markupString }),
    );
    let letters = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const value = mutate(demo, mutations);
        await property(value);
        if (stage.querySelector('open-letter')!.querySelector('article')) letters += 1;
      }),
      { ...runs, seed: 5005 },
    );
    // Both outcomes were really exercised.
    expect(letters, 'mutated campaigns shown as a letter').to.be.greaterThan(0);
    expect(letters, 'mutated campaigns shown as an error').to.be.lessThan(60);
  });

  it("shows markup inserted anywhere into the demo campaign's texts as text, whatever it is", async () => {
    const demo = await demoCampaign();
    const textPaths = pathsOf(demo).filter((path) => {
      const value = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], demo);
      return (
        typeof value === 'string' &&
        !['version', 'language', 'date', 'url', 'kind'].includes(String(path[path.length - 1])) &&
        path[0] !== 'translations'
      );
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ path: fc.constantFrom(...textPaths), kind: fc.constant('insert' as const), value: markupString }),
          { minLength: 1, maxLength: 4 },
        ),
        async (mutations) => {
          await property(mutate(demo, mutations));
          const el = stage.querySelector('open-letter')!;
          expect(el.querySelector('article'), 'a letter: markup in a text does not make it invalid').to.exist;
        },
      ),
      { ...runs, seed: 5006 },
    );
  });
});
