/**
 * The command line for campaign authors and webmasters (Node only, built to
 * dist/cli.js and run by bin/open-letter.js):
 *
 *   open-letter validate <file-or-url>   check a campaign before publishing it
 *   open-letter snapshot <file-or-url>   static HTML fallback to paste inside <open-letter>
 *
 * It checks with the element's own `checkCampaign()` and renders with the element's
 * own `letterTemplate()` (through Lit's server rendering), so what it accepts and
 * prints cannot drift from what the block accepts and shows.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import {
  SOURCE_KINDS,
  campaignSchema,
  checkCampaign,
  textSchema,
  type Campaign,
  type CampaignProblem,
} from './campaign-schema.js';
import { languagesOf, primaryLanguage, textFor } from './campaign-text.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT } from './limits.js';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, supportedLanguageOf, type Language } from './language.js';
import { letterTemplate } from './letter-template.js';
import { inLanguage } from './localization.js';
import { httpUrl } from './safe-url.js';

const USAGE = `Usage:
  open-letter validate <file-or-url> [--base <url>]
  open-letter snapshot <file-or-url> [--lang nl|en] [--heading-level 1-6] [--base <url>]
                       [--highlight <names>] [--id-prefix <prefix>] [--hide-language-switch]
  open-letter --help

Commands:
  validate   Checks a campaign against the format the <open-letter> block reads (the
             same schema), prints every problem with its JSON path and a hint, and
             warns about texts that lack a translation and sources whose url is not
             http(s).
  snapshot   Checks the campaign, then prints the letter as static HTML (the block's
             own template, no scripts, no inline styles), to paste inside
             <open-letter>…</open-letter> as fallback content for visitors without
             JavaScript, search engines and reader modes.

Options:
  <file-or-url>          a local file or an http(s) address
  --lang nl|en           language of the snapshot (default: the campaign's language
                         when that is nl or en, else nl)
  --heading-level 1-6    level of the title's heading, like the block's heading-level
                         attribute; section headings are one below (default: 2)
  --base <url>           the address the campaign JSON is published at. Relative source
                         urls are resolved against it, as the block does. Default: the
                         address it was read from; for a local file without --base,
                         relative urls are kept as written (with a warning).
  --highlight <names>    like the block's highlight attribute: party or signatory
                         names, comma-separated
  --id-prefix <prefix>   put before every id in the snapshot, so it cannot clash with
                         ids in the page (default: "open-letter-"; use one per block
                         when a page has two); the block keeps the snapshot's ids
  --hide-language-switch like the block's attribute: leave out the row the language
                         switch takes
  -h, --help             show this help

Output: results go to stdout (the OK line, the HTML, this help); problems, warnings
and errors go to stderr. So \`open-letter snapshot c.json > fallback.html\` writes only
the HTML, and warnings still show in the terminal.

Exit codes: 0 valid (warnings do not change it), 1 not valid or not JSON,
2 the input could not be read or the command line is wrong, 3 a bug in open-letter.
`;

const EXIT_VALID = 0;
const EXIT_INVALID = 1;
const EXIT_UNREADABLE = 2;
const EXIT_BUG = 3;

/** The block's own limits (OpenLetter.timeout, OpenLetter.maxBytes): what it would refuse, we warn about. */
const TIMEOUT_MS = DEFAULT_TIMEOUT;
const MAX_BYTES = DEFAULT_MAX_BYTES;

/** A base for relative source urls when there is no real one: only the scheme matters for the check. */
const PLACEHOLDER_BASE = 'https://open-letter.invalid/';

/** Ends the command with a message on stderr and an exit code. */
class Exit extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

const usageError = (message: string) => new Exit(`error: ${message}\n\n${USAGE}`, EXIT_UNREADABLE);

interface Input {
  /** How to name the input in messages: the path or URL as typed. */
  label: string;
  text: string;
  bytes: number;
  /** The address it was read from, for http(s) input: the block's base for relative links. */
  url?: URL;
  /** The Access-Control-Allow-Origin header, for http(s) input. */
  allowOrigin?: string | null;
}

interface Options {
  lang?: string;
  'heading-level'?: string;
  base?: string;
  highlight?: string;
  'id-prefix'?: string;
  'hide-language-switch'?: boolean;
  help?: boolean;
}

