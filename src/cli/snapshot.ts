/**
 * `open-letter snapshot`: the letter as static HTML to paste inside <open-letter>, the
 * block's own template rendered once, so the block can take it over in place.
 */
import type { Campaign } from '../campaign-schema.js';
import { languagesOf } from '../campaign-text.js';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, supportedLanguageOf, type Language } from '../language.js';
import { letterTemplate } from '../letter-template.js';
import { inLanguage } from '../localization.js';
import { httpUrl } from '../safe-url.js';
import { renderStatic } from './static-html.js';
import { PLACEHOLDER_BASE, isRelative } from './urls.js';
import type { Warning } from './warnings.js';

export interface SnapshotOptions {
  reader?: Language;
  headingLevel: number;
  highlight?: string[];
  idPrefix: string;
  hideLanguageSwitch: boolean;
}

export function snapshot(
  campaign: Campaign,
  options: SnapshotOptions & { linkBase?: URL },
): { html: string; notes: Warning[] } {
  const reader = options.reader ?? supportedLanguageOf(campaign.language) ?? DEFAULT_LANGUAGE;
  const notes: Warning[] = [];
  campaign.sources?.forEach((source, index) => {
    if (!options.linkBase && isRelative(source.url)) {
      notes.push({
        path: `sources[${index}].url`,
        message: `${JSON.stringify(source.url)} is relative and kept as written, so in the snapshot it resolves against the page; the block resolves it against the campaign's own address: pass --base <that address> to write it out`,
      });
    }
  });
  const languages = SUPPORTED_LANGUAGES.filter((language) => languagesOf(campaign).includes(language));
  const html = inLanguage(reader, () =>
    renderStatic(
      letterTemplate(campaign, {
        reader,
        headingLevel: options.headingLevel,
        idPrefix: options.idPrefix,
        // Without a base the block's address for a relative url is unknown: keep the url as written.
        hrefFor: (url) =>
          options.linkBase ? httpUrl(url, options.linkBase)?.href : isRelative(url) ? url : httpUrl(url, PLACEHOLDER_BASE)?.href,
        highlight: options.highlight,
        // The row the language switch will fill, so nothing moves when the block takes over.
        hasControls: !options.hideLanguageSwitch && languages.length > 1,
        // No signatoryDisclosure: static HTML lists every signatory.
      }),
    ),
  );
  // No "<" in the comment: WordPress turns a comment with one into visible text.
  const comment = `<!-- The letter, pre-rendered by open-letter snapshot (${reader}): the block takes it over. Make it again when the campaign changes. -->`;
  return { html: `${comment}\n${html}\n`, notes };
}
