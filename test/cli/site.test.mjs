// `open-letter site`, run as a campaign author runs it, and its folder read as browsers,
// validators and WordPress read it: the files and their names, valid HTML, the letter
// page and the frame's page per language, the oEmbed answer in WordPress's post-embed
// shape, and escaping of a hostile campaign. The browser side is in site-browser.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
// parse5 comes with @lit-labs/ssr; it parses HTML as a browser does.
import { parse, parseFragment } from 'parse5';
import { attribute, byTag, elements, hasClass, textOf } from './html-tree.mjs';
import { root, run } from './run-cli.mjs';

const demoPath = join(root, 'demo/campaigns/brandbrief-samen-veilig.json');
const demoText = await readFile(demoPath, 'utf8');
const demo = JSON.parse(demoText);
const markupPath = join(root, 'test/cli/fixtures/markup.json');
const markup = JSON.parse(await readFile(markupPath, 'utf8'));
/** Where the folder "will be published": an https address, as an author gives it (without the final slash). */
const base = 'https://letters.example.org/brandbrief';
const folderUrl = `${base}/`;

/** What a reader of `language` sees of a campaign text: computed from the JSON, not from the code. */
const shown = (campaign, language) => (text) =>
  typeof text === 'string' ? text : (text[language] ?? text[campaign.language]);

/** The pages per language: the campaign's own at the root, the other in its folder. */
const pages = [
  { language: 'nl', folder: '', url: folderUrl },
  { language: 'en', folder: 'en/', url: `${folderUrl}en/` },
];

