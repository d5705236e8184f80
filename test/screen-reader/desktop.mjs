// A private, headless desktop with a screen reader: Xvfb, a session bus, the AT-SPI
// accessibility bus and registry, speech-dispatcher (espeak-ng into a null audio
// driver, faster than real time) and Orca, whose debug log records everything it
// sends to speech. Nothing touches the machine's own session, sound or settings:
// every process gets a temporary HOME and runtime directory and is stopped by its PID.
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Processes } from './processes.mjs';
import { SpeechLog } from './speech-log.mjs';

const run = promisify(execFile);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const orcaWrapper = fileURLToPath(new URL('./orca-line-buffered.py', import.meta.url));

/** Whether this machine can run the screen-reader tests at all. */
export function screenReaderInstalled() {
  return ['/usr/bin/orca', '/usr/bin/Xvfb', '/usr/bin/xdotool', '/usr/bin/speech-dispatcher'].every((path) =>
    existsSync(path),
  );
}

// A session bus without <servicedir>: nothing can be activated behind our back (with the
// standard configuration Firefox activates portal services that escape PID tracking).
const sessionBusConfig = (
  socketDir,
) => `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${socketDir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

const speechDispatcherConfig = (logDir) => `LogLevel 3
LogDir "${logDir}"
AudioOutputMethod "libao"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
DefaultRate 100
`;

// Orca as a screen-reader user would set it up, minus what only gets in the way of a
// transcript: no key echo, braille or sounds, no reading the whole page on load.
const orcaPreferences = {
  firstStart: false,
  enableKeyEcho: false,
  enableBraille: false,
  enableBrailleMonitor: false,
  enableSound: false,
  sayAllOnLoad: false,
  pageSummaryOnLoad: false,
  enableTutorialMessages: false,
  // Orca looks every voice up by name: leaving one out breaks link text, for instance.
  voices: { default: { rate: 99 }, uppercase: { 'average-pitch': 7.0 }, hyperlink: {}, system: {} },
};

export class Desktop {
  processes = new Processes();
  /** The environment every process of this desktop runs in. */
  env = {};
  /** @type {SpeechLog} */
  speech;
  #root;
  #log;

  /** Starts the desktop and the screen reader; resolves once Orca has spoken its greeting. */
  static async start() {
    const desktop = new Desktop();
    try {
      await desktop.#start();
    } catch (error) {
      await desktop.stop();
      throw error;
    }
    return desktop;
  }

  async #start() {
    const root = await mkdtemp(join(tmpdir(), 'open-letter-screen-reader-'));
    this.#root = root;
    // Also when the run is interrupted (Processes ends the processes on the same signal).
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
    const home = join(this.#root, 'home');
    const runtime = join(this.#root, 'runtime');
    await mkdir(home);
    await mkdir(runtime, { mode: 0o700 });
    this.env = {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      HOME: home,
      XDG_RUNTIME_DIR: runtime,
      GTK_MODULES: 'gail:atk-bridge',
      NO_AT_BRIDGE: '0',
      GNOME_ACCESSIBILITY: '1',
      ACCESSIBILITY_ENABLED: '1',
      GSETTINGS_BACKEND: 'memory',
      GTK_USE_PORTAL: '0',
    };

    this.env.DISPLAY = `:${await this.#startX()}`;
    this.env.DBUS_SESSION_BUS_ADDRESS = await this.#startSessionBus();
    await this.#startAccessibilityBus();
    await this.#startSpeechDispatcher();
    await this.#startOrca();
  }

  /** Xvfb on the first free display; it writes the number it took on fd 3. */
  async #startX() {
    const xvfb = this.processes.start(
      'Xvfb',
      'Xvfb',
      ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      { env: this.env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] },
    );
    const line = await firstLine(xvfb.stdio[3], 10_000, 'Xvfb did not report its display');
    return Number(line);
  }

  async #startSessionBus() {
    const config = join(this.#root, 'session-bus.conf');
    await writeFile(config, sessionBusConfig(this.#root));
    const bus = this.processes.start(
      'dbus-daemon',
      'dbus-daemon',
      [`--config-file=${config}`, '--nofork', '--print-address=1'],
      { env: this.env },
    );
    return firstLine(bus.stdout, 10_000, 'dbus-daemon did not print its address');
  }

  /** The AT-SPI bus launcher (which starts the accessibility bus) and the registry on it. */
  async #startAccessibilityBus() {
    this.processes.start('at-spi-bus-launcher', '/usr/libexec/at-spi-bus-launcher', ['--launch-immediately'], {
      env: this.env,
    });
    const address = await until(
      () => dbusCall(this.env, ['--session', '--dest=org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus.GetAddress']),
      10_000,
      'the accessibility bus did not start',
    );
    const accessibilityBus = /string "([^"]+)"/.exec(address)?.[1];
    this.processes.start('at-spi2-registryd', '/usr/libexec/at-spi2-registryd', [], { env: this.env });
    await until(
      () =>
        dbusCall(this.env, [
          `--bus=${accessibilityBus}`,
          '--dest=org.a11y.atspi.Registry',
          '/org/a11y/atspi/accessible/root',
          'org.freedesktop.DBus.Peer.Ping',
        ]),
      10_000,
      'the AT-SPI registry did not start',
    );
  }

  async #startSpeechDispatcher() {
    const config = join(this.#root, 'speech-dispatcher');
    await mkdir(join(config, 'modules'), { recursive: true });
    await mkdir(join(config, 'log'));
    await writeFile(join(config, 'speechd.conf'), speechDispatcherConfig(join(config, 'log')));
    await writeFile(join(config, 'modules', 'espeak-ng.conf'), 'EspeakAudioChunkSize 300\n');
    // No sound card here: libao's null driver swallows the audio at once.
    await writeFile(join(this.env.HOME, '.libao'), 'default_driver=null\n');
    this.processes.start('speech-dispatcher', 'speech-dispatcher', ['-s', '-t', '0', '-C', config], { env: this.env });
    const socket = join(this.env.XDG_RUNTIME_DIR, 'speech-dispatcher', 'speechd.sock');
    await until(() => existsSync(socket) || undefined, 10_000, 'speech-dispatcher did not open its socket');
  }

  async #startOrca() {
    const preferences = join(this.#root, 'orca');
    await mkdir(preferences);
    await writeFile(
      join(preferences, 'user-settings.conf'),
      JSON.stringify({
        general: orcaPreferences,
        profiles: { default: { profile: ['Default', 'default'], ...orcaPreferences } },
        pronunciations: {},
        keybindings: {},
      }),
    );
    const log = (this.#log = join(this.#root, 'orca-debug.log'));
    await writeFile(log, '');
    this.speech = new SpeechLog(log);
    // Debian's Orca runs on the system Python (pyatspi, gi), whatever python3 is first in PATH.
    const orca = this.processes.start('orca', '/usr/bin/python3', [orcaWrapper, log, '--user-prefs', preferences], {
      env: this.env,
    });
    // Orca says "Screen reader on" once it is listening; it quits at once if another Orca
    // of this user is running (it checks by process name, machine-wide).
    await until(
      () => this.speech.heard(/screen reader on/i) || orca.exitCode !== null,
      30_000,
      'Orca did not start',
    ).catch(() => {});
    if (!this.speech.heard(/screen reader on/i)) {
      throw new Error(`Orca did not start. It printed:\n${this.processes.outputOf('orca') || '(nothing)'}`);
    }
  }

  /** A fresh directory under this desktop's temporary root. */
  async directory(name) {
    const path = join(this.#root, name);
    await mkdir(path, { recursive: true });
    return path;
  }

  async stop() {
    this.speech?.close();
    // For a closer look at what Orca did: OPEN_LETTER_ORCA_LOG=/some/file keeps its debug log.
    if (process.env.OPEN_LETTER_ORCA_LOG && this.#log) await copyFile(this.#log, process.env.OPEN_LETTER_ORCA_LOG);
    await this.processes.stopAll();
    if (this.#root) await rm(this.#root, { recursive: true, force: true });
  }
}

async function dbusCall(env, args) {
  try {
    const { stdout } = await run('dbus-send', ['--print-reply', ...args], { env, timeout: 2000 });
    return stdout;
  } catch {
    return undefined;
  }
}

/** Polls `check` until it returns something, or fails with `message`. */
async function until(check, timeout, message) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`${message} within ${timeout / 1000} s`);
    await sleep(100);
  }
}

function firstLine(stream, timeout, message) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${message} within ${timeout / 1000} s`)), timeout);
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(text.slice(0, end).trim());
      }
    });
  });
}
