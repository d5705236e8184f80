// The campaign format, version 1, as `checkCampaign` reads untrusted data: what it
// accepts, and the path of every field it refuses. Pure data, no element involved.
import { expect } from '@open-wc/testing';
import { checkCampaign, type CampaignCheck } from '../src/campaign-schema.js';

/** Campaign-like data, loosely typed on purpose: these tests build invalid campaigns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;

/** The smallest campaign the format allows: only required fields, plain strings. */
function minimal(): Data {
  return {
    version: 1,
    language: 'nl',
    title: 'Een brief',
    date: '2022-02-18',
    letter: { paragraphs: ['Een alinea.'], demands: ['Een eis.'] },
    signatories: [{ name: 'Iemand', party: 'Een partij' }],
  };
}

/** `minimal()` with one source, which has only its required fields. */
function withSource(): Data {
  return { ...minimal(), sources: [{ title: 'Een bron', url: 'https://example.org/bron' }] };
}

/** The distinct paths of the problems found; fails when the data was accepted. */
function problemPaths(check: CampaignCheck): string[] {
  if (check.valid) expect.fail('expected the campaign to be refused, but it was accepted');
  for (const problem of check.problems) {
    expect(problem.message, `a message for ${problem.path}`).to.be.a('string').and.not.be.empty;
  }
  return [...new Set(check.problems.map((problem) => problem.path))];
}

function expectValid(check: CampaignCheck): void {
  const problems = check.valid ? [] : check.problems.map((problem) => `${problem.path}: ${problem.message}`);
  expect(problems, 'problems').to.deep.equal([]);
}

/** Removes the field at a dotted path such as `letter.paragraphs` or `signatories.0.party`. */
function without(data: Data, path: string): Data {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((node, key) => node[key], data);
  delete parent[last];
  return data;
}

