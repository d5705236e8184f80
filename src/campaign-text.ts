/**
 * Choosing which translation of a campaign text a reader sees, and in which
 * language it really is (so the element can mark it with `lang`, WCAG 3.1.2).
 */
import type { Campaign, Text } from './campaign-schema.js';

export interface ShownText {
  text: string;
  /** The language the text is really written in. */
  lang: string;
}

/**
 * The text in the reader's language when the campaign has it, else in the campaign's
 * own language, else in whatever language it has. Keys match by language, so a
 * translation keyed `en-GB` serves an `en` reader.
 */
export function textFor(text: Text, reader: string, campaignLanguage: string): ShownText {
  if (typeof text === 'string') return { text, lang: campaignLanguage };
  const key = findKey(text, reader) ?? findKey(text, campaignLanguage) ?? Object.keys(text)[0];
  return { text: text[key], lang: key };
}

function findKey(translations: Record<string, string>, language: string): string | undefined {
  const keys = Object.keys(translations);
  return (
    keys.find((key) => key.toLowerCase() === language.toLowerCase()) ??
    keys.find((key) => primaryLanguage(key) === primaryLanguage(language))
  );
}

export function primaryLanguage(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

/**
 * The languages a campaign can be read in entirely: its own, plus every language
 * its title is translated into.
 */
export function languagesOf(campaign: Campaign): string[] {
  const languages = new Set([primaryLanguage(campaign.language)]);
  if (typeof campaign.title === 'object') {
    for (const key of Object.keys(campaign.title)) languages.add(primaryLanguage(key));
  }
  return [...languages];
}

/** Whether texts in `language` are marked in the data as translations of the original. */
export function isTranslation(campaign: Campaign, language: string): boolean {
  return (
    primaryLanguage(language) !== primaryLanguage(campaign.language) &&
    (campaign.translations ?? []).some((tag) => primaryLanguage(tag) === primaryLanguage(language))
  );
}
