// Reports the size of the built script and fails the build when it exceeds the
// budget: one block, both languages, must cost at most 14 KB gzip.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { createHash } from 'node:crypto';

const BUDGET_GZIP = 14 * 1024;
const file = 'dist/open-letter.js';
const bytes = readFileSync(file);
const gzip = gzipSync(bytes, { level: 9 }).length;
const brotli = brotliCompressSync(bytes).length;
const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${file}: ${kb(bytes.length)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli (budget ${kb(BUDGET_GZIP)} gzip)`);
console.log(`integrity="${integrity}"`);
if (gzip > BUDGET_GZIP) {
  console.error(`${file} is ${kb(gzip)} gzip, over the budget of ${kb(BUDGET_GZIP)}.`);
  process.exit(1);
}
