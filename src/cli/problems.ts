/** Problems that make a campaign invalid, printed with their JSON path and a hint on how to fix each. */
import { SOURCE_KINDS, textSchema, type CampaignProblem } from '../campaign-schema.js';
import { schemaAt } from './schema-walk.js';

const TEXT_HINT = 'write a string, or { "nl": "…", "en": "…" }';
const DATE_HINT = 'write the date as "YYYY-MM-DD", e.g. "2022-02-18"';

/** Hints by path, with list indexes written as []. Texts get TEXT_HINT from the schema itself. */
const HINTS: Record<string, string> = {
  '(root)':
    'the file must hold one JSON object: { "version": 1, "language": "nl", "title": …, "date": …, "letter": …, "signatories": […] } (see the README)',
  version: 'write "version": 1',
  language: 'the language the letter was written in: a language tag such as "nl" or "en"',
  translations: 'a list of language tags, e.g. ["en"]',
  'translations[]': 'a language tag such as "en"',
  date: DATE_HINT,
  letter: 'an object: { "paragraphs": [ … ], "demands": [ … ] }',
  'letter.paragraphs':
    'a list of at least one text, e.g. [ "Dear aldermen, …" ]; each a string, or { "nl": "…", "en": "…" }',
  'letter.demands':
    'a list of at least one text, e.g. [ "An independent investigation." ]; each a string, or { "nl": "…", "en": "…" }',
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

export function printProblems(
  label: string,
  problems: CampaignProblem[],
  data: unknown,
  reason: 'invalid' | 'version',
) {
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
  const lines = [`${label} is not a valid open-letter campaign (${count}):`];
  problems.forEach((problem, index) => {
    lines.push(`  ${problem.path}: ${problem.message}`);
    // One hint per field, after all its problems (a field may have more than one).
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
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
    match[2] === undefined ? match[1] : Number(match[2]),
  );
}

function valueAt(data: unknown, keys: (string | number)[]): unknown {
  let value = data;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}
