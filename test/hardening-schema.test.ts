// The campaign check as an attacker and a careless host page meet it (issue 13): limits that
// bound the work any accepted campaign can cause, a check that reads only the data's own
// properties and never throws, and a checked copy that nothing can change afterwards. Pure
// data: no element involved.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as valibot from 'valibot';
import { checkCampaign, type CampaignCheck } from '../src/campaign-schema.js';
import {
  MAX_CLOSING,
  MAX_COMBINING_MARKS,
  MAX_DEMANDS,
  MAX_LANGUAGES,
  MAX_NAME_LENGTH,
  MAX_PARAGRAPHS,
  MAX_SIGNATORIES,
  MAX_SOURCES,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
} from '../src/limits.js';
import { minimalCampaign } from './helpers.js';

/** JSON of any shape, as the tests build and change it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;

/** A fresh campaign with one source: every kind of field is present. */
function campaign(): Data {
  return minimalCampaign({ sources: [{ title: 'Een bron', url: 'https://example.org/bron' }] }) as Data;
}

function problemsOf(check: CampaignCheck): string[] {
  return check.valid ? [] : check.problems.map((problem) => `${problem.path}: ${problem.message}`);
}

function expectValid(data: unknown): void {
  expect(problemsOf(checkCampaign(data)), 'problems').to.deep.equal([]);
}

/** The one problem found; fails when there is not exactly one. */
function onlyProblem(data: unknown): { path: string; message: string } {
  const check = checkCampaign(data);
  if (check.valid) expect.fail('expected the campaign to be refused, but it was accepted');
  expect(check.problems, 'exactly one problem').to.have.length(1);
  return check.problems[0];
}

const ACUTE = '\u0301';

describe('the limits of the campaign format', () => {
  const lists: [string, (data: Data, items: unknown[]) => void, number, () => unknown, RegExp][] = [
    [
      'letter.paragraphs',
      (data, items) => (data.letter.paragraphs = items),
      MAX_PARAGRAPHS,
      () => 'Een alinea.',
      /at most \d+ paragraphs/,
    ],
    [
      'letter.demands',
      (data, items) => (data.letter.demands = items),
      MAX_DEMANDS,
      () => 'Een eis.',
      /at most \d+ demands/,
    ],
    [
      'letter.closing',
      (data, items) => (data.letter.closing = items),
      MAX_CLOSING,
      () => 'Tot slot.',
      /at most \d+ closing paragraphs/,
    ],
    [
      'sources',
      (data, items) => (data.sources = items),
      MAX_SOURCES,
      () => ({ title: 'Een bron', url: 'https://example.org/' }),
      /at most \d+ sources/,
    ],
    [
      'signatories',
      (data, items) => (data.signatories = items),
      MAX_SIGNATORIES,
      () => ({ name: 'Iemand', party: 'Een partij' }),
      /at most \d+ signatories/,
    ],
    ['translations', (data, items) => (data.translations = items), MAX_LANGUAGES, () => 'en', /at most \d+ languages/],
  ];
  for (const [path, set, max, item, message] of lists) {
    it(`accepts ${max} items in ${path} and refuses ${max + 1}, naming ${path} and its maximum`, () => {
      const data = campaign();
      set(data, Array.from({ length: max }, item));
      expectValid(data);
      set(data, Array.from({ length: max + 1 }, item));
      const problem = onlyProblem(data);
      expect(problem.path).to.equal(path);
      expect(problem.message).to.match(message).and.include(String(max));
    });
  }

  it('refuses an over-long list without checking it item by item: one problem, not thousands', () => {
    const data = campaign();
    data.letter.demands = Array.from({ length: 50_000 }, () => 42);
    expect(onlyProblem(data).path).to.equal('letter.demands');
  });

  const strings: [string, (data: Data, value: string) => void, number][] = [
    ['title', (data, value) => (data.title = value), MAX_TEXT_LENGTH],
    ['letter.paragraphs[0]', (data, value) => (data.letter.paragraphs = [value]), MAX_TEXT_LENGTH],
    ['signatories[0].name', (data, value) => (data.signatories[0].name = value), MAX_NAME_LENGTH],
    ['signatories[0].party', (data, value) => (data.signatories[0].party = value), MAX_NAME_LENGTH],
    ['sources[0].publisher', (data, value) => (data.sources[0].publisher = value), MAX_NAME_LENGTH],
    [
      'sources[0].url',
      (data, value) => (data.sources[0].url = `https://example.org/${value}`.slice(0, value.length)),
      MAX_URL_LENGTH,
    ],
  ];
  for (const [path, set, max] of strings) {
    it(`accepts ${max} characters in ${path} and refuses ${max + 1}, saying how many are allowed`, () => {
      const data = campaign();
      set(data, 'a'.repeat(max));
      expectValid(data);
      set(data, 'a'.repeat(max + 1));
      const problem = onlyProblem(data);
      expect(problem.path).to.equal(path);
      expect(problem.message).to.include(`at most ${max} characters`);
    });
  }

  it('counts characters as JSON Schema does, in code points: an emoji is one character, not two', () => {
    const data = campaign();
    data.title = '😀'.repeat(MAX_TEXT_LENGTH);
    data.signatories[0].name = '😀'.repeat(MAX_NAME_LENGTH);
    expectValid(data);
    data.title = '😀'.repeat(MAX_TEXT_LENGTH + 1);
    expect(onlyProblem(data).path).to.equal('title');
  });

  it('names the translation that is too long', () => {
    const data = campaign();
    data.title = { nl: 'Een brief', en: 'a'.repeat(MAX_TEXT_LENGTH + 1) };
    const problem = onlyProblem(data);
    expect(problem.path).to.equal('title');
    expect(problem.message).to.match(/^"en" must be at most \d+ characters/);
  });

  it(`accepts ${MAX_LANGUAGES} translations of a text and refuses more`, () => {
    const tags = Array.from({ length: MAX_LANGUAGES + 1 }, (_, index) => `x-${index}`.replace('x-', 'nl-x'));
    const data = campaign();
    data.title = Object.fromEntries(tags.slice(0, MAX_LANGUAGES).map((tag) => [tag, 'Een brief']));
    expectValid(data);
    data.title = Object.fromEntries(tags.map((tag) => [tag, 'Een brief']));
    expect(onlyProblem(data).message).to.include(`at most ${MAX_LANGUAGES} translations`);
  });
});

