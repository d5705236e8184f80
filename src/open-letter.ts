import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { checkCampaign, type Campaign } from './campaign-schema.js';
import { languagesOf } from './campaign-text.js';
import { ChunkedRenderController } from './chunked-render.js';
import { formatCount, isHeadingLevel, letterTemplate } from './letter-template.js';
import { CampaignError, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, type FailureReason } from './limits.js';
import { requestCampaign } from './shared-request.js';
import {
  DEFAULT_LANGUAGE,
  SUPPORTED_LANGUAGES,
  languagesAround,
  negotiateLanguage,
  onLanguageChange,
  type Language,
} from './language.js';
import { inLanguage } from './localization.js';
import { httpUrl } from './safe-url.js';
import { isStyled, stylesheetUrl } from './stylesheet.js';

export interface OpenLetterLoadDetail {
  campaign: Campaign;
}

export interface OpenLetterErrorDetail {
  reason: FailureReason;
  message: string;
}

/** Where the block is: one of these at a time, with what that state needs. */
type State =
  | { status: 'empty' }
  /** `retrying`: after a failure, the retry button stays while the retry runs, so focus is not lost. */
  | { status: 'loading'; retrying?: boolean }
  | { status: 'loaded'; campaign: Campaign; linkBase: string }
  | { status: 'error' };

/** The names of the interface languages, each written in its own language. */
const languageNames: Record<Language, string> = { nl: 'Nederlands', en: 'English' };

/**
 * The letter in a template of its language's own: switching languages switches templates,
 * so Lit makes the letter anew. Firefox keeps the old language for text re-rendered under
 * an element whose `lang` changed (a screen reader would read English by Dutch rules); new
 * elements get the new one. Lit's `keyed` directive does the same for 90 B more.
 */
const inItsOwnFrame: Record<Language, (letter: unknown) => unknown> = {
  nl: (letter) => html`${letter}`,
  en: (letter) => html`${letter}`,
};

/**
 * Milliseconds the block waits, at most, for the page to paint its pre-rendered letter before taking it
 * over. Only a page nobody sees (a background tab, a frame not displayed: no frames), or one whose
 * largest paint is not the letter (a large image), waits this long; the reader has the letter meanwhile,
 * so it is generous: a busy page's late first frame still comes first.
 */
const FRAME_WAIT_LIMIT = 1000;

/** The pre-rendered letter among the element's children (its id ends in "letter", after the ids' prefix). */
const PRERENDERED_LETTER = ':scope > .open-letter__letter[id$="letter"]';

/** Milliseconds of loading before "Loading the letter…" is announced: a quick answer needs no words. */
const ANNOUNCE_LOADING_AFTER = 1000;

/**
 * Shows one campaign letter — title, date, summary, the letter with its demands, the
 * signatories and the sources — from a JSON endpoint or a campaign object.
 *
 * The letter is rendered into the page itself (no shadow root), so Reader View,
 * read-aloud, translation tools, search engines, URL fragments and the page's own theme
 * reach it. The element's children are fallback content: shown until the letter renders
 * and again if loading fails. A pre-rendered letter among them (`open-letter snapshot`)
 * is taken over in place.
 *
 * @tagname open-letter
 * @fires open-letter-load - The letter is in the page (rendered from the checked campaign). `detail: { campaign }`, the checked campaign.
 * @fires open-letter-error - Loading or checking the campaign failed; the fallback content shows again. `detail: { reason, message }`,
 *   `reason` one of `network`, `http`, `timeout`, `size`, `parse`, `invalid`, `version`.
 *
 * @slot - Fallback content, e.g. a link to the letter on the party's own site, or the pre-rendered letter.
 *
 * @cssprop --open-letter-accent - Colour of the rule beside the demands and under the active language. Default `#1d4ed8`, or `#8ab4f8` where the colour scheme is dark.
 * @cssprop --open-letter-link-color - Link colour. Default: the page's own.
 * @cssprop --open-letter-background - Background of the block. Default `transparent`.
 * @cssprop --open-letter-border - Border around the block. Default `1px solid #767676`.
 * @cssprop --open-letter-spacing - Base spacing unit. Default `1rem`.
 * @cssprop --open-letter-max-width - Maximum line length. Default `42rem`.
 */
export class OpenLetter extends LitElement {
  /** Milliseconds before a request fails with reason `timeout`. */
  static timeout = DEFAULT_TIMEOUT;

  /** Responses larger than this many bytes are refused with reason `size`. */
  static maxBytes = DEFAULT_MAX_BYTES;

  /** Milliseconds (plus up to half again, at random) before the one automatic retry after a network or server failure. */
  static retryDelay = 1_000;

