/**
 * The campaign format, version 1: one valibot schema is the single source of the
 * TypeScript types, the runtime validation and the published JSON Schema
 * (`dist/open-letter.schema.json`, written by the build from this file).
 *
 * Pure data: nothing here touches the DOM, so it runs in the browser, in Node
 * (the build) and in tests alike.
 */
import * as v from 'valibot';
import { CheckedCopy, type Problem } from './checked-copy.js';
import {
  MAX_CLOSING,
  MAX_COMBINING_MARKS,
  MAX_DEMANDS,
  MAX_LANGUAGES,
  MAX_NAME_LENGTH,
  MAX_PARAGRAPHS,
  MAX_SIGNATORIES,
  MAX_SOURCES,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
} from './limits.js';

/** The only format version this element understands. */
export const CAMPAIGN_VERSION = 1;

/** A language tag such as `nl`, `en-GB` or `zh-Hant-TW`, of at most five parts. */
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/;

const languageTag = v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'must be a language tag such as "nl" or "en"'));

/** More combining marks in a row than real writing stacks, as a JSON Schema pattern writes it. */
const MARK_FLOOD_PATTERN = `\\p{M}{${MAX_COMBINING_MARKS + 1}}`;
/** The same, tried only where a run of marks starts: three times quicker on text full of accents. */
const MARK_FLOOD = new RegExp(`(?<!\\p{M})${MARK_FLOOD_PATTERN}`, 'u');
const MARK_FLOOD_MESSAGE = `must not stack more than ${MAX_COMBINING_MARKS} combining marks (accents) on one character`;

/** What is wrong with one string of a text, if anything. */
function stringProblem(text: string): string | undefined {
  if (text === '') return 'must not be empty';
  if (text.length > MAX_TEXT_LENGTH && [...text].length > MAX_TEXT_LENGTH) {
    return `must be at most ${MAX_TEXT_LENGTH} characters long`;
  }
  return MARK_FLOOD.test(text) ? MARK_FLOOD_MESSAGE : undefined;
}

/** What is wrong with a text, if anything: a message naming the translation at fault. */
function textProblem(input: unknown): string | undefined {
  if (typeof input === 'string') return stringProblem(input);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return 'must be a string, or an object of translations such as { "nl": "…", "en": "…" }';
  }
  const keys = Object.keys(input);
  if (!keys.length) return 'must have at least one translation, such as { "nl": "…" }';
  if (keys.length > MAX_LANGUAGES) return `may have at most ${MAX_LANGUAGES} translations`;
  for (const key of keys) {
    if (!LANGUAGE_TAG.test(key))
      return `must have language tags such as "nl" as keys, not ${JSON.stringify(key.slice(0, 40))}`;
    const text = (input as Record<string, unknown>)[key];
    const problem = typeof text === 'string' ? stringProblem(text) : 'must be a string';
    if (problem) return `"${key}" ${problem}`;
  }
  return undefined;
}

/**
 * A human text: a plain string written in the campaign's `language`, or an object
 * of translations such as `{ "nl": "…", "en": "…" }`.
 *
 * Checked by one small predicate rather than valibot's union and record, which cost
 * the one-file build about 0.3 KB gzip; `jsonSchemaOf` gives the JSON Schema the
 * same rule.
 */
export const textSchema = v.custom<string | Record<string, string>>(
  (input) => !textProblem(input),
  (issue) => textProblem(issue.input)!,
);

/** No floods of combining marks: one action, so that the JSON Schema can give it its form. */
const withoutMarkFloods = v.check((input: string) => !MARK_FLOOD.test(input), MARK_FLOOD_MESSAGE);

/** A string shown as it is: a name, a party, a place, a publisher, an address. */
const shortString = (maxLength: number) =>
  v.pipe(
    v.string(),
    v.nonEmpty('must not be empty'),
    v.maxLength(maxLength, `must be at most ${maxLength} characters long`),
    withoutMarkFloods,
  );

const realDate = v.check((value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}, 'must be a real date');

/** The years a date may have, in whole centuries; always four digits, so that no date reads as another. */
const yearsFrom = (from: number, to: number) =>
  v.check(
    // A malformed date is reported by the pattern alone.
    (value: string) => !/^\d{4}-/.test(value) || (parseInt(value, 10) >= from && parseInt(value, 10) <= to),
    `must be a date in the years ${from} to ${to}`,
  );

/** The letter's own date: a letter of our times. */
const letterYears = yearsFrom(1900, 2099);
/** A source may be older: a law of 1848 is a source too. */
const sourceYears = yearsFrom(1000, 2099);

const dateIn = (years: typeof letterYears) =>
  v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD'), realDate, years);

/** A list of at most `max` items (`many`, e.g. "sources"). */
const listOf = <T extends v.GenericSchema>(item: T, max: number, many: string) =>
  v.pipe(v.array(item), v.maxLength(max, `may have at most ${max} ${many}`));

/** A list of at least one (`one`, e.g. "demand") and at most `max` items. */
const nonEmptyListOf = <T extends v.GenericSchema>(item: T, max: number, many: string, one: string) =>
  v.pipe(
    v.array(item),
    v.minLength(1, `needs at least one ${one}`),
    v.maxLength(max, `may have at most ${max} ${many}`),
  );

export const signatorySchema = v.object({
  name: shortString(MAX_NAME_LENGTH),
  party: shortString(MAX_NAME_LENGTH),
  place: v.optional(shortString(MAX_NAME_LENGTH)),
});