describe('combining marks', () => {
  const realWriting: [string, string][] = [
    ['Dutch written decomposed (NFD)', 'Cafe\u0301 in Gent, ree\u0308n'],
    ['Vietnamese written decomposed', 'Vie\u0323\u0302t Nam'],
    ['Hebrew with points and cantillation', 'בְּרֵאשִׁ֖ית'],
    ['Tibetan stacks', 'བསྒྲུབས'],
    ['Devanagari', 'क़ीं हिन्दी'],
    ['a keycap emoji', '1\uFE0F\u20E3'],
    ['a family emoji', '👨‍👩‍👧'],
  ];
  for (const [what, text] of realWriting) {
    it(`accepts real writing: ${what}`, () => {
      const data = campaign();
      data.title = text;
      data.signatories[0].name = text;
      expectValid(data);
    });
  }

  it(`accepts ${MAX_COMBINING_MARKS} marks on one letter and refuses ${MAX_COMBINING_MARKS + 1}, in every kind of field`, () => {
    const allowed = `Z${ACUTE.repeat(MAX_COMBINING_MARKS)}algo`;
    const flood = `Z${ACUTE.repeat(MAX_COMBINING_MARKS + 1)}algo`;
    const fields: [string, (data: Data, value: string) => void][] = [
      ['title', (data, value) => (data.title = value)],
      ['summary', (data, value) => (data.summary = { nl: 'Kort.', en: value })],
      ['letter.demands[0]', (data, value) => (data.letter.demands = [value])],
      ['signatories[0].name', (data, value) => (data.signatories[0].name = value)],
      ['signatories[0].place', (data, value) => (data.signatories[0].place = value)],
      ['sources[0].publisher', (data, value) => (data.sources[0].publisher = value)],
      ['sources[0].url', (data, value) => (data.sources[0].url = `https://example.org/${value}`)],
    ];
    for (const [path, set] of fields) {
      const data = campaign();
      set(data, allowed);
      expectValid(data);
      set(data, flood);
      const problem = onlyProblem(data);
      expect(problem.path, path).to.equal(path);
      expect(problem.message, path).to.match(/combining marks/);
    }
  });

  it('refuses a flood of 4,000 marks on one letter', () => {
    const data = campaign();
    data.title = `Z${ACUTE.repeat(4_000)}`;
    expect(onlyProblem(data).message).to.match(/combining marks/);
  });
});