describe('checkCampaign', () => {
  it('accepts the demo campaign as webmasters get it, unchanged', async () => {
    const demo = await (await fetch('/demo/campaigns/brandbrief-samen-veilig.json')).json();
    const check = checkCampaign(demo);
    expectValid(check);
    if (check.valid) expect(check.campaign).to.deep.equal(demo);
  });

  it('accepts a minimal campaign of only required fields with plain strings', () => {
    const check = checkCampaign(minimal());
    expectValid(check);
    if (check.valid) expect(check.campaign).to.deep.equal(minimal());
  });

  it('accepts a source with only a title and an address', () => {
    expectValid(checkCampaign(withSource()));
  });

  describe('names the path of each missing required field', () => {
    const required: [string, () => Data, string][] = [
      ['version', minimal, 'version'],
      ['language', minimal, 'language'],
      ['title', minimal, 'title'],
      ['date', minimal, 'date'],
      ['letter', minimal, 'letter'],
      ['letter.paragraphs', minimal, 'letter.paragraphs'],
      ['letter.demands', minimal, 'letter.demands'],
      ['signatories', minimal, 'signatories'],
      ['signatories.0.name', minimal, 'signatories[0].name'],
      ['signatories.0.party', minimal, 'signatories[0].party'],
      ['sources.0.title', withSource, 'sources[0].title'],
      ['sources.0.url', withSource, 'sources[0].url'],
    ];
    for (const [field, campaign, path] of required) {
      it(`refuses a campaign without ${path}, naming ${path}`, () => {
        expect(problemPaths(checkCampaign(without(campaign(), field)))).to.deep.equal([path]);
      });
    }
  });

  it('refuses a letter without paragraphs, naming letter.paragraphs', () => {
    const data = minimal();
    data.letter.paragraphs = [];
    expect(problemPaths(checkCampaign(data))).to.deep.equal(['letter.paragraphs']);
  });

  it('refuses a letter without demands, naming letter.demands', () => {
    const data = minimal();
    data.letter.demands = [];
    expect(problemPaths(checkCampaign(data))).to.deep.equal(['letter.demands']);
  });

  it('refuses a campaign without signatories, naming signatories', () => {
    const data = { ...minimal(), signatories: [] };
    expect(problemPaths(checkCampaign(data))).to.deep.equal(['signatories']);
  });

  it('names every bad field at once', () => {
    const data = minimal();
    data.date = '2022-13-01';
    data.letter.demands = [];
    data.signatories.push({ name: 'Nog iemand' });
    expect(problemPaths(checkCampaign(data))).to.have.members(['date', 'letter.demands', 'signatories[1].party']);
  });

  it('refuses a date that does not exist in the calendar (2022-02-30)', () => {
    expect(problemPaths(checkCampaign({ ...minimal(), date: '2022-02-30' }))).to.deep.equal(['date']);
  });

  it('refuses a date not written as YYYY-MM-DD (18-02-2022)', () => {
    expect(problemPaths(checkCampaign({ ...minimal(), date: '18-02-2022' }))).to.deep.equal(['date']);
  });

  it('accepts 29 February in a leap year', () => {
    expectValid(checkCampaign({ ...minimal(), date: '2024-02-29' }));
  });

  it('refuses a bad date of a source, naming sources[0].date', () => {
    const data = withSource();
    data.sources[0].date = '2022-02-30';
    expect(problemPaths(checkCampaign(data))).to.deep.equal(['sources[0].date']);
  });

  it('accepts every kind of source the format names', () => {
    const data = withSource();
    const kinds = ['article', 'pdf', 'statement', 'letter', 'video', 'other'];
    data.sources = kinds.map((kind) => ({ title: kind, url: `https://example.org/${kind}`, kind }));
    expectValid(checkCampaign(data));
  });

  it('refuses a source of an unknown kind, naming sources[0].kind', () => {
    const data = withSource();
    data.sources[0].kind = 'podcast';
    expect(problemPaths(checkCampaign(data))).to.deep.equal(['sources[0].kind']);
  });

  it('accepts a text given as an object of translations', () => {
    const data = minimal();
    data.title = { nl: 'Een brief', en: 'A letter' };
    data.letter.demands = [{ nl: 'Een eis.', en: 'A demand.' }];
    const check = checkCampaign(data);
    expectValid(check);
    if (check.valid) {
      expect(check.campaign.title).to.deep.equal({ nl: 'Een brief', en: 'A letter' });
      expect(check.campaign.letter.demands).to.deep.equal([{ nl: 'Een eis.', en: 'A demand.' }]);
    }
  });

  it('refuses a text given as an empty object of translations', () => {
    expect(problemPaths(checkCampaign({ ...minimal(), title: {} }))).to.deep.equal(['title']);
  });

  it('refuses an empty text', () => {
    const data = minimal();
    data.letter.paragraphs = [''];
    expect(problemPaths(checkCampaign(data))).to.deep.equal(['letter.paragraphs[0]']);
  });

  it('refuses a campaign of version 2 as a version problem', () => {
    const check = checkCampaign({ ...minimal(), version: 2 });
    expect(check.valid).to.be.false;
    if (!check.valid) expect(check.reason).to.equal('version');
    expect(problemPaths(check)).to.deep.equal(['version']);
  });

  it('refuses a campaign of version 1 with bad data as invalid, not as a version problem', () => {
    const check = checkCampaign({ ...minimal(), date: 'gisteren' });
    expect(check.valid).to.be.false;
    if (!check.valid) expect(check.reason).to.equal('invalid');
  });

  for (const [description, value] of [
    ['null', null],
    ['an array', []],
    ['a string', 'x'],
    ['a number', 42],
  ] as const) {
    it(`refuses ${description} instead of an object, naming (root)`, () => {
      const check = checkCampaign(value);
      expect(check.valid).to.be.false;
      if (!check.valid) expect(check.reason).to.equal('invalid');
      expect(problemPaths(check)).to.deep.equal(['(root)']);
    });
  }

  it('ignores unknown extra fields and leaves them out of the campaign it returns', () => {
    const data = minimal();
    data.colour = 'red';
    data.letter.footnote = 'Een voetnoot.';
    data.signatories[0].email = 'iemand@example.org';
    const check = checkCampaign(data);
    expectValid(check);
    if (check.valid) expect(check.campaign).to.deep.equal(minimal());
  });
});
