/**
 * The campaign format, version 1: one valibot schema is the single source of the
 * TypeScript types, the runtime validation and the published JSON Schema
 * (`dist/open-letter.schema.json`, written by the build from this file).
 *
 * Pure data: nothing here touches the DOM, so it runs in the browser, in Node
 * (the build) and in tests alike.
 */
import * as v from 'valibot';
import { checkedCopy, isRecord, type Problem } from './checked-copy.js';
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
const NOT_A_LANGUAGE_TAG = 'must be a language tag';

/** More combining marks in a row than real writing stacks, as a JSON Schema pattern writes it. */
const MARK_FLOOD_PATTERN = `\\p{M}{${MAX_COMBINING_MARKS + 1}}`;
/** The same, tried only where a run of marks starts: three times quicker on text full of accents. */
const MARK_FLOOD = new RegExp(`(?<!\\p{M})${MARK_FLOOD_PATTERN}`, 'u');

/** The messages of the limits, shared by strings, lists and translations. */
const atMost = (max: number, many: string) => `may have at most ${max} ${many}`;
const EMPTY = 'must not be empty';

/**
 * What is wrong with a string shown as it is, if anything: every string of the format has
 * these rules, with its own maximum length in characters (code points, as JSON Schema counts them).
 */
function stringProblem(input: unknown, maxLength: number): string | undefined {
  if (typeof input !== 'string') return 'must be a string';
  if (!input) return EMPTY;
  // The UTF-16 length is never smaller than the number of code points: count those only when it matters.
  if (input.length > maxLength && [...input].length > maxLength) return `must be at most ${maxLength} characters`;
  if (MARK_FLOOD.test(input)) return `must not stack more than ${MAX_COMBINING_MARKS} combining marks`;
  return undefined;
}

/** What is wrong with a text, if anything: a message naming the translation at fault. */
function textProblem(input: unknown): string | undefined {
  if (!isRecord(input))
    return typeof input === 'string'
      ? stringProblem(input, MAX_TEXT_LENGTH)
      : 'must be a string, or an object of translations';
  const tags = Object.keys(input);
  if (!tags.length) return EMPTY;
  if (tags.length > MAX_LANGUAGES) return atMost(MAX_LANGUAGES, 'translations');
  for (const tag of tags) {
    const problem = LANGUAGE_TAG.test(tag) ? stringProblem(input[tag], MAX_TEXT_LENGTH) : NOT_A_LANGUAGE_TAG;
    // A key that is no language tag is shown cut short, and quoted as JSON: it may hold anything.
    if (problem) return `${JSON.stringify(tag.slice(0, 40))} ${problem}`;
  }
  return undefined;
}

/**
 * A value checked by one function that says what is wrong with it, if anything: one
 * predicate for the walker (checked-copy.ts) and for valibot, one place for its messages.
 * `jsonSchemaOf` gives the JSON Schema the same rule.
 */
const checkedBy = <T>(problem: (input: unknown) => string | undefined) =>
  v.custom<T>(
    (input) => !problem(input),
    (issue) => problem(issue.input)!,
  );

/**
 * A human text: a plain string written in the campaign's `language`, or an object
 * of translations such as `{ "nl": "…", "en": "…" }`.
 */
export const textSchema = checkedBy<string | Record<string, string>>(textProblem);

/** A name, a party, a place or a publisher, shown as it is. */
const nameSchema = checkedBy<string>((input) => stringProblem(input, MAX_NAME_LENGTH));
/** A source's address. */
const urlSchema = checkedBy<string>((input) => stringProblem(input, MAX_URL_LENGTH));

/** A language tag, such as the campaign's `language`. */
const languageTag = checkedBy<string>((input) =>
  typeof input === 'string' && LANGUAGE_TAG.test(input) ? undefined : NOT_A_LANGUAGE_TAG,
);

/**
 * What is wrong with a date, if anything: it is written YYYY-MM-DD, is a day the calendar has,
 * and lies from the year `from` (four digits) to 2099. Always four digits, so that no date reads
 * as another, and such dates compare as strings.
 */
function dateProblem(input: unknown, from: string): string | undefined {
  if (typeof input !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input)) return 'must be a date written as YYYY-MM-DD';
  // An invalid date's toJSON() is null; 2022-02-30 would become 2 March.
  if (!new Date(`${input}T00:00:00Z`).toJSON()?.startsWith(input)) return 'must be a real date';
  if (input < from || input >= '2100') return `must be a date in the years ${from} to 2099`;
  return undefined;
}

/** The letter's own date: a letter of our times. */
const letterDate = checkedBy<string>((input) => dateProblem(input, '1900'));
/** A source may be older: a law of 1848 is a source too. */
const sourceDate = checkedBy<string>((input) => dateProblem(input, '1000'));

/** A list of at most `max` items (`many`, e.g. "sources"). */
const listOf = <T extends v.GenericSchema>(item: T, max: number, many: string) =>
  v.pipe(v.array(item), v.maxLength(max, atMost(max, many)));

