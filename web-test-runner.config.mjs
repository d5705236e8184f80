// Tests run in two real engines, Debian's Chromium and Firefox ESR, against the
// TypeScript sources; test/server.mjs serves campaigns that misbehave in every way
// a real endpoint can.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { campaignEndpoints } from './test/server.mjs';
import { browserCommandsPlugin } from './test/browser-commands.mjs';
import { chromiumFlags, chromiumPath } from './scripts/chromium.mjs';


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

const browsers = { chromium, firefox };
const only = process.env.BROWSERS?.split(',').filter(Boolean);

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  browsers: only ? only.map((name) => browsers[name]) : Object.values(browsers),
  concurrency: 1,
  // Generous: two engines share two cores; no test asserts a duration.
  testFramework: { config: { timeout: 20000 } },
  middleware: campaignEndpoints,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    a11ySnapshotPlugin(),
    browserCommandsPlugin(),
  ],
};