describe('dates a letter can have', () => {
  it("refuses the year 0 and every date before 1900 as the letter's date, saying which years it takes", () => {
    for (const date of ['0000-01-01', '0022-02-18', '1899-12-31']) {
      const problem = onlyProblem({ ...campaign(), date });
      expect(problem.path, date).to.equal('date');
      expect(problem.message, date).to.include('1900').and.include('2099');
    }
  });

  it("accepts the letter's date from 1900-01-01 to 2099-12-31 and refuses 2100", () => {
    expectValid({ ...campaign(), date: '1900-01-01' });
    expectValid({ ...campaign(), date: '2099-12-31' });
    expect(onlyProblem({ ...campaign(), date: '2100-01-01' }).path).to.equal('date');
  });

  it('accepts an older source, such as the constitution of 1848, but no year with fewer than four digits', () => {
    const data = campaign();
    data.sources[0].date = '1848-11-03';
    expectValid(data);
    data.sources[0].date = '0999-12-31';
    expect(onlyProblem(data).path).to.equal('sources[0].date');
  });

  it('reports a malformed date by its form alone, not also as unreal or by its year', () => {
    const check = checkCampaign({ ...campaign(), date: '18-02-2022' });
    expect(problemsOf(check)).to.deep.equal(['date: must be a date written as YYYY-MM-DD']);
  });
});

// ---------------------------------------------------------------------------------------
// Hostile host pages: a polluted Object.prototype, getters, proxies and cycles.
// ---------------------------------------------------------------------------------------

interface Pollution {
  target: 'Object.prototype' | 'Array.prototype';
  name: string;
  value: unknown;
  enumerable: boolean;
}

/** Runs `run` with the prototypes polluted, and nothing else: the pollution is gone before any assertion. */
function polluted<T>(pollutions: Pollution[], run: () => T): T {
  const added: [object, string][] = [];
  try {
    for (const { target, name, value, enumerable } of pollutions) {
      const prototype = target === 'Object.prototype' ? Object.prototype : Array.prototype;
      if (Object.hasOwn(prototype, name) || name === '__proto__') continue; // Pollution adds; it does not replace built-ins.
      Object.defineProperty(prototype, name, { value, enumerable, configurable: true, writable: true });
      added.push([prototype, name]);
    }
    return run();
  } finally {
    for (const [prototype, name] of added) delete (prototype as Record<string, unknown>)[name];
  }
}

/** A result as plain JSON, comparable with deep equality whatever its prototypes. */
function plain(check: CampaignCheck): unknown {
  return JSON.parse(JSON.stringify(check));
}

/** Names old libraries add, names of optional fields, and names valibot's parser looks up on its own objects. */
const tellingNames = [
  'summary',
  'initiator',
  'place',
  'publisher',
  'kind',
  'date',
  'sources',
  'translations',
  'closing',
  'salutation',
  'demandsIntro',
  'signOff',
  'title',
  'version',
  'letter',
  'foo',
  'each',
  'extend',
  'clone',
  'issues',
  'typed',
  'fallback',
  'default',
  'message',
  'path',
  'pipe',
  'entries',
  'value',
  'input',
  'expected',
  '0',
  '1',
];

