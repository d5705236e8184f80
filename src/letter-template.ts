/**
 * The letter itself as a Lit template: a pure function of the campaign and how it is
 * viewed. The element renders it into the page (light DOM); the `snapshot` command
 * renders the same template to static HTML, so the pre-rendered letter and the live
 * one have the same markup and classes, and the block can take one over from the other.
 *
 * Every value from the campaign goes into a text or attribute binding, never into
 * markup: Lit escapes it. Only addresses `hrefFor` accepts become links. Each inline
 * piece of data text sits in its own `<bdi>`, so bidi controls in one field cannot
 * reorder its neighbours.
 *
 * Class names have one prefix, `open-letter__` (BEM): the styling hooks webmasters use.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Campaign, Signatory, Source, Text } from './campaign-schema.js';
import { isTranslation, textFor } from './campaign-text.js';
import type { Language } from './language.js';
import { RenderBudget } from './chunked-render.js';

export interface LetterView {
  /** The language the block is read in. */
  reader: Language;
  /** Level of the title's heading (1–6); sections are one below. */
  headingLevel: number;
  /** Put before every id, so ids are unique on a page with several blocks (e.g. `open-letter-`). */
  idPrefix: string;
  /** The link address for a source's `url`, or undefined to show the source as text. */
  hrefFor: (url: string) => string | undefined;
  linksInNewTab?: boolean;
  /** Party or signatory names to emphasise, compared without case. */
  highlight?: readonly string[];
  /** How many signatories to list; all when undefined. */
  signatoryLimit?: number;
  /** How much of the letter to render: a long letter renders a part per task. All when undefined. */
  budget?: RenderBudget;
  /** The row the element fills with its controls (the language switch). Present in a snapshot too, empty, so nothing moves when the block takes over. */
  controls?: TemplateResult;
  /** Whether the letter has a row for controls at all. */
  hasControls: boolean;
  signatoryDisclosure?: TemplateResult;
}

type Heading = (id: string, className: string, lang: unknown, tabindex: unknown, content: unknown) => TemplateResult;

/** One template per heading level: a tag name cannot be a binding. */
const headings: Heading[] = [
  (id, className, lang, tabindex, content) =>
    html`<h1 id=${id} class=${className} lang=${lang} tabindex=${tabindex}>${content}</h1>`,
  (id, className, lang, tabindex, content) =>
    html`<h2 id=${id} class=${className} lang=${lang} tabindex=${tabindex}>${content}</h2>`,
  (id, className, lang, tabindex, content) =>
    html`<h3 id=${id} class=${className} lang=${lang} tabindex=${tabindex}>${content}</h3>`,
  (id, className, lang, tabindex, content) =>
    html`<h4 id=${id} class=${className} lang=${lang} tabindex=${tabindex}>${content}</h4>`,
  (id, className, lang, tabindex, content) =>
    html`<h5 id=${id} class=${className} lang=${lang} tabindex=${tabindex}>${content}</h5>`,
  (id, className, lang, tabindex, content) =>
    html`<h6 id=${id} class=${className} lang=${lang} tabindex=${tabindex}>${content}</h6>`,
];

