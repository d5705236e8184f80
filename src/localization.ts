/**
 * Interface strings through @lit/localize, with one locale per element.
 *
 * The runtime mode of @lit/localize has one locale per page; the reentrant mode asks
 * `getLocale()` on every `msg()` call, so each block can render in its own language
 * (two blocks in different languages on one page). Both catalogues are imported
 * statically: they are small, and the block then needs no second request.
 *
 * In the one-file build this module has its own private copy of @lit/localize, so it
 * cannot collide with a host page that uses @lit/localize itself.
 */
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import { templates as nl } from './generated/locales/nl.js';
import type { Language } from './language.js';

// Named imports, not `import * as`: a namespace object costs the bundle a helper.
const catalogues = { nl: { templates: nl } } as const;

let currentLanguage: Language = sourceLocale as Language;

configureReentrantLocalization({
  sourceLocale,
  targetLocales: [...targetLocales],
  getLocale: () => currentLanguage,
  loadLocaleSync: (locale) => catalogues[locale as keyof typeof catalogues],
});

/**
 * Runs `render` with `msg()` answering in `language`, and restores the previous
 * language afterwards, even when rendering throws.
 */
export function inLanguage<T>(language: Language, render: () => T): T {
  const previous = currentLanguage;
  currentLanguage = language;
  try {
    return render();
  } finally {
    currentLanguage = previous;
  }
}
