/** Reading a campaign from a local file or an http(s) address, with errors that say why not. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TIMEOUT } from '../limits.js';
import { EXIT_UNREADABLE, Exit } from './exit.js';

/** The block's own limit (OpenLetter.timeout): what it would not wait for, we do not wait for either. */
const TIMEOUT_MS = DEFAULT_TIMEOUT;

export interface Input {
  /** How to name the input in messages: the path or URL as typed. */
  label: string;
  text: string;
  bytes: number;
  /** The address it was read from, for http(s) input: the block's base for relative links. */
  url?: URL;
  /** The Access-Control-Allow-Origin header, for http(s) input. */
  allowOrigin?: string | null;
}

export async function readInput(source: string): Promise<Input> {
  if (/^https?:\/\//i.test(source)) return fetchInput(source);
  let path = source;
  if (/^file:/i.test(source)) {
    try {
      path = fileURLToPath(source);
    } catch (error) {
      throw new Exit(`error: cannot read ${source}: ${(error as Error).message}`, EXIT_UNREADABLE);
    }
  } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(source)) {
    throw new Exit(`error: cannot read ${source}: only local files and http(s) addresses can be read`, EXIT_UNREADABLE);
  }
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : (error as Error).message;
    throw new Exit(`error: cannot read ${source}: ${why}`, EXIT_UNREADABLE);
  }
  return { label: source, text: decode(buffer), bytes: buffer.byteLength };
}

async function fetchInput(source: string): Promise<Input> {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new Exit(`error: cannot read ${source}: not a valid address`, EXIT_UNREADABLE);
  }
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
  } catch (error) {
    throw new Exit(`error: cannot read ${source}: ${fetchFailure(error)}`, EXIT_UNREADABLE);
  }
  if (!response.ok) {
    void response.body?.cancel();
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new Exit(`error: cannot read ${source}: the server answered with HTTP status ${status}`, EXIT_UNREADABLE);
  }
  let buffer: ArrayBuffer;
  try {
    buffer = await response.arrayBuffer();
  } catch (error) {
    throw new Exit(`error: cannot read ${source}: ${fetchFailure(error)}`, EXIT_UNREADABLE);
  }
  return {
    label: source,
    text: decode(new Uint8Array(buffer)),
    bytes: buffer.byteLength,
    url,
    allowOrigin: response.headers.get('access-control-allow-origin'),
  };
}

/** Node's fetch says only "fetch failed"; the reason is in its cause (ECONNREFUSED, ENOTFOUND…). */
function fetchFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no complete answer within ${TIMEOUT_MS / 1000} s`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return `the connection was refused (${cause.code}): is the server running?`;
  if (cause?.code === 'ENOTFOUND') return `no such host (${cause.code})`;
  // The Fetch standard blocks ports of other protocols (9, 25, 6000…); browsers refuse them too.
  if (cause?.message === 'bad port')
    return 'fetch refuses this port, which is reserved for another protocol; browsers refuse it too';
  return cause?.message ?? (error as Error).message ?? String(error);
}

/** UTF-8, without a byte order mark: as the browser's fetch decodes it for the block. */
function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