describe('a host page that pollutes Object.prototype', () => {
  it('does not show Object.prototype.summary as the summary of a campaign that has none', () => {
    const check = polluted(
      [{ target: 'Object.prototype', name: 'summary', value: 'Injected', enumerable: false }],
      () => {
        const result = checkCampaign(campaign());
        // Read while the page is still polluted, as the block renders.
        return {
          result,
          summary: result.valid && result.campaign.summary,
          has: result.valid && 'summary' in result.campaign,
        };
      },
    );
    expect(check.result.valid).to.be.true;
    expect(check.summary).to.equal(undefined);
    expect(check.has).to.be.false;
  });

  it('checks as usual with an enumerable property on Object.prototype, assigned as old libraries do', () => {
    const check = polluted([{ target: 'Object.prototype', name: 'foo', value: 'x', enumerable: true }], () =>
      checkCampaign(campaign()),
    );
    expect(plain(check)).to.deep.equal(plain(checkCampaign(campaign())));
  });

  it('checks as usual whatever is polluted: the names valibot looks up, and every optional field', () => {
    for (const name of tellingNames) {
      for (const enumerable of [true, false]) {
        for (const value of ['x', [], { nl: 'x' }, true]) {
          const valid = polluted([{ target: 'Object.prototype', name, value, enumerable }], () =>
            checkCampaign(campaign()),
          );
          expect(plain(valid), `valid campaign, Object.prototype.${name} = ${JSON.stringify(value)}`).to.deep.equal(
            plain(checkCampaign(campaign())),
          );
          const data = campaign();
          delete data.title;
          const invalid = polluted([{ target: 'Object.prototype', name, value, enumerable }], () =>
            checkCampaign(data),
          );
          expect(plain(invalid), `campaign without a title, Object.prototype.${name}`).to.deep.equal(
            plain(checkCampaign(data)),
          );
        }
      }
    }
  });

  it('does not fill a hole in a list from Array.prototype', () => {
    const data = campaign();
    data.letter.demands = [, 'Een eis.']; // eslint-disable-line no-sparse-arrays
    const check = polluted([{ target: 'Array.prototype', name: '0', value: 'Injected demand', enumerable: true }], () =>
      checkCampaign(data),
    );
    expect(check.valid).to.be.false;
    if (!check.valid) expect(check.problems[0].path).to.equal('letter.demands[0]');
  });
});

/** Whether `object` inherits no property: every prototype in its chain is frozen and empty, Object.prototype none of them. */
function inheritsNothing(object: object): boolean {
  for (let prototype = Object.getPrototypeOf(object); prototype; prototype = Object.getPrototypeOf(prototype)) {
    if (prototype === Object.prototype || !Object.isFrozen(prototype) || Reflect.ownKeys(prototype).length)
      return false;
  }
  return true;
}

describe('a campaign object with getters, proxies or cycles', () => {
  it('reports a getter that throws as a problem at its path, without throwing', () => {
    const data = campaign();
    Object.defineProperty(data, 'title', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const problem = onlyProblem(data);
    expect(problem.path).to.equal('title');
    expect(problem.message).to.match(/could not be read/);
  });

  it('reports a proxy whose every trap throws as a problem, without throwing', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('get');
        },
        has: () => {
          throw new Error('has');
        },
        ownKeys: () => {
          throw new Error('ownKeys');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('descriptor');
        },
        getPrototypeOf: () => {
          throw new Error('prototype');
        },
      },
    );
    expect(onlyProblem(hostile).message).to.match(/could not be read/);
    const data = campaign();
    data.letter = hostile;
    expect(onlyProblem(data).path).to.match(/^letter/);
  });

  it('reports a revoked proxy and an error whose own toString throws, without throwing', () => {
    const { proxy, revoke } = Proxy.revocable(campaign(), {});
    revoke();
    expect(checkCampaign(proxy).valid).to.be.false;
    const data = campaign();
    const nasty = {
      toString: () => {
        throw new Error('again');
      },
    };
    Object.defineProperty(data, 'date', {
      enumerable: true,
      get: () => {
        throw nasty;
      },
    });
    expect(onlyProblem(data).path).to.equal('date');
  });

  it('ends on a cycle: a letter that contains itself is refused, not walked forever', () => {
    const data = campaign();
    data.letter = data;
    expect(checkCampaign(data).valid).to.be.false;
    const list: unknown[] = [];
    list.push(list);
    expect(checkCampaign({ ...campaign(), signatories: list }).valid).to.be.false;
  });

  it('reads each value once: a getter that changes its answer cannot pass one value and show another', () => {
    const data = campaign();
    let reads = 0;
    Object.defineProperty(data, 'title', {
      enumerable: true,
      get: () =>
        ++reads === 1 ? 'Checked title' : { _$litType$: 1, strings: ['<img src=x onerror=alert(1)>'], values: [] },
    });
    const check = checkCampaign(data);
    expect(reads).to.equal(1);
    expect(check.valid && check.campaign.title).to.equal('Checked title');
  });

  it('returns a frozen copy that inherits nothing, of the known fields only, that later changes to the data do not reach', () => {
    const data = campaign();
    data.title = { nl: 'Een brief', en: 'A letter' };
    data.unknown = { deep: 'x' };
    const check = checkCampaign(data);
    if (!check.valid) expect.fail(problemsOf(check).join('\n'));
    data.title.nl = 'Veranderd';
    data.letter.demands.push('Nog een eis.');
    data.signatories[0].name = 'Iemand anders';
    expect(check.campaign.title).to.deep.equal({ nl: 'Een brief', en: 'A letter' });
    expect(check.campaign.letter.demands).to.deep.equal(['Een eis.']);
    expect(check.campaign.signatories[0].name).to.equal('Raadslid 1');
    expect('unknown' in check.campaign).to.be.false;
    const objects = [
      check.campaign,
      check.campaign.title as object,
      check.campaign.letter,
      check.campaign.signatories[0],
      check.campaign.sources![0],
    ];
    for (const object of objects) {
      expect(Object.isFrozen(object)).to.be.true;
      expect(inheritsNothing(object), 'inherits nothing').to.be.true;
    }
    for (const list of [check.campaign.letter.demands, check.campaign.signatories, check.campaign.sources]) {
      expect(Object.isFrozen(list)).to.be.true;
    }
  });
});

