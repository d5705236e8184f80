import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { checkCampaign, type Campaign } from './campaign-schema.js';
import { languagesOf } from './campaign-text.js';
import { letterTemplate } from './letter-template.js';
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
import { styles } from './open-letter.styles.js';

export interface OpenLetterLoadDetail {
  campaign: Campaign;
}

export interface OpenLetterErrorDetail {
  reason: FailureReason;
  message: string;
}

type Status = 'empty' | 'loading' | 'loaded' | 'error';

/** Signatories rendered per task when the full list opens. */
const CHUNK = 500;

/** The names of the interface languages, each written in its own language. */
const languageNames: Record<Language, string> = { nl: 'Nederlands', en: 'English' };

/**
 * Shows one campaign letter — title, date, summary, the letter with its demands, the
 * signatories and the sources — from a JSON endpoint or a campaign object.
 *
 * Its children are fallback content: shown until the letter renders and again if
 * loading fails, so a page without JavaScript or with a dead endpoint still shows
 * something useful.
 *
 * @tagname open-letter
 * @fires open-letter-load - The campaign was checked and the letter is about to render (`await el.updateComplete` to find it in the shadow root). `detail: { campaign }`, the checked campaign.
 * @fires open-letter-error - Loading or checking the campaign failed. `detail: { reason, message }`,
 *   `reason` one of `network`, `http`, `timeout`, `size`, `parse`, `invalid`, `version`.
 *
 * @slot - Fallback content, e.g. a link to the letter on the party's own site.
 *
 * @csspart letter - The `article` holding the whole letter.
 * @csspart title - The letter's title.
 * @csspart language-switch - The group of language buttons.
 * @csspart demands - The ordered list of demands.
 * @csspart signatories - The list of signatories.
 * @csspart highlighted-signatory - A signatory named in `highlight`.
 * @csspart sources - The list of sources.
 * @csspart error - The error message with its retry button.
 *
 * @cssprop --open-letter-accent - Colour of the rule beside the demands and under the active language. Default `#1d4ed8`, or `#8ab4f8` where the colour scheme is dark.
 * @cssprop --open-letter-link-color - Link colour. Default: inherited.
 * @cssprop --open-letter-background - Background of the block. Default `transparent`.
 * @cssprop --open-letter-border - Border around the block. Default `1px solid #767676`.
 * @cssprop --open-letter-spacing - Base spacing unit. Default `1rem`.
 * @cssprop --open-letter-max-width - Maximum line length. Default `42rem`.
 */
export class OpenLetter extends LitElement {
  static override styles = styles;

  /** Milliseconds before a request fails with reason `timeout`. */
  static timeout = DEFAULT_TIMEOUT;

  /** Responses larger than this many bytes are refused with reason `size`. */
  static maxBytes = DEFAULT_MAX_BYTES;

  /** Milliseconds (plus up to half again, at random) before the one automatic retry after a network or server failure. */
  static retryDelay = 1_000;

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
    status: { state: true },
    shown: { state: true },
    chosenLanguage: { state: true },
    retrying: { state: true },
    allSignatoriesShown: { state: true },
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
   * a webmaster highlights the own party's signatory. Compared without case.
   */
  declare highlight?: string;

  /**
   * The referrer policy of the campaign request, as in HTML's `referrerpolicy` (e.g. `no-referrer`);
   * by default the page's own policy.
   */
  declare referrerPolicy: string;

  /** The campaign object itself, for hosts that already have the data; no fetch then. */
  declare campaign?: unknown;

  /** @internal */
  private declare status: Status;
  /** @internal */
  private declare shown?: Campaign;
  /** @internal The language the reader picked with the switch in this block, for this page view only. */
  private declare chosenLanguage?: Language;
  /** @internal A retry is under way: the error and its button stay, so focus is not lost. */
  private declare retrying: boolean;
  /** @internal The reader opened the full list of a long list of signatories. */
  private declare allSignatoriesShown: boolean;

  /** Longer lists of signatories show their first `shortList` entries and a button for the rest. */
  static longList = 25;
  static shortList = 20;

  constructor() {
    super();
    this.headingLevel = 2;
    this.hideLanguageSwitch = false;
    this.linksInNewTab = false;
    this.status = 'empty';
    this.retrying = false;
    this.allSignatoriesShown = false;
  }