/** Options that shape the HTML: given to validate, they are a mistake worth pointing out. */
const SNAPSHOT_ONLY = ['lang', 'heading-level', 'highlight', 'id-prefix', 'hide-language-switch'] as const;

async function main(argv: string[]): Promise<number> {
  let values: Options;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: 'string' },
        'heading-level': { type: 'string' },
        base: { type: 'string' },
        highlight: { type: 'string' },
        'id-prefix': { type: 'string' },
        'hide-language-switch': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const [command, ...inputs] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(USAGE);
    return EXIT_VALID;
  }
  if (command !== 'validate' && command !== 'snapshot') {
    throw usageError(command ? `unknown command "${command}"` : 'no command given');
  }
  if (inputs.length !== 1) {
    throw usageError(`${command} needs exactly one <file-or-url>, got ${inputs.length}`);
  }
  if (command === 'validate') {
    const misplaced = SNAPSHOT_ONLY.find((name) => values[name] !== undefined);
    if (misplaced) throw usageError(`--${misplaced} is an option of snapshot, not of validate`);
  }
  const base = values.base === undefined ? undefined : parseBase(values.base);
  // Check the rest of the command line before reading anything: a typo should not cost a download.
  const snapshotOptions = command === 'snapshot' ? parseSnapshotOptions(values) : undefined;

  const input = await readInput(inputs[0]);
  const data = parseJson(input);
  const check = checkCampaign(data);
  // Sources are resolved as the block does: against the campaign's own address.
  const linkBase = base ?? input.url;
  const warnings = check.valid || check.reason !== 'version' ? warningsFor(data, input, linkBase) : [];
  if (!check.valid) {
    printProblems(input.label, check.problems, data, check.reason);
    printWarnings(warnings);
    return EXIT_INVALID;
  }
  if (command === 'validate') {
    printWarnings(warnings);
    process.stdout.write(`${okLine(input.label, check.campaign, warnings.length)}\n`);
    return EXIT_VALID;
  }
  const { html, notes } = snapshot(check.campaign, { ...snapshotOptions!, linkBase });
  printWarnings([...warnings, ...notes]);
  process.stdout.write(html);
  return EXIT_VALID;
}

function parseBase(raw: string): URL {
  const url = httpUrl(raw, PLACEHOLDER_BASE);
  // A relative --base would be resolved against our placeholder: say so instead.
  if (!url || !/^https?:\/\//i.test(raw.trim())) throw usageError(`--base must be an http(s) address, got "${raw}"`);
  return url;
}

interface SnapshotOptions {
  reader?: Language;
  headingLevel: number;
  highlight?: string[];
  idPrefix: string;
  hideLanguageSwitch: boolean;
}

function parseSnapshotOptions(values: Options): SnapshotOptions {
  let reader: Language | undefined;
  if (values.lang !== undefined) {
    reader = supportedLanguageOf(values.lang);
    if (!reader) throw usageError(`--lang must be one of ${SUPPORTED_LANGUAGES.join(', ')}, got "${values.lang}"`);
  }
  const level = values['heading-level'] ?? '2';
  if (!/^[1-6]$/.test(level)) throw usageError(`--heading-level must be a number from 1 to 6, got "${level}"`);
  const idPrefix = values['id-prefix'] ?? 'open-letter-';
  // The prefix is written into id and aria-labelledby values as is: allow only characters that need no escaping.
  if (!/^[A-Za-z0-9_-]*$/.test(idPrefix)) throw usageError('--id-prefix may contain only letters, digits, "-" and "_"');
  return {
    reader,
    headingLevel: Number(level),
    // As the element reads its highlight attribute.
    highlight: values.highlight?.split(',').filter((name) => name.trim()),
    idPrefix,
    hideLanguageSwitch: values['hide-language-switch'] ?? false,
  };
}

// ——— Reading ———

async function readInput(source: string): Promise<Input> {
  if (/^https?:\/\//i.test(source)) return fetchInput(source);
  let path = source;
  if (/^file:/i.test(source)) {
    try {
      path = fileURLToPath(source);
    } catch (error) {
      throw new Exit(`error: cannot read ${source}: ${(error as Error).message}`, EXIT_UNREADABLE);
    }
  } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(source)) {
    throw new Exit(`error: cannot read ${source}: only local files and http(s) addresses can be read`, EXIT_UNREADABLE);
  }
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : (error as Error).message;
    throw new Exit(`error: cannot read ${source}: ${why}`, EXIT_UNREADABLE);
  }
  return { label: source, text: decode(buffer), bytes: buffer.byteLength };
}

