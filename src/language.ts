/**
 * Which language a block is read in: the languages the interface supports, how a
 * reader's language is negotiated, and how changes of `lang` in the page are noticed.
 */

export const SUPPORTED_LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** What a block falls back to when nothing else names a supported language. */
export const DEFAULT_LANGUAGE: Language = 'nl';

/**
 * The supported language a BCP 47 tag belongs to (`nl-BE` → `nl`, `en-GB` → `en`),
 * or undefined for an unsupported or malformed tag.
 */
export function supportedLanguageOf(tag: string | null | undefined): Language | undefined {
  try {
    // No tag is no language; a malformed one throws.
    const language = tag && new Intl.Locale(tag).language;
    return (SUPPORTED_LANGUAGES as readonly unknown[]).includes(language) ? (language as Language) : undefined;
  } catch {
    return undefined; // A malformed lang attribute must not break the block.
  }
}

/** The first candidate that names a supported language. */
export function negotiateLanguage(candidates: Iterable<string | null | undefined>): Language | undefined {
  return [...candidates].map(supportedLanguageOf).find(Boolean);
}

/**
 * The `lang` attributes from the element itself outwards, nearest first (null for an element
 * without one), crossing shadow roots, so a block inside another component still follows the page.
 */
export function* languagesAround(element: Element): Generator<string | null> {
  for (let node: Element | null | undefined = element; node;) {
    yield node.getAttribute('lang');
    node = node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host;
  }
}

/**
 * Calls `listener` whenever a `lang` attribute changes anywhere in the document: a page that
 * switches `<html lang>` re-renders every block in the same update. Returns the function
 * that stops watching.
 */
export function onLanguageChange(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  // An attribute filter implies attributes: true.
  observer.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
  return () => observer.disconnect();
}
