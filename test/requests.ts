// What really happened on the wire for one `key` (see `api()` and `uniqueKey()` in helpers.ts):
// what test/server.mjs counted, and what the page itself asked for.

/** The requests for a key that reached the test server. */
export interface RequestsSeen {
  count: number;
  /** How many of them carried cookies. */
  cookies: number;
}

/** The requests for `key` that reached the test server (`/api/seen`). */
export async function requestsSeen(key: string): Promise<RequestsSeen> {
  return (await fetch(`/api/seen?key=${encodeURIComponent(key)}`, { cache: 'no-store' })).json();
}

/** Requests to /api/watched.json for a key, as the server saw their connections. */
export interface WatchedRequests {
  requests: number;
  /** Connections still waiting for their answer. */
  open: number;
  /** Connections the client closed before the answer. */
  aborted: number;
  answered: number;
  /** Requests that carried a Referer header. */
  referers: number;
}

/** What /api/watched.json saw of the requests for `key`, from the server's side of the connection. */
export async function watchedRequests(key: string): Promise<WatchedRequests> {
  return (await fetch(`/api/watched?of=${encodeURIComponent(key)}`, { cache: 'no-store' })).json();
}

/**
 * The addresses the page requested for `key`, in order (Resource Timing), including those the
 * HTTP cache answered, which never reach the server; not the counting requests above.
 */
export function requestedAddresses(key: string): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => {
      const url = new URL(name);
      return url.searchParams.get('key') === key && url.pathname !== '/api/seen';
    });
}
