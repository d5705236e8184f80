/**
 * Fetching a campaign: one request without cookies (or the page's own preload of it, which
 * sends them to the page's own origin at most), a size limit, and failures that say what went
 * wrong in words a webmaster can act on. The time limit is the caller's (shared-request.ts): it
 * covers a retry too.
 */
import { CampaignError } from './limits.js';

/** How to ask: `signal` aborts the request (it then rejects with the signal's reason). */
export interface FetchInit {
  signal: AbortSignal;
  referrerPolicy: ReferrerPolicy;
  /** `no-cache` revalidates with the server: a retry must not get a cached failure. None: the browser's default. */
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
 * request. A link element reads it for us: it knows the keywords of this browser.
 */
export function referrerPolicyOf(value: unknown): ReferrerPolicy {
  const link = document.createElement('a');
  if (typeof value === 'string') link.referrerPolicy = value;
  const policy = link.referrerPolicy as ReferrerPolicy;
  // The element passes no empty value: a value the link kept no policy from is none.
  if (!policy && value) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : `(a ${typeof value})`;
    console.warn(`<open-letter>: referrerpolicy ${shown} is not a referrer policy, ignored`);
  }
  return policy;
}

/**
 * Whether the page preloads `url` as `<link rel="preload" as="fetch" crossorigin="anonymous">` does:
 * the browser hands that answer over only to a request of the same credentials mode, `same-origin`,
 * which sends cookies to the page's own origin only (and the preload has already made the request).
 * The link's `crossOrigin` reads the attribute as HTML does: an empty or unknown value is anonymous too;
 * other elements with a `rel` have no `crossOrigin`.
 */
function preloaded(url: URL): boolean {
  return [...document.querySelectorAll<HTMLLinkElement>('[rel~=preload][as=fetch i]')].some(
    (link) => link.href === url.href && link.crossOrigin === 'anonymous',
  );
}

/**
 * Fetches and parses the JSON at `url`, refusing answers larger than `maxBytes`. Rejects
 * with a CampaignError for every failure, or with the abort reason when `init.signal`
 * aborts first.
 */
export async function fetchCampaignJson(url: URL, init: FetchInit, maxBytes: number): Promise<CampaignAnswer> {
  const { signal } = init;
  try {
    const response = await fetch(url, { ...init, credentials: preloaded(url) ? 'same-origin' : 'omit' });
    const { status } = response;
    // The status alone: HTTP/2 and later send no status text.
    if (!response.ok) throw new CampaignError('http', `${url} answered with status ${status}`, status >= 500);
    // Read piece by piece, stopping as soon as the answer grows past the limit; an answer
    // that declares a larger size is refused unread.
    const declared = Number(response.headers.get('content-length'));
    const reader = response.body?.getReader();
    // A fetched body is never shared memory: its pieces are Blob parts.
    const pieces: Uint8Array<ArrayBuffer>[] = [];
    for (let received = 0; reader;) {
      if (declared > maxBytes || received > maxBytes) {
        void reader.cancel();
        throw new CampaignError('size', `${url} answered with more than ${maxBytes} bytes (OpenLetter.maxBytes)`);
      }
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      pieces.push(value as Uint8Array<ArrayBuffer>);
    }
    // A fetched response always has its URL, even one a service worker made (Fetch, main fetch).
    return { data: JSON.parse(await new Blob(pieces).text()), url: response.url };
  } catch (error) {
    if (error instanceof CampaignError) throw error;
    if (signal.aborted) throw signal.reason;
    if (error instanceof SyntaxError)
      throw new CampaignError('parse', `${url} did not answer with JSON: ${error.message}`);
    // Unreachable, or the connection broke off: the browser's words say which, and the hint
    // names the most common cause.
    throw new CampaignError(
      'network',
      `${url} did not answer in full (${error}); from another origin it needs Access-Control-Allow-Origin`,
      true,
    );
  }
}