async function fetchInput(source: string): Promise<Input> {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new Exit(`error: cannot read ${source}: not a valid address`, EXIT_UNREADABLE);
  }
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
  } catch (error) {
    throw new Exit(`error: cannot read ${source}: ${fetchFailure(error)}`, EXIT_UNREADABLE);
  }
  if (!response.ok) {
    void response.body?.cancel();
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new Exit(`error: cannot read ${source}: the server answered with HTTP status ${status}`, EXIT_UNREADABLE);
  }
  let buffer: ArrayBuffer;
  try {
    buffer = await response.arrayBuffer();
  } catch (error) {
    throw new Exit(`error: cannot read ${source}: ${fetchFailure(error)}`, EXIT_UNREADABLE);
  }
  return {
    label: source,
    text: decode(new Uint8Array(buffer)),
    bytes: buffer.byteLength,
    url,
    allowOrigin: response.headers.get('access-control-allow-origin'),
  };
}

/** Node's fetch says only "fetch failed"; the reason is in its cause (ECONNREFUSED, ENOTFOUND…). */
function fetchFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no complete answer within ${TIMEOUT_MS / 1000} s`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return `the connection was refused (${cause.code}): is the server running?`;
  if (cause?.code === 'ENOTFOUND') return `no such host (${cause.code})`;
  // The Fetch standard blocks ports of other protocols (9, 25, 6000…); browsers refuse them too.
  if (cause?.message === 'bad port') return 'fetch refuses this port, which is reserved for another protocol; browsers refuse it too';
  return cause?.message ?? (error as Error).message ?? String(error);
}

/** UTF-8, without a byte order mark: as the browser's fetch decodes it for the block. */
function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

// ——— Parsing ———

function parseJson(input: Input): unknown {
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
  const reason = v8Message.replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+.*$/, '');
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

// ——— Problems and hints ———

const TEXT_HINT = 'write a string, or { "nl": "…", "en": "…" }';
const DATE_HINT = 'write the date as "YYYY-MM-DD", e.g. "2022-02-18"';

/** Hints by path, with list indexes written as []. Texts get TEXT_HINT from the schema itself. */
const HINTS: Record<string, string> = {
  '(root)': 'the file must hold one JSON object: { "version": 1, "language": "nl", "title": …, "date": …, "letter": …, "signatories": […] } (see the README)',
  version: 'write "version": 1',
  language: 'the language the letter was written in: a language tag such as "nl" or "en"',
  translations: 'a list of language tags, e.g. ["en"]',
  'translations[]': 'a language tag such as "en"',
  date: DATE_HINT,
  letter: 'an object: { "paragraphs": [ … ], "demands": [ … ] }',
  'letter.paragraphs': 'a list of at least one text, e.g. [ "Dear aldermen, …" ]; each a string, or { "nl": "…", "en": "…" }',
  'letter.demands': 'a list of at least one text, e.g. [ "An independent investigation." ]; each a string, or { "nl": "…", "en": "…" }',
  'letter.closing': 'a list of texts (the paragraphs after the demands), e.g. [ "…" ]',
  signatories: 'a list of at least one { "name": "…", "party": "…" }',
  'signatories[]': '{ "name": "…", "party": "…", "place": "…" }; place may be left out',
  'signatories[].name': "the signatory's name, a non-empty string",
  'signatories[].party': "the signatory's party, a non-empty string",
  'signatories[].place': 'a non-empty string, or leave the field out',
  sources: 'a list of { "title": …, "url": "https://…" }',
  'sources[]': '{ "title": …, "url": "https://…" }, optionally with "kind", "publisher" and "date"',
  'sources[].url': 'a web address, e.g. "https://example.org/article"',
  'sources[].kind': `one of ${SOURCE_KINDS.map((kind) => `"${kind}"`).join(', ')}, or leave the field out`,
  'sources[].publisher': 'a non-empty string, or leave the field out',
  'sources[].date': DATE_HINT,
};

function hintFor(problem: CampaignProblem, data: unknown, reason: 'invalid' | 'version'): string | undefined {
  if (reason === 'version') return `this open-letter reads only "version": 1`;
  const keys = parsePath(problem.path);
  const hint = schemaAt(keys) === textSchema ? TEXT_HINT : HINTS[problem.path.replace(/\[\d+\]/g, '[]')];
  if (!hint) return undefined;
  // valibot reports a missing field as "Invalid key: …": say plainly that it is required.
  return keys.length && valueAt(data, keys) === undefined ? `required; ${hint}` : hint;
}

function printProblems(label: string, problems: CampaignProblem[], data: unknown, reason: 'invalid' | 'version') {
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
  const lines = [`${label} is not a valid open-letter campaign (${count}):`];
  problems.forEach((problem, index) => {
    lines.push(`  ${problem.path}: ${problem.message}`);
    // One hint per field, after all its problems (a date can be both malformed and unreal).
    if (problems[index + 1]?.path !== problem.path) {
      const hint = hintFor(problem, data, reason);
      if (hint) lines.push(`    hint: ${hint}`);
    }
  });
  process.stderr.write(`${lines.join('\n')}\n`);
}

/** `letter.demands[2]` → ['letter', 'demands', 2]; `(root)` → []. */
function parsePath(path: string): (string | number)[] {
  if (path === '(root)') return [];
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] === undefined ? match[1] : Number(match[2])));
}

function valueAt(data: unknown, keys: (string | number)[]): unknown {
  let value = data;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

// ——— Walking the schema ———

/** The parts of a valibot schema we walk: objects, arrays, optionals (a pipe keeps its first schema's fields). */
interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  wrapped?: SchemaNode;
}

function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  while (node?.type === 'optional') node = node.wrapped;
  return node;
}

/** The schema of the field at `keys`. */
function schemaAt(keys: (string | number)[]): SchemaNode | undefined {
  let node = unwrap(campaignSchema as unknown as SchemaNode);
  for (const key of keys) {
    node = unwrap(typeof key === 'number' ? node?.item : node?.entries?.[key]);
  }
  return node;
}

/**
 * Every text in the data (a field whose schema is `textSchema`), with its path.
 * Walking the schema rather than listing fields here keeps new text fields covered;
 * it tolerates data of the wrong shape, so an invalid campaign gets its warnings too.
 */
function* textsIn(node: SchemaNode | undefined, value: unknown, path: string): Generator<[string, unknown]> {
  node = unwrap(node);
  if (!node || value === undefined) return;
  if (node === (textSchema as unknown)) {
    yield [path, value];
  } else if (node.type === 'object' && node.entries && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(node.entries)) {
      yield* textsIn(child, (value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    }
  } else if (node.type === 'array' && node.item && Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* textsIn(node.item, item, `${path}[${index}]`);
  }
}

// ——— Warnings ———

interface Warning {
  path: string;
  message: string;
}

function warningsFor(data: unknown, input: Input, linkBase: URL | undefined): Warning[] {
  const warnings: Warning[] = [];
  if (input.bytes > MAX_BYTES) {
    warnings.push({
      path: input.label,
      message: `is ${(input.bytes / MAX_BYTES).toFixed(1)} MiB; the block refuses campaigns over 1 MiB (OpenLetter.maxBytes)`,
    });
  }
  if (input.url && input.allowOrigin == null) {
    warnings.push({
      path: input.label,
      message: `the server sends no Access-Control-Allow-Origin header, so the block can load this campaign only on pages of ${input.url.origin}; send "Access-Control-Allow-Origin: *" to embed it elsewhere`,
    });
  }
  warnings.push(...translationWarnings(data), ...linkWarnings(data, linkBase));
  return warnings;
}

/**
 * Texts that some readers see in another language than their own: every language
 * the campaign uses anywhere (its `language`, its `translations`, every key of every
 * text) should be in every text. Compared by primary language, as the block matches
 * them (`en-GB` serves an `en` reader).
 */
function translationWarnings(data: unknown): Warning[] {
  const original = languageOf(data);
  const texts = [...textsIn(campaignSchema as unknown as SchemaNode, data, '')];
  const languages = languagesIn(data);
  if (languages.length < 2) return [];
  const warnings: Warning[] = [];
  for (const [path, text] of texts) {
    // The initiator names a party or person, like a signatory: a plain string is right,
    // and the block marks it with the campaign's language so it is pronounced as such.
    if (typeof text === 'string' && path === 'initiator') continue;
    if (typeof text === 'string') {
      const missing = languages.filter((language) => language !== original);
      const example = languages.map((language) => `"${language}": "…"`).join(', ');
      warnings.push({
        path,
        message: `is a plain string${original ? ` (read as "${original}")` : ''} with no ${quoteList(missing, ' or ')} translation; write { ${example} }`,
      });
    } else if (isTranslations(text)) {
      const has = [...new Set(Object.keys(text).map(primaryLanguage))];
      const missing = languages.filter((language) => !has.includes(language));
      if (missing.length) {
        warnings.push({
          path,
          message: `has no ${quoteList(missing, ' or ')} translation (it has ${quoteList(has, ' and ')})`,
        });
      }
    }
  }
  return warnings;
}

function languageOf(data: unknown): string | undefined {
  const language = (data as { language?: unknown } | null)?.language;
  return typeof language === 'string' ? primaryLanguage(language) : undefined;
}

/** Every language the campaign uses: its own, its `translations`, and the keys of its texts. */
function languagesIn(data: unknown): string[] {
  const languages = new Set<string>();
  const original = languageOf(data);
  if (original) languages.add(original);
  const translations = (data as { translations?: unknown } | null)?.translations;
  if (Array.isArray(translations)) {
    for (const tag of translations) if (typeof tag === 'string') languages.add(primaryLanguage(tag));
  }
  for (const [, text] of textsIn(campaignSchema as unknown as SchemaNode, data, '')) {
    if (isTranslations(text)) for (const key of Object.keys(text)) languages.add(primaryLanguage(key));
  }
  return [...languages];
}

function isTranslations(text: unknown): text is Record<string, unknown> {
  return typeof text === 'object' && text !== null && !Array.isArray(text);
}

function quoteList(items: string[], joiner: string): string {
  return items.map((item) => `"${item}"`).join(joiner);
}

/** Source urls the block shows as text, not as a link: the same check it makes. */
function linkWarnings(data: unknown, linkBase: URL | undefined): Warning[] {
  const sources = (data as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return [];
  const warnings: Warning[] = [];
  sources.forEach((source, index) => {
    const url = (source as { url?: unknown } | null)?.url;
    if (typeof url === 'string' && url !== '' && !httpUrl(url, linkBase ?? PLACEHOLDER_BASE)) {
      warnings.push({
        path: `sources[${index}].url`,
        message: `${JSON.stringify(url)} is not an http(s) address, so the block shows this source as text, not as a link`,
      });
    }
  });
  return warnings;
}

function printWarnings(warnings: Warning[]) {
  for (const warning of warnings) process.stderr.write(`warning: ${warning.path}: ${warning.message}\n`);
}

function okLine(label: string, campaign: Campaign, warnings: number): string {
  const title = textFor(campaign.title, campaign.language, campaign.language).text;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    languagesIn(campaign).join(' + '),
    count(campaign.letter.paragraphs.length, 'paragraph', 'paragraphs'),
    count(campaign.letter.demands.length, 'demand', 'demands'),
    count(campaign.signatories.length, 'signatory', 'signatories'),
    count(campaign.sources?.length ?? 0, 'source', 'sources'),
  ];
  const warned = warnings ? ` (${count(warnings, 'warning', 'warnings')}, see above)` : '';
  return `OK ${label}: ${JSON.stringify(title)}: ${parts.join(', ')}${warned}`;
}

// ——— Snapshot ———

function snapshot(
  campaign: Campaign,
  options: SnapshotOptions & { linkBase?: URL },
): { html: string; notes: Warning[] } {
  const reader = options.reader ?? supportedLanguageOf(campaign.language) ?? DEFAULT_LANGUAGE;
  const notes: Warning[] = [];
  campaign.sources?.forEach((source, index) => {
    if (!options.linkBase && isRelative(source.url)) {
      notes.push({
        path: `sources[${index}].url`,
        message: `${JSON.stringify(source.url)} is relative and kept as written, so in the snapshot it resolves against the page; the block resolves it against the campaign's own address: pass --base <that address> to write it out`,
      });
    }
  });
  const languages = SUPPORTED_LANGUAGES.filter((language) => languagesOf(campaign).includes(language));
  const rendered = inLanguage(reader, () =>
    collectResultSync(
      render(
        letterTemplate(campaign, {
          reader,
          headingLevel: options.headingLevel,
          idPrefix: options.idPrefix,
          // Without a base the block's address for a relative url is unknown: keep the url as written.
          hrefFor: (url) =>
            options.linkBase ? httpUrl(url, options.linkBase)?.href : isRelative(url) ? url : httpUrl(url, PLACEHOLDER_BASE)?.href,
          highlight: options.highlight,
          // The row the language switch will fill, so nothing moves when the block takes over.
          hasControls: !options.hideLanguageSwitch && languages.length > 1,
          // No signatoryDisclosure: static HTML lists every signatory.
        }),
      ),
    ),
  );
  const html = cleanSnapshot(rendered);
  // No "<" in the comment: WordPress turns a comment with one into visible text.
  const comment = `<!-- The letter, pre-rendered by open-letter snapshot (${reader}): the block takes it over. Make it again when the campaign changes. -->`;
  return { html: `${comment}\n${html}\n`, notes };
}

