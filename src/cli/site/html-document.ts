/**
 * The frame of every static page: a complete HTML document with its language, a strict
 * Content Security Policy and the viewport, around a head and a body of its own.
 */
import type { Language } from '../../language.js';
import { escapeHtml } from './escape-html.js';

export interface HtmlDocument {
  lang: Language;
  /** The Content-Security-Policy, as a meta element: static hosts cannot be relied on for headers. */
  csp: string;
  title: string;
  /** Elements for the head, already escaped; the order is kept. */
  head: string[];
  /** The body's content, already escaped. */
  body: string;
}

export function htmlDocument({ lang, csp, title, head, body }: HtmlDocument): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${head.join('\n')}
</head>
<body>
${body}
</body>
</html>
`;
}

/** A head element, `<tag name="value" …>`, every value escaped. */
export function element(tag: 'link' | 'meta' | 'script', attributes: Record<string, string | true>): string {
  const written = Object.entries(attributes)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
  return tag === 'script' ? `<script${written}></script>` : `<${tag}${written}>`;
}
