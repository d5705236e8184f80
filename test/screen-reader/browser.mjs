// A real browser window on the screen reader's desktop, with accessibility on, and a
// keyboard: keys are pressed with xdotool in the browser's window, as a user would.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.mjs';

const run = promisify(execFile);
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

// A quiet Firefox profile: accessibility forced on, no first-run pages, no update,
// telemetry or other calls to hosts the closed network refuses.
const firefoxPreferences = {
  'accessibility.force_disabled': 0,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'browser.startup.page': 0,
  'browser.startup.homepage': 'about:blank',
  'browser.newtabpage.enabled': false,
  'startup.homepage_welcome_url': '',
  'startup.homepage_welcome_url.additional': '',
  'datareporting.policy.firstRunURL': '',
  'browser.startup.upgradeDialog.enabled': false,
  'browser.sessionstore.resume_from_crash': false,
  'browser.tabs.warnOnClose': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'media.autoplay.default': 5,
};

export const engines = {
  firefox: {
    label: 'Firefox ESR',
    windowClass: 'firefox',
    async command(profile, url) {
      const prefs = Object.entries(firefoxPreferences)
        .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
        .join('\n');
      await writeFile(join(profile, 'user.js'), `${prefs}\n`);
      return [firefoxPath, ['--new-instance', '--no-remote', '--profile', profile, url]];
    },
  },
  chromium: {
    label: 'Chromium',
    windowClass: 'chromium',
    async command(profile, url) {
      // Its "Translate this page?" dialog would talk over the page.
      await mkdir(join(profile, 'Default'));
      await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ translate: { enabled: false } }));
      return [
        chromiumPath,
        [
          ...chromiumFlags,
          '--force-renderer-accessibility',
          `--user-data-dir=${profile}`,
          '--no-default-browser-check',
          // No "unsupported command-line flag" infobar (for --no-sandbox) in the window.
          '--test-type',
          '--password-store=basic',
          '--window-position=0,0',
          '--window-size=1280,1024',
          url,
        ],
      ];
    },
  },
};

export class Browser {
  #desktop;
  #window;
  #process;

  constructor(desktop, engine) {
    this.#desktop = desktop;
    this.engine = engine;
  }

  get label() {
    return engines[this.engine].label;
  }

  /** Starts the browser on `url` and focuses its window. */
  async open(url) {
    const engine = engines[this.engine];
    const profile = await this.#desktop.directory(`${this.engine}-profile-${Date.now()}`);
    const [command, args] = await engine.command(profile, url);
    this.#process = this.#desktop.processes.start(this.engine, command, args, { env: this.#desktop.env });
    const { stdout } = await this.#xdotool(
      ['search', '--sync', '--onlyvisible', '--class', engine.windowClass],
      60_000,
    );
    // The first visible window of the class is the browser's main window.
    this.#window = stdout.trim().split('\n')[0];
    await this.#xdotool(['windowfocus', '--sync', this.#window]);
  }

  /** Presses one key or chord, in xdotool's names: `h`, `Tab`, `space`, `Control+Home`. */
  async press(key) {
    await this.#xdotool(['windowfocus', '--sync', this.#window]);
    await this.#xdotool(['key', '--window', this.#window, key]);
  }

  close() {
    return this.#desktop.processes.stop(this.#process);
  }

  #xdotool(args, timeout = 10_000) {
    return run('xdotool', args, { env: this.#desktop.env, timeout });
  }
}