// ---------------------------------------------------------------------------------------
// Property-based (fast-check), with fixed seeds: a failure in CI reproduces on the next run.
// ---------------------------------------------------------------------------------------

/** A string of about `length` characters: letters, sometimes an emoji or a run of combining marks. */
const textAround = (length: number) =>
  fc
    .record({
      size: fc.constantFrom(1, length - 1, length, length + 1),
      marks: fc.constantFrom(0, 1, MAX_COMBINING_MARKS, MAX_COMBINING_MARKS + 1),
      emoji: fc.boolean(),
    })
    .map(({ size, marks, emoji }) => {
      const head = `${emoji ? '😀' : 'a'}${ACUTE.repeat(marks)}`;
      return head + 'b'.repeat(Math.max(0, size - 1 - marks));
    });

const countAround = (max: number) => fc.constantFrom(0, 1, max, max + 1);

/** Campaigns near every limit: lists and texts just under, at and just over them. */
const nearTheLimits = fc
  .record({
    title: textAround(MAX_TEXT_LENGTH),
    paragraph: textAround(MAX_TEXT_LENGTH),
    name: textAround(MAX_NAME_LENGTH),
    paragraphs: countAround(MAX_PARAGRAPHS),
    demands: countAround(MAX_DEMANDS),
    closing: countAround(MAX_CLOSING),
    sources: countAround(MAX_SOURCES),
    signatories: fc.constantFrom(1, 2, MAX_SIGNATORIES, MAX_SIGNATORIES + 1),
    translations: countAround(MAX_LANGUAGES),
  })
  .map((near) => ({
    ...minimalCampaign(),
    title: near.title,
    translations: Array.from({ length: near.translations }, () => 'en'),
    letter: {
      paragraphs: Array.from({ length: near.paragraphs }, () => near.paragraph),
      demands: Array.from({ length: near.demands }, () => 'Een eis.'),
      closing: Array.from({ length: near.closing }, () => 'Tot slot.'),
    },
    signatories: Array.from({ length: near.signatories }, () => ({ name: near.name, party: 'Een partij' })),
    sources: Array.from({ length: near.sources }, () => ({ title: near.name, url: 'https://example.org/' })),
  }));

