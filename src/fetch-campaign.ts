/**
 * Fetching a campaign: one request, no cookies, a size limit, and failures that say
 * what went wrong in words a webmaster can act on. The time limit is the caller's
 * (shared-request.ts): it covers a retry too.
 */
import { CampaignError } from './limits.js';

export interface FetchOptions {
  /** Aborts the request; an aborted request rejects with the signal's reason. */
  signal: AbortSignal;
  /** Responses larger than this many bytes fail with reason `size`. */
  maxBytes: number;
  referrerPolicy?: ReferrerPolicy;
  /** `no-cache` revalidates with the server: a retry must not get a cached failure. */
  cache?: RequestCache;
}

/** The parsed JSON and the address it came from after any redirects: relative links in it resolve against that. */
export interface CampaignAnswer {
  data: unknown;
  url: string;
}

/**
 * The `referrerpolicy` attribute as HTML reads it: a keyword in any case, and a value that
 * is none ignored (the page's own policy applies) with a warning, rather than failing the
 * request. The browser itself says which keywords it knows.
 */
export function referrerPolicyOf(value: unknown): ReferrerPolicy {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'string') {
    const policy = value.toLowerCase() as ReferrerPolicy;
    try {
      new Request('data:,', { referrerPolicy: policy });
      return policy;
    } catch {
      // Not a policy: warn below.
    }
  }
  const shown = typeof value === 'string' ? JSON.stringify(value) : `(a ${typeof value})`;
  console.warn(`<open-letter>: referrerpolicy ${shown} is not a referrer policy; the page's own applies`);
  return '';
}

/**
 * Fetches and parses the JSON at `url`. Rejects with a CampaignError for every
 * failure, or with the abort reason when `signal` aborts first.
 */
export async function fetchCampaignJson(url: URL, options: FetchOptions): Promise<CampaignAnswer> {
  const { signal } = options;
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      credentials: 'omit',
      referrerPolicy: options.referrerPolicy ?? '',
      cache: options.cache,
    });
  } catch (error) {
    throw signal.aborted
      ? signal.reason
      : new CampaignError(
          'network',
          `could not reach ${url} (${error}); from another origin it needs Access-Control-Allow-Origin`,
        );
  }
  if (!response.ok) {
    throw new CampaignError(
      'http',
      `${url} answered with HTTP status ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      response.status,
    );
  }
  const text = await readText(response, url, options.maxBytes, signal);
  try {
    return { data: JSON.parse(text), url: response.url || url.href };
  } catch (error) {
    throw new CampaignError('parse', `${url} did not answer with JSON: ${(error as Error).message}`);
  }
}

/** Reads the body as UTF-8, stopping as soon as it grows past `maxBytes`. */
async function readText(response: Response, url: URL, maxBytes: number, signal: AbortSignal): Promise<string> {
  const tooLarge = () =>
    new CampaignError('size', `${url} answered with more than ${maxBytes} bytes, the limit for a campaign`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    void response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        void reader.cancel();
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (error instanceof CampaignError) throw error;
    throw signal.aborted ? signal.reason : new CampaignError('network', `the connection to ${url} broke off`);
  }
  return text + decoder.decode();
}
