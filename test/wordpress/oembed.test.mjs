// Embed by link in a real WordPress (Debian's 6.1): the folder `open-letter site` writes, served
// from a static host, and its address pasted by an Author (no unfiltered_html) on its own line in
// classic content and in an Embed block. WordPress finds the oEmbed answer through the page's
// discovery link, keeps it in the post, and a visitor in Chromium gets the letter in WordPress's
// sandboxed frame, sized by the frame's own height messages.
// Needs `npm run build` first (npm test does) and the packages .ci/run installs; skips otherwise.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveSite } from '../cli/site-fixture.mjs';
import { expectedLetter, launchChromium } from '../visible-letter.mjs';
import { missingRequirement, startWordPress } from './wordpress-site.mjs';

const letter = expectedLetter('nl');
const skip = missingRequirement();
if (skip) console.log(`Skipping the real-WordPress oEmbed test: it ${skip}.`);

describe('the letter page pasted as a link in WordPress 6.1', { skip }, () => {
  let letterSite;
  let answer;
  let site;
  let browser;

  before(async () => {
    // The letter on a host of its own (localhost), as it is published apart from the party's site.
    letterSite = await serveSite({ hostname: 'localhost' });
    answer = JSON.parse(readFileSync(join(letterSite.out, 'oembed.json'), 'utf8'));
    site = await startWordPress({ locale: 'nl_NL' });
    allowLetterHost(site, new URL(letterSite.origin));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
    await letterSite?.close();
  });

  const ways = [
    ['on its own line in classic content', (url) => `<p>Wij steunen deze brief:</p>\n\n${url}\n\n<p>Teken mee!</p>`],
    [
      'in an Embed block',
      // The block as the editor saves it after a paste. The editor itself turns a pasted URL into
      // this block only for https, which a loopback test cannot have, so the test saves the markup
      // the editor would: for an answer in WordPress's post-embed shape (class="wp-embedded-content")
      // the editor records the type "wp-embed" and the provider's name as the slug
      // (getAttributesFromPreview in wp-includes/js/dist/block-library.js).
      (url) => {
        const provider = slug(answer.provider_name);
        return (
          `<!-- wp:embed {"url":"${url}","type":"wp-embed","providerNameSlug":"${provider}"} -->\n` +
          `<figure class="wp-block-embed is-type-wp-embed is-provider-${provider} wp-block-embed-${provider}"><div class="wp-block-embed__wrapper">\n` +
          `${url}\n` +
          `</div></figure>\n` +
          `<!-- /wp:embed -->`
        );
      },
    ],
  ];

  for (const [way, paste] of ways) {
    describe(`an Author's post with the address ${way}`, () => {
      let saved;
      let firstView;

      before(async () => {
        const content = paste(letterSite.pageUrl);
        saved = site.wp('post', { user: 'author', title: `De brief, ${way}`, content });
        assert.equal(saved.content, content, "the Author's own filters (kses) kept the post as pasted");
        const asked = letterSite.requests.length;
        firstView = await viewAsVisitor(saved.url);
        firstView.lookups = discoveryRequests(letterSite.requests.slice(asked));
      });

      after(() => firstView?.close());

      test('shows the letter in a sandboxed frame titled with the letter, sized to its content, the link fallback hidden', async (t) => {
        const { page, frame, fallback, heights } = firstView;
        assert.equal(frame.className, 'wp-embedded-content');
        assert.equal(frame.sandbox, 'allow-scripts', 'sandboxed: scripts only, no same origin, no top navigation');
        assert.equal(frame.security, 'restricted');
        assert.ok(frame.title.includes(letter.title), `the frame's title "${frame.title}" names the letter`);
        assert.ok(frame.src.startsWith(`${letterSite.embedUrl}#?secret=`), frame.src);
        assert.ok(frame.shown, 'WordPress took the clipping off: the frame answered');
        assert.deepEqual(fallback, { href: letterSite.pageUrl, text: letter.title, shown: false });
        assertFits(heights, 'in a wide window');

        // A phone's width: more lines, and the frame follows the height the page inside sends.
        await page.setViewportSize({ width: 375, height: 800 });
        const narrow = await settledHeights(page, heights.width);
        assertFits(narrow, 'on a phone');
        assert.ok(
          narrow.frame > heights.frame,
          `taller on a phone (${narrow.frame} px) than in a wide window (${heights.frame} px)`,
        );
        t.diagnostic(
          `the frame: ${heights.frame} px high at ${heights.width} px wide, ${narrow.frame} px at ${narrow.width} px`,
        );
      });

      test('inside the frame a visitor sees the title, every demand and a link to the whole letter', async () => {
        const inside = firstView.content;
        assert.ok(firstView.frame.shown, 'the frame is shown');
        assert.ok(await inside.getByRole('heading', { name: letter.title, exact: true }).isVisible(), 'the title');
        for (const demand of letter.demands) {
          assert.ok(await inside.getByText(demand, { exact: true }).isVisible(), demand);
        }
        const link = inside.locator(`a[href="${letterSite.pageUrl}"]`);
        assert.equal(await link.count(), 1, 'one link to the letter page');
        assert.ok(await link.isVisible());
        assert.notEqual((await link.innerText()).trim(), '');
      });

      test('WordPress looked the answer up once and keeps it in the post: a second view asks the letter host for nothing', async () => {
        assert.deepEqual(firstView.lookups, [
          new URL(letterSite.pageUrl).pathname,
          new URL(letterSite.oembedUrl).pathname,
        ]);
        const cached = Object.entries(site.wp('embed-cache', { id: saved.id }));
        const html = cached.filter(([key]) => !key.startsWith('_oembed_time_'));
        assert.equal(html.length, 1, JSON.stringify(cached));
        assert.match(
          html[0][1],
          /^<blockquote class="wp-embedded-content" data-secret="\w+"><a href="[^"]+">[^<]+<\/a><\/blockquote><iframe /,
        );
        assert.ok(html[0][1].includes(`src="${letterSite.embedUrl}#?secret=`), html[0][1]);
        assert.equal(cached.length, 2, 'the html and the time it was fetched');

        const asked = letterSite.requests.length;
        const secondView = await viewAsVisitor(saved.url);
        try {
          assert.deepEqual(discoveryRequests(letterSite.requests.slice(asked)), []);
          assert.ok(secondView.frame.shown);
          assert.equal(secondView.frame.src, firstView.frame.src, 'the same cached frame');
        } finally {
          await secondView.close();
        }
      });

      test("the frame's link opens the letter page in the visitor's window", async () => {
        const { page, content } = firstView;
        await Promise.all([
          page.waitForURL(letterSite.pageUrl, { timeout: 10_000 }),
          content.locator(`a[href="${letterSite.pageUrl}"]`).click(),
        ]);
        assert.equal(await page.locator('h1').innerText(), letter.title);
      });
    });
  }

  /**
   * Opens `url` in a fresh browser context as a visitor, waits until WordPress shows the frame
   * and the frame's height no longer changes, and reads what WordPress made of the embed.
   */
  async function viewAsVisitor(url) {
    const context = await browser.newContext();
    const close = () => context.close();
    try {
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(url);
      const frameElement = page.locator('iframe.wp-embedded-content');
      assert.equal(await frameElement.count(), 1, `one embedded frame on ${url}`);
      // wp-embed.js takes the clipping style off at the frame's first message. A frame that never
      // answers stays clipped: the assertions on `frame.shown` report it.
      await page
        .waitForFunction(() => !document.querySelector('iframe.wp-embedded-content').hasAttribute('style'), null, {
          timeout: 15_000,
        })
        .catch(() => {});
      const content = await (await frameElement.elementHandle()).contentFrame();
      const heights = await settledHeights(page);
      const frame = await frameElement.evaluate((element) => {
        const style = getComputedStyle(element);
        return {
          className: element.className,
          sandbox: element.getAttribute('sandbox'),
          security: element.getAttribute('security'),
          title: element.getAttribute('title'),
          src: element.getAttribute('src'),
          shown: style.position !== 'absolute' && style.clip === 'auto' && style.display !== 'none',
        };
      });
      const fallback = await page.locator('blockquote.wp-embedded-content').evaluate((quote) => ({
        href: quote.querySelector('a')?.href,
        text: quote.textContent.trim(),
        shown: quote.checkVisibility(),
      }));
      assert.deepEqual(pageErrors, [], `errors on ${url}`);
      return { page, content, frame, fallback, heights, close };
    } catch (error) {
      await close();
      throw error;
    }
  }
});

