/**
 * The campaign format, version 1: one valibot schema is the single source of the
 * TypeScript types, the runtime validation and the published JSON Schema
 * (`dist/open-letter.schema.json`, written by the build from this file).
 *
 * Pure data: nothing here touches the DOM, so it runs in the browser, in Node
 * (the build) and in tests alike.
 */
import * as v from 'valibot';

/** The only format version this element understands. */
export const CAMPAIGN_VERSION = 1;

const languageTag = v.pipe(
  v.string(),
  v.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, 'must be a language tag such as "nl" or "en"'),
);

const nonEmptyString = v.pipe(v.string(), v.nonEmpty('must not be empty'));

/**
 * A human text: a plain string written in the campaign's `language`, or an object
 * of translations such as `{ "nl": "…", "en": "…" }`.
 *
 * Checked by one small predicate rather than valibot's union and record, which cost
 * the one-file build about 0.3 KB gzip; `textJsonSchema` gives the JSON Schema the
 * same rule.
 */
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
export const textSchema = v.custom<string | Record<string, string>>(
  (input) =>
    typeof input === 'string'
      ? input !== ''
      : typeof input === 'object' &&
        input !== null &&
        !Array.isArray(input) &&
        Object.keys(input).length > 0 &&
        Object.entries(input).every(([key, value]) => LANGUAGE_TAG.test(key) && typeof value === 'string' && value !== ''),
  'must be a non-empty string, or an object of non-empty translations such as { "nl": "…", "en": "…" }',
);

/** The JSON Schema form of `textSchema`, for the published schema file. */
export const textJsonSchema = {
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: LANGUAGE_TAG.source },
      additionalProperties: { type: 'string', minLength: 1 },
    },
  ],
};

const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD'),
  v.check((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'must be a real date'),
);

const texts = (what: string) =>
  v.pipe(v.array(textSchema), v.minLength(1, `needs at least one ${what}`));

export const signatorySchema = v.object({
  name: nonEmptyString,
  party: nonEmptyString,
  place: v.optional(nonEmptyString),
});

export const SOURCE_KINDS = [
  'article',
  'pdf',
  'statement',
  'letter',
  'video',
  'other',
] as const;

export const sourceSchema = v.object({
  title: textSchema,
  url: nonEmptyString,
  kind: v.optional(
    v.picklist(SOURCE_KINDS, `must be one of ${SOURCE_KINDS.join(', ')}`),
  ),
  publisher: v.optional(nonEmptyString),
  date: v.optional(isoDate),
});

export const letterSchema = v.object({
  salutation: v.optional(textSchema),
  paragraphs: texts('paragraph'),
  demandsIntro: v.optional(textSchema),
  demands: texts('demand'),
  closing: v.optional(v.array(textSchema)),
  signOff: v.optional(textSchema),
});

export const campaignSchema = v.object({
  version: v.literal(CAMPAIGN_VERSION, `must be ${CAMPAIGN_VERSION}`),
  language: languageTag,
  /** Languages whose texts are translations of the original `language`. */
  translations: v.optional(v.array(languageTag)),
  title: textSchema,
  date: isoDate,
  summary: v.optional(textSchema),
  initiator: v.optional(textSchema),
  letter: letterSchema,
  signatories: v.pipe(
    v.array(signatorySchema),
    v.minLength(1, 'needs at least one signatory'),
  ),
  sources: v.optional(v.array(sourceSchema)),
});

export type Text = v.InferOutput<typeof textSchema>;
export type Signatory = v.InferOutput<typeof signatorySchema>;
export type Source = v.InferOutput<typeof sourceSchema>;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type Letter = v.InferOutput<typeof letterSchema>;
export type Campaign = v.InferOutput<typeof campaignSchema>;

/** One problem found in a campaign, with the JSON path of the field it is in. */
export interface CampaignProblem {
  /** Where, e.g. `letter.demands` or `signatories[2].party`; `(root)` for the whole value. */
  path: string;
  message: string;
}

export type CampaignCheck =
  | { valid: true; campaign: Campaign }
  | { valid: false; reason: 'invalid' | 'version'; problems: CampaignProblem[] };

/**
 * Checks untrusted data against the format. Never throws. A `version` other than 1
 * is reported on its own, because no other check means anything then.
 */
export function checkCampaign(data: unknown): CampaignCheck {
  if (Array.isArray(data)) {
    // valibot reads an array's missing fields one by one; the real problem is the whole value.
    return { valid: false, reason: 'invalid', problems: [{ path: '(root)', message: 'must be an object, not a list' }] };
  }
  if (typeof data === 'object' && data !== null) {
    const version = (data as { version?: unknown }).version;
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
  }
  const result = v.safeParse(campaignSchema, data);
  if (result.success) return { valid: true, campaign: result.output };
  return {
    valid: false,
    reason: 'invalid',
    problems: result.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    })),
  };
}

function formatPath(path: v.BaseIssue<unknown>['path']): string {
  if (!path?.length) return '(root)';
  return path
    .map((item, index) =>
      typeof item.key === 'number'
        ? `[${item.key}]`
        : `${index === 0 ? '' : '.'}${String(item.key)}`,
    )
    .join('');
}
