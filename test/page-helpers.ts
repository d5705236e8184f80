// Helpers for tests that look at a whole page, as its visitors and their tools do: pages
// open in iframes (openPage in helpers.ts), with the block as a webmaster pastes it.
import type { Readability } from '@mozilla/readability';
import { expect } from '@open-wc/testing';
import type { OpenLetter } from '../src/open-letter.js';

/** A page opened by `openPage`, with the DOM classes of its own window. */
export type PageWindow = Window & typeof globalThis;

/**
 * Resolves once `block` shows its letter: at once if it already does, else on its
 * `open-letter-load`. Fails with the block's reason when it fires `open-letter-error`.
 */
export async function letterShown(block: Element): Promise<void> {
  const view = block.ownerDocument.defaultView!;
  await view.customElements.whenDefined('open-letter');
  const el = block as OpenLetter;
  await el.updateComplete;
  if (isShowingLetter(el)) return;
  await new Promise<void>((resolve, reject) => {
    el.addEventListener('open-letter-load', () => resolve(), { once: true });
    el.addEventListener(
      'open-letter-error',
      (event) => reject(new Error(`the block failed to load: ${(event as CustomEvent).detail.reason}`)),
      { once: true },
    );
  });
  await el.updateComplete;
}

/** Whether the block's script has rendered the letter (not a pre-rendered one among its fallback children). */
function isShowingLetter(block: Element): boolean {
  return !!block.querySelector(':scope > .open-letter__live > .open-letter__letter');
}

/** Resolves when every block on `page` shows its letter. */
export async function everyLetterShown(page: PageWindow): Promise<void> {
  const blocks = [...page.document.querySelectorAll('open-letter')];
  expect(blocks, 'the page has blocks').to.not.be.empty;
  await Promise.all(blocks.map(letterShown));
}

/** Two animation frames: what the page changed has been laid out and painted (and layout shifts reported). */
export async function painted(page: PageWindow): Promise<void> {
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => page.requestAnimationFrame(resolve));
}

/** Text with every run of white space made one space, as a reader would compare it. */
export function collapsed(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Every id that more than one element in `root` carries. */
export function duplicateIds(root: Document | Element): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const element of root.querySelectorAll('[id]')) {
    if (seen.has(element.id)) duplicates.add(element.id);
    seen.add(element.id);
  }
  return [...duplicates];
}

let readability: Promise<typeof Readability> | undefined;

/**
 * The article Firefox's Reader View makes of `doc`: Mozilla's Readability, the library
 * Firefox runs, on a clone (Readability changes the document it reads). Loaded as Firefox
 * loads it, as a plain script; it is not an ES module.
 */
export async function readerViewOf(doc: Document) {
  readability ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/@mozilla/readability/Readability.js';
    script.onload = () => resolve((window as unknown as { Readability: typeof Readability }).Readability);
    script.onerror = () => reject(new Error('could not load @mozilla/readability (npm install?)'));
    document.head.append(script);
  });
  const Reader = await readability;
  return new Reader(doc.cloneNode(true) as Document).parse();
}
