/**
 * Which pages the static site has and where each will live: the campaign's own
 * language at the root of the folder, every other language the campaign can be read
 * in (and the interface speaks) in a folder of its own, `en/` or `nl/`.
 */
import type { Campaign } from '../../campaign-schema.js';
import { languagesOf } from '../../campaign-text.js';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, supportedLanguageOf, type Language } from '../../language.js';

export interface SitePage {
  language: Language;
  /** The folder inside the site: '' for the campaign's own language, 'en/' or 'nl/' for the other. */
  folder: string;
  /** From this folder back to the site's root, for the shared files: '' or '../'. */
  toRoot: string;
  /** The letter page's address (the folder's, which serves its index.html). */
  pageUrl: URL;
  embedUrl: URL;
  oembedUrl: URL;
}

export interface SitePlan {
  /** The folder's published address, ending in "/". */
  base: URL;
  /** Where the folder's copy of the campaign is: what its relative source urls resolve against, for the block too. */
  campaignUrl: URL;
  /** The root page first. */
  pages: SitePage[];
}

export function planSite(campaign: Campaign, base: URL): SitePlan {
  const readable = SUPPORTED_LANGUAGES.filter((language) => languagesOf(campaign).includes(language));
  const root = supportedLanguageOf(campaign.language) ?? readable[0] ?? DEFAULT_LANGUAGE;
  const languages = [root, ...readable.filter((language) => language !== root)];
  const pages = languages.map((language, index): SitePage => {
    const folder = index === 0 ? '' : `${language}/`;
    return {
      language,
      folder,
      toRoot: folder ? '../' : '',
      pageUrl: new URL(folder, base),
      embedUrl: new URL(`${folder}embed.html`, base),
      oembedUrl: new URL(`${folder}oembed.json`, base),
    };
  });
  return { base, campaignUrl: new URL('campaign.json', base), pages };
}
