// The static site in a real browser (Debian's Chromium through playwright-core), served
// from a loopback static host: the letter page passes axe and Lighthouse's accessibility
// audit, loads nothing from elsewhere and breaks no rule of its policy; the frame's page,
// inside a real <iframe sandbox="allow-scripts"> on a host page of another origin that
// behaves like WordPress's wp-embed.js, speaks WordPress's post-embed protocol.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.mjs';
import { demoCampaign, serveSite } from './site-fixture.mjs';
import { startStaticServer } from './static-server.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const demo = JSON.parse(await readFile(demoCampaign, 'utf8'));
/** WordPress's secrets are 10 letters and digits. */
const SECRET = 'k3Yx9Qa2Lm';

/**
 * A post on another origin, as WordPress renders an embed: the oEmbed answer's html with
 * the secret in the frame's address and the frame clipped until it speaks, and
 * wp-embed.js's rules — accept messages from that frame only, then hide the blockquote,
 * show the frame and size it to each height (200–1,000 px); note every message.
 */
function hostPage(oembedHtml) {
  const html = oembedHtml
    .replace(/ src="([^"]+)"/, ` src="$1#?secret=${SECRET}" data-secret="${SECRET}"`)
    .replace('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A post</title></head>
<body><main><h1>A post</h1>
<script>
  window.messages = [];
  addEventListener('message', (event) => {
    const frame = document.querySelector('iframe');
    if (event.source !== frame.contentWindow) return;
    messages.push(event.data);
    document.querySelector('blockquote').style.display = 'none';
    frame.removeAttribute('style');
    if (event.data && event.data.message === 'height') {
      frame.height = Math.min(1000, Math.max(200, parseInt(event.data.value, 10)));
    }
  });
</script>
<p><a href="#before">Before the embed</a></p>
${html}
<p><a href="#after">After the embed</a></p>
</main></body></html>`;
}

let site;
let host;
let browser;
before(async () => {
  site = await serveSite();
  const answer = JSON.parse(await readFile(join(site.out, 'oembed.json'), 'utf8'));
  host = await startStaticServer({
    root: site.out,
    mount: '/none/',
    pages: new Map([['/post.html', hostPage(answer.html)]]),
  });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
});
after(async () => {
  await browser?.close();
  await host?.close();
  await site?.close();
});

/** A fresh page that records every request and every Content Security Policy violation, in every frame. */
async function openPage({ width = 1000, height = 800 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const requests = [];
  const policyErrors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (/Content Security Policy|Trusted Type/i.test(message.text())) policyErrors.push(message.text());
  });
  return { page, requests, policyErrors, close: () => context.close() };
}

async function axeViolations(page) {
  // Evaluated over the DevTools protocol, which the page's policy does not govern.
  await page.evaluate(axeSource);
  const { violations } = await page.evaluate(() => window.axe.run(document));
  return violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

describe('the letter page in Chromium', () => {
  for (const folder of ['', 'en/']) {
    test(`${folder || '(root) '}index.html passes axe, loads only from its own origin and breaks no rule of its policy`, async () => {
      const { page, requests, policyErrors, close } = await openPage();
      try {
        await page.goto(`${site.base}${folder}`);
        assert.deepEqual(await axeViolations(page), []);
        assert.ok(requests.length >= 3, requests.join('\n'));
        assert.deepEqual(
          requests.filter((url) => !url.startsWith(`${site.origin}/`)),
          [],
        );
        assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
        assert.deepEqual(policyErrors, []);
        // Styled by the block's stylesheet: the demands are numbered, the title is larger than the text.
        const styles = await page.evaluate(() => ({
          demands: getComputedStyle(document.querySelector('ol')).listStyleType,
          title: parseFloat(getComputedStyle(document.querySelector('h1')).fontSize),
          text: parseFloat(getComputedStyle(document.querySelector('main p')).fontSize),
        }));
        assert.equal(styles.demands, 'decimal');
        assert.ok(styles.title > styles.text * 1.2, JSON.stringify(styles));
        // Printed: the letter without the language link.
        await page.emulateMedia({ media: 'print' });
        const printed = await page.evaluate(() => document.body.innerText);
        const language = folder ? 'en' : 'nl';
        for (const demand of demo.letter.demands) assert.ok(printed.includes(demand[language]), demand[language]);
        assert.equal(await page.locator('a[hreflang]').isVisible(), false);
        assert.ok(await page.locator('h1').isVisible());
      } finally {
        await close();
      }
    });
  }

  test('scores 100 for accessibility in Lighthouse', async () => {
    const chrome = await chromeLauncher.launch({
      chromePath: chromiumPath,
      chromeFlags: [...chromiumFlags, '--headless=new'],
    });
    try {
      const { lhr } = await lighthouse(site.pageUrl, {
        port: chrome.port,
        onlyCategories: ['accessibility'],
        // Loopback: nothing to throttle, and simulating a slow network only costs time.
        throttlingMethod: 'provided',
        logLevel: 'error',
      });
      const failed = Object.values(lhr.audits)
        .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score === 0)
        .map((audit) => audit.id);
      assert.deepEqual(failed, []);
      assert.equal(lhr.categories.accessibility.score, 1);
    } finally {
      chrome.kill();
    }
  });
});

describe('the frame in a sandboxed iframe on a WordPress-like post', () => {
  let page;
  let frame;
  let opened;
  const messages = () => page.evaluate(() => window.messages);
  const heights = async () => (await messages()).filter((message) => message.message === 'height');
  /** Waits until the frame has said its height for its current size and the post has sized it. */
  const settled = () =>
    page.waitForFunction(() => {
      const frameElement = document.querySelector('iframe');
      const last = window.messages.filter((message) => message.message === 'height').at(-1);
      return last && Number(frameElement.height) === Math.min(1000, Math.max(200, last.value));
    });

  /** Gives the frame another width and waits for its answer: the frame says its height on every change of size. */
  const resizeFrame = async (width) => {
    const count = (await heights()).length;
    await page.evaluate((value) => (document.querySelector('iframe').width = value), width);
    await page.waitForFunction(
      (previous) => window.messages.filter((m) => m.message === 'height').length > previous,
      count,
    );
    await settled();
  };

  before(async () => {
    opened = await openPage({ width: 640, height: 900 });
    page = opened.page;
    await page.goto(`${host.origin}/post.html`);
    frame = page.frames().find((each) => each.url().startsWith(site.embedUrl));
    await frame.waitForLoadState('load');
    await settled();
  });
  after(() => opened?.close());

  test('posts its height with the secret once loaded, and the post sizes the frame to it', async () => {
    const [first] = await heights();
    assert.equal(first.secret, SECRET);
    assert.ok(Number.isInteger(first.value) && first.value > 200, JSON.stringify(first));
    const measured = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.equal((await heights()).at(-1).value, measured);
  });

  test("shows everything without a nested scroll at WordPress's largest frame, on a wide column and on a phone", async () => {
    // 272 px: the frame on a 320 px phone in WordPress's default theme (Twenty Twenty-Three).
    for (const width of ['600', '300', '272']) {
      await resizeFrame(width);
      const last = (await heights()).at(-1);
      assert.ok(last.value <= 1000, `${width} px wide: ${last.value} px tall`);
      const fits = await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight);
      assert.ok(fits, `${width} px wide: the content is taller than the frame`);
    }
  });

  test('posts its height again when its width changes', async () => {
    await resizeFrame('600');
    const wide = (await heights()).at(-1);
    await resizeFrame('320');
    const narrow = (await heights()).at(-1);
    assert.equal(narrow.secret, SECRET);
    assert.ok(narrow.value > wide.value, `${narrow.value} > ${wide.value}`);
  });

  test('answers the post\'s "ready" ping with its height, and ignores a ping with another secret', async () => {
    const count = (await messages()).length;
    await page.evaluate((secret) => {
      const target = document.querySelector('iframe').contentWindow;
      target.postMessage({ message: 'ready', secret: 'notTheOne1' }, '*');
      target.postMessage({ message: 'ready', secret }, '*');
    }, SECRET);
    await page.waitForFunction((previous) => window.messages.length > previous, count);
    const answers = (await messages()).slice(count);
    assert.deepEqual(
      answers.map((message) => [message.message, message.secret]),
      [['height', SECRET]],
    );
  });

  test('is reached with the keyboard and left again, shows where the focus is, and asks the post to open the letter page', async () => {
    await page.focus('a[href="#before"]');
    await page.keyboard.press('Tab');
    const focused = await frame.evaluate(() => {
      const element = document.activeElement;
      const style = getComputedStyle(element);
      return { text: element.textContent.trim(), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.equal(focused.text, 'Lees de hele brief');
    assert.notEqual(focused.outline, 'none');
    assert.ok(focused.width >= 2, `outline ${focused.width} px`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'After the embed');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await frame.evaluate(() => document.activeElement.textContent.trim()), 'Lees de hele brief');
    const count = (await messages()).length;
    await page.keyboard.press('Enter');
    await page.waitForFunction((previous) => window.messages.slice(previous).some((m) => m.message === 'link'), count);
    const link = (await messages()).slice(count).find((message) => message.message === 'link');
    assert.deepEqual(link, { message: 'link', value: site.pageUrl, secret: SECRET });
    assert.ok(frame.url().startsWith(site.embedUrl), 'the frame stays where it is');
    assert.equal(page.url(), `${host.origin}/post.html`);
  });

  test('turns a click on the link into the same request', async () => {
    const count = (await messages()).length;
    await frame.click('a');
    await page.waitForFunction((previous) => window.messages.slice(previous).some((m) => m.message === 'link'), count);
    const link = (await messages()).slice(count).find((message) => message.message === 'link');
    assert.equal(link.value, site.pageUrl);
  });

  test('passes axe, loads only from its own origin, and breaks no rule of its policy inside the sandbox', async () => {
    assert.deepEqual(
      opened.requests.filter(
        (url) => !url.startsWith(`${site.origin}/`) && !url.startsWith(`${host.origin}/post.html`),
      ),
      [],
    );
    assert.deepEqual(await frame.evaluate(() => window.cspViolations), []);
    assert.deepEqual(opened.policyErrors, []);
    await frame.evaluate(axeSource);
    const { violations } = await frame.evaluate(() => window.axe.run(document));
    assert.deepEqual(
      violations.map((violation) => violation.id),
      [],
    );
  });
});

describe("the frame's page opened on its own", () => {
  test('names the signatories and opens the letter page from its link', async () => {
    const { page, close } = await openPage({ width: 400, height: 900 });
    try {
      await page.goto(`${site.base}en/embed.html`);
      const text = await page.evaluate(() => document.body.innerText);
      assert.ok(text.includes(`${demo.signatories.length} signatories, including ${demo.signatories[0].name}`), text);
      await page.click('text=Read the whole letter');
      await page.waitForURL(`${site.base}en/`);
      assert.equal(await page.evaluate(() => document.querySelector('h1').textContent), demo.title.en);
    } finally {
      await close();
    }
  });
});
