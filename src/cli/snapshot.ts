/**
 * `open-letter snapshot`: the letter as static HTML to paste inside <open-letter>, the
 * block's own template rendered once, so the block can take it over in place. The
 * embed-code generator makes the same markup in the browser (src/prerender.ts).
 */
import type { Campaign } from '../campaign-schema.js';
import { DEFAULT_LANGUAGE, supportedLanguageOf, type Language } from '../language.js';
import { prerenderedLetter } from '../prerender.js';
import { httpUrl } from '../safe-url.js';
import { serverHtml } from './static-html.js';
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
  const html = prerenderedLetter(
    campaign,
    {
      reader,
      headingLevel: options.headingLevel,
      idPrefix: options.idPrefix,
      // Without a base the block's address for a relative url is unknown: keep the url as written.
      hrefFor: (url) =>
        options.linkBase
          ? httpUrl(url, options.linkBase)?.href
          : isRelative(url)
            ? url
            : httpUrl(url, PLACEHOLDER_BASE)?.href,
      highlight: options.highlight,
      hideLanguageSwitch: options.hideLanguageSwitch,
    },
    serverHtml,
  );
  return { html, notes };
}
