/** Parsing the campaign as JSON, and saying where broken JSON breaks. */
import { EXIT_INVALID, Exit } from './exit.js';
import type { Input } from './read-input.js';

export function parseJson(input: Input): unknown {
  if (input.text.trim() === '') throw new Exit(`${input.label} is empty: a campaign is one JSON object`, EXIT_INVALID);
  try {
    return JSON.parse(input.text);
  } catch (error) {
    throw new Exit(jsonError(input, (error as Error).message), EXIT_INVALID);
  }
}

/**
 * Where the JSON is broken, as line and column with the line shown. V8 names the
 * position only for some mistakes ("Unexpected token 'x'" has none), so the place
 * comes from our own scan; V8's words still say what is wrong.
 */
function jsonError(input: Input, v8Message: string): string {
  const offset = jsonErrorOffset(input.text);
  const reason = v8Message
    .replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '')
    .replace(/ in JSON at position \d+.*$/, '');
  if (offset === undefined) return `${input.label} is not JSON: ${reason}`;
  const before = input.text.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const column = offset - lineStart + 1;
  const lineEnd = input.text.indexOf('\n', offset);
  const text = input.text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  // Minified JSON is one long line: show the part around the mistake.
  const from = Math.max(0, column - 1 - 60);
  const shown = `${from > 0 ? '…' : ''}${text.slice(from, column - 1 + 20)}${text.length > column - 1 + 20 ? '…' : ''}`;
  const caret = ' '.repeat(column - 1 - from + (from > 0 ? 1 : 0));
  const where = offset >= input.text.length ? 'at the end of the file' : `at line ${line}, column ${column}`;
  return `${input.label} is not JSON: ${reason} ${where}:\n  ${shown}\n  ${caret}^`;
}

/** The offset of the first character that makes `text` invalid JSON (RFC 8259), or undefined if it is valid. */
function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fail();
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') fail();
          string();
          space();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return string();
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = i;
    if (number.test(text)) {
      i = number.lastIndex;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return undefined;
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    return undefined; // Nested too deep for our scan (RangeError): V8's message has to do.
  }
}