function isRelative(url: string): boolean {
  try {
    new URL(url);
    return false;
  } catch {
    return true;
  }
}

/**
 * Lit's server output made into plain HTML for the light DOM. Lit escapes every
 * value (text and attributes), so each `<` in its output starts real markup and the
 * tags can be rewritten with regular expressions.
 */
function cleanSnapshot(html: string): string {
  const cleaned = html
    // Hydration markers: the snapshot is never hydrated, the block renders afresh.
    .replace(/<!--\/?lit-part[^>]*-->|<!--lit-node \d+-->|<\?[^>]*>/g, '')
    .replace(/<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g, (_tag, name: string, attributes = '') =>
      `<${name}${cleanAttributes(attributes)}>`,
    );
  // The template never makes these, and the contract is that the snapshot never has them.
  if (/<(script|style)\b/i.test(cleaned) || /<!--lit|<\?/.test(cleaned)) {
    throw new Error('the rendered snapshot contains a script, a style or a Lit marker');
  }
  return layOut(cleaned);
}

/** Elements that hold other blocks: one per line, their content indented. */
const CONTAINERS = new Set(['article', 'header', 'div', 'section', 'ol', 'ul']);
/** Blocks that hold text: one per line, their content on that line. */
const LEAVES = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Re-indents the HTML for a webmaster to read: the template's own indentation is
 * shaped by its source code, not by the letter. Only whitespace-only runs next to a
 * block's tag change, which renders the same (white space at a block's edges
 * collapses away); text from the campaign is never touched.
 */