/** A list of at least one (`one`, e.g. "demand") and at most `max` items. */
const nonEmptyListOf = <T extends v.GenericSchema>(item: T, max: number, many: string) =>
  v.pipe(v.array(item), v.nonEmpty(EMPTY), v.maxLength(max, atMost(max, many)));

export const signatorySchema = v.object({
  name: nameSchema,
  party: nameSchema,
  place: v.optional(nameSchema),
});

export const SOURCE_KINDS = ['article', 'pdf', 'statement', 'letter', 'video', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const sourceKind = checkedBy<SourceKind>((input) =>
  SOURCE_KINDS.includes(input as SourceKind) ? undefined : `must be one of ${SOURCE_KINDS.join(', ')}`,
);

export const sourceSchema = v.object({
  title: textSchema,
  url: urlSchema,
  kind: v.optional(sourceKind),
  publisher: v.optional(nameSchema),
  date: v.optional(sourceDate),
});

export const letterSchema = v.object({
  salutation: v.optional(textSchema),
  paragraphs: nonEmptyListOf(textSchema, MAX_PARAGRAPHS, 'paragraphs'),
  demandsIntro: v.optional(textSchema),
  demands: nonEmptyListOf(textSchema, MAX_DEMANDS, 'demands'),
  closing: v.optional(listOf(textSchema, MAX_CLOSING, 'closing paragraphs')),
  signOff: v.optional(textSchema),
});

/** What a campaign of another version is told: no other check means anything then. */
const VERSION_PROBLEM = `must be ${CAMPAIGN_VERSION}: this element reads only version ${CAMPAIGN_VERSION}`;

const version = checkedBy<typeof CAMPAIGN_VERSION>((input) =>
  input === CAMPAIGN_VERSION ? undefined : VERSION_PROBLEM,
);

export const campaignSchema = v.object({
  version,
  language: languageTag,
  /** Languages whose texts are translations of the original `language`. */
  translations: v.optional(listOf(languageTag, MAX_LANGUAGES, 'languages')),
  title: textSchema,
  date: letterDate,
  summary: v.optional(textSchema),
  initiator: v.optional(textSchema),
  letter: letterSchema,
  signatories: nonEmptyListOf(signatorySchema, MAX_SIGNATORIES, 'signatories'),
  sources: v.optional(listOf(sourceSchema, MAX_SOURCES, 'sources')),
});

/** The JSON Schema form of a string of at most `maxLength` characters. */
const stringJsonSchema = (maxLength: number) => ({
  type: 'string',
  minLength: 1,
  maxLength,
  not: { pattern: MARK_FLOOD_PATTERN },
});

/**
 * The JSON Schema form of the schemas valibot cannot convert (v.custom),
 * for the published schema file: the build asks for it (vite.config.ts), the element never does.
 */
export function jsonSchemaOf(node: unknown): Record<string, unknown> | undefined {
  if (node === textSchema) {
    return {
      anyOf: [
        stringJsonSchema(MAX_TEXT_LENGTH),
        {
          type: 'object',
          minProperties: 1,
          maxProperties: MAX_LANGUAGES,
          propertyNames: { pattern: LANGUAGE_TAG.source },
          additionalProperties: stringJsonSchema(MAX_TEXT_LENGTH),
        },
      ],
    };
  }
  if (node === nameSchema) return stringJsonSchema(MAX_NAME_LENGTH);
  if (node === urlSchema) return stringJsonSchema(MAX_URL_LENGTH);
  if (node === version) return { const: CAMPAIGN_VERSION };
  if (node === sourceKind) return { enum: SOURCE_KINDS, type: 'string' };
  if (node === languageTag) return { type: 'string', pattern: LANGUAGE_TAG.source };
  if (node === letterDate) return { type: 'string', pattern: '^(?:19|20)\\d{2}-\\d{2}-\\d{2}$', format: 'date' };
  if (node === sourceDate) return { type: 'string', pattern: '^(?:1\\d|20)\\d{2}-\\d{2}-\\d{2}$', format: 'date' };
  return undefined;
}

export type Text = v.InferOutput<typeof textSchema>;
export type Signatory = v.InferOutput<typeof signatorySchema>;
export type Source = v.InferOutput<typeof sourceSchema>;
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
  const problems: CampaignProblem[] = [];
  const copy = checkedCopy(campaignSchema, data, problems);
  if (!problems.length) return { valid: true, campaign: copy as Campaign };
  const versionProblem = problems.find((problem) => problem.message === VERSION_PROBLEM);
  if (versionProblem) return { valid: false, reason: 'version', problems: [versionProblem] };
  const more = problems.length - MAX_PROBLEMS;
  if (more > 0) problems.splice(MAX_PROBLEMS, more, { path: '…', message: `and ${more} more problems` });
  return { valid: false, reason: 'invalid', problems };
}
