// Stands in for Lit's @lit/reactive-element/css-tag.js in the one-file build (see
// vite.config.ts). <open-letter> renders into the light DOM and has no `static styles`,
// so Lit's shadow-root style adoption is never used; its code (about 0.5 KB gzip) would
// only add to what every visitor downloads. Anything that does try to use it fails loudly.
import { leftOut } from './left-out.js';

const unused = () => leftOut('css`` and adopted styles');
export const supportsAdoptingStyleSheets = false;
export class CSSResult {}
export const css = unused;
export const unsafeCSS = unused;
export const adoptStyles = unused;
export const getCompatibleStyle = (style) => style;
