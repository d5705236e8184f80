/**
 * The letter itself as a Lit template: a pure function of the campaign and how it is
 * viewed. The element renders it in its shadow root; the `snapshot` command renders
 * the same template to static HTML, so the two cannot drift apart.
 *
 * Every value from the campaign goes into a text or attribute binding, never into
 * markup: Lit escapes it. Only http(s) addresses become links.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Campaign, Signatory, Source, Text } from './campaign-schema.js';
import { isTranslation, textFor } from './campaign-text.js';
import type { Language } from './language.js';
import { httpUrl } from './safe-url.js';

export interface LetterView {
  /** The language the block is read in. */
  reader: Language;
  /** Level of the title's heading (1–6); sections are one below. */
  headingLevel: number;
  /** Base for relative source addresses: the campaign file's own URL. */
  linkBase: string;
  linksInNewTab?: boolean;
  /** Party or signatory names to emphasise, compared without case. */
  highlight?: string[];
  /** How many signatories to list; all when undefined. */
  signatoryLimit?: number;
  /** Interactive parts the element adds; a static snapshot leaves them out. */
  languageSwitch?: TemplateResult;
  signatoryDisclosure?: TemplateResult;
}

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

export function letterTemplate(campaign: Campaign, view: LetterView): TemplateResult {
  const { reader } = view;
  const original = campaign.language;
  const t = (text: Text, tag: 'p' | 'span' | 'li' = 'p', className?: string) =>
    textElement(textFor(text, reader, original), tag, reader, className);
  const heading = (offset: number, content: unknown, id: string, lang?: string) =>
    headings[Math.min(clampLevel(view.headingLevel) + offset, 6) - 1]({ id, lang, isTitle: id === 'title' }, content);
  const letter = campaign.letter;
  const title = textFor(campaign.title, reader, original);
  const highlight = new Set(view.highlight?.map(normalize));
  const signatories = campaign.signatories.slice(0, view.signatoryLimit);
  return html`
    <article part="letter" lang=${reader} aria-labelledby="title">
      ${view.languageSwitch ?? nothing}
      <header>
        ${heading(0, title.text, 'title', title.lang === reader ? undefined : title.lang)}
        <p class="meta">
          <time datetime=${campaign.date}>${formatDate(campaign.date, reader)}</time>${campaign.initiator
            ? html` · ${msg('Initiative:')} ${t(campaign.initiator, 'span')}`
            : nothing}
        </p>
        ${title.lang === reader && isTranslation(campaign, reader)
          ? html`<p class="translation-note">${msg(
              str`Translated from the original ${languageName(original, reader)}.`,
            )}</p>`
          : nothing}
        ${campaign.summary ? t(campaign.summary, 'p', 'summary') : nothing}
      </header>
      <div class="letter">
        ${letter.salutation ? t(letter.salutation) : nothing}
        ${letter.paragraphs.map((paragraph) => t(paragraph))}
        <section>
          ${heading(1, msg('Demands'), 'demands')}
          ${letter.demandsIntro ? t(letter.demandsIntro) : nothing}
          <ol part="demands" class="demands">
            ${letter.demands.map((demand) => t(demand, 'li'))}
          </ol>
        </section>
        ${(letter.closing ?? []).map((paragraph) => t(paragraph))}
        ${letter.signOff ? t(letter.signOff, 'p', 'sign-off') : nothing}
      </div>
      <section>
        ${heading(1, signatoryCount(campaign.signatories.length, reader), 'signatories')}
        <ul part="signatories" class="signatories" id="signatory-list">
          ${signatories.map((signatory) => signatoryItem(signatory, highlight))}
        </ul>
        ${view.signatoryDisclosure ?? nothing}
      </section>
      ${campaign.sources?.length
        ? html`<section>
            ${heading(1, msg('Sources'), 'sources')}
            <ul part="sources" class="sources">
              ${campaign.sources.map((source) => sourceItem(source, original, view))}
            </ul>
          </section>`
        : nothing}
    </article>
  `;
}

function signatoryItem(signatory: Signatory, highlight: Set<string>) {
  const affiliation = signatory.place ? `${signatory.party} (${signatory.place})` : signatory.party;
  // Few bindings per item: a petition's full list has thousands. One line each, because
  // whitespace inside an item would show up in its text.
  return highlight.has(normalize(signatory.party)) || highlight.has(normalize(signatory.name))
    ? html`<li class="highlighted" part="highlighted-signatory"><span class="name">${signatory.name}</span>, ${affiliation} <span class="badge">(${msg('our party')})</span></li>`
    : html`<li><span class="name">${signatory.name}</span>, ${affiliation}</li>`;
}

function sourceItem(source: Source, original: string, view: LetterView) {
  const { reader } = view;
  const title = textFor(source.title, reader, original);
  const url = httpUrl(source.url, view.linkBase);
  const label = html`<span lang=${title.lang === reader ? nothing : title.lang}>${title.text}</span>${source.publisher
      ? html`, ${source.publisher}`
      : nothing}${source.kind === 'pdf' ? html` (${msg('PDF')})` : nothing}`;
  return html`<li>
    ${url
      ? html`<a href=${url.href} rel="noopener noreferrer" target=${view.linksInNewTab ? '_blank' : nothing}
          >${label}${view.linksInNewTab ? html` (${msg('opens in a new tab')})` : nothing}</a
        >`
      : html`<span class="unlinked">${label}</span>`}${source.date
      ? html`, <time datetime=${source.date}>${formatDate(source.date, reader)}</time>`
      : nothing}
  </li>`;
}

function textElement(
  shown: { text: string; lang: string },
  tag: 'p' | 'span' | 'li',
  reader: Language,
  className?: string,
) {
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

function normalize(name: string): string {
  return name.trim().toLowerCase();
}

function clampLevel(level: number): number {
  return Number.isInteger(level) ? Math.min(Math.max(level, 1), 6) : 2;
}

function formatDate(isoDate: string, language: Language): string {
  // Readers of a Dutch municipal campaign are in Europe: day first in English too.
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'long', timeZone: 'UTC' }).format(
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
