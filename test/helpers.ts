import { fixture, html, oneEvent } from '@open-wc/testing';
import '../src/open-letter-define.js';
import type { OpenLetter } from '../src/open-letter.js';
import type { Campaign } from '../src/campaign-schema.js';

export const DEMO_URL = '/demo/campaigns/brandbrief-samen-veilig.json';

let demo: Campaign | undefined;
/** The demo campaign, as served to webmasters. */
export async function demoCampaign(): Promise<Campaign> {
  demo ??= (await (await fetch(DEMO_URL)).json()) as Campaign;
  return structuredClone(demo);
}

/** An /api/echo.json address that serves `data` as JSON over real HTTP. */
export function echoUrl(data: unknown, params: Record<string, string> = {}): string {
  const bytes = new TextEncoder().encode(JSON.stringify(data));
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  const body = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `/api/echo.json?${new URLSearchParams({ body, ...params })}`;
}

/** Mounts an `<open-letter>` for `src` and waits until it has loaded or failed. */
export async function loaded(
  src: string,
  attributes: Record<string, string> = {},
): Promise<OpenLetter> {
  const el = document.createElement('open-letter');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = '<a href="https://example.org/letter">Lees de brief</a>';
  const done = Promise.race([oneEvent(el, 'open-letter-load'), oneEvent(el, 'open-letter-error')]);
  el.setAttribute('src', src);
  await fixture(html`<div>${el}</div>`);
  await done;
  await el.updateComplete;
  return el;
}

export function shadow(el: OpenLetter): ShadowRoot {
  return el.shadowRoot!;
}

/** Visible text of an element, whitespace collapsed. */
export function textOf(node: Element | null | undefined): string {
  return (node as HTMLElement | null)?.innerText?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Whether the light-DOM fallback content is rendered (slotted and displayed). */
export function fallbackVisible(el: OpenLetter): boolean {
  const link = el.querySelector('a');
  return !!link && link.assignedSlot !== null && link.getClientRects().length > 0;
}

/** Records console calls of one kind until `restore()`. */
export function captureConsole(kind: 'error' | 'warn') {
  const original = console[kind];
  const calls: string[] = [];
  console[kind] = (...args: unknown[]) => {
    calls.push(args.map(String).join(' '));
  };
  return { calls, restore: () => (console[kind] = original) };
}

export const isFirefox = navigator.userAgent.includes('Firefox');
