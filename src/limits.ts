/**
 * What the block accepts and how it refuses the rest: its limits and its named failures,
 * in one place for the element, the CLI, the benchmark and the size report.
 */

/** The kinds of failure, as `detail.reason` of the `open-letter-error` event. */
export type FailureReason =
  | 'network'
  | 'http'
  | 'timeout'
  | 'size'
  | 'parse'
  | 'invalid'
  | 'version';

/** The block's defaults (OpenLetter.timeout, OpenLetter.maxBytes); the CLI warns by them too. */
export const DEFAULT_TIMEOUT = 10_000;
export const DEFAULT_MAX_BYTES = 1_048_576;

export class CampaignError extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
    /** The HTTP status, for reason `http`. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CampaignError';
  }
}

/**
 * What a page may download for one block — script plus stylesheet, gzip -9, in bytes —
 * checked by `npm run build` (scripts/report-size.mjs) and reported by `npm run bench`.
 */
export const DOWNLOAD_BUDGET_GZIP = 14_000;
