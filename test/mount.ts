// The one way the tests put an <open-letter> in the page and learn how it ended. It listens
// before the block is connected: WebKit can load a campaign and fire the event before an
// awaited fixture() returns, and an event nobody was listening for yet is lost.
import { fixtureSync, html } from '@open-wc/testing';
import type { OpenLetter, OpenLetterErrorDetail, OpenLetterLoadDetail } from '../src/open-letter.js';
// The element, defined, and the page's stylesheet, applied, before any block is mounted.
import './helpers.js';

/** How a block ended: which event it fired, with that event's detail. */
export type Outcome = ({ event: 'load' } & OpenLetterLoadDetail) | ({ event: 'error' } & OpenLetterErrorDetail);

export interface MountOptions {
  /** The `src` attribute, as a webmaster writes it. */
  src?: string;
  /** The `campaign` property, as a script sets it. */
  campaign?: unknown;
  /** Attributes, as a webmaster writes them: `lang`, `heading-level`, `highlight`… */
  attributes?: Record<string, string>;
  /** Other properties, as a script sets them: `referrerPolicy`… */
  properties?: Record<string, unknown>;
  /** The webmaster's fallback children, as HTML: by default the usual link to the letter; '' for none. */
  fallback?: string;
  /** The `lang` of a `<div>` around the block, as the host page's markup gives it. */
  ancestorLang?: string;
  /** The element to add the block to; by default a new `<div>` in the page, removed after the test. */
  into?: Element;
}

export interface Block {
  el: OpenLetter;
  /** Every open-letter-load event so far, in order. */
  loads: CustomEvent<OpenLetterLoadDetail>[];
  /** Every open-letter-error event so far, in order. */
  errors: CustomEvent<OpenLetterErrorDetail>[];
  /** The first event the block fires. */
  outcome: Promise<Outcome>;
}

/** The fallback a webmaster's snippet puts inside the block: a link to the letter. */
const FALLBACK_LINK = '<a href="https://example.org/letter">Lees de brief</a>';

/** Longer than any block in a test takes to load or fail; shorter than a test's own time limit (20 s). */
const SETTLE_WITHIN_MS = 10_000;

/**
 * Puts an `<open-letter>` in the page, its events recorded from before it is connected, and
 * resolves once it has rendered for the first time (its request, if any, under way).
 * `settled(mount(…))` waits for its letter or its failure as well. Rejects with what the
 * first update threw, if it threw.
 */
export async function mount(options: MountOptions = {}): Promise<Block> {
  const el = document.createElement('open-letter');
  for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
  el.innerHTML = options.fallback ?? FALLBACK_LINK;

  let resolveOutcome: (outcome: Outcome) => void;
  const block: Block = {
    el,
    loads: [],
    errors: [],
    outcome: new Promise((resolve) => (resolveOutcome = resolve)),
  };
  el.addEventListener('open-letter-load', (event) => {
    block.loads.push(event);
    resolveOutcome({ event: 'load', ...event.detail });
  });
  el.addEventListener('open-letter-error', (event) => {
    block.errors.push(event);
    resolveOutcome({ event: 'error', ...event.detail });
  });

  Object.assign(el, options.properties);
  if (options.campaign !== undefined) el.campaign = options.campaign;
  if (options.src !== undefined) el.setAttribute('src', options.src);

  const container = options.into ?? fixtureSync<HTMLElement>(html`<div></div>`);
  if (options.ancestorLang === undefined) container.append(el);
  else {
    const wrapper = document.createElement('div');
    wrapper.setAttribute('lang', options.ancestorLang);
    wrapper.append(el);
    container.append(wrapper);
  }
  await el.updateComplete;
  return block;
}

/** Waits until `block` has fired `count` load or error events in all, and has rendered since. */
export async function settled(block: Block | Promise<Block>, count = 1): Promise<Block> {
  const mounted = await block;
  const { el } = mounted;
  const fired = () => mounted.loads.length + mounted.errors.length;
  if (fired() < count) {
    // Heard after mount()'s own listeners, which have recorded the event by then.
    await new Promise<void>((resolve, reject) => {
      const check = () => fired() >= count && stop(resolve);
      const timer = setTimeout(
        () => stop(() => reject(new Error(`expected ${count} load or error event(s) from the block, got ${fired()}`))),
        SETTLE_WITHIN_MS,
      );
      const stop = (then: () => void) => {
        clearTimeout(timer);
        el.removeEventListener('open-letter-load', check);
        el.removeEventListener('open-letter-error', check);
        then();
      };
      el.addEventListener('open-letter-load', check);
      el.addEventListener('open-letter-error', check);
    });
  }
  await el.updateComplete;
  return mounted;
}
