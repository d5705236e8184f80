import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { checkCampaign, type Campaign, type Signatory, type Source, type Text } from './campaign-schema.js';
import { isTranslation, languagesOf, textFor } from './campaign-text.js';
import { CampaignError, type FailureReason } from './fetch-campaign.js';
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

interface HeadingAttributes {
  id: string;
  lang?: string;
  /** Only the title: a target for focus after a retry, and a styling hook. */
  isTitle?: boolean;
}
/** One template per heading level: a tag name cannot be a binding. */
const headings = [
  (a: HeadingAttributes, c: unknown) => html`<h1 id=${a.id} lang=${a.lang ?? nothing} part=${a.isTitle ? 'title' : nothing} tabindex=${a.isTitle ? -1 : nothing}>${c}</h1>`,
  (a: HeadingAttributes, c: unknown) => html`<h2 id=${a.id} lang=${a.lang ?? nothing} part=${a.isTitle ? 'title' : nothing} tabindex=${a.isTitle ? -1 : nothing}>${c}</h2>`,
  (a: HeadingAttributes, c: unknown) => html`<h3 id=${a.id} lang=${a.lang ?? nothing} part=${a.isTitle ? 'title' : nothing} tabindex=${a.isTitle ? -1 : nothing}>${c}</h3>`,
  (a: HeadingAttributes, c: unknown) => html`<h4 id=${a.id} lang=${a.lang ?? nothing} part=${a.isTitle ? 'title' : nothing} tabindex=${a.isTitle ? -1 : nothing}>${c}</h4>`,
  (a: HeadingAttributes, c: unknown) => html`<h5 id=${a.id} lang=${a.lang ?? nothing} part=${a.isTitle ? 'title' : nothing} tabindex=${a.isTitle ? -1 : nothing}>${c}</h5>`,
  (a: HeadingAttributes, c: unknown) => html`<h6 id=${a.id} lang=${a.lang ?? nothing} part=${a.isTitle ? 'title' : nothing} tabindex=${a.isTitle ? -1 : nothing}>${c}</h6>`,
];

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
 * @fires open-letter-load - The letter rendered. `detail: { campaign }`.
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
 * @csspart sources - The list of sources.
 * @csspart error - The error message with its retry button.
 *
 * @cssprop --open-letter-accent - Colour of the rule beside the demands and of the active language. Default `#1d4ed8`.
 * @cssprop --open-letter-link-color - Link colour. Default: inherited.
 * @cssprop --open-letter-background - Background of the block. Default `transparent`.
 * @cssprop --open-letter-border - Border around the block. Default `1px solid #767676`.
 * @cssprop --open-letter-spacing - Base spacing unit. Default `1rem`.
 * @cssprop --open-letter-max-width - Maximum line length. Default `42rem`.
 */
export class OpenLetter extends LitElement {
  static override styles = styles;

  /** Milliseconds before a request fails with reason `timeout`. */
  static timeout = 10_000;

  /** Responses larger than this many bytes are refused with reason `size`. */
  static maxBytes = 1_048_576;

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
   * The referrer policy of the campaign request, as in HTML's `referrerpolicy` (e.g. `no-referrer`);
   * by default the page's own policy.
   */
  declare referrerPolicy: string;

  /** The campaign object itself, for hosts that already have the data; no fetch then. */
  declare campaign?: unknown;

  private declare status: Status;
  private declare shown?: Campaign;
  /** The language the reader picked with the switch in this block, for this page view only. */
  private declare chosenLanguage?: Language;
  /** A retry is under way: the error and its button stay, so focus is not lost. */
  private declare retrying: boolean;
  /** The reader opened the full list of a long list of signatories. */
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

  protected override performUpdate(): void {
    // msg() reads the language while rendering: give it this block's own.
    inLanguage(this.readerLanguage, () => super.performUpdate());
  }

