// Runs the campaign authors' command line as they run it: `node bin/open-letter.js …` in a
// child process. Needs `npm run build` first (it runs dist/cli.js).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/open-letter.js');

/**
 * Resolves to `{ status, stdout, stderr }`. Asynchronous rather than spawnSync: spawnSync
 * would block this process's event loop, and with it any HTTP server the CLI is asked to read from.
 */
export function run(...args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
