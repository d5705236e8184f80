/**
 * The few interface words only the static site uses, in one table. They are not in the
 * block's @lit/localize catalogue on purpose: the whole catalogue ships inside
 * dist/open-letter.js, and these words would cost every visitor of the block bytes for
 * pages the block never shows. Words the block also uses ("What we are asking for",
 * "9 signatories", "Initiated by") come from the catalogue, through msg().
 */
import type { Language } from '../../language.js';

export interface SiteWords {
  /** The frame's link to the letter page. */
  readTheWholeLetter: string;
  /** Before the first few names when the frame does not name every signatory: "9 signatories, including …". */
  including: string;
  /** The letter page's link to this language's page, written in this language. */
  readInThisLanguage: string;
  /** Open Graph's locale for pages in this language. */
  ogLocale: string;
}

export const SITE_WORDS: Record<Language, SiteWords> = {
  nl: {
    readTheWholeLetter: 'Lees de hele brief',
    including: 'onder wie',
    readInThisLanguage: 'Lees deze brief in het Nederlands',
    ogLocale: 'nl_NL',
  },
  en: {
    readTheWholeLetter: 'Read the whole letter',
    including: 'including',
    readInThisLanguage: 'Read this letter in English',
    // Dates are written day first in English too (letter-template.ts): British English.
    ogLocale: 'en_GB',
  },
};
