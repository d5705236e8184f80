// What someone who installs the published package gets: `npm pack` makes the tarball
// `npm publish` would upload, it is installed into an empty project (dependencies from npm's
// cache when there), and used three ways — the one-file script a CDN serves, the module entry
// a bundler imports, and the command line. Run after `npm run build` (npm test does).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import {
  assertWholeLetter,
  demoCampaignFile,
  expectedLetter,
  launchChromium,
  openLetterPage,
} from '../visible-letter.mjs';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8'));
const invalidCampaignFile = join(repository, 'demo/campaigns/invalid-example.json');
const stylesheetBuilt = existsSync(join(repository, 'dist/open-letter.css'));

describe('the npm package, installed from its tarball', () => {
  let work;
  let project;
  let packed;
  let server;
  let browser;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'open-letter-package-'));
    [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: repository, encoding: 'utf8' }),
    );
    project = join(work, 'project');
    execFileSync('mkdir', [project]);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'a-party-site', private: true, type: 'module' }),
    );
    execFileSync('npm', ['install', join(work, packed.filename), '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: project,
      stdio: 'ignore',
    });
    copyFileSync(demoCampaignFile, join(project, 'campaign.json'));
    server = await serve(project);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const installed = (path) => join(project, 'node_modules/open-letter', path);

  /** Runs `code` as an ES module in the project, as the project's own code would. */
  const runInProject = (code) =>
    execFileSync('node', ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' });

  test('holds the built files, and no WordPress zip, source map, test output or sources', () => {
    const files = packed.files.map((file) => file.path);
    for (const needed of [
      'dist/open-letter.js',
      'dist/open-letter.schema.json',
      'dist/release.json',
      'dist/npm/index.js',
      'dist/types/index.d.ts',
      'dist/cli.js',
      'bin/open-letter.js',
      'custom-elements.json',
      'README.md',
      'CHANGELOG.md',
    ]) {
      assert.ok(files.includes(needed), `${needed} is in the package`);
    }
    if (stylesheetBuilt) assert.ok(files.includes('dist/open-letter.css'));
    const unwanted = files.filter((file) =>
      /\.zip$|\.map$|test-snapshot|^(src|test|wordpress|scripts|demo)\//.test(file),
    );
    assert.deepEqual(unwanted, []);
    assert.equal(packed.name, 'open-letter');
    assert.equal(packed.version, pkg.version);
  });

  test('package.json needs no correction by npm (npm pkg fix changes nothing)', () => {
    const copy = join(work, 'pkg-fix');
    execFileSync('mkdir', ['-p', join(copy, 'bin')]);
    copyFileSync(join(repository, 'package.json'), join(copy, 'package.json'));
    copyFileSync(join(repository, 'bin/open-letter.js'), join(copy, 'bin/open-letter.js'));
    execFileSync('npm', ['pkg', 'fix'], { cwd: copy, stdio: 'ignore' });
    assert.deepEqual(JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')), pkg);
  });

  test('every entry of the exports map resolves to an installed file', (t) => {
    const specifiers = Object.keys(pkg.exports).map((name) =>
      name === '.' ? pkg.name : `${pkg.name}/${name.slice(2)}`,
    );
    const resolved = JSON.parse(
      runInProject(`console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => import.meta.resolve(s))))`),
    );
    for (const [index, url] of resolved.entries()) {
      const file = fileURLToPath(url);
      if (file.endsWith('.css') && !stylesheetBuilt) {
        t.diagnostic(`${specifiers[index]}: the build writes no stylesheet yet (it comes with the light-DOM element)`);
        continue;
      }
      assert.ok(existsSync(file), `${specifiers[index]} -> ${file} does not exist`);
    }
  });

  test('the type declarations name the element and type its events', () => {
    assert.ok(existsSync(installed(pkg.exports['.'].types)), pkg.exports['.'].types);
    const define = readFileSync(installed('dist/types/open-letter-define.d.ts'), 'utf8');
    assert.match(define, /'open-letter': OpenLetter/);
    assert.match(define, /'open-letter-load': CustomEvent<OpenLetterLoadDetail>/);
    assert.match(define, /'open-letter-error': CustomEvent<OpenLetterErrorDetail>/);
  });

  test('package.json points editors at the element manifest, which declares <open-letter>', () => {
    const manifest = JSON.parse(readFileSync(installed(pkg.customElements), 'utf8'));
    const tags = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .map((declaration) => declaration.tagName);
    assert.ok(tags.includes('open-letter'));
  });

  test('the module entry: checkCampaign from "open-letter" in Node, with the dependencies imported, not bundled', () => {
    const check = (file) =>
      JSON.parse(
        runInProject(
          `import { checkCampaign } from 'open-letter'; import { readFileSync } from 'node:fs';
           const result = checkCampaign(JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8')));
           console.log(JSON.stringify({ valid: result.valid, problems: (result.problems ?? []).length }));`,
        ),
      );
    assert.deepEqual(check(fileURLToPath(demoCampaignFile)), { valid: true, problems: 0 });
    const invalid = check(invalidCampaignFile);
    assert.equal(invalid.valid, false);
    assert.ok(invalid.problems > 0);
    assert.match(readFileSync(installed('dist/npm/open-letter.js'), 'utf8'), /from ["']lit["']/);
  });

  test("dist/release.json gives this version's CDN addresses and the hash of the packed script", () => {
    const release = JSON.parse(readFileSync(installed('dist/release.json'), 'utf8'));
    const script = readFileSync(installed('dist/open-letter.js'));
    assert.equal(release.version, pkg.version);
    assert.equal(release.script.integrity, `sha384-${createHash('sha384').update(script).digest('base64')}`);
    assert.equal(
      release.script.jsdelivr,
      `https://cdn.jsdelivr.net/npm/open-letter@${pkg.version}/dist/open-letter.js`,
    );
    assert.equal(release.script.unpkg, `https://unpkg.com/open-letter@${pkg.version}/dist/open-letter.js`);
    assert.equal(release.stylesheet !== undefined, stylesheetBuilt);
  });

  test('the command line: npx open-letter validate', () => {
    const validate = (file) =>
      spawnSync('npx', ['--no-install', 'open-letter', 'validate', file], { cwd: project, encoding: 'utf8' });
    const valid = validate('campaign.json');
    assert.equal(valid.status, 0, valid.stderr);
    const invalid = validate(invalidCampaignFile);
    assert.equal(invalid.status, 1);
    assert.match(invalid.stderr, /\w+(\.\w+)*: /, 'names the path of a problem');
  });

  test('the CDN file: node_modules/open-letter/dist/open-letter.js in a plain page shows the letter', async () => {
    const stylesheet = stylesheetBuilt
      ? '<link rel="stylesheet" href="/node_modules/open-letter/dist/open-letter.css">'
      : '';
    writeFileSync(
      join(project, 'cdn.html'),
      `<!doctype html><html lang="nl"><title>Plain page</title>${stylesheet}
       <script type="module" src="/node_modules/open-letter/dist/open-letter.js"></script>
       <open-letter src="/campaign.json"><a href="/brief/">Lees de brandbrief</a></open-letter>`,
    );
    const context = await browser.newContext();
    assertWholeLetter(await openLetterPage(context, `${server.url}/cdn.html`), expectedLetter('nl'), 'cdn.html');
    await context.close();
  });

  test('a bundler: import "open-letter" built with vite shows the letter', async () => {
    writeFileSync(join(project, 'main.js'), "import 'open-letter';\n");
    await build({
      root: project,
      configFile: false,
      logLevel: 'silent',
      build: { outDir: 'bundle', lib: { entry: 'main.js', formats: ['es'], fileName: 'main' } },
    });
    writeFileSync(
      join(project, 'bundled.html'),
      `<!doctype html><html lang="en"><title>Bundled</title>
       <script type="module" src="/bundle/main.js"></script>
       <open-letter src="/campaign.json"></open-letter>`,
    );
    const context = await browser.newContext();
    assertWholeLetter(
      await openLetterPage(context, `${server.url}/bundled.html`),
      expectedLetter('en'),
      'bundled.html',
    );
    await context.close();
  });
});

/** A static file server for `root` on 127.0.0.1, as any web host serves the files. */
function serve(root) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = join(root, normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)));
    if (!path.startsWith(root) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': `${types[extname(path)] ?? 'application/octet-stream'}; charset=utf-8` });
    response.end(readFileSync(path));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(Object.assign(server, { url: `http://127.0.0.1:${server.address().port}` })),
    ),
  );
}
