// Builds the locale modules with lit-localize and fails when a message lacks a
// translation: `lit-localize build` itself only warns and exits 0, so a new string
// could otherwise ship untranslated.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['lit-localize', 'build'], { encoding: 'utf8' });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
const missing = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => /is missing/.test(line));
if (result.status !== 0) process.exit(result.status ?? 1);
if (missing.length) {
  console.error(
    `\n${missing.length} interface string(s) lack a translation. Run \`npm run localize:extract\`, ` +
      'add a <target> for each new <trans-unit> in locales/*.xlf, and build again.',
  );
  process.exit(1);
}
