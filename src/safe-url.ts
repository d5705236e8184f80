/**
 * Links from untrusted data: only http(s) addresses may become links.
 */

/**
 * The absolute http(s) URL for `raw` resolved against `base`, or undefined for any
 * other scheme (`javascript:`, `data:`, `vbscript:`…), an unparsable address, or one
 * with user info: `https://www.rijksoverheid.nl@evil.example/` leads to evil.example
 * while it reads as another site. The URL parser strips the whitespace and control
 * characters that obfuscated schemes hide behind, so the check sees the scheme and
 * host the browser would use.
 */
export function httpUrl(raw: string, base: string | URL): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password ? url : undefined;
}
