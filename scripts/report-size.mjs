// Reports what a page downloads for one block — the script and its stylesheet — and fails
// the build above the budget in src/limits.ts (read from the npm build, which `npm run
// build` writes first). Prints the Subresource Integrity hash of each file for the snippet.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { DOWNLOAD_BUDGET_GZIP } from '../dist/npm/limits.js';

function sizeOf(file) {
  const bytes = readFileSync(file);
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes).length,
    integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
  };
}

const files = ['dist/open-letter.js', 'dist/open-letter.css'].map(sizeOf);
for (const { file, raw, gzip, brotli, integrity } of files) {
  console.log(`${file}: ${raw} B raw, ${gzip} B gzip -9, ${brotli} B brotli; integrity="${integrity}"`);
}
const total = files.reduce((sum, { gzip }) => sum + gzip, 0);
console.log(`one block downloads ${total} B gzip -9 (budget ${DOWNLOAD_BUDGET_GZIP} B)`);
if (total > DOWNLOAD_BUDGET_GZIP) {
  console.error(`over the budget by ${total - DOWNLOAD_BUDGET_GZIP} B: find the bytes before adding more.`);
  process.exit(1);
}
