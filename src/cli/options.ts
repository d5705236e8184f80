/** The command line: its options, and how each is checked before anything is read. */
import { parseArgs } from 'node:util';
import { SUPPORTED_LANGUAGES, supportedLanguageOf, type Language } from '../language.js';
import type { SnapshotOptions } from './snapshot.js';
import { usageError } from './usage.js';
import { absoluteHttpUrl } from './urls.js';

export interface Options {
  lang?: string;
  'heading-level'?: string;
  base?: string;
  highlight?: string;
  'id-prefix'?: string;
  'hide-language-switch'?: boolean;
  out?: string;
  help?: boolean;
}

export interface CommandLine {
  command?: string;
  inputs: string[];
  values: Options;
}

export const COMMANDS = ['validate', 'snapshot', 'site'] as const;
export type Command = (typeof COMMANDS)[number];

/** Options that only one command reads: given to another, they are a mistake worth pointing out. */
const OWNER: Partial<Record<keyof Options, Command>> = {
  lang: 'snapshot',
  'heading-level': 'snapshot',
  highlight: 'snapshot',
  'id-prefix': 'snapshot',
  'hide-language-switch': 'snapshot',
  out: 'site',
};

export function checkOptionsFor(command: Command, values: Options): void {
  for (const [name, owner] of Object.entries(OWNER) as [keyof Options, Command][]) {
    if (owner !== command && values[name] !== undefined)
      throw usageError(`--${name} is an option of ${owner}, not of ${command}`);
  }
}

export function parseCommandLine(argv: string[]): CommandLine {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: 'string' },
        'heading-level': { type: 'string' },
        base: { type: 'string' },
        highlight: { type: 'string' },
        'id-prefix': { type: 'string' },
        'hide-language-switch': { type: 'boolean' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, ...inputs] = positionals;
    return { command, inputs, values };
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

export function parseBase(raw: string): URL {
  const url = absoluteHttpUrl(raw);
  if (!url) throw usageError(`--base must be an http(s) address, got "${raw}"`);
  return url;
}

export function parseSnapshotOptions(values: Options): SnapshotOptions {
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

export interface SiteOptions {
  outDir: string;
  /** The folder's published address, ending in "/". */
  base: URL;
}

export function parseSiteOptions(values: Options): SiteOptions {
  if (values.out === undefined || values.out === '')
    throw usageError('site needs --out <folder to write the site into>');
  if (values.base === undefined)
    throw usageError('site needs --base <the https address the folder will be published at>');
  const base = absoluteHttpUrl(values.base);
  if (!base || base.search || base.hash) {
    throw usageError(
      `--base must be the http(s) address the folder will be published at, such as https://example.org/letter/, got "${values.base}"`,
    );
  }
  // A folder's address: without the final "/", "embed.html" would resolve beside the folder, not in it.
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return { outDir: values.out, base };
}
