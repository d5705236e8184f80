/**
 * A Lit template rendered to plain, static HTML for the light DOM (through Lit's server
 * rendering): no hydration markers, no scripts, no inline styles or handlers, laid out
 * for a person to read. The snapshot and the static site both render through it.
 */
import type { TemplateResult } from 'lit';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';

export function renderStatic(template: TemplateResult): string {
  return plainHtml(collectResultSync(render(template)));
}

/**
 * Lit's server output made into plain HTML for the light DOM. Lit escapes every
 * value (text and attributes), so each `<` in its output starts real markup and the
 * tags can be rewritten with regular expressions.
 */
function plainHtml(html: string): string {
  const cleaned = html
    // Hydration markers: the snapshot is never hydrated, the block renders afresh.
    .replace(/<!--\/?lit-part[^>]*-->|<!--lit-node \d+-->|<\?[^>]*>/g, '')
    .replace(/<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g, (_tag, name: string, attributes = '') =>
      `<${name}${cleanAttributes(attributes)}>`,
    );
  // The template never makes these, and the contract is that static HTML never has them.
  if (/<(script|style)\b/i.test(cleaned) || /<!--lit|<\?/.test(cleaned)) {
    throw new Error('the rendered HTML contains a script, a style or a Lit marker');
  }
  return layOut(cleaned);
}

/** Elements that hold other blocks: one per line, their content indented. */
const CONTAINERS = new Set(['article', 'header', 'div', 'section', 'ol', 'ul']);
/** Blocks that hold text: one per line, their content on that line. */
const LEAVES = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Re-indents the HTML for a webmaster to read: the template's own indentation is
 * shaped by its source code, not by the letter. Only whitespace-only runs next to a
 * block's tag change, which renders the same (white space at a block's edges
 * collapses away); text from the campaign is never touched.
 */
function layOut(html: string): string {
  const tokens = html.replace(/<\/([a-zA-Z0-9-]+)\s+>/g, '</$1>').split(/(<[^>]*>)/).filter((token) => token !== '');
  const blockTag = (token: string | undefined) => {
    const name = /^<\/?([a-zA-Z0-9-]+)/.exec(token ?? '')?.[1]?.toLowerCase();
    return name !== undefined && (CONTAINERS.has(name) || LEAVES.has(name)) ? name : undefined;
  };
  let out = '';
  let depth = 0;
  tokens.forEach((token, index) => {
    if (/^\s+$/.test(token) && (blockTag(tokens[index - 1]) || blockTag(tokens[index + 1]))) return;
    const name = blockTag(token);
    const closing = token.startsWith('</');
    if (!name || (closing && LEAVES.has(name))) out += token;
    else if (closing) out += `\n${'  '.repeat(--depth)}${token}`;
    else {
      out += `\n${'  '.repeat(depth)}${token}`;
      if (CONTAINERS.has(name)) depth++;
    }
  });
  return out.trim();
}

function cleanAttributes(attributes: string): string {
  let result = '';
  for (const [, name, value] of attributes.matchAll(/([^\s"'=<>/]+)(?:="([^"]*)")?/g)) {
    const lower = name.toLowerCase();
    // Inline styles and handlers never belong in the snapshot, whatever the template does.
    if (lower === 'style' || lower.startsWith('on')) continue;
    result += value === undefined ? ` ${name}` : ` ${name}="${value}"`;
  }
  return result;
}
