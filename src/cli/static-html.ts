/**
 * A Lit template rendered to plain, static HTML for the light DOM (through Lit's server
 * rendering): no hydration markers, no scripts, no inline styles or handlers, laid out
 * for a person to read. The snapshot and the static site both render through it.
 */
import type { TemplateResult } from 'lit';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { plainHtml } from '../plain-html.js';

export function renderStatic(template: TemplateResult): string {
  return plainHtml(serverHtml(template));
}

/** Lit's server rendering of `template` as it comes, hydration markers and all. */
export function serverHtml(template: TemplateResult): string {
  return collectResultSync(render(template));
}