  /** Lists of more signatories than this are folded: they show the first `signatoriesWhenFolded` and a button for the rest. */
  static foldSignatoriesAbove = 25;
  static signatoriesWhenFolded = 20;

  /**
   * Registers the element. Safe to call twice, as when a webmaster pastes the
   * script tag twice: the second call does nothing.
   */
  static define(tag = 'open-letter', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  static override properties = {
    src: { reflect: true },
    lang: { reflect: true },
    headingLevel: { type: Number, reflect: true, attribute: 'heading-level' },
    hideLanguageSwitch: { type: Boolean, reflect: true, attribute: 'hide-language-switch' },
    linksInNewTab: { type: Boolean, reflect: true, attribute: 'links-in-new-tab' },
    referrerPolicy: { reflect: true, attribute: 'referrerpolicy' },
    highlight: { reflect: true },
    campaign: { attribute: false },
    state: { state: true },
    chosenLanguage: { state: true },
    allSignatoriesShown: { state: true },
    announceLoading: { state: true },
  };

  /** URL of the campaign JSON; a relative URL is resolved against the page. */
  declare src?: string;

  /** The reader's language, `nl` or `en`; by default the page's language. */
  declare lang: string;

  /** The level (1–6) of the title's heading; section headings are one level below. */
  declare headingLevel: number;

  /** Hides the buttons that let the reader switch between Dutch and English. */
  declare hideLanguageSwitch: boolean;

  /** Opens the sources in a new tab; each link then says so. By default links open in the same tab. */
  declare linksInNewTab: boolean;

  /**
   * Party or signatory names to emphasise, separated by commas (e.g. `Houten Anders!`):
   * a webmaster highlights the own party's signatory. Compared without case. As a
   * property it also takes a list of names.
   */
  declare highlight?: string | readonly string[];

  /**
   * The referrer policy of the campaign request, as in HTML's `referrerpolicy` (e.g. `no-referrer`);
   * by default the page's own policy.
   */
  declare referrerPolicy: string;

  /** The campaign object itself, for hosts that already have the data; no fetch then. */
  declare campaign?: unknown;

  /** @internal */
  declare private state: State;
  /** @internal The language the reader picked with the switch in this block, for this page view only. */
  declare private chosenLanguage?: Language;
  /** @internal The reader opened the full list of a long list of signatories. */
  declare private allSignatoriesShown: boolean;
  /** @internal Loading has taken long enough to say so. */
  declare private announceLoading: boolean;

  constructor() {
    super();
    this.headingLevel = 2;
    this.hideLanguageSwitch = false;
    this.linksInNewTab = false;
    this.state = { status: 'empty' };
    this.allSignatoriesShown = false;
    this.announceLoading = false;
  }

  #request?: AbortController;
  #stopWatchingLanguage?: () => void;
  #chunks = new ChunkedRenderController(this);
  /** The webmaster's children, taken out of the page while the letter shows; back on failure. */
  #fallback?: ChildNode[];
  /** The letter renders into this element, the element's own child beside the fallback. */
  #container?: HTMLElement;
  #idPrefix?: string;
  /** Focus to restore after this update: the title after a retry, or a language button after switching. */
  #focusAfterUpdate?: string;
  /** The event for the state this update renders, dispatched once it is in the page. */
  #event?: CustomEvent;
  #loadingTimer?: ReturnType<typeof setTimeout>;
  /** The part of the letter the page's address points at (`page#<id>`), to scroll to once it is rendered. */
  #fragmentTarget?: string;
  #internals = this.attachInternals();

  /** Renders into the page, not a shadow root: the letter belongs to the document. */
  protected override createRenderRoot(): HTMLElement {
    this.#container = document.createElement('div');
    this.#container.className = 'open-letter__live';
    this.append(this.#container);
    return this.#container;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Inside the element, not the page: a forgotten link, or a block moved into an iframe or a shadow root.
    if (!isStyled(this) && !this.#container!.querySelector('link')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = stylesheetUrl();
      this.#container!.before(link);
    }
    this.#stopWatchingLanguage = onLanguageChange(() => this.requestUpdate());
    // A block moved in the page was aborted on leaving; it loads again on arrival.
    if (this.state.status === 'loading' && !this.#request) this.#load(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingLanguage?.();
    this.#request?.abort();
    this.#request = undefined;
  }

  /** The language the block is read in (see the README for the order of preference). */
  get readerLanguage(): Language {
    return (
      this.chosenLanguage ??
      negotiateLanguage([
        ...languagesAround(this),
        ...navigator.languages,
        this.state.status === 'loaded' ? this.state.campaign.language : undefined,
      ]) ??
      DEFAULT_LANGUAGE
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('campaign') || changed.has('referrerPolicy')) this.#load(false);
    if (
      changed.has('highlight') &&
      this.highlight != null &&
      typeof this.highlight !== 'string' &&
      !Array.isArray(this.highlight)
    ) {
      console.warn(
        `<open-letter>: highlight must be names separated by commas, or a list of names; got ${typeof this.highlight}, ignored`,
      );
    }
    // No attribute (null) means the default, 2, without a word.
    if (changed.has('headingLevel') && this.headingLevel != null && !isHeadingLevel(this.headingLevel)) {
      console.warn(
        `<open-letter>: heading-level must be a whole number from 1 to 6, got ${String(this.headingLevel)}; using 2`,
      );
    }
    // Busy while loading: assistive technology waits instead of reading a half state.
    this.#internals.ariaBusy = this.state.status === 'loading' ? 'true' : null;
  }

  protected override update(changed: PropertyValues<this>): void {
    // Out before the live letter is in, in the same task: assistive technology never meets the
    // letter twice, and nothing paints with both or neither.
    if (this.state.status === 'loaded') this.#takeOutFallback();
    else if (this.#fallback) {
      this.#container!.before(...this.#fallback);
      this.#fallback = undefined;
    }
    // msg() reads the language while rendering: give it this block's own, decided after
    // willUpdate() has taken in a new campaign (whose language may be the deciding one).
    inLanguage(this.readerLanguage, () => super.update(changed));
  }

  protected override updated(): void {
    // Kept until the target is there: the title after a retry appears only once the letter has loaded.
    const target = this.#focusAfterUpdate && this.querySelector<HTMLElement>(this.#focusAfterUpdate);
    if (target) {
      target.focus();
      this.#focusAfterUpdate = undefined;
    }
    // After the focus, which may scroll too: the part the address points at is what the reader sees.
    if (this.#fragmentTarget) {
      this.querySelector(this.#fragmentTarget)?.scrollIntoView();
      this.#fragmentTarget = undefined;
    }
    // After the render — of the whole letter, when a long one renders a part per task — so listeners
    // find the letter in the page, and may set src or campaign again.
    const event = this.#event;
    if (event && !this.#chunks.growing) {
      this.#event = undefined;
      this.dispatchEvent(event);
    }
  }

  /** Resolves once the whole letter is in the page, also when a long one renders a part per task. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#chunks.growing) {
      await new Promise((resolve) => setTimeout(resolve));
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  #load(retrying: boolean): void {
    this.allSignatoriesShown = false;
    this.#request?.abort();
    this.#request = undefined;
    if (this.campaign !== undefined) {
      this.#accept(this.campaign, 'the campaign property', document.baseURI);
      return;
    }
    if (!this.src) {
      this.state = { status: 'empty' };
      return;
    }
    let url: URL;
    try {
      url = new URL(this.src, document.baseURI);
    } catch {
      this.#fail(new CampaignError('network', `src "${this.src}" is not a valid URL`));
      return;
    }
    this.#setLoading(retrying);
    // Removed before its first update (a framework's double mount): connecting again loads.
    if (!this.isConnected) return;
    const request = new AbortController();
    this.#request = request;
    requestCampaign(url, {
      signal: request.signal,
      timeout: OpenLetter.timeout,
      maxBytes: OpenLetter.maxBytes,
      retryDelay: OpenLetter.retryDelay,
      referrerPolicy: (this.referrerPolicy || undefined) as ReferrerPolicy | undefined,
      fresh: retrying,
    }).then(
      async ({ data, url: answeredFrom }) => {
        // Parsing, checking and rendering a campaign are tasks of their own: for the largest campaigns
        // each takes tens of milliseconds, and the page responds in between.
        await nextTask();
        if (request !== this.#request) return; // A newer src won, or the block left.
        const campaign = this.#check(data, url.href, answeredFrom);
        if (!campaign) return;
        // A pre-rendered letter is painted before the block takes it over: an answer that comes before the page's
        // first paint would else replace it unseen, and the reader waits for the block's own render instead.
        const prerendered = this.querySelector(PRERENDERED_LETTER);
        await (prerendered ? painted(prerendered) : nextTask());
        if (request !== this.#request) return;
        // this.#request stays: the block holds its share of the answer until it loads another or leaves.
        this.#show(campaign, answeredFrom);
      },
      (error: unknown) => {
        if (request !== this.#request) return; // Aborted or superseded: nobody waits for it.
        this.#request = undefined;
        this.#fail(
          error instanceof CampaignError ? error : new CampaignError('network', `loading ${url} failed: ${error}`),
        );
      },
    );
  }

  #setLoading(retrying: boolean): void {
    this.state = { status: 'loading', retrying };
    this.announceLoading = false;
    clearTimeout(this.#loadingTimer);
    // The live region is in the page, empty, before the message arrives: only then is it announced.
    this.#loadingTimer = setTimeout(() => (this.announceLoading = true), ANNOUNCE_LOADING_AFTER);
  }

  #accept(data: unknown, origin: string, linkBase: string): void {
    const campaign = this.#check(data, origin, linkBase);
    if (campaign) this.#show(campaign, linkBase);
  }

  /** The checked copy of the campaign, or undefined after failing with what is wrong. */
  #check(data: unknown, origin: string, linkBase: string): Campaign | undefined {
    const check = checkCampaign(data);
    if (!check.valid) {
      const problems = check.problems.map((problem) => `\n  ${problem.path}: ${problem.message}`).join('');
      const what = check.reason === 'version' ? 'of an unsupported version' : 'not valid';
      this.#fail(new CampaignError(check.reason, `the campaign from ${origin} is ${what}:${problems}`));
      return;
    }
    check.campaign.sources?.forEach((source, index) => {
      if (!httpUrl(source.url, linkBase)) {
        console.warn(
          `<open-letter>: sources[${index}].url in the campaign from ${origin} is not http(s), or hides its host behind user info; shown as text: ${JSON.stringify(source.url)}`,
        );
      }
    });
    return check.campaign;
  }

  #show(campaign: Campaign, linkBase: string): void {
    clearTimeout(this.#loadingTimer);
    this.#chunks.reset();
    this.state = { status: 'loaded', campaign, linkBase };
    this.#event = new CustomEvent<OpenLetterLoadDetail>('open-letter-load', {
      bubbles: true,
      composed: true,
      detail: { campaign },
    });
  }

  #fail(error: CampaignError): void {
    clearTimeout(this.#loadingTimer);
    this.#focusAfterUpdate = undefined;
    this.state = { status: 'error' };
    console.error(`<open-letter>: ${error.message}`);
    this.#event = new CustomEvent<OpenLetterErrorDetail>('open-letter-error', {
      bubbles: true,
      composed: true,
      detail: { reason: error.reason, message: error.message },
    });
  }

  #retry = () => {
    if (this.state.status !== 'error') return;
    if (this.matches(':focus-within')) this.#focusAfterUpdate = '.open-letter__title';
    this.#load(true);
  };

  #choose(language: Language) {
    if (language === this.readerLanguage) return;
    this.chosenLanguage = language;
    // The letter is made anew in the new language (see render()); keep focus on the button.
    this.#focusAfterUpdate = `.open-letter__language[lang="${language}"]`;
    this.#chunks.reset();
  }

  /** Takes the webmaster's children out of the page while the letter shows, keeping them for a failure. */
  #takeOutFallback(): void {
    if (this.#fallback) return;
    this.#ids(); // The pre-rendered letter's ids, while it is still here.
    const children = [...this.childNodes].filter(
      (node) => node !== this.#container && !(node instanceof HTMLLinkElement || node instanceof HTMLScriptElement),
    );
    // The browser scrolled to `page#<id>` already if the pre-rendered letter has it; else it could not.
    const id = fragment();
    const target = id && `#${CSS.escape(id)}`;
    if (target && !this.querySelector(target)) this.#fragmentTarget = target;
    // A keyboard user already in the pre-rendered letter goes on from its title.
    if (children.some((node) => node.contains(document.activeElement))) this.#focusAfterUpdate = '.open-letter__title';
    this.#fallback = children;
    for (const node of children) node.remove();
  }

  /** Ids unique on the page: the pre-rendered letter's, else from the element's id, else by its place among the blocks. */
  #ids(): string {
    return (this.#idPrefix ||=
      this.querySelector(PRERENDERED_LETTER)?.id.slice(0, -'letter'.length) ||
      (this.id && `${this.id}-`) ||
      idsByPlace(this));
  }

  protected override render() {
    const { state } = this;
    const failed = state.status === 'error' || (state.status === 'loading' && state.retrying);
    return html`
      ${state.status === 'loaded' ? inItsOwnFrame[this.readerLanguage](this.#renderLetter(state.campaign, state.linkBase)) : nothing}
      <div class="open-letter__status" role="status">
        ${state.status === 'loading' && this.announceLoading ? msg('Loading the letter…', { id: 'loading' }) : nothing}
      </div>
      <div class="open-letter__error">
        <p class="open-letter__alert" role="alert" aria-live="assertive">${
          state.status === 'error' ? msg('The letter could not be loaded.', { id: 'failed' }) : nothing
        }</p>
        ${
          failed
            ? html`<button
              type="button"
              class="open-letter__retry"
              aria-disabled=${state.status === 'loading'}
              @click=${this.#retry}
            >
              ${msg('Try again', { id: 'try-again' })}
            </button>`
            : nothing
        }
      </div>
    `;
  }

  #renderLetter(campaign: Campaign, linkBase: string) {
    const reader = this.readerLanguage;
    const count = campaign.signatories.length;
    const folded = count > OpenLetter.foldSignatoriesAbove;
    const languages = SUPPORTED_LANGUAGES.filter((language) => languagesOf(campaign).includes(language));
    const hasControls = !this.hideLanguageSwitch && languages.length > 1;
    const p = this.#ids();
    return letterTemplate(campaign, {
      reader,
      headingLevel: this.headingLevel,
      idPrefix: p,
      hrefFor: (url) => httpUrl(url, linkBase)?.href,
      linksInNewTab: this.linksInNewTab,
      highlight: namesIn(this.highlight),
      signatoryLimit: folded && !this.allSignatoriesShown ? OpenLetter.signatoriesWhenFolded : undefined,
      budget: this.#chunks.next(),
      hasControls,
      controls: hasControls ? this.#renderLanguageSwitch(languages, reader) : undefined,
      signatoryDisclosure: folded
        ? html`<button
            type="button"
            class="open-letter__disclosure"
            aria-expanded=${this.allSignatoriesShown}
            aria-controls=${`${p}signatory-list`}
            @click=${() => (this.allSignatoriesShown = !this.allSignatoriesShown)}
          >
            ${
              this.allSignatoriesShown
                ? msg('Show fewer signatories', { id: 'show-fewer' })
                : msg(str`Show all ${formatCount(count, reader)} signatories`, { id: 'show-all' })
            }
          </button>`
        : undefined,
    });
  }

  #renderLanguageSwitch(languages: Language[], reader: Language) {
    return html`<div class="open-letter__language-switch" role="group" aria-label=${msg('Language', { id: 'language' })}>
      ${languages.map(
        (language) =>
          html`<button
            type="button"
            class="open-letter__language"
            lang=${language}
            aria-pressed=${language === reader}
            @click=${() => this.#choose(language)}
          >
            ${languageNames[language]}
          </button>`,
      )}
    </div>`;
  }
}