export const SOURCE_KINDS = ['article', 'pdf', 'statement', 'letter', 'video', 'other'] as const;

export const sourceSchema = v.object({
  title: textSchema,
  url: shortString(MAX_URL_LENGTH),
  kind: v.optional(v.picklist(SOURCE_KINDS, `must be one of ${SOURCE_KINDS.join(', ')}`)),
  publisher: v.optional(shortString(MAX_NAME_LENGTH)),
  date: v.optional(dateIn(sourceYears)),
});

export const letterSchema = v.object({
  salutation: v.optional(textSchema),
  paragraphs: nonEmptyListOf(textSchema, MAX_PARAGRAPHS, 'paragraphs', 'paragraph'),
  demandsIntro: v.optional(textSchema),
  demands: nonEmptyListOf(textSchema, MAX_DEMANDS, 'demands', 'demand'),
  closing: v.optional(listOf(textSchema, MAX_CLOSING, 'closing paragraphs')),
  signOff: v.optional(textSchema),
});

export const campaignSchema = v.object({
  version: v.literal(CAMPAIGN_VERSION, `must be ${CAMPAIGN_VERSION}`),
  language: languageTag,
  /** Languages whose texts are translations of the original `language`. */
  translations: v.optional(listOf(languageTag, MAX_LANGUAGES, 'languages')),
  title: textSchema,
  date: dateIn(letterYears),
  summary: v.optional(textSchema),
  initiator: v.optional(textSchema),
  letter: letterSchema,
  signatories: nonEmptyListOf(signatorySchema, MAX_SIGNATORIES, 'signatories', 'signatory'),
  sources: v.optional(listOf(sourceSchema, MAX_SOURCES, 'sources')),
});

/** The JSON Schema form of one string of a text. */
const textStringJsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_TEXT_LENGTH,
  not: { pattern: MARK_FLOOD_PATTERN },
};

/**
 * The JSON Schema form of the schemas and checks valibot cannot convert (v.custom, v.check),
 * for the published schema file: the build asks for it (vite.config.ts), the element never does.
 */
export function jsonSchemaOf(node: unknown): Record<string, unknown> | undefined {
  if (node === textSchema) {
    return {
      anyOf: [
        textStringJsonSchema,
        {
          type: 'object',
          minProperties: 1,
          maxProperties: MAX_LANGUAGES,
          propertyNames: { pattern: LANGUAGE_TAG.source },
          additionalProperties: textStringJsonSchema,
        },
      ],
    };
  }
  if (node === withoutMarkFloods) return { not: { pattern: MARK_FLOOD_PATTERN } };
  if (node === realDate) return { format: 'date' };
  if (node === letterYears) return { pattern: '^(?:19|20)\\d{2}-\\d{2}-\\d{2}$' };
  if (node === sourceYears) return { pattern: '^(?:1\\d|20)\\d{2}-\\d{2}-\\d{2}$' };
  return undefined;
}

export type Text = v.InferOutput<typeof textSchema>;
export type Signatory = v.InferOutput<typeof signatorySchema>;
export type Source = v.InferOutput<typeof sourceSchema>;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type Letter = v.InferOutput<typeof letterSchema>;
export type Campaign = v.InferOutput<typeof campaignSchema>;

/** One problem found in a campaign, with the JSON path of the field it is in. */
export type CampaignProblem = Problem;

export type CampaignCheck =
  { valid: true; campaign: Campaign } | { valid: false; reason: 'invalid' | 'version'; problems: CampaignProblem[] };

/** Problems listed at most: a list of thousands helps nobody, and a console message stays short. */
const MAX_PROBLEMS = 20;

/**
 * Checks untrusted data against the format and returns the checked copy: frozen, with
 * only the fields the format knows, read from the data's own properties (see
 * checked-copy.ts). Never throws, whatever `data` is. A `version` other than 1 is
 * reported on its own, because no other check means anything then.
 */
export function checkCampaign(data: unknown): CampaignCheck {
  const check = new CheckedCopy();
  let problems = check.problems;
  try {
    if (Array.isArray(data)) {
      // The real problem is the whole value, not every field a list lacks.
      return {
        valid: false,
        reason: 'invalid',
        problems: [{ path: '(root)', message: 'must be an object, not a list' }],
      };
    }
    const version =
      typeof data === 'object' && data !== null && Object.hasOwn(data, 'version')
        ? (data as { version: unknown }).version
        : undefined;
    if (version !== undefined && version !== CAMPAIGN_VERSION) {
      return {
        valid: false,
        reason: 'version',
        problems: [
          {
            path: 'version',
            message: `must be ${CAMPAIGN_VERSION}: this element reads only version ${CAMPAIGN_VERSION}`,
          },
        ],
      };
    }
    const campaign = check.of<Campaign>(campaignSchema, data);
    if (campaign) return { valid: true, campaign };
  } catch {
    // A getter or a proxy in the data threw. Its error is not even looked at: it could throw again.
    problems = [...problems, { path: check.reading, message: 'could not be read: a getter or proxy threw an error' }];
  }
  const more = problems.length - MAX_PROBLEMS;
  return {
    valid: false,
    reason: 'invalid',
    problems:
      more > 0 ? [...problems.slice(0, MAX_PROBLEMS), { path: '…', message: `and ${more} more problems` }] : problems,
  };
}
