// What the embed-code generator writes, from settings it has already checked: the one-line
// snippet to paste, the WordPress plugin's shortcode, and the Subresource Integrity of a file.
// No DOM: pure functions of their arguments.

/** The attribute-value and text escaping HTML needs: &, <, >, ". */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** Standard base64 (with padding) of bytes, as SRI wants it. */
export function base64(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The SRI value `sha384-…` of some bytes. */
export async function sha384Integrity(bytes) {
  const digest = await crypto.subtle.digest('SHA-384', bytes);
  return `sha384-${base64(new Uint8Array(digest))}`;
}

/** ` name="value"` for each [name, value] pair, bare ` name` for value `true`. */
function attributeList(attributes, escape) {
  return attributes.map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escape(value)}"`)).join('');
}

const integrityOf = (file) => (file.integrity ? ` integrity="${escapeHtml(file.integrity)}"` : '');

/**
 * The snippet a webmaster pastes: one line inside `<div class="open-letter-embed">`, which
 * WordPress's paragraph filter (wpautop) leaves alone. In order: the stylesheet (so a
 * pre-rendered letter is styled from the first paint), the script, the campaign's preload
 * (its request starts with the script's, not after it), then the element; a theme's
 * `<style>` comes just before the div, on the same line.
 *
 * - `script`, `stylesheet`: { href, integrity } (integrity null when unknown)
 * - `preload`: the campaign's absolute address, or null for none
 * - `theme`: [custom property, CSS value] pairs, values already checked to be plain CSS values
 * - `attributes`: [name, value] pairs for `<open-letter>` (value `true` for a boolean attribute)
 * - `content`: the element's children as HTML (the pre-rendered letter or the fallback link), on one line
 */
export function buildSnippet({ script, stylesheet, preload = null, theme = [], attributes = [], content = '' }) {
  const parts = [
    // A stylesheet is fetched with CORS only when it says crossorigin, which an integrity check needs;
    // without one, a host that sends no CORS header still serves it.
    `<link rel="stylesheet" href="${escapeHtml(stylesheet.href)}"${stylesheet.integrity ? `${integrityOf(stylesheet)} crossorigin="anonymous"` : ''}>`,
    `<script type="module" src="${escapeHtml(script.href)}"${integrityOf(script)} crossorigin="anonymous"></script>`,
  ];
  // crossorigin="anonymous" is the block's own request: CORS, cookies only to its own site.
  // Any other request mode and the browser downloads the campaign twice.
  if (preload) parts.push(`<link rel="preload" as="fetch" href="${escapeHtml(preload)}" crossorigin="anonymous">`);
  parts.push(`<open-letter${attributeList(attributes, escapeHtml)}>${content}</open-letter>`);
  // The theme goes before the div: wpautop starts a new paragraph after a </style>, and a <p>
  // opened before <open-letter> would end the element early (the letter would show twice).
  const style = theme.length
    ? `<style>open-letter { ${theme.map(([property, value]) => `${property}: ${value};`).join(' ')} }</style>`
    : '';
  return `${style}<div class="open-letter-embed">${parts.join('')}</div>`;
}

/** The fallback link inside the block, or '' for none. */
export function fallbackLink(fallback) {
  return fallback ? `<a href="${escapeHtml(fallback.href)}">${escapeHtml(fallback.text)}</a>` : '';
}

/**
 * HTML escaping plus the square brackets, which would end a shortcode early. WordPress
 * keeps the character references; the browser reads them back as the brackets.
 */
function escapeShortcode(value) {
  return escapeHtml(value).replace(/\[/g, '&#91;').replace(/\]/g, '&#93;');
}

/**
 * The WordPress plugin's shortcode for the same block, on one line:
 * `[open-letter src="…" lang="…" …]fallback[/open-letter]`. The plugin checks every value
 * again and escapes it; the fallback is the link only (WordPress strips parts of a
 * pre-rendered letter for Authors and Contributors).
 */
export function buildShortcode({ attributes, fallback }) {
  const link = fallback ? `<a href="${escapeShortcode(fallback.href)}">${escapeShortcode(fallback.text)}</a>` : '';
  return `[open-letter${attributeList(attributes, escapeShortcode)}]${link}[/open-letter]`;
}
