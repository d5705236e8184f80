// Stands in for @lit/localize/init/runtime.js in the one-file build (see vite.config.ts).
// <open-letter> configures the reentrant mode (src/localization.ts), one language per block;
// the runtime mode's module still creates its loading promise when it loads, so the bundler
// keeps its code (about 0.15 KB gzip) though nothing calls it. Calling it fails loudly.
export const configureLocalization = () => {
  throw new Error('<open-letter>: configureLocalization is left out of this build; it uses the reentrant mode');
};
