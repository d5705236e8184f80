// The campaign authors' command line, run as they run it: `node bin/open-letter.js …`
// in a child process, checked by exit code, stdout and stderr. Needs `npm run build`
// first (it runs dist/cli.js). Run with `node --test test/cli/`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// parse5 comes with @lit-labs/ssr; it parses the snapshot as a browser would.
import { parseFragment } from 'parse5';
import { attribute, byTag, elements, hasClass, textOf } from './html-tree.mjs';
import { root, run } from './run-cli.mjs';

const fixture = (name) => join(root, 'test/cli/fixtures', name);
const demoPath = join(root, 'demo/campaigns/brandbrief-samen-veilig.json');
const demo = JSON.parse(await readFile(demoPath, 'utf8'));

const warningLines = (stderr) => stderr.split('\n').filter((line) => line.startsWith('warning: '));

let scratch;
before(async () => {
  assert.ok(existsSync(join(root, 'dist/cli.js')), 'dist/cli.js is missing: run `npm run build` first');
  scratch = await mkdtemp(join(tmpdir(), 'open-letter-cli-'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function scratchFile(name, content) {
  const path = join(scratch, name);
  await writeFile(path, content);
  return path;
}

/** What a reader of `language` should see of a campaign text: computed from the JSON, not from the code. */
const inLanguage = (campaign, language) => (text) =>
  typeof text === 'string' ? text : (text[language] ?? text[campaign.language]);

/** The interface's section headings, as the translations in locales/ promise them. */
const sectionHeadings = {
  nl: (count) => ['Wat wij vragen', `${count} ondertekenaars`, 'Bronnen'],
  en: (count) => ['What we are asking for', `${count} signatories`, 'Sources'],
};

describe('open-letter --help', () => {
  test('prints the usage of both commands, the output rule and the exit codes on stdout, and exits 0', async () => {
    const { status, stdout, stderr } = await run('--help');
    assert.equal(status, 0);
    assert.equal(stderr, '');
    assert.match(stdout, /open-letter validate <file-or-url>/);
    assert.match(stdout, /open-letter snapshot <file-or-url> \[--lang nl\|en\] \[--heading-level 1-6\]/);
    assert.match(stdout, /stdout/);
    assert.match(stdout, /stderr/);
    assert.match(stdout, /Exit codes: 0 valid/);
  });

  test('exits 2 with the usage on stderr when no command is given', async () => {
    const { status, stdout, stderr } = await run();
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /no command given/);
    assert.match(stderr, /Usage:/);
  });

  test('exits 2 and names an unknown command', async () => {
    const { status, stderr } = await run('check', demoPath);
    assert.equal(status, 2);
    assert.match(stderr, /unknown command "check"/);
  });

  test('exits 2 on an unknown option', async () => {
    const { status, stderr } = await run('validate', demoPath, '--strict');
    assert.equal(status, 2);
    assert.match(stderr, /--strict/);
  });

  test('exits 2 when validate is given a snapshot option', async () => {
    const { status, stderr } = await run('validate', demoPath, '--lang', 'en');
    assert.equal(status, 2);
    assert.match(stderr, /--lang is an option of snapshot/);
  });
});

describe('open-letter validate', () => {
  test('accepts the demo campaign with exit 0, an OK line with its title and counts on stdout, and no warnings', async () => {
    const { status, stdout, stderr } = await run('validate', demoPath);
    assert.equal(status, 0);
    assert.deepEqual(warningLines(stderr), [], 'the demo is meant to be complete in both languages');
    assert.equal(stderr, '');
    const line = stdout.trim();
    assert.ok(!line.includes('\n'), 'one line');
    assert.match(line, /^OK /);
    assert.ok(line.includes(demo.title[demo.language]), line);
    assert.ok(line.includes(`${demo.letter.paragraphs.length} paragraphs`), line);
    assert.ok(line.includes(`${demo.letter.demands.length} demands`), line);
    assert.ok(line.includes(`${demo.signatories.length} signatories`), line);
    assert.ok(line.includes(`${demo.sources.length} sources`), line);
  });

  test('does not ask for a translation of the initiator, which names a party or person', async () => {
    const campaign = structuredClone(demo);
    campaign.initiator = 'Samen Stichtse Vecht';
    const path = await scratchFile('initiator.json', JSON.stringify(campaign));
    const { status, stderr } = await run('validate', path);
    assert.equal(status, 0);
    assert.ok(!stderr.includes('initiator'), stderr);
  });

  test('gives no warnings for a campaign that has every text in every language it uses', async () => {
    const complete = structuredClone(demo);
    for (const field of ['summary', 'title']) {
      if (typeof complete[field] === 'string') complete[field] = { nl: complete[field], en: complete[field] };
    }
    const path = await scratchFile('complete.json', JSON.stringify(complete));
    const { status, stderr } = await run('validate', path);
    assert.equal(status, 0);
    assert.equal(stderr, '');
  });

  test('exits 1 and prints every problem with its JSON path, message and a hint', async () => {
    const { status, stdout, stderr } = await run('validate', fixture('invalid.json'));
    assert.equal(status, 1);
    assert.equal(stdout, '', 'no OK line');
    assert.match(stderr, /invalid\.json is not a valid open-letter campaign \(6 problems\)/);
    const expected = [
      ['title', /^ {2}title: .+\n {4}hint: required; write a string, or \{ "nl": "…", "en": "…" \}$/m],
      ['date', /^ {2}date: must be a date written as YYYY-MM-DD\n {4}hint: .*YYYY-MM-DD/m],
      ['letter.demands', /^ {2}letter\.demands: must not be empty\n {4}hint: a list of at least one text/m],
      ['letter.signOff', /^ {2}letter\.signOff: .+\n {4}hint: write a string, or \{ "nl": "…", "en": "…" \}$/m],
      ['signatories[0].party', /^ {2}signatories\[0\]\.party: .+\n {4}hint: required; /m],
      [
        'sources[0].kind',
        /^ {2}sources\[0\]\.kind: .+\n {4}hint: one of "article", "pdf", "statement", "letter", "video", "other"/m,
      ],
    ];
    for (const [path, pattern] of expected) assert.match(stderr, pattern, `${path} is reported with a hint`);
  });

  test('exits 1 on a campaign of another version and says which version it reads', async () => {
    const { status, stderr } = await run('validate', fixture('version-2.json'));
    assert.equal(status, 1);
    assert.match(stderr, /^ {2}version: must be 1: this element reads only version 1$/m);
  });

  test('exits 1 on a list instead of an object, reporting the root', async () => {
    const path = await scratchFile('list.json', JSON.stringify([demo]));
    const { status, stderr } = await run('validate', path);
    assert.equal(status, 1);
    assert.match(stderr, /^ {2}\(root\): must be an object, not a list$/m);
  });

  test('exits 1 on a file that is not JSON and says at which line and column it breaks', async () => {
    const { status, stdout, stderr } = await run('validate', fixture('not-json.json'));
    assert.equal(status, 1);
    assert.equal(stdout, '');
    // The comma after "date" is missing: the next property, line 6, column 3, cannot follow.
    assert.match(stderr, /not-json\.json is not JSON: .* at line 6, column 3/);
    assert.match(stderr, /^ {4}"letter": .*\n {4}\^$/m, 'shows the broken line with a caret under the mistake');
  });

  test('exits 1 on an empty file', async () => {
    const path = await scratchFile('empty.json', '\n');
    const { status, stderr } = await run('validate', path);
    assert.equal(status, 1);
    assert.match(stderr, /empty/);
  });

  test('reads a file that starts with a byte order mark, as the browser does', async () => {
    const path = await scratchFile('bom.json', `\uFEFF${JSON.stringify(demo)}`);
    const { status, stdout } = await run('validate', path);
    assert.equal(status, 0);
    assert.match(stdout, /^OK /);
  });

  test('exits 2 and names the file when it does not exist', async () => {
    const { status, stdout, stderr } = await run('validate', 'campaigns/no-such-file.json');
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /cannot read campaigns\/no-such-file\.json: no such file/);
  });

  test('exits 2 when given a directory', async () => {
    const { status, stderr } = await run('validate', scratch);
    assert.equal(status, 2);
    assert.match(stderr, /directory/);
  });

  test('exits 2 and names the address when the URL cannot be reached', async () => {
    const { status, stdout, stderr } = await run('validate', 'http://127.0.0.1:9/x.json');
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /cannot read http:\/\/127\.0\.0\.1:9\/x\.json/);
  });

  test('exits 2 and says the connection was refused when no server listens', async () => {
    // A port that was just free: nothing listens on it any more.
    const server = createServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    await new Promise((resolve) => server.close(resolve));
    const { status, stderr } = await run('validate', `http://127.0.0.1:${port}/campaign.json`);
    assert.equal(status, 2);
    assert.match(stderr, new RegExp(`cannot read http://127\\.0\\.0\\.1:${port}/campaign\\.json: .*refused`));
  });

  test('warns, with exit 0, about texts that lack a translation and a source url that is not http(s)', async () => {
    const { status, stdout, stderr } = await run('validate', fixture('untranslated.json'));
    assert.equal(status, 0);
    assert.match(stdout, /^OK .*\(3 warnings, see above\)$/m);
    const warnings = warningLines(stderr);
    assert.equal(warnings.length, 3, stderr);
    assert.match(warnings[0], /^warning: letter\.paragraphs\[1\]: has no "en" translation/);
    assert.match(warnings[1], /^warning: letter\.demands\[0\]: is a plain string .*no "en" translation/);
    assert.match(warnings[2], /^warning: sources\[1\]\.url: "javascript:alert\(1\)" is not an http\(s\) address/);
    assert.doesNotMatch(stdout, /^warning:/m, 'warnings go to stderr only');
  });

  test("warns about a text that lacks the campaign's own language, and about every language used anywhere", async () => {
    const campaign = structuredClone(demo);
    campaign.letter.demands[1] = { en: 'Only in English.' };
    campaign.letter.paragraphs[0].de = 'Nur auf Deutsch.';
    const path = await scratchFile('three-languages.json', JSON.stringify(campaign));
    const { status, stderr } = await run('validate', path);
    assert.equal(status, 0);
    const warnings = warningLines(stderr);
    assert.ok(
      warnings.some((line) => /^warning: letter\.demands\[1\]: has no "nl" or "de" translation/.test(line)),
      stderr,
    );
    // Every other object text of the demo lacks "de" now.
    assert.ok(
      warnings.some((line) => /^warning: title: has no "de" translation/.test(line)),
      stderr,
    );
    assert.ok(!warnings.some((line) => line.startsWith('warning: letter.paragraphs[0]:')), stderr);
  });

  test('does not call a relative source url unsafe', async () => {
    const { status, stderr } = await run('validate', fixture('relative.json'));
    assert.equal(status, 0);
    assert.equal(stderr, '');
  });

  describe('over HTTP', () => {
    let server;
    let base;
    const relativeCampaign = readFile(fixture('relative.json'), 'utf8');
    before(async () => {
      const demoText = await readFile(demoPath, 'utf8');
      const relativeText = await relativeCampaign;
      server = createServer((request, response) => {
        const cors = { 'access-control-allow-origin': '*', 'content-type': 'application/json' };
        if (request.url === '/campaigns/demo.json') response.writeHead(200, cors).end(demoText);
        else if (request.url === '/campaigns/relative.json') response.writeHead(200, cors).end(relativeText);
        else if (request.url === '/same-origin-only.json')
          response.writeHead(200, { 'content-type': 'application/json' }).end(demoText);
        else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${server.address().port}`;
    });
    after(() => new Promise((resolve) => server.close(resolve)));

    test('accepts the demo campaign served over HTTP with exit 0', async () => {
      const { status, stdout, stderr } = await run('validate', `${base}/campaigns/demo.json`);
      assert.equal(status, 0);
      // The served file is the demo itself: its own content is judged by the test above.
      assert.deepEqual(
        warningLines(stderr).filter((line) => line.startsWith(`warning: ${base}`)),
        [],
      );
      assert.match(stdout, new RegExp(`^OK ${base}/campaigns/demo\\.json: `));
    });

    test('exits 2 and names the HTTP status when the server answers 404', async () => {
      const { status, stdout, stderr } = await run('validate', `${base}/campaigns/gone.json`);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, new RegExp(`cannot read ${base}/campaigns/gone\\.json: .*HTTP status 404`));
    });

    test('warns when the server sends no Access-Control-Allow-Origin header, without changing the exit code', async () => {
      const { status, stderr } = await run('validate', `${base}/same-origin-only.json`);
      assert.equal(status, 0);
      assert.match(stderr, /^warning: .*no Access-Control-Allow-Origin header/m);
    });

    test('snapshot resolves a relative source url against the address the campaign was read from', async () => {
      const { status, stdout, stderr } = await run('snapshot', `${base}/campaigns/relative.json`);
      assert.equal(status, 0);
      assert.equal(stderr, '');
      const hrefs = byTag(parseFragment(stdout), 'a').map((a) => attribute(a, 'href'));
      assert.deepEqual(hrefs, [`${base}/campaigns/docs/attachment.pdf`, 'https://example.org/article']);
    });
  });
});

describe('open-letter snapshot', () => {
  for (const language of ['nl', 'en']) {
    describe(`of the demo in ${language}`, () => {
      let result;
      let tree;
      const show = inLanguage(demo, language);
      before(async () => {
        result = await run('snapshot', demoPath, '--lang', language);
        tree = parseFragment(result.stdout);
      });

      test('exits 0 with the HTML on stdout', () => {
        assert.equal(result.status, 0, result.stderr);
        assert.equal(byTag(tree, 'article').length, 1);
        assert.equal(attribute(byTag(tree, 'article')[0], 'lang'), language);
      });

      test('has the title as the only level-2 heading and the three sections at level 3', () => {
        assert.deepEqual(byTag(tree, 'h2').map(textOf), [show(demo.title)]);
        assert.deepEqual(byTag(tree, 'h3').map(textOf), sectionHeadings[language](demo.signatories.length));
        for (const level of [1, 4, 5, 6]) assert.equal(byTag(tree, `h${level}`).length, 0, `no h${level}`);
      });

      test('has the summary, salutation, every paragraph, the demands intro, the closing and the sign-off, in order', () => {
        const paragraphs = byTag(tree, 'p').map(textOf);
        const letterTexts = [
          demo.summary,
          demo.letter.salutation,
          ...demo.letter.paragraphs,
          demo.letter.demandsIntro,
          ...demo.letter.closing,
          demo.letter.signOff,
        ].map(show);
        const found = paragraphs.filter((text) => letterTexts.includes(text));
        assert.deepEqual(found, letterTexts);
      });

      test('has every demand, in order, as an item of the one ordered list', () => {
        const lists = byTag(tree, 'ol');
        assert.equal(lists.length, 1);
        assert.deepEqual(byTag(lists[0], 'li').map(textOf), demo.letter.demands.map(show));
      });

      test('lists every signatory with party and place', () => {
        const items = byTag(tree, 'ul')
          .filter((list) => hasClass(list, 'open-letter__signatories'))
          .flatMap((list) => byTag(list, 'li'))
          .map(textOf);
        const expected = demo.signatories.map(
          ({ name, party, place }) => `${name}, ${party}${place ? ` (${place})` : ''}`,
        );
        assert.deepEqual(items, expected);
      });

      test("links every source by its url, with its title in the reader's language and its publisher", () => {
        const links = byTag(tree, 'a');
        assert.deepEqual(
          links.map((a) => attribute(a, 'href')),
          demo.sources.map((source) => new URL(source.url).href),
        );
        links.forEach((a, index) => {
          const source = demo.sources[index];
          assert.ok(textOf(a).includes(show(source.title)), textOf(a));
          assert.ok(textOf(a).includes(source.publisher), textOf(a));
        });
      });

      test('has no text in the other language', () => {
        const other = language === 'nl' ? 'en' : 'nl';
        for (const paragraph of demo.letter.paragraphs) {
          assert.ok(!result.stdout.includes(paragraph[other].slice(0, 40)), `no ${other} paragraph`);
        }
        assert.ok(!result.stdout.includes(demo.title[other]));
      });

      test('has no script, no style, no inline style, no Lit markers and no shadow-only attributes', () => {
        const html = result.stdout;
        for (const forbidden of [/<script/i, /<style/i, /\sstyle=/i, /<!--\/?lit-/, /<\?/, /\spart=/]) {
          assert.doesNotMatch(html, forbidden);
        }
        assert.equal(elements(tree, (element) => element.attrs.some((attr) => attr.name.startsWith('on'))).length, 0);
      });

      test('adds nothing to the tab order: only the title takes focus, by script, as in the live block', () => {
        const focusable = elements(tree, (element) => attribute(element, 'tabindex') !== undefined);
        assert.deepEqual(
          focusable.map((element) => [textOf(element), attribute(element, 'tabindex')]),
          [[show(demo.title), '-1']],
        );
      });

      test("prefixes its ids so they cannot clash with the page's, and its label points at its own title", () => {
        const ids = elements(tree, (element) => attribute(element, 'id') !== undefined).map((element) =>
          attribute(element, 'id'),
        );
        assert.ok(ids.length > 0);
        for (const id of ids) assert.match(id, /^open-letter-/);
        const labelledBy = attribute(byTag(tree, 'article')[0], 'aria-labelledby');
        const label = elements(tree, (element) => attribute(element, 'id') === labelledBy);
        assert.deepEqual(label.map(textOf), [show(demo.title)]);
      });
    });
  }

  test("defaults to the campaign's own language", async () => {
    const { status, stdout } = await run('snapshot', demoPath);
    assert.equal(status, 0);
    const tree = parseFragment(stdout);
    assert.equal(attribute(byTag(tree, 'article')[0], 'lang'), demo.language);
    assert.deepEqual(byTag(tree, 'h2').map(textOf), [demo.title[demo.language]]);
  });

  test('defaults to nl for a campaign in a language the block does not speak', async () => {
    const campaign = { ...structuredClone(demo), language: 'de', translations: undefined };
    const path = await scratchFile('german.json', JSON.stringify(campaign));
    const { status, stdout } = await run('snapshot', path);
    assert.equal(status, 0);
    assert.equal(attribute(byTag(parseFragment(stdout), 'article')[0], 'lang'), 'nl');
  });

  for (const level of [1, 3, 6]) {
    test(`puts the title at --heading-level ${level} and the sections one below, at most 6`, async () => {
      const { status, stdout } = await run('snapshot', demoPath, '--heading-level', String(level), '--lang', 'en');
      assert.equal(status, 0);
      const tree = parseFragment(stdout);
      const section = Math.min(level + 1, 6);
      const headings = [1, 2, 3, 4, 5, 6].map((n) => byTag(tree, `h${n}`).map(textOf));
      const expected = [[], [], [], [], [], []];
      expected[level - 1].push(demo.title.en);
      expected[section - 1].push(...sectionHeadings.en(demo.signatories.length));
      assert.deepEqual(headings, expected);
    });
  }

  test('exits 2 on a heading level outside 1 to 6', async () => {
    const { status, stdout, stderr } = await run('snapshot', demoPath, '--heading-level', '7');
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /--heading-level must be a number from 1 to 6/);
  });

  test('exits 2 on a language the block does not speak', async () => {
    const { status, stderr } = await run('snapshot', demoPath, '--lang', 'de');
    assert.equal(status, 2);
    assert.match(stderr, /--lang must be one of nl, en/);
  });

  test("lists every signatory, without the block's disclosure button, when there are many", async () => {
    const campaign = structuredClone(demo);
    campaign.signatories = Array.from({ length: 40 }, (_, index) => ({
      name: `Person ${index + 1}`,
      party: `Party ${index + 1}`,
    }));
    const path = await scratchFile('many.json', JSON.stringify(campaign));
    const { status, stdout } = await run('snapshot', path, '--lang', 'en');
    assert.equal(status, 0);
    const tree = parseFragment(stdout);
    const list = byTag(tree, 'ul').find((ul) => hasClass(ul, 'open-letter__signatories'));
    assert.equal(byTag(list, 'li').length, 40);
    assert.equal(byTag(tree, 'button').length, 0);
  });

  test("marks the highlighted party's signatory, as the block's highlight attribute does", async () => {
    const { status, stdout } = await run('snapshot', demoPath, '--lang', 'en', '--highlight', 'houten anders!');
    assert.equal(status, 0);
    const highlighted = elements(parseFragment(stdout), (element) =>
      hasClass(element, 'open-letter__signatory--highlighted'),
    );
    assert.deepEqual(highlighted.map(textOf), ['Wayne Wilson, Houten Anders! (our party)']);
  });

  test("escapes markup in the campaign's texts", async () => {
    const { status, stdout } = await run('snapshot', fixture('markup.json'));
    assert.equal(status, 0);
    const campaign = JSON.parse(await readFile(fixture('markup.json'), 'utf8'));
    assert.ok(stdout.includes('&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;'), stdout);
    assert.ok(stdout.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.doesNotMatch(stdout, /<script|<style|<img|<iframe|<b>/i);
    const tree = parseFragment(stdout);
    // The place's `" style="…` stays text: no element gets a style attribute.
    assert.equal(elements(tree, (element) => attribute(element, 'style') !== undefined).length, 0);
    // The markup is text: parsed back, it is exactly what the author wrote.
    assert.deepEqual(byTag(tree, 'h2').map(textOf), [campaign.title]);
    assert.deepEqual(
      byTag(tree, 'ol')
        .flatMap((ol) => byTag(ol, 'li'))
        .map(textOf),
      campaign.letter.demands,
    );
    for (const tag of ['script', 'style', 'img', 'iframe', 'b', 'i', 'u'])
      assert.equal(byTag(tree, tag).length, 0, `no <${tag}>`);
    // Only the http(s) source is a link; the javascript: one is text.
    assert.deepEqual(
      byTag(tree, 'a').map((a) => attribute(a, 'href')),
      [new URL(campaign.sources[0].url).href],
    );
  });

  test('keeps a relative source url as written for a local file, and says so on stderr', async () => {
    const { status, stdout, stderr } = await run('snapshot', fixture('relative.json'));
    assert.equal(status, 0);
    assert.deepEqual(
      byTag(parseFragment(stdout), 'a').map((a) => attribute(a, 'href')),
      ['docs/attachment.pdf', 'https://example.org/article'],
    );
    assert.match(stderr, /^warning: sources\[0\]\.url: "docs\/attachment\.pdf" is relative .*--base/m);
    assert.doesNotMatch(stdout, /warning/);
  });

  test('resolves a relative source url against --base', async () => {
    const { status, stdout, stderr } = await run(
      'snapshot',
      fixture('relative.json'),
      '--base',
      'https://example.org/campaigns/letter.json',
    );
    assert.equal(status, 0);
    assert.equal(stderr, '');
    assert.deepEqual(
      byTag(parseFragment(stdout), 'a').map((a) => attribute(a, 'href')),
      ['https://example.org/campaigns/docs/attachment.pdf', 'https://example.org/article'],
    );
  });

  test('exits 2 on a --base that is not an http(s) address', async () => {
    const { status, stderr } = await run('snapshot', fixture('relative.json'), '--base', 'campaigns/');
    assert.equal(status, 2);
    assert.match(stderr, /--base must be an http\(s\) address/);
  });

  test('exits 1 with the problems on stderr and no HTML when the campaign is invalid', async () => {
    const { status, stdout, stderr } = await run('snapshot', fixture('invalid.json'));
    assert.equal(status, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /^ {2}letter\.demands: must not be empty$/m);
  });

  test('exits 2 and names the file when it does not exist', async () => {
    const { status, stdout, stderr } = await run('snapshot', 'no-such-campaign.json');
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /cannot read no-such-campaign\.json/);
  });

  test('writes warnings to stderr and only HTML to stdout', async () => {
    const { status, stdout, stderr } = await run('snapshot', fixture('untranslated.json'), '--lang', 'en');
    assert.equal(status, 0);
    assert.equal(warningLines(stderr).length, 3);
    assert.match(stdout, /^<!--[^\n]*-->\n<article /);
    assert.match(stdout, /<\/article>\n$/);
  });
});
