/** Addresses on the command line and in campaigns, checked as the block checks them. */
import { httpUrl } from '../safe-url.js';

/** A base for relative source urls when there is no real one: only the scheme matters for the check. */
export const PLACEHOLDER_BASE = 'https://open-letter.invalid/';

/**
 * An absolute http(s) address typed on the command line, or undefined. A relative one
 * would silently resolve against our placeholder, so it is refused rather than resolved.
 */
export function absoluteHttpUrl(raw: string): URL | undefined {
  const url = httpUrl(raw, PLACEHOLDER_BASE);
  return url && /^https?:\/\//i.test(raw.trim()) ? url : undefined;
}

export function isRelative(url: string): boolean {
  try {
    new URL(url);
    return false;
  } catch {
    return true;
  }
}
