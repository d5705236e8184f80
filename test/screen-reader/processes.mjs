// Every process the screen-reader harness starts, kept by its PID and stopped by it.
// Each one leads its own process group, so stopping it by `-pid` also stops what it
// spawned itself (Firefox's content processes, the accessibility bus daemon,
// speech-dispatcher's synthesis module) and nothing else on the machine.
import { spawn } from 'node:child_process';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Processes {
  #started = [];
  #stopping = false;

  constructor() {
    // Ctrl+C or a killed test run must not leave a screen reader and a browser behind.
    const stopNow = () => this.killAllNow();
    const onSignal = (signal) => {
      stopNow();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('exit', stopNow);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  /** Starts `command` in a process group of its own; its output is kept for error messages. */
  start(name, command, args, options = {}) {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
    const entry = { name, child, exited: false, stopped: false, output: '' };
    const keep = (chunk) => {
      // Only the last few kilobytes: enough to say why a process died.
      entry.output = (entry.output + chunk).slice(-4000);
    };
    child.stdout?.setEncoding('utf8').on('data', keep);
    child.stderr?.setEncoding('utf8').on('data', keep);
    child.on('exit', () => (entry.exited = true));
    child.on('error', (error) => {
      entry.exited = true;
      keep(String(error));
    });
    this.#started.push(entry);
    return child;
  }

  /** What a started process printed last, for a failure message. */
  outputOf(name) {
    return this.#started.find((entry) => entry.name === name)?.output ?? '';
  }

  /** Stops every process, the last started first. */
  async stopAll() {
    if (this.#stopping) return;
    this.#stopping = true;
    for (const entry of [...this.#started].reverse()) await stopEntry(entry);
  }

  /** Stops one started process (and its group), e.g. a browser between page groups. */
  async stop(child) {
    const entry = this.#started.find((candidate) => candidate.child === child);
    if (entry) await stopEntry(entry);
  }

  /** Synchronous last resort when the test process itself is ending. */
  killAllNow() {
    for (const entry of [...this.#started].reverse()) {
      if (entry.child.pid && !entry.stopped) signalGroup(entry.child.pid, 'SIGKILL');
    }
  }
}

/** SIGTERM to the process group, then SIGKILL after a grace period. */
async function stopEntry(entry) {
  if (entry.stopped || !entry.child.pid) return;
  if (!entry.exited) signalGroup(entry.child.pid, 'SIGTERM');
  for (let waited = 0; !entry.exited && waited < 3000; waited += 50) await sleep(50);
  // The group may outlive its leader (a browser's helpers): end it either way.
  signalGroup(entry.child.pid, 'SIGKILL');
  entry.stopped = true;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
