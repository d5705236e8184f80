// What Orca says, read from its debug log as it is written: every text it sends to
// speech-dispatcher (`SPEECH DISPATCHER: Speaking '<speak>…</speak>'`, say-all included)
// and the content language it found for it (`… voice requested with language='nl'`).
import { closeSync, openSync, readSync } from 'node:fs';

const POLL_MS = 50;
const speaking = "SPEECH DISPATCHER: Speaking '<speak>";
const speakingEnd = "</speak>'";
const languageRequest = /voice requested with language='([^']*)'/;

/**
 * One thing Orca sent to speech, or a language it picked for what follows.
 * @typedef {{ at: number, text?: string, language?: string }} SpeechEvent
 */

export class SpeechLog {
  /** @type {SpeechEvent[]} */
  events = [];
  #fd;
  #offset = 0;
  #partial = '';
  #pendingSpeech;
  #timer;

  constructor(path) {
    this.#fd = openSync(path, 'r');
    this.#timer = setInterval(() => this.#read(), POLL_MS);
  }

  #read() {
    const buffer = Buffer.alloc(64 * 1024);
    let read;
    let text = '';
    while ((read = readSync(this.#fd, buffer, 0, buffer.length, this.#offset)) > 0) {
      this.#offset += read;
      text += buffer.toString('utf8', 0, read);
    }
    if (!text) return;
    const lines = (this.#partial + text).split('\n');
    this.#partial = lines.pop();
    for (const line of lines) this.#line(line);
  }

  #line(line) {
    if (this.#pendingSpeech !== undefined) {
      // A text with line breaks continues on the next lines, indented by the log.
      this.#pendingSpeech += ` ${line.trim()}`;
      this.#finishSpeech();
      return;
    }
    const start = line.indexOf(speaking);
    if (start >= 0) {
      this.#pendingSpeech = line.slice(start + speaking.length);
      this.#finishSpeech();
      return;
    }
    const language = languageRequest.exec(line);
    if (language) this.events.push({ at: Date.now(), language: language[1] });
  }

  #finishSpeech() {
    const end = this.#pendingSpeech.indexOf(speakingEnd);
    if (end < 0) return;
    const text = plainText(this.#pendingSpeech.slice(0, end));
    this.#pendingSpeech = undefined;
    if (text) this.events.push({ at: Date.now(), text });
  }

  /** Whether Orca said something matching `pattern` since event number `from`. */
  heard(pattern, from = 0) {
    return this.events.slice(from).some((event) => event.text && matches(event.text, pattern));
  }

  /** How long Orca has been quiet, counting from `since` (a Date.now() time) at the earliest. */
  silentFor(since = 0) {
    const lastSpeech = this.events.findLast((event) => event.text)?.at ?? 0;
    return Date.now() - Math.max(lastSpeech, since);
  }

  /** Resolves once `condition()` holds, checked as the log grows and time passes. */
  async until(condition, timeout, describe) {
    const deadline = Date.now() + timeout;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${describe} within ${timeout / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  waitFor(pattern, timeout, from = 0) {
    return this.until(() => this.heard(pattern, from), timeout, `Orca did not say ${pattern}`);
  }

  waitForSpeech(timeout, from = 0) {
    return this.until(() => this.events.slice(from).some((event) => event.text), timeout, 'Orca said nothing');
  }

  /**
   * Resolves once Orca has been quiet for `quiet` ms since `since`: a step is over when
   * its speech has ended.
   */
  waitForSilence(quiet, timeout, since = Date.now()) {
    return this.until(() => this.silentFor(since) >= quiet, timeout, `Orca did not fall silent for ${quiet / 1000} s`);
  }

  close() {
    clearInterval(this.#timer);
    closeSync(this.#fd);
  }
}

/** Orca's SSML as the words a listener hears: marks dropped, entities decoded, spaces collapsed. */
function plainText(ssml) {
  return ssml
    .replace(/<mark [^>]*\/>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tolerant matching: case and runs of whitespace do not matter for a string pattern. */
export function matches(text, pattern) {
  if (pattern instanceof RegExp) return pattern.test(text);
  return normalize(text).includes(normalize(pattern));
}

/** Words in this order with anything between: Orca adds roles and punctuation of its own. */
export function inOrder(...parts) {
  const escape = (literal) => String(literal).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(parts.map(escape).join('.*'), 'i');
}

function normalize(text) {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
