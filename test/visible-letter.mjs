// What a reader gets from <open-letter> on a real page, for the end-to-end tests in Node
// (the package and WordPress tests): the page is opened in Chromium, every block on it is
// awaited, and the page is read through Chromium's accessibility tree — the text a screen
// reader gets, without what is hidden — so the checks hold whether the letter renders into
// a shadow root or into the page itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumFlags, chromiumPath } from '../scripts/chromium.mjs';

export const demoCampaignFile = new URL('../demo/campaigns/brandbrief-samen-veilig.json', import.meta.url);
const demoCampaign = JSON.parse(readFileSync(demoCampaignFile, 'utf8'));

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}

/** The demo campaign's title, demands and signatories as a reader of `language` should get them. */
export function expectedLetter(language, campaign = demoCampaign) {
  const text = (value) => (typeof value === 'string' ? value : (value[language] ?? value[campaign.language]));
  return {
    title: text(campaign.title),
    demands: campaign.letter.demands.map(text),
    signatories: campaign.signatories.map((signatory) => signatory.name),
  };
}

/**
 * Opens `url` in a new tab of `context` and waits until `blocks` blocks fired open-letter-load
 * and the browser painted the result. Fails on open-letter-error or a page error.
 * Returns the page, the accessibility tree's text and headings, and every URL requested.
 */
export async function openLetterPage(context, url, { blocks = 1 } = {}) {
  const page = await context.newPage();
  const requests = [];
  const pageErrors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    const seen = (window.__openLetter = { loads: 0, errors: [] });
    document.addEventListener('open-letter-load', () => seen.loads++);
    document.addEventListener('open-letter-error', (event) =>
      seen.errors.push(`${event.detail.reason}: ${event.detail.message}`),
    );
  });
  await page.goto(url);
  await page.waitForFunction(
    (count) => window.__openLetter.loads >= count || window.__openLetter.errors.length,
    blocks,
  );
  const { errors } = await page.evaluate(() => window.__openLetter);
  assert.deepEqual(errors, [], `open-letter-error on ${url}`);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.deepEqual(pageErrors, [], `errors on ${url}`);
  return { page, requests, ...(await readAccessibilityTree(page)) };
}

/** The text and the headings a screen reader gets from the page (hidden content left out). */
export async function readAccessibilityTree(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const shown = nodes.filter((node) => !node.ignored);
  const text = shown
    .filter((node) => node.role?.value === 'StaticText')
    .map((node) => node.name?.value ?? '')
    .join('\n');
  const headings = shown
    .filter((node) => node.role?.value === 'heading')
    .map((node) => ({
      name: node.name?.value ?? '',
      level: node.properties?.find((property) => property.name === 'level')?.value.value,
    }));
  return { text, headings };
}

/** The whole letter is there: its title once as a heading, each demand and each signatory. */
export function assertWholeLetter({ text, headings }, expected, where) {
  const titles = headings.filter((heading) => heading.name === expected.title);
  assert.equal(titles.length, 1, `${where}: the title "${expected.title}" as a heading once, found ${titles.length}`);
  for (const demand of expected.demands) assert.ok(text.includes(demand), `${where}: the demand "${demand}"`);
  for (const name of expected.signatories) assert.ok(text.includes(name), `${where}: the signatory ${name}`);
}
