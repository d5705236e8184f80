/**
 * Registers `<open-letter>`. Importing this twice (or pasting the script twice) is harmless.
 * It is also the entry of the one-file build, whose only export is the class.
 */
import { OpenLetter, type OpenLetterErrorDetail, type OpenLetterLoadDetail } from './open-letter.js';

OpenLetter.define();

export { OpenLetter };

/** The events bubble and are composed, so the element, the document and the window all hear them. */
interface OpenLetterEventMap {
  'open-letter-load': CustomEvent<OpenLetterLoadDetail>;
  'open-letter-error': CustomEvent<OpenLetterErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'open-letter': OpenLetter;
  }
  interface HTMLElementEventMap extends OpenLetterEventMap {}
  interface DocumentEventMap extends OpenLetterEventMap {}
  interface WindowEventMap extends OpenLetterEventMap {}
}