/**
 * HTML as the standard and accessibility rules have it (html-validate: its recommended
 * and whole-document rules). Subresource integrity only for files from other origins:
 * every file here comes from the folder itself, and the frame's page, which runs with an
 * opaque origin in WordPress's sandbox, could not load same-folder files with it.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
});

let scratch;
before(async () => {
  assert.ok(existsSync(join(root, 'dist/cli.js')), 'dist/cli.js is missing: run `npm run build` first');
  scratch = await mkdtemp(join(tmpdir(), 'open-letter-site-test-'));
});
after(() => rm(scratch, { recursive: true, force: true }));

async function filesIn(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      relative(folder, join(entry.parentPath ?? entry.path, entry.name))
        .split('\\')
        .join('/'),
    )
    .sort();
}

const metaContent = (tree, key, value) =>
  elements(tree, (element) => element.tagName === 'meta' && attribute(element, key) === value).map((meta) =>
    attribute(meta, 'content'),
  );
const links = (tree, predicate) => elements(tree, (element) => element.tagName === 'link' && predicate(element));

describe('open-letter site of the demo campaign', () => {
  let out;
  let result;
  const read = (path) => readFile(join(out, path), 'utf8');
  before(async () => {
    out = join(scratch, 'demo-site');
    result = await run('site', demoPath, '--out', out, '--base', base);
  });

  test('writes the folder with the documented names, lists them on stdout and says to publish before pasting', async () => {
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '', 'the demo is complete: no warnings');
    const expected = [
      'campaign.json',
      'embed.css',
      'embed.html',
      'embed.js',
      'en/embed.html',
      'en/index.html',
      'en/oembed.json',
      'index.html',
      'oembed.json',
      'open-letter.css',
      'open-letter.js',
      'site.css',
    ];
    assert.deepEqual(await filesIn(out), expected);
    for (const path of expected) assert.match(result.stdout, new RegExp(`^  ${path.replace('.', '\\.')}$`, 'm'));
    assert.match(result.stdout, new RegExp(`Publish the folder at ${folderUrl} before anyone pastes`));
  });

  test("serves the block too: the campaign as given, and the block's own built script and stylesheet", async () => {
    assert.equal(await read('campaign.json'), demoText);
    for (const name of ['open-letter.js', 'open-letter.css']) {
      assert.deepEqual(await readFile(join(out, name)), await readFile(join(root, 'dist', name)), name);
    }
  });

  test('every page is valid HTML', async () => {
    for (const path of ['index.html', 'embed.html', 'en/index.html', 'en/embed.html']) {
      const report = await validator.validateString(await read(path), path);
      const messages = report.results.flatMap((file) =>
        file.messages.map((m) => `${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
      );
      assert.deepEqual(messages, [], messages.join('\n'));
    }
  });

  test('no page has an inline script, an inline style, a style attribute or an event handler, and each has a strict policy', async () => {
    for (const path of ['index.html', 'embed.html', 'en/index.html', 'en/embed.html']) {
      const tree = parse(await read(path));
      assert.equal(byTag(tree, 'style').length, 0, path);
      for (const script of byTag(tree, 'script')) assert.ok(attribute(script, 'src'), `${path}: a script is a file`);
      assert.deepEqual(
        elements(tree, (element) => element.attrs.some((attr) => attr.name === 'style' || attr.name.startsWith('on'))),
        [],
        path,
      );
      const [policy] = metaContent(tree, 'http-equiv', 'Content-Security-Policy');
      assert.ok(policy, `${path} has a Content-Security-Policy`);
      assert.match(policy, /default-src 'none'/, path);
      assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*|https?:/, path);
    }
  });

  test('no page asks for anything outside the folder: every script, stylesheet and link is relative to it', async () => {
    for (const path of ['index.html', 'embed.html', 'en/index.html', 'en/embed.html']) {
      const tree = parse(await read(path));
      const resources = [
        ...byTag(tree, 'script').map((script) => attribute(script, 'src')),
        ...links(tree, (link) => attribute(link, 'rel') === 'stylesheet').map((link) => attribute(link, 'href')),
      ];
      assert.ok(resources.length > 0);
      for (const address of resources) {
        const resolved = new URL(address, new URL(path, folderUrl));
        assert.ok(resolved.href.startsWith(folderUrl), `${path}: ${address} is outside the folder`);
      }
      assert.equal(byTag(tree, 'img').length + byTag(tree, 'iframe').length, 0, `${path}: no images, no frames`);
    }
  });

  for (const page of pages) {
    describe(`the letter page in ${page.language} (${page.folder}index.html)`, () => {
      const show = shown(demo, page.language);
      let html;
      let tree;
      before(async () => {
        html = await read(`${page.folder}index.html`);
        tree = parse(html);
      });

      test('is the whole letter in its language, with the title as the one h1 and the letter in <main>', () => {
        assert.equal(attribute(byTag(tree, 'html')[0], 'lang'), page.language);
        assert.equal(textOf(byTag(tree, 'title')[0]), show(demo.title));
        assert.deepEqual(byTag(tree, 'h1').map(textOf), [show(demo.title)]);
        const main = byTag(tree, 'main');
        assert.equal(main.length, 1);
        const text = textOf(main[0]);
        for (const paragraph of [...demo.letter.paragraphs, ...demo.letter.closing].map(show))
          assert.ok(text.includes(paragraph));
        assert.deepEqual(byTag(byTag(main[0], 'ol')[0], 'li').map(textOf), demo.letter.demands.map(show));
        for (const { name } of demo.signatories) assert.ok(text.includes(name), name);
        assert.equal(byTag(tree, 'article').length, byTag(main[0], 'article').length, 'the letter is inside <main>');
      });

      test('links the other language both ways: hreflang alternates and a visible link in that language', () => {
        const alternates = links(tree, (link) => attribute(link, 'rel') === 'alternate' && attribute(link, 'hreflang'));
        assert.deepEqual(
          alternates.map((link) => [attribute(link, 'hreflang'), attribute(link, 'href')]),
          [...pages.map((each) => [each.language, each.url]), ['x-default', folderUrl]],
        );
        const other = pages.find((each) => each !== page);
        const visible = elements(
          tree,
          (element) => element.tagName === 'a' && attribute(element, 'hreflang') === other.language,
        );
        assert.equal(visible.length, 1);
        assert.equal(attribute(visible[0], 'lang'), other.language);
        assert.equal(new URL(attribute(visible[0], 'href'), page.url).href, other.url);
        assert.equal(
          textOf(visible[0]),
          { nl: 'Lees deze brief in het Nederlands', en: 'Read this letter in English' }[other.language],
        );
      });

      test("has its oEmbed discovery link: absolute, its own language's oembed.json, early in the head", () => {
        const discovery = links(tree, (link) => attribute(link, 'type') === 'application/json+oembed');
        assert.equal(discovery.length, 1);
        assert.equal(attribute(discovery[0], 'rel'), 'alternate');
        assert.equal(attribute(discovery[0], 'href'), `${page.url}oembed.json`);
        // WordPress reads the first 150 KB; before the stylesheets, it is within the first few.
        const at = Buffer.byteLength(html.slice(0, html.indexOf('application/json+oembed')));
        assert.ok(at < 2_000, `at byte ${at}`);
        assert.ok(at < html.indexOf('rel="stylesheet"'));
        assert.ok(html.indexOf('application/json+oembed') < html.indexOf('</head>'));
      });

      test('describes itself to search engines and link previews, with no image the campaign does not have', () => {
        const summary = show(demo.summary);
        assert.deepEqual(metaContent(tree, 'name', 'description'), [summary]);
        assert.deepEqual(metaContent(tree, 'property', 'og:title'), [show(demo.title)]);
        assert.deepEqual(metaContent(tree, 'property', 'og:description'), [summary]);
        assert.deepEqual(metaContent(tree, 'property', 'og:url'), [page.url]);
        assert.deepEqual(metaContent(tree, 'property', 'og:type'), ['article']);
        assert.deepEqual(metaContent(tree, 'property', 'og:locale'), [{ nl: 'nl_NL', en: 'en_GB' }[page.language]]);
        assert.deepEqual(metaContent(tree, 'name', 'twitter:card'), ['summary']);
        assert.deepEqual(metaContent(tree, 'property', 'og:image'), []);
        assert.deepEqual(
          links(tree, (link) => attribute(link, 'rel') === 'canonical').map((link) => attribute(link, 'href')),
          [page.url],
        );
      });

      test('links every source, a relative one resolved as the block resolves it from the folder', () => {
        const hrefs = elements(tree, (element) => hasClass(element, 'open-letter__link')).map((a) =>
          attribute(a, 'href'),
        );
        assert.deepEqual(
          hrefs,
          demo.sources.map((source) => new URL(source.url, `${folderUrl}campaign.json`).href),
        );
      });
    });

    describe(`the frame's page in ${page.language} (${page.folder}embed.html)`, () => {
      const show = shown(demo, page.language);
      let tree;
      before(async () => {
        tree = parse(await read(`${page.folder}embed.html`));
      });

      test('shows the title as the only h1, the summary, the demands in order and a link to the letter page in the top window', () => {
        assert.equal(attribute(byTag(tree, 'html')[0], 'lang'), page.language);
        assert.deepEqual(byTag(tree, 'h1').map(textOf), [show(demo.title)]);
        const main = byTag(tree, 'main');
        assert.equal(main.length, 1);
        assert.ok(byTag(main[0], 'p').map(textOf).includes(show(demo.summary)));
        const lists = byTag(tree, 'ol');
        assert.equal(lists.length, 1);
        assert.deepEqual(byTag(lists[0], 'li').map(textOf), demo.letter.demands.map(show));
        const anchors = byTag(tree, 'a');
        assert.deepEqual(
          anchors.map((a) => [textOf(a).trim(), attribute(a, 'href'), attribute(a, 'target')]),
          [[{ nl: 'Lees de hele brief', en: 'Read the whole letter' }[page.language], page.url, '_top']],
        );
      });

      test('says how many signed and names the first of them', () => {
        const [first, second, third] = demo.signatories.map((signatory) => signatory.name);
        const line = byTag(tree, 'p')
          .map(textOf)
          .find((text) => text.includes(first));
        const count = demo.signatories.length;
        const expected = {
          nl: `${count} ondertekenaars, onder wie ${first}, ${second} en ${third}.`,
          en: `${count} signatories, including ${first}, ${second} and ${third}.`,
        }[page.language];
        assert.equal(line, expected);
      });

      test('loads its script and stylesheet as files, and points search engines at the letter page', () => {
        const scripts = byTag(tree, 'script');
        assert.deepEqual(
          scripts.map((script) => new URL(attribute(script, 'src'), page.url + 'embed.html').href),
          [`${folderUrl}embed.js`],
        );
        assert.deepEqual(metaContent(tree, 'name', 'robots'), ['noindex']);
        assert.deepEqual(
          links(tree, (link) => attribute(link, 'rel') === 'canonical').map((link) => attribute(link, 'href')),
          [page.url],
        );
      });
    });

    test(`${page.folder}oembed.json has WordPress's post-embed shape for the ${page.language} letter`, async () => {
      const answer = JSON.parse(await read(`${page.folder}oembed.json`));
      const title = shown(demo, page.language)(demo.title);
      assert.equal(answer.version, '1.0');
      assert.equal(answer.type, 'rich');
      assert.equal(answer.title, title);
      assert.equal(answer.provider_url, folderUrl);
      assert.equal(typeof answer.provider_name, 'string');
      assert.ok(Number.isInteger(answer.width) && answer.width > 0);
      assert.ok(Number.isInteger(answer.height) && answer.height >= 200 && answer.height <= 1000);
      // WordPress keeps the html only when it starts exactly so: whitespace first already breaks resizing.
      assert.ok(
        answer.html.startsWith(
          `<blockquote class="wp-embedded-content"><a href="${page.url}">${title}</a></blockquote><iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" title="${title}" src="${page.url}embed.html" `,
        ),
        answer.html,
      );
      assert.ok(answer.html.endsWith('></iframe>'));
      const fragment = parseFragment(answer.html);
      assert.deepEqual(
        fragment.childNodes.map((node) => node.nodeName),
        ['blockquote', 'iframe'],
      );
      const frame = fragment.childNodes[1];
      assert.deepEqual(Object.fromEntries(frame.attrs.map((attr) => [attr.name, attr.value])), {
        class: 'wp-embedded-content',
        sandbox: 'allow-scripts',
        security: 'restricted',
        title,
        src: `${page.url}embed.html`,
        width: '100%',
        height: String(answer.height),
        frameborder: '0',
        marginwidth: '0',
        marginheight: '0',
        scrolling: 'no',
      });
    });
  }
});

describe('open-letter site of a campaign full of markup, for an address with markup in it', () => {
  let out;
  let result;
  /** Quotes and angle brackets in a folder's address: a URL keeps them only percent-encoded. */
  const hostileBase = `${base}/"><script>alert(1)</script>/`;
  const hostileFolder = new URL(hostileBase).href;
  before(async () => {
    out = join(scratch, 'markup-site');
    result = await run('site', markupPath, '--out', out, '--base', hostileBase);
  });

  test('keeps every text of the campaign text, in the head and the body of every page', async () => {
    assert.equal(result.status, 0, result.stderr);
    for (const path of ['index.html', 'embed.html']) {
      const tree = parse(await readFile(join(out, path), 'utf8'));
      assert.equal(byTag(tree, 'script').filter((script) => !attribute(script, 'src')).length, 0, path);
      for (const tag of ['style', 'img', 'iframe', 'b', 'i', 'u'])
        assert.equal(byTag(tree, tag).length, 0, `${path}: no <${tag}>`);
      assert.equal(elements(tree, (element) => attribute(element, 'style') !== undefined).length, 0, path);
      assert.equal(textOf(byTag(tree, 'title')[0]), markup.title);
      assert.deepEqual(byTag(tree, 'h1').map(textOf), [markup.title]);
      assert.deepEqual(byTag(byTag(tree, 'ol')[0], 'li').map(textOf), markup.letter.demands);
      assert.ok(byTag(tree, 'p').map(textOf).includes(markup.summary), `${path}: the summary as text`);
      assert.ok(
        byTag(tree, 'a').every((a) => /^(https:|[a-z./]*$)/.test(attribute(a, 'href'))),
        `${path}: only http(s) links`,
      );
    }
    const tree = parse(await readFile(join(out, 'index.html'), 'utf8'));
    assert.deepEqual(metaContent(tree, 'property', 'og:title'), [markup.title]);
    assert.deepEqual(metaContent(tree, 'name', 'description'), [markup.summary]);
    const discovery = links(tree, (link) => attribute(link, 'type') === 'application/json+oembed');
    assert.equal(attribute(discovery[0], 'title'), markup.title);
    assert.equal(attribute(discovery[0], 'href'), `${hostileFolder}oembed.json`);
  });

  test('keeps the title text in the oEmbed answer, whose html is still one blockquote and one frame', async () => {
    const answer = JSON.parse(await readFile(join(out, 'oembed.json'), 'utf8'));
    assert.equal(answer.title, markup.title);
    const fragment = parseFragment(answer.html);
    assert.deepEqual(
      fragment.childNodes.map((node) => node.nodeName),
      ['blockquote', 'iframe'],
    );
    assert.equal(textOf(fragment.childNodes[0]), markup.title);
    assert.equal(attribute(byTag(fragment.childNodes[0], 'a')[0], 'href'), hostileFolder);
    assert.equal(attribute(fragment.childNodes[1], 'title'), markup.title);
    assert.equal(attribute(fragment.childNodes[1], 'src'), `${hostileFolder}embed.html`);
  });
});