  #request?: AbortController;
  /** Base for the campaign's relative links: the JSON's own URL, else the page. */
  #linkBase: string = document.baseURI;
  #stopWatchingLanguage?: () => void;
  #focusTitleOnLoad = false;
  /** How many signatories the opened full list shows so far: it grows a chunk per task. */
  #listed = 0;
  #internals = this.attachInternals();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopWatchingLanguage = onLanguageChange(() => this.requestUpdate());
    // A block moved in the page was aborted on leaving; it loads again on arrival.
    if (this.status === 'loading' && !this.#request) this.#load();
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
        this.shown?.language,
      ]) ??
      DEFAULT_LANGUAGE
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('campaign') || changed.has('referrerPolicy')) this.#load();
    // Busy while loading: assistive technology waits instead of reading a half state.
    this.#internals.ariaBusy = this.status === 'loading' ? 'true' : null;
  }

  protected override update(changed: PropertyValues<this>): void {
    // msg() reads the language while rendering: give it this block's own, decided after
    // willUpdate() has taken in a new campaign (whose language may be the deciding one).
    inLanguage(this.readerLanguage, () => super.update(changed));
  }

  protected override updated(): void {
    // Thousands of signatories render a chunk per task, so the page stays responsive.
    if (this.allSignatoriesShown && this.#listed < (this.shown?.signatories.length ?? 0)) {
      setTimeout(() => {
        this.#listed += CHUNK;
        this.requestUpdate();
      });
    }
    if (this.status === 'loaded' && this.#focusTitleOnLoad) {
      this.#focusTitleOnLoad = false;
      this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
    }
  }

  #load(fresh = false): void {
    this.allSignatoriesShown = false;
    this.#request?.abort();
    this.#request = undefined;
    if (this.campaign !== undefined) {
      this.#linkBase = document.baseURI;
      this.#accept(this.campaign, 'the campaign property');
      return;
    }
    if (!this.src) {
      this.status = 'empty';
      this.shown = undefined;
      return;
    }
    let url: URL;
    try {
      url = new URL(this.src, document.baseURI);
    } catch {
      this.#fail(new CampaignError('network', `src "${this.src}" is not a valid URL`));
      return;
    }
    this.status = 'loading';
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
      fresh,
    }).then(
      (data) => {
        if (request !== this.#request) return; // A newer src won.
        this.#request = undefined;
        this.#linkBase = url.href;
        this.#accept(data, url.href);
      },
      (error: unknown) => {
        if (request !== this.#request) return; // Aborted or superseded: nobody waits for it.
        this.#request = undefined;
        this.#fail(
          error instanceof CampaignError
            ? error
            : new CampaignError('network', `loading ${url} failed: ${error}`),
        );
      },
    );
  }

  #accept(data: unknown, origin: string): void {
    this.retrying = false;
    const check = checkCampaign(data);
    if (!check.valid) {
      const problems = check.problems.map((problem) => `\n  ${problem.path}: ${problem.message}`).join('');
      const what = check.reason === 'version' ? 'of an unsupported version' : 'not valid';
      this.#fail(new CampaignError(check.reason, `the campaign from ${origin} is ${what}:${problems}`));
      return;
    }
    this.#warnAboutUnsafeLinks(check.campaign, origin);
    this.shown = check.campaign;
    this.status = 'loaded';
    this.dispatchEvent(
      new CustomEvent<OpenLetterLoadDetail>('open-letter-load', {
        bubbles: true,
        composed: true,
        detail: { campaign: check.campaign },
      }),
    );
  }

  #fail(error: CampaignError): void {
    this.retrying = false;
    this.status = 'error';
    this.shown = undefined;
    console.error(`<open-letter>: ${error.message}`);
    this.dispatchEvent(
      new CustomEvent<OpenLetterErrorDetail>('open-letter-error', {
        bubbles: true,
        composed: true,
        detail: { reason: error.reason, message: error.message },
      }),
    );
  }

  #warnAboutUnsafeLinks(campaign: Campaign, origin: string): void {
    campaign.sources?.forEach((source, index) => {
      if (!httpUrl(source.url, this.#linkBase)) {
        console.warn(
          `<open-letter>: sources[${index}].url in the campaign from ${origin} is not http(s); shown as text: ${JSON.stringify(source.url)}`,
        );
      }
    });
  }

  #retry = () => {
    if (this.retrying) return;
    this.retrying = true;
    this.#focusTitleOnLoad = this.renderRoot.contains(document.activeElement) || this.matches(':focus-within');
    this.#load(true);
  };

  #choose(language: Language) {
    this.chosenLanguage = language;
  }

  protected override render() {
    const loading = this.status === 'loading';
    const failed = this.status === 'error' || this.retrying;
    return html`
      ${this.status === 'loaded' && this.shown ? this.#renderLetter(this.shown) : html`<slot></slot>`}
      <div class="visually-hidden" role="status" aria-live="polite">
        ${loading ? msg('Loading the letter…') : nothing}
      </div>
      <div part="error" class="error" ?hidden=${!failed}>
        <p role="alert">${this.status === 'error' ? msg('The letter could not be loaded.') : nothing}</p>
        ${failed
          ? html`<button type="button" aria-disabled=${this.retrying ? 'true' : 'false'} @click=${this.#retry}>
              ${msg('Try again')}
            </button>`
          : nothing}
      </div>
    `;
  }

  #renderLetter(campaign: Campaign) {
    const reader = this.readerLanguage;
    const count = campaign.signatories.length;
    const long = count > OpenLetter.longList;
    return letterTemplate(campaign, {
      reader,
      headingLevel: this.headingLevel,
      linkBase: this.#linkBase,
      linksInNewTab: this.linksInNewTab,
      highlight: this.highlight?.split(',').filter((name) => name.trim()),
      signatoryLimit: long ? (this.allSignatoriesShown ? this.#listed : OpenLetter.shortList) : undefined,
      languageSwitch: this.#renderLanguageSwitch(campaign, reader),
      signatoryDisclosure: long
        ? html`<button
            type="button"
            class="disclosure"
            aria-expanded=${this.allSignatoriesShown ? 'true' : 'false'}
            aria-controls="signatory-list"
            @click=${() => {
              this.#listed = OpenLetter.shortList + CHUNK;
              this.allSignatoriesShown = !this.allSignatoriesShown;
            }}
          >
            ${this.allSignatoriesShown
              ? msg('Show fewer signatories')
              : msg(str`Show all ${new Intl.NumberFormat(reader).format(count)} signatories`)}
          </button>`
        : undefined,
    });
  }

  #renderLanguageSwitch(campaign: Campaign, reader: Language) {
    const available = SUPPORTED_LANGUAGES.filter((language) => languagesOf(campaign).includes(language));
    if (this.hideLanguageSwitch || available.length < 2) return undefined;
    return html`<div part="language-switch" class="language-switch" role="group" aria-label=${msg('Language')}>
      ${available.map(
        (language) =>
          html`<button
            type="button"
            lang=${language}
            aria-pressed=${language === reader ? 'true' : 'false'}
            @click=${() => this.#choose(language)}
          >
            ${languageNames[language]}
          </button>`,
      )}
    </div>`;
  }


}

