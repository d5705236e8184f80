/**
 * The block's one stylesheet, `open-letter.css`, is a file beside the script: the
 * pre-rendered letter needs it without JavaScript, a strict page allows it without
 * `'unsafe-inline'`, and the script stays small. The snippet links it; a block that finds
 * no sign of it where it lives (the link forgotten, or the block moved into an iframe or
 * another component's shadow root) links it itself, inside the block, so nothing outside
 * the block changes.
 */

/** The file name, in a variable so that bundlers do not turn the URL into an asset of their own. */
const FILE = 'open-letter.css';

/** Where the stylesheet is: beside this script. */
export const stylesheetUrl = (): string => new URL(FILE, import.meta.url).href;

/** Whether the stylesheet applies to `element`: it sets this custom property on every block. */
export function isStyled(element: Element): boolean {
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  return !!style && style.getPropertyValue('--open-letter-stylesheet').trim() !== '';
}