/**
 * Resolves once the page has shown the pre-rendered `letter`, or after FRAME_WAIT_LIMIT (a
 * background tab or a hidden frame shows nothing). A frame reaches the screen well after the
 * script's animation frame, the first one most of all, and Chromium reports the paint of a text
 * only if it is still in the page then. So the block waits for the browser's report: the largest
 * contentful paint inside the letter where the browser reports one (Chromium, Firefox), else the
 * first contentful paint (WebKit); then two more frames.
 */
function painted(letter: Element): Promise<void> {
  return new Promise((resolve) => {
    const type = PerformanceObserver.supportedEntryTypes.includes('largest-contentful-paint')
      ? 'largest-contentful-paint'
      : 'paint';
    // One report is enough: the observer stops at the first, or at the limit.
    const observer = new PerformanceObserver((list) => {
      const shown = list.getEntries().some((entry) => {
        const element = (entry as PerformanceEntry & { element?: Element | null }).element;
        return element ? letter.contains(element) : entry.name === 'first-contentful-paint';
      });
      if (!shown) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)));
    });
    observer.observe({ type, buffered: true });
    setTimeout(() => {
      observer.disconnect();
      resolve();
    }, FRAME_WAIT_LIMIT);
  });
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/** The id the page's address points at, if any. */
function fragment(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

/** `open-letter-` for the first block of a page, `open-letter-2-` for the second…, skipping any already taken. */
function idsByPlace(block: OpenLetter): string {
  const root = block.getRootNode() as Document | ShadowRoot;
  let n = [...root.querySelectorAll('open-letter')].indexOf(block) + 1;
  const prefix = () => (n > 1 ? `open-letter-${n}-` : 'open-letter-');
  while (root.getElementById?.(`${prefix()}letter`)) n++;
  return prefix();
}

/** `highlight` as names: an attribute's comma-separated list, or a list a framework passes as a property. */
function namesIn(highlight: unknown): string[] {
  const names = Array.isArray(highlight) ? highlight : typeof highlight === 'string' ? highlight.split(',') : [];
  return names.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
}
