/**
 * What the block accepts and how it refuses the rest: its limits and its named failures,
 * in one place for the element, the CLI, the benchmark and the size report.
 */

/** The kinds of failure, as `detail.reason` of the `open-letter-error` event. */
export type FailureReason = 'network' | 'http' | 'timeout' | 'size' | 'parse' | 'invalid' | 'version';

/** The block's defaults (OpenLetter.timeout, OpenLetter.maxBytes); the CLI warns by them too. */
export const DEFAULT_TIMEOUT = 10_000;
export const DEFAULT_MAX_BYTES = 1_048_576;

/**
 * What one campaign may hold. Far above any real letter, and low enough that checking and
 * rendering the largest campaign the format accepts stay short tasks: without them, 50,000
 * one-letter demands (200 KB) froze a page for seconds. The schema (and so the JSON Schema
 * and the CLI) states each one.
 */
export const MAX_PARAGRAPHS = 100;
export const MAX_DEMANDS = 100;
/** Paragraphs after the demands (`letter.closing`). */
export const MAX_CLOSING = 50;
export const MAX_SOURCES = 200;
/** Signatories: a petition's worth; the opened list renders in chunks. */
export const MAX_SIGNATORIES = 10_000;
/** Languages in `translations`, and translations of one text. */
export const MAX_LANGUAGES = 30;
/** Characters (code points, as JSON Schema counts them) of one text: a title, a paragraph, a demand. */
export const MAX_TEXT_LENGTH = 5_000;
/** Characters of a name, a party, a place or a publisher. */
export const MAX_NAME_LENGTH = 300;
/** Characters of a source's address. */
export const MAX_URL_LENGTH = 2_048;
/**
 * Combining marks (accents) in a row. Real writing stacks at most four or five on one
 * letter (Vietnamese two, pointed Hebrew with cantillation four, Tibetan stacks about
 * five); floods of them are drawn far outside the text and, thousands long, take the
 * browser seconds to lay out.
 */
export const MAX_COMBINING_MARKS = 8;

/**
 * `value` of the static limit `name` (OpenLetter.timeout, .retryDelay, .maxBytes) from `min`
 * to `max`, in milliseconds or bytes, with a console warning when it was not (not a number at
 * all: `fallback`). The value used tells what was wrong: the minimum, the maximum, or the
 * fallback for a value that is no number.
 */
export function clamped(name: string, value: unknown, min: number, max: number, fallback: number): number {
  const number = typeof value === 'number' && !Number.isNaN(value) ? Math.min(Math.max(value, min), max) : fallback;
  if (number !== value) {
    console.warn(`<open-letter>: OpenLetter.${name} must be a number from ${min} to ${max}; using ${number}`);
  }
  return number;
}

export class CampaignError extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
    /** Often passing, worth one more try: a network failure or a server error (5xx). */
    readonly transient?: boolean,
  ) {
    super(message);
  }
}

/**
 * What a page may download for one block — script plus stylesheet, gzip -9, in bytes —
 * checked by `npm run build` (scripts/report-size.mjs) and reported by `npm run bench`.
 */
export const DOWNLOAD_BUDGET_GZIP = 14_000;
