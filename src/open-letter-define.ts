/**
 * Registers `<open-letter>`. Importing this twice (or pasting the script twice) is harmless.
 */
import { OpenLetter } from './open-letter.js';

OpenLetter.define();

declare global {
  interface HTMLElementTagNameMap {
    'open-letter': OpenLetter;
  }
  interface HTMLElementEventMap {
    'open-letter-load': CustomEvent<import('./open-letter.js').OpenLetterLoadDetail>;
    'open-letter-error': CustomEvent<import('./open-letter.js').OpenLetterErrorDetail>;
  }
}
