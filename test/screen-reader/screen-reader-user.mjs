// A screen-reader user at the keyboard: presses a key in browse mode, listens until
// Orca falls silent, and remembers every step, so a failed expectation reads like
// what a blind user heard, step by step.
import { AssertionError } from 'node:assert';
import { matches } from './speech-log.mjs';

/** A step is over after this much silence. */
const QUIET_MS = 1500;
/** How long Orca may take to start answering a key on a busy machine. */
const ANSWER_TIMEOUT_MS = 15_000;
/** How much longer the latest step may take to say what is expected. */
const LATE_ANSWER_MS = 3000;
/** Steps shown with a failure: enough to retrace the way from the top of the page. */
const TRANSCRIPT_STEPS = 12;

/** @typedef {{ action: string, from: number, spoken: string[], languages: string[] }} Step */

export class ScreenReaderUser {
  /** @type {Step[]} */
  steps = [];
  #speech;
  #browser;

  constructor(desktop, browser) {
    this.#speech = desktop.speech;
    this.#browser = browser;
  }

  /**
   * Opens `url` in the browser and listens until `loaded()` resolves (e.g. the server
   * answered the campaign), Orca has `announced` what the page should say by itself
   * (or `timeout` passed), and Orca is quiet again. Other speech during page load varies
   * from run to run: assert on it only for what a page announces by itself.
   */
  async open(url, { loaded = async () => {}, announced, timeout = 10_000 } = {}) {
    return this.#step(`open ${new URL(url).pathname}`, async (from) => {
      await this.#browser.open(url);
      await loaded();
      if (announced) await this.#speech.waitFor(announced, timeout, from).catch(() => {});
      // Orca says so once it has the new document; keys pressed before may go unanswered.
      await this.#speech.waitFor(/finished loading/i, 20_000, from).catch(() => {});
    });
  }

  /**
   * Presses a key (xdotool name: `h`, `Tab`, `space`, `Control+Home`) and listens to the
   * answer: until Orca has said something, then until it is quiet.
   */
  async press(key) {
    return this.#step(key, async (from) => {
      await this.#browser.press(key);
      // Silence is an answer too; the expectations will say what was missing.
      await this.#speech.waitForSpeech(ANSWER_TIMEOUT_MS, from).catch(() => {});
    });
  }

  /**
   * Say all (KP_Add) from the current position until Orca says `end`. Orca moves on only
   * when speech-dispatcher reports an utterance done, and with the null audio driver that
   * report is now and then lost, leaving say all stalled; then, as a user would, it
   * presses say all again, which goes on from where the reading stopped.
   */
  async sayAll(end, { stall = 4000, resumes = 3 } = {}) {
    let presses = 0;
    const step = await this.#step('KP_Add', async (from) => {
      while (!this.#speech.heard(end, from) && presses <= resumes) {
        const pressedAt = Date.now();
        presses += 1;
        await this.#browser.press('KP_Add');
        await this.#speech
          .until(() => this.#speech.heard(end, from) || this.#speech.silentFor(pressedAt) >= stall, 120_000, 'say all')
          .catch(() => {});
      }
    });
    step.action = presses > 1 ? `KP_Add ×${presses} (say all, stalled)` : 'KP_Add (say all)';
    return step;
  }

  async #step(action, perform) {
    const step = { action, from: this.#speech.events.length, spoken: [], languages: [] };
    await perform(step.from);
    await this.#speech.waitForSilence(QUIET_MS, 60_000);
    this.#collect(step);
    this.steps.push(step);
    return step;
  }

  /** What Orca said, and the languages it found, from the start of `step` until now. */
  #collect(step) {
    const events = this.#speech.events.slice(step.from);
    step.spoken = events.filter((event) => event.text).map((event) => event.text);
    step.languages = [
      ...new Set(events.map((event) => event.language).filter((language) => language && language !== 'None')),
    ];
  }

  /** The words of a step as one text. */
  static said(step) {
    return step.spoken.join(' ');
  }

  /** Fails, with the transcript, unless `check(what Orca said during step)` holds. */
  expect(step, check, description) {
    if (!check(ScreenReaderUser.said(step))) this.#fail(`After "${step.action}" ${description}.`);
  }

  /**
   * Fails, with the transcript, unless Orca said `pattern` during `step`. On a busy
   * machine Orca may answer a key in two bursts with a pause between them, so the
   * latest step may go on a little longer until the words come, or silence returns.
   */
  async expectHeard(step, pattern, why = '') {
    if (!matches(ScreenReaderUser.said(step), pattern) && step === this.steps.at(-1)) {
      await this.#speech.waitFor(pattern, LATE_ANSWER_MS, step.from).catch(() => {});
      await this.#speech.waitForSilence(QUIET_MS, 60_000);
      this.#collect(step);
    }
    this.expect(
      step,
      (said) => matches(said, pattern),
      `Orca did not say ${describe(pattern)}${why ? ` (${why})` : ''}`,
    );
  }

  /** Fails, with the transcript, if Orca said `pattern` during `step`. */
  expectNotHeard(step, pattern, why = '') {
    this.expect(step, (said) => !matches(said, pattern), `Orca said ${describe(pattern)}${why ? ` (${why})` : ''}`);
  }

  /** Fails, with the transcript, unless every language Orca found during `step` is `language`. */
  expectLanguage(step, language) {
    if (step.languages.length === 0 || step.languages.some((found) => found !== language)) {
      this.#fail(
        `After "${step.action}" Orca found the language(s) ${step.languages.join(', ') || '(none)'}, expected only "${language}".`,
      );
    }
  }

  #fail(message) {
    throw new AssertionError({ message: `${message}\n\n${this.transcript()}` });
  }

  /** What the user heard on this page, one line per step, the latest last. */
  transcript(lastSteps = TRANSCRIPT_STEPS) {
    const shown = this.steps.slice(-lastSteps);
    const lines = shown.map((step) => {
      const words = step.spoken.length ? step.spoken.map((text) => `“${text}”`).join(' ') : '(silence)';
      const languages = step.languages.length ? `  [language: ${step.languages.join(', ')}]` : '';
      return `  ${step.action.padEnd(14)} → ${words}${languages}`;
    });
    if (shown.length < this.steps.length) lines.unshift(`  (${this.steps.length - shown.length} earlier steps)`);
    return `What the screen-reader user heard (${this.#browser.label}), step by step:\n${lines.join('\n')}`;
  }
}

function describe(pattern) {
  return pattern instanceof RegExp ? String(pattern) : `“${pattern}”`;
}