function layOut(html: string): string {
  const tokens = html.replace(/<\/([a-zA-Z0-9-]+)\s+>/g, '</$1>').split(/(<[^>]*>)/).filter((token) => token !== '');
  const blockTag = (token: string | undefined) => {
    const name = /^<\/?([a-zA-Z0-9-]+)/.exec(token ?? '')?.[1]?.toLowerCase();
    return name !== undefined && (CONTAINERS.has(name) || LEAVES.has(name)) ? name : undefined;
  };
  let out = '';
  let depth = 0;
  tokens.forEach((token, index) => {
    if (/^\s+$/.test(token) && (blockTag(tokens[index - 1]) || blockTag(tokens[index + 1]))) return;
    const name = blockTag(token);
    const closing = token.startsWith('</');
    if (!name || (closing && LEAVES.has(name))) out += token;
    else if (closing) out += `\n${'  '.repeat(--depth)}${token}`;
    else {
      out += `\n${'  '.repeat(depth)}${token}`;
      if (CONTAINERS.has(name)) depth++;
    }
  });
  return out.trim();
}

function cleanAttributes(attributes: string): string {
  let result = '';
  for (const [, name, value] of attributes.matchAll(/([^\s"'=<>/]+)(?:="([^"]*)")?/g)) {
    const lower = name.toLowerCase();
    // Inline styles and handlers never belong in the snapshot, whatever the template does.
    if (lower === 'style' || lower.startsWith('on')) continue;
    result += value === undefined ? ` ${name}` : ` ${name}="${value}"`;
  }
  return result;
}

// ——— Run ———

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof Exit) {
      process.stderr.write(`${error.message.replace(/\n*$/, '\n')}`);
      process.exitCode = error.code;
    } else {
      process.stderr.write(`error: open-letter failed unexpectedly; please report this:\n${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = EXIT_BUG;
    }
  },
);