export function letterTemplate(campaign: Campaign, view: LetterView): TemplateResult {
  const { reader, idPrefix: p } = view;
  const budget = view.budget ?? new RenderBudget(Infinity);
  const original = campaign.language;
  const shown = (text: Text) => textFor(text, reader, original);
  /** A block of campaign text, as `tag` with the class `open-letter__<what>`; nothing once the budget is spent. */
  const block = (text: Text, what: string, tag: 'p' | 'li' = 'p', id?: string) => {
    const { text: words, lang } = shown(text);
    if (!budget.take(words)) return nothing;
    const langAttribute = lang === reader ? nothing : lang;
    const className = `open-letter__${what}`;
    return tag === 'p'
      ? html`<p class=${className} lang=${langAttribute}>${words}</p>`
      : html`<li class=${className} id=${id ?? nothing} lang=${langAttribute}>${words}</li>`;
  };
  const heading = (offset: number, content: unknown, id: string, className: string, lang?: string) =>
    // Any other heading level is the default, 2 (the element warns about it). The title is a
    // target for focus after a retry.
    headings[Math.min((isHeadingLevel(view.headingLevel) ? view.headingLevel : 2) + offset, 6) - 1](
      p + id,
      className,
      lang ?? nothing,
      id === 'title' ? -1 : nothing,
      content,
    );
  const letter = campaign.letter;
  const title = shown(campaign.title);
  const highlight = new Set(view.highlight?.map(normalize));
  /** The items that fit the budget, in order: a render that shows 200 of 10,000 signatories makes 200 parts, not 10,000. */
  const fitting = <T>(items: readonly T[], textOf: (item: T) => string) => {
    const fit: T[] = [];
    for (const item of items) {
      if (!budget.take(textOf(item))) break;
      fit.push(item);
    }
    return fit;
  };
  const signatories = campaign.signatories.slice(0, view.signatoryLimit);
  const initiator = campaign.initiator && shown(campaign.initiator);
  return html`
    <article class="open-letter__letter" id=${`${p}letter`} lang=${reader} aria-labelledby=${`${p}title`}>
      ${view.hasControls ? html`<div class="open-letter__controls">${view.controls ?? nothing}</div>` : nothing}
      <header class="open-letter__intro">
        ${heading(0, title.text, 'title', 'open-letter__title', title.lang === reader ? undefined : title.lang)}
        <p class="open-letter__meta">
          <time datetime=${campaign.date}>${formatDate(campaign.date, reader)}</time>${
            initiator
              ? html`<span aria-hidden="true"> · </span><span class="open-letter__initiator"
                  >${msg('Initiated by', { id: 'initiated-by' })} <bdi lang=${initiator.lang === reader ? nothing : initiator.lang}>${sealed(initiator.text)}</bdi></span
                >`
              : nothing
          }
        </p>
        ${
          title.lang === reader && isTranslation(campaign, reader)
            ? html`<p class="open-letter__translation-note">${translationNote(original, reader)}</p>`
            : nothing
        }
        ${campaign.summary ? block(campaign.summary, 'summary') : nothing}
      </header>
      ${letter.salutation ? block(letter.salutation, 'salutation') : nothing}
      ${letter.paragraphs.map((paragraph) => block(paragraph, 'paragraph'))}
      <section class="open-letter__section open-letter__section--demands">
        ${heading(1, msg('What we are asking for', { id: 'demands' }), 'demands', 'open-letter__heading')}
        ${letter.demandsIntro ? block(letter.demandsIntro, 'demands-intro') : nothing}
        <ol class="open-letter__demands">
          ${letter.demands.map((demand, index) => block(demand, 'demand', 'li', `${p}demand-${index + 1}`))}
        </ol>
      </section>
      ${(letter.closing ?? []).map((paragraph) => block(paragraph, 'paragraph'))}
      ${letter.signOff ? block(letter.signOff, 'sign-off') : nothing}
      <section class="open-letter__section open-letter__section--signatories">
        ${heading(1, signatoryCount(campaign.signatories.length, reader), 'signatories', 'open-letter__heading')}
        <ul class="open-letter__signatories" id=${`${p}signatory-list`}>
          ${fitting(signatories, (signatory) => signatory.name).map((signatory) => signatoryItem(signatory, highlight))}
        </ul>
        ${view.signatoryDisclosure ?? nothing}
      </section>
      ${
        campaign.sources?.length
          ? html`<section class="open-letter__section open-letter__section--sources">
            ${heading(1, msg('Sources', { id: 'sources' }), 'sources', 'open-letter__heading')}
            <ul class="open-letter__sources">
              ${fitting(campaign.sources, (source) => shown(source.title).text).map((source) => sourceItem(source, original, view))}
            </ul>
          </section>`
          : nothing
      }
    </article>
  `;
}

function signatoryItem(signatory: Signatory, highlight: Set<string>) {
  const own = highlight.has(normalize(signatory.party)) || highlight.has(normalize(signatory.name));
  // Few bindings per item: a petition's full list has thousands. One line each, because
  // whitespace inside an item would show up in its text. The badge is styled, so a name
  // that ends in "(onze partij)" cannot pass for it.
  return own
    ? html`<li class="open-letter__signatory open-letter__signatory--highlighted"><bdi class="open-letter__name">${sealed(signatory.name)}</bdi>, ${affiliation(signatory)} <span class="open-letter__badge">(${msg('our party', { id: 'our-party' })})</span></li>`
    : html`<li class="open-letter__signatory"><bdi class="open-letter__name">${sealed(signatory.name)}</bdi>, ${affiliation(signatory)}</li>`;
}

function affiliation(signatory: Signatory) {
  return signatory.place
    ? html`<bdi>${sealed(signatory.party)}</bdi> (<bdi>${sealed(signatory.place)}</bdi>)`
    : html`<bdi>${sealed(signatory.party)}</bdi>`;
}