/**
 * The frame's size in the post and the height of the page inside it, once the frame has taken
 * the post's width (not `previousWidth`) and its height agrees with its content's (the frame
 * sends its height on load and on every resize; WordPress applies each). Gives up after a while
 * and returns the last reading, for the assertions to report.
 */
async function settledHeights(page, previousWidth) {
  const frameElement = page.locator('iframe.wp-embedded-content');
  const content = await (await frameElement.elementHandle()).contentFrame();
  let reading;
  for (let attempt = 0; attempt < 50; attempt++) {
    const { width, height } = await frameElement.boundingBox();
    const inside = await content.evaluate(() => ({
      width: document.documentElement.clientWidth,
      content: document.documentElement.getBoundingClientRect().height,
      scroll: document.documentElement.scrollHeight,
    }));
    reading = { width, frame: height, content: inside.content, scroll: inside.scroll };
    const laidOut = width !== previousWidth && Math.abs(inside.width - width) <= 1;
    if (laidOut && Math.abs(height - inside.content) <= 2) return reading;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return reading;
}

/** The frame is as high as the page inside it: nothing cut off, nothing to scroll, no gap. */
function assertFits({ frame, content, scroll }, where) {
  assert.ok(frame > 200, `${where}: the frame is ${frame} px high`);
  assert.ok(
    Math.abs(frame - content) <= 2,
    `${where}: the frame (${frame} px) is as high as the page inside it (${content} px)`,
  );
  assert.ok(
    scroll <= frame + 1,
    `${where}: nothing to scroll inside the frame (${scroll} px of content in ${frame} px)`,
  );
}

/** WordPress's lookups among the letter host's requests: the page (discovery) and the oEmbed answer. */
function discoveryRequests(paths) {
  return paths.filter((path) => !/\.(html|css|js)$/.test(path));
}

/** lodash's kebabCase as the block editor applies it to a provider's name. */
function slug(name) {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * WordPress refuses to fetch from loopback addresses and from ports other than 80, 443 and 8080
 * (wp_http_validate_url(), which guards the server's own network against what users paste).
 * The test's letter host is localhost on a free port, so this test site, and only it, lets that
 * one host and port through with a must-use plugin. (WP_HTTP_BLOCK_EXTERNAL, set for the test
 * site, always lets localhost through.) A letter published on a public https host needs nothing
 * of the kind.
 */
function allowLetterHost(site, { hostname, port }) {
  const plugins = join(site.content, 'mu-plugins');
  mkdirSync(plugins, { recursive: true });
  writeFileSync(
    join(plugins, 'open-letter-test-letter-host.php'),
    `<?php
// Written by open-letter's oEmbed test: the test's letter host (${hostname}:${port}) may be fetched.
add_filter(
	'http_request_host_is_external',
	function ( $external, $host, $url ) {
		return $external || ( '${hostname}' === $host && ${port} === wp_parse_url( $url, PHP_URL_PORT ) );
	},
	10,
	3
);
add_filter(
	'http_allowed_safe_ports',
	function ( $ports, $host ) {
		return '${hostname}' === $host ? array_merge( $ports, array( ${port} ) ) : $ports;
	},
	10,
	2
);
`,
  );
}
