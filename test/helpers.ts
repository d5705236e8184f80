import { aTimeout, expect } from '@open-wc/testing';
import '../src/open-letter-define.js';
import { stylesheetUrl } from '../src/stylesheet.js';
import type { OpenLetter } from '../src/open-letter.js';
import type { Campaign, Text } from '../src/campaign-schema.js';

/** The page links the block's stylesheet, as the snippet does; tests start once it applies. */
await new Promise((resolve, reject) => {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheetUrl() });
  link.addEventListener('load', resolve, { once: true });
  link.addEventListener('error', () => reject(new Error(`the stylesheet ${link.href} did not load`)), { once: true });
  document.head.append(link);
});

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

/** Visible text of an element, whitespace collapsed. */
export function textOf(node: Element | null | undefined): string {
  return (node as HTMLElement | null)?.innerText?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Whether `node` is displayed: it takes up room on the page (it may still be off screen). */
export function isShown(node: Element | null | undefined): boolean {
  return !!node && node.getClientRects().length > 0;
}

/** Whether the webmaster's fallback link is in the block and displayed. */
export function fallbackVisible(el: OpenLetter): boolean {
  return isShown(el.querySelector(':scope > a'));
}

/** Every heading element, as a selector. */
export const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** The letter's title as the reader sees it (the block's first heading), or undefined when no letter is shown. */
export function shownTitle(el: Element): string | undefined {
  const title = el.querySelector(HEADINGS);
  return isShown(title) ? textOf(title) : undefined;
}

/** The links to the letter's sources: the address of each by its visible text. */
export function sourceLinks(el: Element): Map<string, string> {
  const links = el.querySelectorAll<HTMLAnchorElement>('.open-letter__sources a[href]');
  return new Map([...links].map((link) => [textOf(link), link.href]));
}

/** The block's retry button, there while loading failed or is being tried again. */
export function retryButton(el: Element): HTMLButtonElement | undefined {
  return el.querySelector<HTMLButtonElement>('.open-letter__retry') ?? undefined;
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
/** Chromium, the one engine whose DevTools protocol the runner can use. */
export const isChromium = navigator.userAgent.includes('Chrome/');
/** WebKit: WebKitGTK's MiniBrowser over WebDriver (Safari's engine). */
export const isWebKit = navigator.userAgent.includes('AppleWebKit/') && !isChromium;

/** A fresh key for counting requests at the test server (`requestsSeen()` in requests.ts). */
export function uniqueKey(what: string): string {
  return `${what}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * An address on the test server that no earlier request used, so nothing kept from an
 * earlier test (a cached or shared answer) stands in for a real request:
 * `/api/<name>?key=<unique>&<params>`.
 */
export function api(name: string, params: Record<string, string> = {}): string {
  return `/api/${name}?${new URLSearchParams({ key: uniqueKey(name), ...params })}`;
}

/** `src` as the block resolves it: against the page's address. */
export function absolute(src: string): string {
  return new URL(src, document.baseURI).href;
}

/** The `key` of an address made by `api()`. */
export function keyOf(src: string): string {
  return new URL(src, document.baseURI).searchParams.get('key')!;
}

/** A campaign text as a reader of `language` should read it (the demo has every text in both). */
export function textIn(text: Text | undefined, language: string): string {
  expect(text, 'the campaign has this text').to.exist;
  if (typeof text === 'string') return text;
  const shown = text![language];
  expect(shown, `the campaign has this text in ${language}`).to.be.a('string');
  return shown;
}

/**
 * Uncaught errors and unhandled rejections while `run` runs. They are recorded and kept
 * from failing the test runner itself, so the test can assert there were none.
 */
export async function uncaughtDuring(run: () => Promise<void>): Promise<string[]> {
  const uncaught: string[] = [];
  const onError = (event: ErrorEvent) => {
    uncaught.push(`error: ${event.message}`);
    event.preventDefault();
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    uncaught.push(`unhandled rejection: ${String(event.reason)}`);
    event.preventDefault();
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
    // Unhandled rejections are reported after a task.
    await aTimeout(0);
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return uncaught;
}

/**
 * Opens `path` in an iframe of the test page, as a separate page would be, and resolves
 * with its window once it has loaded. Remove the frames in an `after` hook.
 */
export function openPage<T extends Window = Window & typeof globalThis>(
  path: string,
  size = { width: 800, height: 600 },
): Promise<T> {
  const frame = document.createElement('iframe');
  frame.style.width = `${size.width}px`;
  frame.style.height = `${size.height}px`;
  frame.src = path;
  document.body.append(frame);
  return new Promise((resolve) =>
    frame.addEventListener('load', () => resolve(frame.contentWindow as T), { once: true }),
  );
}

/** A campaign written in Dutch only, with the required fields only: every text a plain string. */
export function minimalCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    version: 1,
    language: 'nl',
    title: 'Een brief in het Nederlands',
    date: '2022-02-18',
    letter: { paragraphs: ['Een alinea.'], demands: ['Een eis.'] },
    signatories: [{ name: 'Raadslid 1', party: 'Partij 1' }],
    ...overrides,
  };
}

/** The block's letter, asserting that it is shown as an article. */
export function articleOf(el: OpenLetter): HTMLElement {
  const article = el.querySelector('article');
  expect(article, 'the letter is shown as an article').to.exist;
  return article!;
}
