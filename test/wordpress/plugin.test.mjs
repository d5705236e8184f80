// The WordPress plugin in a real WordPress (Debian's 6.1): installed from the built zip the way
// an administrator uploads it, used by Authors and Contributors in classic content and in the
// Shortcode block, and the HTML snippet pasted by an Administrator — each post saved through
// that user's own filters (kses), each page read in Chromium as a visitor gets it.
// Needs `npm run build` first (npm test does) and the packages .ci/run installs; skips otherwise.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  assertWholeLetter,
  demoCampaignFile,
  expectedLetter,
  launchChromium,
  openLetterPage,
} from '../visible-letter.mjs';
import { missingRequirement, startWordPress } from './wordpress-site.mjs';

const zip = new URL('../../dist/open-letter-wordpress.zip', import.meta.url).pathname;
const builtScript = new URL('../../dist/open-letter.js', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const dutch = expectedLetter('nl');
const english = expectedLetter('en');
const campaignPath = '/wp-content/uploads/open-letter/brandbrief-samen-veilig.json';
const fallbackLink = '<a href="https://houtenanders.nl/brandbrief-datalek-samen-veilig/">Lees de brandbrief</a>';
const shortcode = (attributes = '') => `[open-letter src="${campaignPath}"${attributes}]${fallbackLink}[/open-letter]`;
const skip = missingRequirement();
if (skip) console.log(`Skipping the real-WordPress test: it ${skip}.`);

describe('the WordPress plugin in WordPress 6.1', { skip }, () => {
  let site;
  let browser;
  let visitor;
  let editor;
  let plugin;

  before(async () => {
    assert.ok(existsSync(zip), `${zip} is missing: run npm run build first`);
    site = await startWordPress({ locale: 'nl_NL' });
    plugin = site.wp('plugin', { zip });
    // The campaign and a self-hosted copy of the script, served by the WordPress site itself.
    const uploads = join(site.content, 'uploads/open-letter');
    mkdirSync(uploads, { recursive: true });
    copyFileSync(demoCampaignFile, join(uploads, 'brandbrief-samen-veilig.json'));
    copyFileSync(builtScript, join(uploads, 'open-letter.js'));
    browser = await launchChromium();
    visitor = await browser.newContext();
    editor = await loggedIn('editor');
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  /** Saves a post as `user` (through that user's kses); an Editor publishes a Contributor's. */
  function post(user, title, content) {
    const saved = site.wp('post', { user, title, content, status: user === 'contributor' ? 'pending' : 'publish' });
    if (user !== 'contributor') return saved;
    const published = site.wp('publish', { id: saved.id });
    assert.equal(published.status, 'publish');
    return { ...saved, url: published.url };
  }

  async function served(url) {
    const response = await fetch(url);
    assert.equal(response.status, 200, url);
    return response.text();
  }

  test("the zip installs with WordPress's own unzip_file() and the plugin activates", () => {
    assert.equal(plugin.error, null);
    assert.equal(plugin.active, true);
    assert.deepEqual(plugin.plugins, ['open-letter/open-letter.php']);
    assert.equal(plugin.header.Version, version);
    assert.equal(plugin.header.RequiresWP, '6.1');
  });

  test('php -l finds no error in any PHP file of the installed plugin', () => {
    const dir = join(site.content, 'plugins/open-letter');
    const files = readdirSync(dir, { recursive: true }).filter((file) => file.endsWith('.php'));
    assert.ok(files.length > 0);
    for (const file of files) {
      assert.match(
        execFileSync('php', ['-l', join(dir, file)], { encoding: 'utf8' }),
        /No syntax errors detected/,
        file,
      );
    }
  });

  for (const user of ['author', 'contributor']) {
    for (const [editor, wrap] of [
      ['classic content', (code) => code],
      ['a Shortcode block', (code) => `<!-- wp:shortcode -->\n${code}\n<!-- /wp:shortcode -->`],
    ]) {
      test(`a post by ${user === 'author' ? 'an Author' : 'a Contributor'} with the shortcode in ${editor} shows the whole letter`, async () => {
        const saved = post(
          user,
          `Shortcode, ${user}, ${editor}`,
          wrap(shortcode(' highlight="Houten Anders!" heading-level="2"')),
        );
        assert.match(saved.content, /\[open-letter src=/, 'kses kept the shortcode');
        const html = await served(saved.url);
        assert.doesNotMatch(html, /<p>\s*<div class="open-letter-embed">/, 'no paragraph wrapped around the block');
        const { page, ...letter } = await openLetterPage(visitor, saved.url);
        assertWholeLetter(letter, dutch, saved.url);
        assert.ok(letter.text.includes('onze partij'), 'the own party is highlighted');
        assert.ok(!letter.text.includes('Lees de brandbrief'), 'the fallback link is hidden while the letter shows');
        await page.close();
      });
    }
  }

  test('two shortcodes on one page load the script once, and only pages with one load it', async () => {
    const saved = post(
      'author',
      'Two letters',
      `${shortcode(' lang="nl"')}\n\n${shortcode(' lang="en" hide-language-switch')}`,
    );
    const fresh = await browser.newContext(); // an empty cache: every script the page needs is requested
    const { page, requests, ...letters } = await openLetterPage(fresh, saved.url, { blocks: 2 });
    assertWholeLetter(letters, dutch, 'the Dutch block');
    assertWholeLetter(letters, english, 'the English block');
    assert.equal(
      await page.getByRole('button', { name: 'English', exact: true }).count(),
      1,
      'one block has its language switch hidden',
    );
    const scripts = await page.$$eval('script[src*="open-letter.js"]', (tags) =>
      tags.map((tag) => [tag.type, tag.src]),
    );
    assert.deepEqual(scripts, [['module', `${site.url}/wp-content/plugins/open-letter/open-letter.js?ver=${version}`]]);
    assert.equal(requests.filter((url) => new URL(url).pathname.endsWith('/open-letter.js')).length, 1);
    const stylesheets = await page.$$eval('link[rel="stylesheet"][href*="open-letter.css"]', (links) => links.length);
    assert.equal(stylesheets, existsSync(new URL('../../dist/open-letter.css', import.meta.url)) ? 1 : 0);
    assert.ok(
      requests.every((url) => url.startsWith(site.url)),
      'everything comes from the site itself',
    );
    await fresh.close();

    const withoutShortcode = post('author', 'No letter', '<p>Geen brief hier.</p>');
    assert.doesNotMatch(await served(withoutShortcode.url), /open-letter\.(js|css)/);
  });

  test('a wrong attribute gets a hint for editors only, and the safe default', async () => {
    const saved = post('author', 'Wrong values', shortcode(' heading-level="9" colour="red"'));
    const asVisitor = await openLetterPage(visitor, saved.url);
    assertWholeLetter(asVisitor, dutch, 'as a visitor');
    assert.equal(asVisitor.headings.find((heading) => heading.name === dutch.title).level, 2);
    assert.ok(!asVisitor.text.includes('heading-level'), 'visitors see no hint');
    await asVisitor.page.close();

    const asEditor = await openLetterPage(editor, saved.url);
    assert.match(asEditor.text, /heading-level="9" is not 1 to 6/);
    assert.match(asEditor.text, /Unknown attribute colour/);
    await asEditor.page.close();
  });

  test('attribute values and the fallback are escaped; a non-http src shows only the fallback', async () => {
    const { html } = site.wp('shortcode', {
      user: 'contributor',
      content:
        `[open-letter src="javascript:alert(1)"]<a href="/brief/">Brief</a><script>alert(2)</script>[/open-letter] ` +
        `[open-letter src="${campaignPath}" highlight='"><img src=x onerror=alert(3)>' lang='nl" onclick="alert(4)']x[/open-letter]`,
    });
    const page = await visitor.newPage();
    const parsed = await page.evaluate((markup) => {
      const body = new DOMParser().parseFromString(markup, 'text/html').body;
      const elements = [...body.querySelectorAll('*')];
      return {
        tags: [...new Set(elements.map((element) => element.localName))].sort(),
        handlers: elements.flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on'))),
        blocks: [...body.querySelectorAll('.open-letter-embed')].map((embed) => ({
          element:
            embed.querySelector('open-letter') &&
            Object.fromEntries([...embed.querySelector('open-letter').attributes].map((a) => [a.name, a.value])),
          link: embed.querySelector(':scope > a')?.getAttribute('href'),
        })),
      };
    }, html);
    await page.close();
    assert.deepEqual(parsed.tags, ['a', 'div', 'open-letter', 'p', 'strong']);
    assert.deepEqual(parsed.handlers, []);
    assert.deepEqual(parsed.blocks, [
      { element: null, link: '/brief/' },
      { element: { src: campaignPath, lang: 'nl', highlight: '"><img src=x onerror=alert(3)>' }, link: undefined },
    ]);
  });

  for (const [name, fallback] of [
    ['the link', () => fallbackLink],
    ['the pre-rendered letter (open-letter snapshot)', snapshotOnOneLine],
  ]) {
    test(`an Administrator's classic post with the generator's snippet and ${name} inside shows the letter once`, async () => {
      const integrity = `sha384-${createHash('sha384').update(readFileSync(builtScript)).digest('base64')}`;
      const snippet =
        `<div class="open-letter-embed"><script type="module" src="/wp-content/uploads/open-letter/open-letter.js" integrity="${integrity}" crossorigin="anonymous"></script>` +
        `<open-letter src="${campaignPath}" lang="nl">${fallback()}</open-letter></div>`;
      const saved = post(
        'admin',
        `Snippet with ${name}`,
        `<p>Boven de brief.</p>\n\n${snippet}\n\n<p>Onder de brief.</p>`,
      );
      assert.ok(saved.content.includes(snippet), 'saved as pasted');
      // wpautop leaves the line alone: no paragraph opened before the block (which would end it
      // early and show the letter twice), no line break added inside it.
      const html = await served(saved.url);
      assert.match(html, /<\/p>\s*<div class="open-letter-embed"><script type="module"/);
      assert.doesNotMatch(html, /<br \/>\s*<open-letter/);
      const { page, ...letter } = await openLetterPage(visitor, saved.url);
      assertWholeLetter(letter, dutch, saved.url);
      await page.close();
    });
  }

  test('an Author who pastes the snippet loses the script and the element; what kses does to a pre-rendered letter is reported', async (t) => {
    const snapshot = snapshotOnOneLine();
    const snippet = `<div class="open-letter-embed"><script type="module" src="/wp-content/uploads/open-letter/open-letter.js"></script><open-letter src="${campaignPath}" lang="nl">${snapshot}</open-letter></div>`;
    const saved = post('author', 'Snippet by an Author', snippet);
    assert.doesNotMatch(
      saved.content,
      /<script|<open-letter/,
      'WordPress removes both on saving: the reason for the plugin',
    );
    const page = await visitor.newPage();
    const report = await page.evaluate(
      ([before, after]) => {
        const parse = (html) => new DOMParser().parseFromString(html, 'text/html').body;
        const features = (body) =>
          new Set(
            [...body.querySelectorAll('article *')].flatMap((element) => [
              `<${element.localName}>`,
              ...[...element.attributes].map((attribute) => `<${element.localName} ${attribute.name}>`),
            ]),
          );
        const [was, is] = [parse(before), parse(after)];
        const kept = features(is);
        const text = (body) => body.querySelector('article')?.textContent ?? '';
        return {
          removed: [...features(was)].filter((feature) => !kept.has(feature)),
          comments: [(before.match(/<!--/g) ?? []).length, (after.match(/<!--/g) ?? []).length],
          textBefore: was.textContent.length - text(was).length,
          textAfter: is.textContent.length - text(is).length,
        };
      },
      [snippet, saved.content],
    );
    await page.close();
    const summary =
      `kses for Authors removed from the pre-rendered letter: ${report.removed.join(', ') || 'nothing'}; ` +
      `HTML comments ${report.comments[0]} → ${report.comments[1]}; visible text outside the letter ${report.textBefore} → ${report.textAfter} characters`;
    t.diagnostic(summary);
  });

  test("a site on WordPress's untouched default en_US gets the Dutch letter; one set to en_CA the English one", async () => {
    const saved = post('author', 'Site language', shortcode());
    try {
      assert.equal(site.wp('locale', { locale: 'en_US' }).locale, '');
      const onDefault = await openLetterPage(visitor, saved.url);
      assert.equal(await onDefault.page.getAttribute('html', 'lang'), 'en-US');
      assertWholeLetter(onDefault, dutch, 'on en_US');
      await onDefault.page.close();
      const hint = await openLetterPage(editor, saved.url);
      assert.match(hint.text, /Add lang="en" to show it in English/);
      await hint.page.close();

      // Debian's wordpress-l10n has en_CA (not en_GB): any English but the default counts as chosen.
      assert.equal(site.wp('locale', { locale: 'en_CA' }).locale, 'en_CA');
      const onCanadian = await openLetterPage(visitor, saved.url);
      assertWholeLetter(onCanadian, english, 'on en_CA');
      await onCanadian.page.close();
    } finally {
      site.wp('locale', { locale: 'nl_NL' });
    }
  });

  test('the plugin caused no PHP notice, warning or error', () => {
    const lines = site
      .debugLog()
      .split('\n')
      .filter((line) => line.includes('plugins/open-letter/'));
    assert.deepEqual(lines, []);
  });

  /** A browser context logged in as `user` through wp-login.php (the dashboard it leads to is not loaded). */
  /**
   * A browser context logged in as `user`: wp-login.php's own form posted over HTTP, its cookies
   * given to the context. (Logging in by clicking in the page, with the redirect into wp-admin
   * aborted, hung Playwright's click now and then.)
   */
  async function loggedIn(user) {
    const answer = await fetch(`${site.url}/wp-login.php`, {
      method: 'POST',
      headers: { cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
      body: new URLSearchParams({ log: user, pwd: 'password', testcookie: '1' }),
      redirect: 'manual',
    });
    assert.equal(answer.status, 302, `${user} logged in`);
    const cookies = answer.headers.getSetCookie().map((line) => {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: site.url };
    });
    assert.ok(
      cookies.some((cookie) => cookie.name.startsWith('wordpress_logged_in_')),
      `${user}'s login cookie`,
    );
    const context = await browser.newContext();
    await context.addCookies(cookies);
    return context;
  }
});

/** `open-letter snapshot` of the demo campaign, on one line as the generator puts it in the snippet. */
function snapshotOnOneLine() {
  const html = execFileSync('node', ['bin/open-letter.js', 'snapshot', demoCampaignFile.pathname, '--lang', 'nl'], {
    cwd: new URL('../..', import.meta.url),
    encoding: 'utf8',
  });
  return html.trim().replace(/>\s*\n\s*</g, '><');
}