/** The limits, written out again from the README's words: counts, characters in code points, marks in a row. */
function withinLimits(data: Data): boolean {
  const characters = (text: string) => [...text].length;
  const marksInARow = (text: string) => Math.max(0, ...(text.match(/\p{M}+/gu) ?? []).map((run) => [...run].length));
  const text = (value: string, max: number) => characters(value) <= max && marksInARow(value) <= MAX_COMBINING_MARKS;
  return (
    text(data.title, MAX_TEXT_LENGTH) &&
    data.letter.paragraphs.length <= MAX_PARAGRAPHS &&
    data.letter.paragraphs.every((paragraph: string) => text(paragraph, MAX_TEXT_LENGTH)) &&
    data.letter.demands.length <= MAX_DEMANDS &&
    data.letter.closing.length <= MAX_CLOSING &&
    data.translations.length <= MAX_LANGUAGES &&
    data.signatories.length <= MAX_SIGNATORIES &&
    data.signatories.every((signatory: Data) => text(signatory.name, MAX_NAME_LENGTH)) &&
    data.sources.length <= MAX_SOURCES &&
    data.sources.every((source: Data) => text(source.title, MAX_TEXT_LENGTH))
  );
}

/**
 * Makes `value` hostile at random: objects become proxies whose traps throw, get a getter
 * that throws, or point back at themselves.
 */
function hostile(value: unknown, choices: number[], position = { next: 0 }): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const choice = choices[position.next++ % choices.length];
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  for (const key of Object.keys(copy)) copy[key] = hostile(copy[key], choices, position);
  const trap = () => {
    throw new Error('hostile');
  };
  switch (choice) {
    case 0:
      return new Proxy(copy, { get: trap });
    case 1:
      return new Proxy(copy, { ownKeys: trap, getOwnPropertyDescriptor: trap });
    case 2:
      Object.defineProperty(copy, Object.keys(copy)[0] ?? 'title', { enumerable: true, get: trap });
      return copy;
    case 3:
      copy[Object.keys(copy)[0] ?? 'letter'] = copy;
      return copy;
    default:
      return copy;
  }
}

