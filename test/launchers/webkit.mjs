// WebKit, the engine of every iPhone and iPad, for the test runner: Debian's WebKitGTK
// MiniBrowser driven over WebDriver (packages webkit2gtk-driver and xvfb).
// The launcher starts what it needs itself, on first use: a virtual display when there
// is no $DISPLAY (MiniBrowser has no headless mode) and WebKitWebDriver on a free port.
// Both are stopped when the runner stops the browser, and also when the process exits
// early (a failure, Ctrl-C, a CI time-out's SIGTERM), so nothing outlives a run.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const driverPath = process.env.WEBKIT_WEBDRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

/** MiniBrowser lives under the multiarch directory, e.g. /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/. */
function miniBrowserPath() {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  const found = readdirSync('/usr/lib')
    .map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`)
    .find((path) => existsSync(path));
  if (!found)
    throw new Error('MiniBrowser not found: install webkit2gtk-driver (apt-get install webkit2gtk-driver xvfb)');
  return found;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Rejects when `child` exits or cannot be started, naming `what`. */
function exitOf(child, what) {
  return new Promise((_, reject) => {
    child.once('error', (error) => reject(new Error(`${what} could not be started: ${error.message}`)));
    child.once('exit', (code, signal) => reject(new Error(`${what} exited early (${signal ?? `code ${code}`})`)));
  });
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts Xvfb on a display number it picks itself (`-displayfd`: never a fixed :99 that
 * another run may hold) and resolves with that display, e.g. ":1".
 */
async function startXvfb(own) {
  const xvfb = own(
    spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    }),
  );
  let stderr = '';
  xvfb.stderr.on('data', (chunk) => (stderr += chunk));
  const display = new Promise((resolve) => {
    let written = '';
    xvfb.stdio[3].on('data', (chunk) => {
      written += chunk;
      if (written.includes('\n')) resolve(`:${written.trim()}`);
    });
  });
  try {
    return await withTimeout(Promise.race([display, exitOf(xvfb, 'Xvfb')]), 10000, 'Xvfb did not report its display');
  } catch (error) {
    throw new Error(`${error.message}\n${stderr}`, { cause: error });
  }
}

async function waitUntilReady(url, driver) {
  const ready = (async () => {
    for (;;) {
      try {
        if ((await fetch(url)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  await withTimeout(Promise.race([ready, exitOf(driver, 'WebKitWebDriver')]), 10000, 'WebKitWebDriver did not answer');
}

class WebKitLauncher extends WebdriverLauncher {
  /** Processes this launcher started and has not seen exit yet, each with how to stop it. */
  #children = new Map();
  #started;
  #watchingExit = false;
  #freshBrowserNext = false;

  constructor() {
    // Nothing is looked up or started yet: the runner builds every launcher, also for a run
    // that uses only another engine.
    super({ capabilities: { browserName: 'MiniBrowser' } });
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async startSession(id, url) {
    this.#started ??= this.#startDriver();
    await this.#started;
    if (this.#freshBrowserNext) {
      // Ends this MiniBrowser's WebDriver session; the next one starts a new MiniBrowser.
      this.#freshBrowserNext = false;
      await super.stop();
      // Also when ending the session failed (stop() swallows that): never reuse it.
      this.driver = undefined;
      this.driverManager = undefined;
    }
    await this.ensureManagerInitialized();
    // Awaited, unlike the stock launcher's queued start: a failed navigation then fails this
    // test file with WebDriver's message instead of ending the whole run without one.
    await this.driverManager.startSession(id, url);
  }

  async startDebugSession(id, url) {
    this.#started ??= this.#startDriver();
    await this.#started;
    return super.startDebugSession(id, url);
  }

  /**
   * WebDriver's computed role and label switch WebKit's accessibility tree on for the rest of
   * the browser's life, as a screen reader would, and that slows rendering down (measured: a
   * letter with 1.6 MB of text, 17 s instead of 1.2 s). The test file after one that asked for
   * them gets a new MiniBrowser, so each file runs as it would on its own.
   */
  accessibilityTreeSwitchedOn() {
    this.#freshBrowserNext = true;
  }

  async stop() {
    // Closes MiniBrowser through its WebDriver session first, then the helpers.
    await super.stop();
    await this.#kill();
    this.#started = undefined;
  }

  async #startDriver() {
    this.#stopOnEarlyExit();
    this.options.capabilities = {
      browserName: 'MiniBrowser',
      // Without it webdriverio asks for WebDriver BiDi, which WebKitWebDriver lacks.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
    };
    const env = { ...process.env };
    env.DISPLAY ||= await startXvfb((child) => this.#own(child, (signal) => child.kill(signal)));
    const port = await freePort();
    // In a process group of its own, stopped as a whole: MiniBrowser and its web processes too.
    const driver = spawn(driverPath, [`--port=${port}`], { env, stdio: 'ignore', detached: true });
    this.#own(driver, (signal) => process.kill(-driver.pid, signal));
    await waitUntilReady(`http://127.0.0.1:${port}/status`, driver);
    Object.assign(this.options, { hostname: '127.0.0.1', port, path: '/' });
  }

  /**
   * The runner stops its browsers only after a complete run: on Ctrl-C or an uncaught
   * error it exits the process, and a CI time-out sends SIGTERM. Signals are sent
   * synchronously, so an 'exit' handler can still stop the children.
   */
  #stopOnEarlyExit() {
    if (this.#watchingExit) return;
    this.#watchingExit = true;
    process.once('exit', () => this.#kill());
    for (const [signal, number] of [
      ['SIGTERM', 15],
      ['SIGHUP', 1],
    ]) {
      process.once(signal, () => {
        this.#kill();
        process.exit(128 + number);
      });
    }
  }

  /** Keeps `child` to stop it later with `stop(signal)`, until it exits by itself. */
  #own(child, stop) {
    this.#children.set(child, stop);
    const forget = () => this.#children.delete(child);
    child.once('exit', forget);
    child.once('error', forget);
    return child;
  }

  /**
   * Stops every process this launcher started, by its PID (the driver by its group);
   * one that ignores SIGTERM for 5 s gets SIGKILL.
   */
  #kill() {
    const stopped = [...this.#children].map(([child, stop]) => {
      const send = (signal) => {
        try {
          stop(signal);
        } catch {
          // already gone
        }
      };
      send('SIGTERM');
      return new Promise((resolve) => {
        const timer = setTimeout(() => send('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    });
    return Promise.all(stopped);
  }
}

export function webkitLauncher() {
  return new WebKitLauncher();
}
