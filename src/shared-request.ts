/**
 * One request per campaign address per page: blocks with the same `src` share the
 * request while it is in flight and its answer after. The shared request is aborted
 * only when every block that waits for it has given up. Failures are not kept, so a
 * retry asks the server again. The browser's HTTP cache still applies underneath.
 */
import { fetchCampaignJson, type FetchOptions } from './fetch-campaign.js';
import { CampaignError } from './limits.js';

export interface RequestOptions extends Omit<FetchOptions, 'signal'> {
  /** This block's own signal: aborting it stops waiting, and the request when nobody else waits. */
  signal: AbortSignal;
  /** Milliseconds before the one automatic retry after a network or server failure. */
  retryDelay: number;
  /** Skip the kept answer and ask the server again (the reader pressed retry). */
  fresh?: boolean;
}

interface SharedRequest {
  answer: Promise<unknown>;
  settled: boolean;
  waiting: number;
  controller: AbortController;
}

const requests = new Map<string, SharedRequest>();

export function requestCampaign(url: URL, options: RequestOptions): Promise<unknown> {
  const key = `${options.referrerPolicy ?? ''} ${url.href}`;
  let shared = options.fresh ? undefined : requests.get(key);
  if (!shared) shared = start(key, url, options);
  if (shared.settled) return shared.answer;
  return wait(key, shared, options.signal);
}

function start(key: string, url: URL, options: RequestOptions): SharedRequest {
  const controller = new AbortController();
  const shared: SharedRequest = {
    answer: fetchWithOneRetry(url, {
      ...options,
      signal: controller.signal,
      cache: options.fresh ? 'no-cache' : 'default',
    }),
    settled: false,
    waiting: 0,
    controller,
  };
  requests.set(key, shared);
  shared.answer.then(
    () => (shared.settled = true),
    () => {
      shared.settled = true;
      if (requests.get(key) === shared) requests.delete(key);
    },
  );
  return shared;
}

function wait(key: string, shared: SharedRequest, signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return Promise.reject(signal.reason);
  shared.waiting += 1;
  return new Promise((resolve, reject) => {
    const giveUp = () => {
      shared.waiting -= 1;
      if (shared.waiting === 0 && !shared.settled) {
        shared.controller.abort(signal.reason);
        if (requests.get(key) === shared) requests.delete(key);
      }
      reject(signal.reason);
    };
    signal.addEventListener('abort', giveUp, { once: true });
    shared.answer.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', giveUp);
      if (!signal.aborted) shared.waiting -= 1;
    });
  });
}

/** Network failures and server errors (5xx) are often passing: try once more, after a pause. */
async function fetchWithOneRetry(url: URL, options: FetchOptions & { retryDelay: number }): Promise<unknown> {
  try {
    return await fetchCampaignJson(url, options);
  } catch (error) {
    const passing =
      error instanceof CampaignError &&
      (error.reason === 'network' || (error.reason === 'http' && (error.status ?? 0) >= 500));
    if (!passing || options.signal.aborted) throw error;
    await pause(options.retryDelay * (1 + Math.random() / 2), options.signal);
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
