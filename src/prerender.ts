/**
 * The pre-rendered letter: the block's own template rendered once, to paste inside
 * `<open-letter>`, so visitors without JavaScript, search engines, reader modes and
 * translation tools get the whole letter and the block takes it over in place.
 *
 * `open-letter snapshot` (Lit's server rendering, in Node) and the embed-code generator
 * (Lit in the browser's DOM) both make it here, with the same view of the letter and
 * the same canonical markup (plain-html.ts), so their output is the same.
 */
import type { TemplateResult } from 'lit';
import type { Campaign } from './campaign-schema.js';
import { languagesOf } from './campaign-text.js';
import { SUPPORTED_LANGUAGES, type Language } from './language.js';
import { letterTemplate } from './letter-template.js';
import { inLanguage } from './localization.js';
import { plainHtml } from './plain-html.js';

export interface PrerenderOptions {
  reader: Language;
  headingLevel: number;
  /** Before every id; the block keeps the pre-rendered letter's prefix when it takes it over. */
  idPrefix: string;
  highlight?: readonly string[];
  hideLanguageSwitch: boolean;
  linksInNewTab?: boolean;
  /** The link address for a source's `url`, as the block will resolve it; undefined shows it as text. */
  hrefFor: (url: string) => string | undefined;
  /** On one line (for a snippet WordPress's paragraph filter leaves alone), or laid out to read. */
  oneLine?: boolean;
}

/** Renders a Lit template to HTML as the renderer gives it (markers and all). */
export type RenderHtml = (template: TemplateResult) => string;

export function prerenderedLetter(campaign: Campaign, options: PrerenderOptions, renderHtml: RenderHtml): string {
  const { reader } = options;
  const languages = SUPPORTED_LANGUAGES.filter((language) => languagesOf(campaign).includes(language));
  const raw = inLanguage(reader, () =>
    renderHtml(
      letterTemplate(campaign, {
        reader,
        headingLevel: options.headingLevel,
        idPrefix: options.idPrefix,
        hrefFor: options.hrefFor,
        linksInNewTab: options.linksInNewTab,
        highlight: options.highlight,
        // The row the language switch will fill, so nothing moves when the block takes over.
        hasControls: !options.hideLanguageSwitch && languages.length > 1,
        // No signatoryDisclosure: static HTML lists every signatory.
      }),
    ),
  );
  const html = plainHtml(raw, { oneLine: options.oneLine });
  // No "<" in the comment: WordPress turns a comment with one into visible text.
  const comment = `<!-- The letter, pre-rendered by open-letter (${reader}): the block takes it over. Make it again when the campaign changes. -->`;
  return options.oneLine ? `${comment}${html}` : `${comment}\n${html}\n`;
}
