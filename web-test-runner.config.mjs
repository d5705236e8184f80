// Tests run in three real engines, Debian's Chromium, Firefox ESR and WebKitGTK (the
// engine of every iPhone), one after another, against the TypeScript sources;
// test/server.mjs serves campaigns that misbehave in every way a real endpoint can.
// BROWSERS=webkit (or a comma-separated list) runs only those engines.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { campaignEndpoints } from './test/server.mjs';
import { browserCommandsPlugin } from './test/browser-commands.mjs';
import { chromiumFlags, chromiumPath } from './scripts/chromium.mjs';
import { webkitLauncher } from './test/launchers/webkit.mjs';

const chromium = chromeLauncher({
  launchOptions: {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', ...chromiumFlags],
  },
});

// The runner's Chrome launcher drives Firefox over WebDriver BiDi; passing
// puppeteerCore only gives it the right label.
const firefox = chromeLauncher({
  puppeteer: puppeteerCore,
  launchOptions: {
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
  },
});

const browsers = { chromium, firefox, webkit: webkitLauncher() };
const only = process.env.BROWSERS?.split(',').filter(Boolean);
const unknown = only?.filter((name) => !(name in browsers)) ?? [];
if (unknown.length)
  throw new Error(`BROWSERS: unknown ${unknown.join(', ')}; choose from ${Object.keys(browsers).join(', ')}`);

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  browsers: only ? only.map((name) => browsers[name]) : Object.values(browsers),
  // One engine at a time, one test file at a time: the machines have two cores.
  concurrentBrowsers: 1,
  concurrency: 1,
  // Generous: the engine and the runner share two cores; no test asserts a duration.
  testFramework: { config: { timeout: 20000 } },
  middleware: campaignEndpoints,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    a11ySnapshotPlugin(),
    browserCommandsPlugin(),
  ],
  groups: [distGroup()],
};

/**
 * The built file is what webmasters get, and only it has the minifier's faults: the tests of
 * what a reader sees run a second time as group `dist` (`--group dist` runs it alone), where
 * an import map gives them dist/open-letter.js wherever they import the element. `npm test`
 * builds it first. The import map must come before any module script: the runner puts its
 * own script after `<head>` or else after `<body>`, so this head is written `<head >`.
 */
function distGroup() {
  const builtFile = '/dist/open-letter.js';
  const imports = { '/src/open-letter-define.ts': builtFile, '/src/open-letter.ts': builtFile };
  return {
    name: 'dist',
    files: [
      'test/rendering.test.ts',
      'test/language.test.ts',
      'test/host-values.test.ts',
      'test/security.test.ts',
      'test/hardening-element.test.ts',
      'test/hardening-network.test.ts',
    ],
    testRunnerHtml: (testFramework) =>
      `<!DOCTYPE html><html><head ><script type="importmap">${JSON.stringify({ imports })}</script></head>` +
      `<body><script type="module" src="${testFramework}"></script></body></html>`,
  };
}
