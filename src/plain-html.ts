/**
 * A rendered Lit template made into plain, canonical HTML for the light DOM: no Lit
 * markers or other comments, no inline styles or handlers, one way of writing each
 * attribute and character, laid out for a person to read (or on one line, for a snippet
 * that WordPress's paragraph filter leaves alone).
 *
 * Two renderers feed it and must end up with the same markup: Lit's server rendering
 * (`open-letter snapshot` and `site`, in Node) and Lit in a browser's DOM, read back with
 * `innerHTML` (the embed-code generator). Their raw output differs only in how it is
 * written — comment markers, the order of bound and static attributes, which quotes are
 * escaped, `&nbsp;` — and this function writes all of those one way.
 *
 * Both renderers escape every value (text and attributes), so each `<` in their output
 * starts real markup and tags can be rewritten with regular expressions. No DOM, no Node
 * APIs: it runs in both.
 */
export interface PlainHtmlOptions {
  /** Everything on one line: line breaks inside texts written as `&#10;`, no indentation. */
  oneLine?: boolean;
}

export function plainHtml(html: string, { oneLine = false }: PlainHtmlOptions = {}): string {
  const cleaned = html
    // Lit's markers (server: lit-part, lit-node, <?>; DOM: <!--?lit$…$-->, <!---->). The
    // letter has no comments of its own, and a comment with a `<` in it is one WordPress shows as text.
    .replace(/<!--[\s\S]*?-->|<\?[^>]*>/g, '')
    .replace(
      /<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g,
      (_tag, name: string, attributes = '') => `<${name}${cleanAttributes(attributes, oneLine)}>`,
    );
  // The template never makes these, and the contract is that static HTML never has them.
  if (/<(script|style)\b/i.test(cleaned) || /<!--|<\?/.test(cleaned)) {
    throw new Error('the rendered HTML contains a script, a style or a Lit marker');
  }
  return layOut(cleaned, oneLine);
}

/** Elements that hold other blocks: one per line, their content indented. */
const CONTAINERS = new Set(['article', 'header', 'div', 'section', 'ol', 'ul']);
/** Blocks that hold text: one per line, their content on that line. */
const LEAVES = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Re-indents the HTML for a webmaster to read: the template's own indentation is
 * shaped by its source code, not by the letter. Only whitespace-only runs next to a
 * block's tag change, which renders the same (white space at a block's edges
 * collapses away); text from the campaign keeps its words, only its characters are
 * written one way.
 */
function layOut(html: string, oneLine: boolean): string {
  const tokens = html
    .replace(/<\/([a-zA-Z0-9-]+)\s+>/g, '</$1>')
    .split(/(<[^>]*>)/)
    .filter((token) => token !== '');
  const blockTag = (token: string | undefined) => {
    const name = /^<\/?([a-zA-Z0-9-]+)/.exec(token ?? '')?.[1]?.toLowerCase();
    return name !== undefined && (CONTAINERS.has(name) || LEAVES.has(name)) ? name : undefined;
  };
  const newLine = (depth: number) => (oneLine ? '' : `\n${'  '.repeat(depth)}`);
  let out = '';
  let depth = 0;
  tokens.forEach((token, index) => {
    if (!token.startsWith('<')) {
      if (/^\s+$/.test(token) && (blockTag(tokens[index - 1]) || blockTag(tokens[index + 1]))) return;
      out += canonicalText(token, oneLine);
      return;
    }
    const name = blockTag(token);
    const closing = token.startsWith('</');
    if (!name || (closing && LEAVES.has(name))) out += token;
    else if (closing) out += `${newLine(--depth)}${token}`;
    else {
      out += `${newLine(depth)}${token}`;
      if (CONTAINERS.has(name)) depth++;
    }
  });
  return out.trim();
}

/**
 * Text as Lit's server rendering writes it: `&`, `<`, `>` come escaped from both
 * renderers; `"` and `'` escaped too (the DOM leaves them bare); a no-break space as the
 * character (the DOM writes `&nbsp;`).
 */
function canonicalText(text: string, oneLine: boolean): string {
  const written = text
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/&nbsp;/g, '\u00a0');
  return oneLine ? lineBreaksAsReferences(written) : written;
}

/** An attribute value, escaped as text is and `<`, `>` too (newer DOMs escape them, older ones do not). */
function canonicalValue(value: string, oneLine: boolean): string {
  return canonicalText(value.replace(/</g, '&lt;').replace(/>/g, '&gt;'), oneLine);
}

/** A line break inside a text would start a new line in the snippet, where WordPress adds `<br />`. */
function lineBreaksAsReferences(text: string): string {
  return text.replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
}

/**
 * The tag's attributes, without inline styles or handlers, in one order: `class`, `id`,
 * then the rest by name. (The DOM puts an element's bound attributes after its static
 * ones; the server keeps the template's order.) An empty value is written bare.
 */
function cleanAttributes(attributes: string, oneLine: boolean): string {
  const kept: [string, string | undefined][] = [];
  for (const [, name, value] of attributes.matchAll(/([^\s"'=<>/]+)(?:="([^"]*)")?/g)) {
    const lower = name.toLowerCase();
    // Inline styles and handlers never belong in static HTML, whatever the template does.
    if (lower === 'style' || lower.startsWith('on')) continue;
    kept.push([name, value]);
  }
  const key = (name: string) => {
    const lower = name.toLowerCase();
    return lower === 'class' ? '0' : lower === 'id' ? '1' : `2${lower}`;
  };
  kept.sort(([a], [b]) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return kept
    .map(([name, value]) =>
      value === undefined || value === '' ? ` ${name}` : ` ${name}="${canonicalValue(value, oneLine)}"`,
    )
    .join('');
}
