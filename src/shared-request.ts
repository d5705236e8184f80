/**
 * One request per campaign address per page: blocks with the same `src` share the
 * request while it is in flight and its answer while any of them shows it. Each block
 * holds its share through its own signal: aborting it (the block is removed, or loads
 * something else) gives the share back, and the last one out stops the request or lets
 * the answer go, so a page that cycles through many campaigns keeps none it no longer
 * shows. Failures are not kept, so a retry asks the server again. The browser's HTTP
 * cache still applies underneath.
 */
import { fetchCampaignJson, referrerPolicyOf, type CampaignAnswer, type FetchOptions } from './fetch-campaign.js';
import {
  CampaignError,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT,
  MAX_BYTES_RANGE,
  RETRY_DELAY_RANGE,
  TIMEOUT_RANGE,
  clamped,
} from './limits.js';

export interface RequestOptions {
  /**
   * This block's own signal. Aborting it stops waiting and gives the block's share of the
   * answer back: keep it unaborted while the block shows the answer.
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

interface SharedRequest {
  answer: Promise<CampaignAnswer>;
  settled: boolean;
  /** Blocks that wait for the answer or show it. */
  users: number;
  controller: AbortController;
}

const requests = new Map<string, SharedRequest>();

export function requestCampaign(url: URL, options: RequestOptions): Promise<CampaignAnswer> {
  const { signal } = options;
  if (signal.aborted) return Promise.reject(signal.reason);
  const referrerPolicy = referrerPolicyOf(options.referrerPolicy);
  const key = `${referrerPolicy} ${url.href}`;
  const shared = (!options.fresh && requests.get(key)) || start(key, url, referrerPolicy, options);
  shared.users += 1;
  signal.addEventListener(
    'abort',
    () => {
      shared.users -= 1;
      if (shared.users > 0) return;
      if (!shared.settled) shared.controller.abort(signal.reason);
      forget(key, shared);
    },
    { once: true },
  );
  return new Promise((resolve, reject) => {
    shared.answer.then(resolve, reject);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function start(key: string, url: URL, referrerPolicy: ReferrerPolicy, options: RequestOptions): SharedRequest {
  const controller = new AbortController();
  const timeout = clamped('timeout', options.timeout, TIMEOUT_RANGE, DEFAULT_TIMEOUT);
  // One limit for the whole wait: the first attempt, the pause and the retry together.
  const timer = setTimeout(
    () => controller.abort(new CampaignError('timeout', `no complete answer from ${url} within ${timeout / 1000} s`)),
    timeout,
  );
  const shared: SharedRequest = {
    answer: fetchWithOneRetry(
      url,
      {
        signal: controller.signal,
        maxBytes: clamped('maxBytes', options.maxBytes, MAX_BYTES_RANGE, DEFAULT_MAX_BYTES),
        referrerPolicy,
        cache: options.fresh ? 'no-cache' : 'default',
      },
      clamped('retryDelay', options.retryDelay, RETRY_DELAY_RANGE, 1_000),
      Date.now() + timeout,
    ),
    settled: false,
    users: 0,
    controller,
  };
  requests.set(key, shared);
  shared.answer.then(
    () => {
      shared.settled = true;
      clearTimeout(timer);
    },
    () => {
      shared.settled = true;
      clearTimeout(timer);
      forget(key, shared);
    },
  );
  return shared;
}

function forget(key: string, shared: SharedRequest): void {
  // A fresh request for the same address may have taken its place.
  if (requests.get(key) === shared) requests.delete(key);
}

/**
 * Network failures and server errors (5xx) are often passing: try once more, after a pause,
 * if the pause ends before `deadline`; else the failure itself says more than a timeout would.
 */
async function fetchWithOneRetry(
  url: URL,
  options: FetchOptions,
  retryDelay: number,
  deadline: number,
): Promise<CampaignAnswer> {
  try {
    return await fetchCampaignJson(url, options);
  } catch (error) {
    const passing =
      error instanceof CampaignError &&
      (error.reason === 'network' || (error.reason === 'http' && (error.status ?? 0) >= 500));
    const delay = retryDelay * (1 + Math.random() / 2);
    if (!passing || options.signal.aborted || Date.now() + delay >= deadline) throw error;
    await pause(delay, options.signal);
    return fetchCampaignJson(url, options);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
