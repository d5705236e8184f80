/**
 * One request per campaign address per page: blocks with the same `src` share the
 * request while it is in flight and its answer while any of them shows it. Each block
 * holds its share through its own signal: aborting it (the block is removed, or loads
 * something else) gives the share back, and the last one out stops the request or lets
 * the answer go, so a page that cycles through many campaigns keeps none it no longer
 * shows. Failures are not kept, so a retry asks the server again. The browser's HTTP
 * cache still applies underneath.
 */
import { fetchCampaignJson, referrerPolicyOf, type CampaignAnswer, type FetchInit } from './fetch-campaign.js';
import { CampaignError, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, clamped } from './limits.js';

export interface RequestOptions {
  /**
   * This block's own signal, fresh (not aborted yet). Aborting it stops waiting and gives the
   * block's share of the answer back: keep it unaborted while the block shows the answer.
   */
  signal: AbortSignal;
  /** Milliseconds for the whole request, the pause and the automatic retry included. */
  timeout: number;
  /** Responses larger than this many bytes fail with reason `size`. */
  maxBytes: number;
  /** Milliseconds before the one automatic retry after a network or server failure. */
  retryDelay: number;
  /** As the `referrerpolicy` attribute gives it; an unknown value is ignored, as HTML does. */
  referrerPolicy?: unknown;
  /** Skip the kept answer and ask the server again (the reader pressed retry). */
  fresh?: boolean;
}

/** Joins a shared request: the answer, for as long as `signal` is not aborted. */
type Join = (signal: AbortSignal) => Promise<CampaignAnswer>;

const requests = new Map<string, Join>();

export function requestCampaign(url: URL, options: RequestOptions): Promise<CampaignAnswer> {
  const { signal } = options;
  const referrerPolicy = referrerPolicyOf(options.referrerPolicy);
  const key = `${referrerPolicy} ${url.href}`;
  return ((!options.fresh && requests.get(key)) || start())(signal);

  /** Starts the request for `key` and keeps it in `requests`: the function blocks join it with. */
  function start(): Join {
    const controller = new AbortController();
    // The static limits within their ranges: outside them a timer overflows (2^31 ms and more
    // fire at once), never fires, or every answer is refused.
    const timeout = clamped('timeout', options.timeout, 100, 600_000, DEFAULT_TIMEOUT);
    const maxBytes = clamped('maxBytes', options.maxBytes, 0, 16 * DEFAULT_MAX_BYTES, DEFAULT_MAX_BYTES);
    const retryDelay = clamped('retryDelay', options.retryDelay, 0, 60_000, 1_000) * (1 + Math.random() / 2);
    const deadline = Date.now() + timeout;
    const init: FetchInit = {
      signal: controller.signal,
      referrerPolicy,
      cache: options.fresh ? 'no-cache' : undefined,
    };
    // One limit for the whole wait: the first attempt, the pause and the retry together.
    const timer = setTimeout(
      () => controller.abort(new CampaignError('timeout', `${url} did not answer in full within ${timeout / 1000} s`)),
      timeout,
    );
    // A transient failure (a network failure, a server error) is tried once more, after a pause,
    // if the pause ends before the deadline; else the failure itself says more than a timeout
    // would. A block that leaves during the pause has aborted the signal: the retry then ends
    // at once, unsent. (What else fetchCampaignJson rejects with is this request's abort reason.)
    const answer = fetchCampaignJson(url, init, maxBytes).catch(async (error: unknown) => {
      if (!(error as CampaignError | undefined)?.transient || Date.now() + retryDelay >= deadline) throw error;
      await new Promise((resume) => setTimeout(resume, retryDelay));
      return fetchCampaignJson(url, init, maxBytes);
    });
    /** Blocks that wait for the answer or show it. */
    let users = 0;
    const join: Join = (signal) => {
      users += 1;
      return new Promise((resolve, reject) => {
        answer.then(resolve, reject);
        // An AbortSignal aborts once: the listener runs once.
        signal.addEventListener('abort', () => {
          reject(signal.reason);
          if (--users) return;
          // The last one out: stop the request (nothing, once it is answered) and let the answer go.
          controller.abort(signal.reason);
          forget();
        });
      });
    };
    // A fresh request for the same address may have taken this one's place.
    const forget = () => requests.get(key) === join && requests.delete(key);
    requests.set(key, join);
    // Failures are not kept: a retry asks the server again.
    void answer.catch(forget).finally(() => clearTimeout(timer));
    return join;
  }
}