describe('checkCampaign (property-based)', () => {
  it('accepts only campaigns within every limit', () => {
    fc.assert(
      fc.property(nearTheLimits, (data) => {
        const check = checkCampaign(data);
        if (check.valid) expect(withinLimits(data), 'accepted, but over a limit').to.be.true;
        else
          expect(
            withinLimits(data) && data.letter.paragraphs.length > 0 && data.letter.demands.length > 0,
            problemsOf(check).join('; '),
          ).to.be.false;
      }),
      { numRuns: 60, seed: 1301 },
    );
  });

  it('never throws, for any value, with getters and proxies that throw and cycles anywhere in it', () => {
    const values = fc.oneof(fc.anything(), fc.constant(campaign()), fc.jsonValue());
    fc.assert(
      fc.property(values, fc.array(fc.nat(6), { minLength: 1 }), (value, choices) => {
        const check = checkCampaign(hostile(value, choices));
        expect(check.valid || check.problems.length > 0).to.be.true;
      }),
      { numRuns: 300, seed: 1302 },
    );
  });

  it('gives the same result with any property added to Object.prototype or Array.prototype, enumerable or not', () => {
    const pollution = fc.record({
      target: fc.constantFrom('Object.prototype' as const, 'Array.prototype' as const),
      name: fc.oneof(fc.constantFrom(...tellingNames), fc.string()),
      value: fc.anything(),
      enumerable: fc.boolean(),
    });
    const data = fc.oneof(
      fc.constant(campaign()),
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom(...tellingNames), fc.jsonValue()),
    );
    fc.assert(
      fc.property(data, fc.array(pollution, { minLength: 1, maxLength: 4 }), (value, pollutions) => {
        const clean = plain(checkCampaign(value));
        expect(plain(polluted(pollutions, () => checkCampaign(value)))).to.deep.equal(clean);
      }),
      { numRuns: 200, seed: 1303 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// The one-file build reads valibot's schema descriptions from a stub (vite.config.ts).
// ---------------------------------------------------------------------------------------

describe('the valibot stub of the one-file build', () => {
  /** The fields of a schema or action that the checker reads (src/checked-copy.ts). */
  const read = ['message', 'entries', 'item', 'wrapped', 'check', 'requirement', 'pipe'];
  function described(node: unknown): unknown {
    if (typeof node !== 'object' || node === null) return node;
    if (Array.isArray(node)) return node.map(described);
    const fields = node as Data;
    const entries = (value: Data) =>
      Object.fromEntries(Object.entries(value).map(([key, child]) => [key, described(child)]));
    return Object.fromEntries(
      read
        .filter((field) => fields[field] !== undefined)
        .map((field) => [field, field === 'entries' ? entries(fields.entries) : described(fields[field])]),
    );
  }

  it('describes every schema and action the campaign format uses exactly as valibot does', async () => {
    const stub = await import('/scripts/valibot-schema-stub.js' as string);
    const check = (value: unknown) => value === 1;
    const message = (issue: { input: unknown }) => `not ${issue.input}`;
    const build = (v: typeof valibot) => [
      v.object({ a: v.custom(check, message), b: v.optional(v.custom(check, message)) }),
      v.array(v.custom(check, message)),
      v.pipe(v.array(v.custom(check, message)), v.nonEmpty('empty'), v.maxLength(3, 'too long')),
    ];
    expect(described(build(stub))).to.deep.equal(described(build(valibot)));
  });
});

// ---------------------------------------------------------------------------------------
// The published JSON Schema says the same (dist/open-letter.schema.json, written by the build).
// ---------------------------------------------------------------------------------------

describe('the published JSON Schema', () => {
  let schema: Data;
  before(async () => {
    schema = await (await fetch('/dist/open-letter.schema.json')).json();
  });

  it('states every limit: maxItems on every list, maxLength on every string, no floods of combining marks', () => {
    const problems: string[] = [];
    const visit = (node: Data, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      if (node.type === 'array' && node.maxItems === undefined) problems.push(`${path}: a list without maxItems`);
      if (
        node.type === 'string' &&
        node.maxLength === undefined &&
        node.pattern === undefined &&
        node.const === undefined &&
        node.enum === undefined
      ) {
        problems.push(`${path}: a string without maxLength`);
      }
      if (node.type === 'string' && node.maxLength !== undefined && node.not?.pattern === undefined)
        problems.push(`${path}: a text without the combining-marks rule`);
      for (const [key, child] of Object.entries(node)) visit(child, `${path}/${key}`);
    };
    visit(schema, '#');
    expect(problems).to.deep.equal([]);
    const { properties } = schema;
    expect(properties.letter.properties.paragraphs.maxItems).to.equal(MAX_PARAGRAPHS);
    expect(properties.letter.properties.demands.maxItems).to.equal(MAX_DEMANDS);
    expect(properties.letter.properties.closing.maxItems).to.equal(MAX_CLOSING);
    expect(properties.sources.maxItems).to.equal(MAX_SOURCES);
    expect(properties.signatories.maxItems).to.equal(MAX_SIGNATORIES);
    expect(properties.signatories.items.properties.name.maxLength).to.equal(MAX_NAME_LENGTH);
    expect(properties.sources.items.properties.url.maxLength).to.equal(MAX_URL_LENGTH);
    expect(schema.$defs.text.anyOf[0].maxLength).to.equal(MAX_TEXT_LENGTH);
  });

  it('agrees with the check on every date and on combining marks', () => {
    const { properties } = schema;
    const letterDate = new RegExp(properties.date.pattern, 'u');
    const sourceDate = new RegExp(properties.sources.items.properties.date.pattern, 'u');
    const flood = new RegExp(schema.$defs.text.anyOf[0].not.pattern, 'u');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.boolean(), (year, emoji) => {
        const date = `${String(year).padStart(4, '0')}-06-15`;
        const asLetter = checkCampaign({ ...campaign(), date }).valid;
        const source = campaign();
        source.sources[0].date = date;
        expect(letterDate.test(date), date).to.equal(asLetter);
        expect(sourceDate.test(date), date).to.equal(checkCampaign(source).valid);
        const marks = year % (MAX_COMBINING_MARKS * 2);
        const title = `${emoji ? '😀' : 'a'}${ACUTE.repeat(marks)}`;
        expect(!flood.test(title), `${marks} marks`).to.equal(checkCampaign({ ...campaign(), title }).valid);
      }),
      { numRuns: 200, seed: 1304 },
    );
  });
});