function sourceItem(source: Source, original: string, view: LetterView) {
  const { reader } = view;
  const title = textFor(source.title, reader, original);
  const href = view.hrefFor(source.url);
  const label = html`<bdi lang=${title.lang === reader ? nothing : title.lang}>${sealed(title.text)}</bdi>${
    source.publisher ? html`, <bdi>${sealed(source.publisher)}</bdi>` : nothing
  }${source.kind === 'pdf' ? ` (${msg('PDF', { id: 'pdf' })})` : nothing}`;
  // A title that looks like an address could name another site than the link's: say where it leads.
  const host =
    href && looksLikeAddress(title.text)
      ? html`<span class="open-letter__host">${` (${new URL(href).host})`}</span>`
      : nothing;
  return html`<li class="open-letter__source">${
    href
      ? html`<a class="open-letter__link" href=${href} rel="noopener noreferrer" target=${view.linksInNewTab ? '_blank' : nothing}
        >${label}${host}${view.linksInNewTab ? ` (${msg('opens in a new tab', { id: 'new-tab' })})` : nothing}</a
      >`
      : html`<span class="open-letter__unlinked">${label}</span>`
  }${source.date ? html`, <time datetime=${source.date}>${formatDate(source.date, reader)}</time>` : nothing}</li>`;
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * The text with its bidi controls balanced: what it opens is closed at its end, and a
 * closer with nothing to close is left out. A `<bdi>` alone does not stop an unmatched
 * isolate (RLI without PDI), nor a stray PDI that ends the `<bdi>`'s own isolation, from
 * reordering the text around it.
 */
function sealed(text: string): string {
  if (!BIDI_CONTROLS.test(text)) return text;
  const closers: string[] = [];
  let balanced = '';
  for (const char of text) {
    if (char === '\u2069' || char === '\u202C') {
      const at = char === '\u2069' ? closers.lastIndexOf(char) : closers.at(-1) === char ? closers.length - 1 : -1;
      if (at < 0) continue;
      closers.length = at;
    } else if (char >= '\u2066' && char <= '\u2068') closers.push('\u2069');
    else if (char >= '\u202A' && char <= '\u202E') closers.push('\u202C');
    balanced += char;
  }
  return balanced + closers.reverse().join('');
}

function looksLikeAddress(text: string): boolean {
  return /[a-z0-9-]\.[a-z]{2,}(?:[/:?#]|$|\s)|:\/\/|@/i.test(text);
}

function normalize(name: string): string {
  return name.trim().toLowerCase();
}

/** Whether `level` is a heading level: a whole number from 1 to 6. */
export function isHeadingLevel(level: unknown): level is number {
  return Number.isInteger(level) && (level as number) >= 1 && (level as number) <= 6;
}

/**
 * The months, for dates written as both languages write a long date: "18 februari 2022",
 * "18 February 2022" (day first in English too: the readers of a Dutch municipal campaign are
 * in Europe). Dates and counts are written out here rather than by Intl.DateTimeFormat,
 * NumberFormat and PluralRules, whose first use costs 30–90 ms for each language (its locale
 * data): the largest single part of rendering a letter, in the task that renders it. The
 * tests hold both against the browser's Intl.
 */
const MONTHS: Record<Language, string[]> = {
  nl: 'januari februari maart april mei juni juli augustus september oktober november december'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};

/** A checked date (YYYY-MM-DD) as the reader's language writes it in full. */
export function formatDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[language][month - 1]} ${year}`;
}

/** "Translated from the original Dutch."; without a name when the language has none the reader would know. */
function translationNote(original: string, reader: Language): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([reader], { type: 'language', fallback: 'none' }).of(original);
  } catch {
    // A malformed tag: say only that it is a translation.
  }
  return name
    ? msg(str`Translated from the original ${name}.`, { id: 'translated-from' })
    : msg('Translated from the original.', { id: 'translated' });
}

/** A whole number with its thousands grouped as the language groups them: 10.000, 10,000. */
export function formatCount(count: number, language: Language): string {
  return `${count}`.replace(/\B(?=(\d{3})+$)/g, language === 'nl' ? '.' : ',');
}

export function signatoryCount(count: number, language: Language): string {
  const formatted = formatCount(count, language);
  // Singular for exactly one, in both languages.
  return count === 1
    ? msg(str`${formatted} signatory`, { id: 'signatory' })
    : msg(str`${formatted} signatories`, { id: 'signatories' });
}