describe('open-letter site: the command line', () => {
  test('is in the help, with its required options', async () => {
    const { status, stdout } = await run('--help');
    assert.equal(status, 0);
    assert.match(stdout, /open-letter site <file-or-url> --out <folder> --base <https address of the folder>/);
  });

  for (const [what, args, message] of [
    ['without --out', ['--base', base], /site needs --out/],
    ['without --base', ['--out', 'x'], /site needs --base/],
    [
      'with a relative --base',
      ['--out', 'x', '--base', 'letters/brandbrief/'],
      /--base must be the http\(s\) address the folder will be published at/,
    ],
    ['with a --base that has a query', ['--out', 'x', '--base', `${base}/?page=1`], /--base must be/],
    [
      'with a snapshot option',
      ['--out', 'x', '--base', base, '--lang', 'en'],
      /--lang is an option of snapshot, not of site/,
    ],
  ]) {
    test(`exits 2 ${what}, before reading anything`, async () => {
      const { status, stdout, stderr } = await run('site', 'no-such-campaign.json', ...args);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /cannot read/);
    });
  }

  test('exits 2 when validate is given --out', async () => {
    const { status, stderr } = await run('validate', demoPath, '--out', 'x');
    assert.equal(status, 2);
    assert.match(stderr, /--out is an option of site, not of validate/);
  });

  test('exits 1 with the problems on stderr and writes nothing when the campaign is invalid', async () => {
    const out = join(scratch, 'invalid-site');
    const { status, stdout, stderr } = await run(
      'site',
      join(root, 'test/cli/fixtures/invalid.json'),
      '--out',
      out,
      '--base',
      base,
    );
    assert.equal(status, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /^ {2}letter\.demands: must not be empty$/m);
    assert.equal(existsSync(out), false);
  });

  test('exits 2 and names the path when the folder cannot be written', async () => {
    const blocker = join(scratch, 'a-file');
    await writeFile(blocker, 'in the way');
    const { status, stderr } = await run('site', demoPath, '--out', join(blocker, 'site'), '--base', base);
    assert.equal(status, 2);
    assert.match(stderr, /cannot write .*a-file/);
  });

  test('makes one page and no language links for a campaign in one language', async () => {
    const campaign = structuredClone(demo);
    const dutch = shown(demo, 'nl');
    for (const field of ['title', 'summary']) campaign[field] = dutch(demo[field]);
    delete campaign.translations;
    const path = join(scratch, 'dutch-only.json');
    await writeFile(path, JSON.stringify(campaign));
    const out = join(scratch, 'dutch-only-site');
    const { status, stderr } = await run('site', path, '--out', out, '--base', base);
    assert.equal(status, 0, stderr);
    assert.deepEqual(
      (await filesIn(out)).filter((file) => file.includes('/')),
      [],
    );
    const tree = parse(await readFile(join(out, 'index.html'), 'utf8'));
    assert.deepEqual(
      links(tree, (link) => attribute(link, 'hreflang') !== undefined),
      [],
    );
    assert.deepEqual(
      elements(tree, (element) => element.tagName === 'a' && attribute(element, 'hreflang') !== undefined),
      [],
    );
  });

  test('warns where a relative source url will point, and links it there', async () => {
    const out = join(scratch, 'relative-site');
    const { status, stderr } = await run(
      'site',
      join(root, 'test/cli/fixtures/relative.json'),
      '--out',
      out,
      '--base',
      base,
    );
    assert.equal(status, 0);
    assert.match(
      stderr,
      new RegExp(
        `^warning: sources\\[0\\]\\.url: "docs/attachment\\.pdf" is relative: .*${folderUrl}docs/attachment\\.pdf`,
        'm',
      ),
    );
    const tree = parse(await readFile(join(out, 'index.html'), 'utf8'));
    const hrefs = elements(tree, (element) => hasClass(element, 'open-letter__link')).map((a) => attribute(a, 'href'));
    assert.ok(hrefs.includes(`${folderUrl}docs/attachment.pdf`), hrefs.join(' '));
  });
});