  protected override updated(): void {
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
    const request = new AbortController();
    this.#request = request;
    this.status = 'loading';
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
            : new CampaignError('network', `loading ${url} failed: ${String(error)}`),
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
          `<open-letter>: sources[${index}].url in the campaign from ${origin} is not http(s), so it is shown as text: ${JSON.stringify(source.url)}`,
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

  #renderLetter(campaign: Campaign): TemplateResult {
    const reader = this.readerLanguage;
    const t = (text: Text, tag: 'p' | 'span' | 'li' = 'p', className?: string) =>
      this.#text(text, tag, reader, campaign.language, className);
    const letter = campaign.letter;
    const title = textFor(campaign.title, reader, campaign.language);
    return html`
      <article part="letter" lang=${reader} aria-labelledby="title">
        ${this.#renderLanguageSwitch(campaign, reader)}
        <header>
          ${this.#heading(0, html`${title.text}`, 'title', title.lang === reader ? undefined : title.lang)}
          <p class="meta">
            <time datetime=${campaign.date}>${formatDate(campaign.date, reader)}</time>${campaign.initiator
              ? html` · ${msg('Initiative:')} ${this.#text(campaign.initiator, 'span', reader, campaign.language)}`
              : nothing}
          </p>
          ${title.lang === reader && isTranslation(campaign, reader)
            ? html`<p class="translation-note">${msg(
                str`Translated from the original ${languageName(campaign.language, reader)}.`,
              )}</p>`
            : nothing}
          ${campaign.summary ? t(campaign.summary, 'p', 'summary') : nothing}
        </header>
        <div class="letter">
          ${letter.salutation ? t(letter.salutation) : nothing}
          ${letter.paragraphs.map((paragraph) => t(paragraph))}
          <section>
            ${this.#heading(1, html`${msg('Demands')}`, 'demands')}
            ${letter.demandsIntro ? t(letter.demandsIntro) : nothing}
            <ol part="demands" class="demands">
              ${letter.demands.map((demand) => t(demand, 'li'))}
            </ol>
          </section>
          ${(letter.closing ?? []).map((paragraph) => t(paragraph))}
          ${letter.signOff ? t(letter.signOff, 'p', 'sign-off') : nothing}
        </div>
        <section>
          ${this.#heading(1, html`${signatoryCount(campaign.signatories.length, reader)}`, 'signatories')}
          ${this.#renderSignatories(campaign.signatories, reader)}
        </section>
        ${campaign.sources?.length
          ? html`<section>
              ${this.#heading(1, html`${msg('Sources')}`, 'sources')}
              <ul part="sources" class="sources">
                ${campaign.sources.map((source) => this.#renderSource(source, campaign, reader))}
              </ul>
            </section>`
          : nothing}
      </article>
    `;
  }

  #renderSignatories(signatories: Signatory[], reader: Language) {
    const long = signatories.length > OpenLetter.longList;
    const shown = long && !this.allSignatoriesShown ? signatories.slice(0, OpenLetter.shortList) : signatories;
    return html`<ul part="signatories" class="signatories" id="signatory-list">
        ${shown.map(
          (signatory) =>
            html`<li><span class="name">${signatory.name}</span>, ${signatory.party}${signatory.place
                ? ` (${signatory.place})`
                : nothing}</li>`,
        )}
      </ul>
      ${long
        ? html`<button
            type="button"
            class="disclosure"
            aria-expanded=${this.allSignatoriesShown ? 'true' : 'false'}
            aria-controls="signatory-list"
            @click=${() => (this.allSignatoriesShown = !this.allSignatoriesShown)}
          >
            ${this.allSignatoriesShown
              ? msg('Show fewer signatories')
              : msg(str`Show all ${new Intl.NumberFormat(reader).format(signatories.length)} signatories`)}
          </button>`
        : nothing}`;
  }

  #renderLanguageSwitch(campaign: Campaign, reader: Language) {
    const available = SUPPORTED_LANGUAGES.filter((language) => languagesOf(campaign).includes(language));
    if (this.hideLanguageSwitch || available.length < 2) return nothing;
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

  #renderSource(source: Source, campaign: Campaign, reader: Language) {
    const title = textFor(source.title, reader, campaign.language);
    const url = httpUrl(source.url, this.#linkBase);
    const label = html`<span lang=${title.lang === reader ? nothing : title.lang}>${title.text}</span>${source.publisher
        ? html`, ${source.publisher}`
        : nothing}${source.kind === 'pdf' ? html` (${msg('PDF')})` : nothing}`;
    return html`<li>
      ${url
        ? html`<a
            href=${url.href}
            rel="noopener noreferrer"
            target=${this.linksInNewTab ? '_blank' : nothing}
            >${label}${this.linksInNewTab ? html` (${msg('opens in a new tab')})` : nothing}</a
          >`
        : html`<span class="unlinked">${label}</span>`}${source.date
        ? html`, <time datetime=${source.date}>${formatDate(source.date, reader)}</time>`
        : nothing}
    </li>`;
  }

  #text(text: Text, tag: 'p' | 'span' | 'li', reader: Language, campaignLanguage: string, className?: string) {
    const shown = textFor(text, reader, campaignLanguage);
    const lang = shown.lang === reader ? nothing : shown.lang;
    const classes = className ?? nothing;
    switch (tag) {
      case 'p':
        return html`<p lang=${lang} class=${classes}>${shown.text}</p>`;
      case 'li':
        return html`<li lang=${lang} class=${classes}>${shown.text}</li>`;
      case 'span':
        return html`<span lang=${lang} class=${classes}>${shown.text}</span>`;
    }
  }

  /** A heading `offset` levels below `heading-level`, kept within h1–h6. */
  #heading(offset: number, content: TemplateResult, id: string, lang?: string) {
    const level = clampLevel(this.headingLevel) + offset;
    return headings[Math.min(level, 6) - 1]({ id, lang, isTitle: id === 'title' }, content);
  }
}

function clampLevel(level: number): number {
  return Number.isInteger(level) ? Math.min(Math.max(level, 1), 6) : 2;
}

function formatDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

function languageName(tag: string, inLanguage: Language): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function signatoryCount(count: number, language: Language): string {
  const formatted = new Intl.NumberFormat(language).format(count);
  return new Intl.PluralRules(language).select(count) === 'one'
    ? msg(str`${formatted} signatory`)
    : msg(str`${formatted} signatories`);
}
