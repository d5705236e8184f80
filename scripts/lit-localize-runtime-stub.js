// Stands in for @lit/localize/init/runtime.js in the one-file build (see vite.config.ts).
// <open-letter> configures the reentrant mode (src/localization.ts), one language per block;
// the runtime mode's module still creates its loading promise when it loads, so the bundler
// keeps its code (about 0.15 KB gzip) though nothing calls it. Calling it fails loudly.
import { leftOut } from './left-out.js';

export const configureLocalization = () => leftOut('configureLocalization(); the block uses the reentrant mode');
