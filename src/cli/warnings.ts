/**
 * Warnings: what the block accepts but shows worse than the author meant (a missing
 * translation, a source that cannot be a link, a file it would refuse to load).
 */
import { campaignSchema } from '../campaign-schema.js';
import { primaryLanguage } from '../campaign-text.js';
import { DEFAULT_MAX_BYTES } from '../limits.js';
import { httpUrl } from '../safe-url.js';
import type { Input } from './read-input.js';
import { textsIn, type SchemaNode } from './schema-walk.js';
import { PLACEHOLDER_BASE } from './urls.js';

/** The block's own limit (OpenLetter.maxBytes): what it would refuse, we warn about. */
const MAX_BYTES = DEFAULT_MAX_BYTES;

export interface Warning {
  path: string;
  message: string;
}

export function warningsFor(data: unknown, input: Input, linkBase: URL | undefined): Warning[] {
  const warnings: Warning[] = [];
  if (input.bytes > MAX_BYTES) {
    warnings.push({
      path: input.label,
      message: `is ${(input.bytes / MAX_BYTES).toFixed(1)} MiB; the block refuses campaigns over 1 MiB (OpenLetter.maxBytes)`,
    });
  }
  if (input.url && input.allowOrigin == null) {
    warnings.push({
      path: input.label,
      message: `the server sends no Access-Control-Allow-Origin header, so the block can load this campaign only on pages of ${input.url.origin}; send "Access-Control-Allow-Origin: *" to embed it elsewhere`,
    });
  }
  warnings.push(...translationWarnings(data), ...linkWarnings(data, linkBase));
  return warnings;
}

/**
 * Texts that some readers see in another language than their own: every language
 * the campaign uses anywhere (its `language`, its `translations`, every key of every
 * text) should be in every text. Compared by primary language, as the block matches
 * them (`en-GB` serves an `en` reader).
 */
function translationWarnings(data: unknown): Warning[] {
  const original = languageOf(data);
  const texts = [...textsIn(campaignSchema as unknown as SchemaNode, data, '')];
  const languages = languagesIn(data);
  if (languages.length < 2) return [];
  const warnings: Warning[] = [];
  for (const [path, text] of texts) {
    // The initiator names a party or person, like a signatory: a plain string is right,
    // and the block marks it with the campaign's language so it is pronounced as such.
    if (typeof text === 'string' && path === 'initiator') continue;
    if (typeof text === 'string') {
      const missing = languages.filter((language) => language !== original);
      const example = languages.map((language) => `"${language}": "…"`).join(', ');
      warnings.push({
        path,
        message: `is a plain string${original ? ` (read as "${original}")` : ''} with no ${quoteList(missing, ' or ')} translation; write { ${example} }`,
      });
    } else if (isTranslations(text)) {
      const has = [...new Set(Object.keys(text).map(primaryLanguage))];
      const missing = languages.filter((language) => !has.includes(language));
      if (missing.length) {
        warnings.push({
          path,
          message: `has no ${quoteList(missing, ' or ')} translation (it has ${quoteList(has, ' and ')})`,
        });
      }
    }
  }
  return warnings;
}

function languageOf(data: unknown): string | undefined {
  const language = (data as { language?: unknown } | null)?.language;
  return typeof language === 'string' ? primaryLanguage(language) : undefined;
}

/** Every language the campaign uses: its own, its `translations`, and the keys of its texts. */
export function languagesIn(data: unknown): string[] {
  const languages = new Set<string>();
  const original = languageOf(data);
  if (original) languages.add(original);
  const translations = (data as { translations?: unknown } | null)?.translations;
  if (Array.isArray(translations)) {
    for (const tag of translations) if (typeof tag === 'string') languages.add(primaryLanguage(tag));
  }
  for (const [, text] of textsIn(campaignSchema as unknown as SchemaNode, data, '')) {
    if (isTranslations(text)) for (const key of Object.keys(text)) languages.add(primaryLanguage(key));
  }
  return [...languages];
}

function isTranslations(text: unknown): text is Record<string, unknown> {
  return typeof text === 'object' && text !== null && !Array.isArray(text);
}

function quoteList(items: string[], joiner: string): string {
  return items.map((item) => `"${item}"`).join(joiner);
}

/** Source urls the block shows as text, not as a link: the same check it makes. */
function linkWarnings(data: unknown, linkBase: URL | undefined): Warning[] {
  const sources = (data as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return [];
  const warnings: Warning[] = [];
  sources.forEach((source, index) => {
    const url = (source as { url?: unknown } | null)?.url;
    if (typeof url === 'string' && url !== '' && !httpUrl(url, linkBase ?? PLACEHOLDER_BASE)) {
      warnings.push({
        path: `sources[${index}].url`,
        message: `${JSON.stringify(url)} is not an http(s) address, or hides its host behind user info (user@host), so the block shows this source as text, not as a link`,
      });
    }
  });
  return warnings;
}

export function printWarnings(warnings: Warning[]) {
  for (const warning of warnings) process.stderr.write(`warning: ${warning.path}: ${warning.message}\n`);
}
