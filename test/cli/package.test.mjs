// What an npm consumer gets: every entry of the package's `exports` map resolves to a
// built file, the types declare the element and its events, and the manifest is
// where package.json says. Run after `npm run build` (npm test does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

test('every export of the package resolves to a file the build wrote', () => {
  for (const name of Object.keys(pkg.exports)) {
    const specifier = name === '.' ? pkg.name : `${pkg.name}/${name.slice(2)}`;
    // A package may import itself by name through its own exports map.
    const file = fileURLToPath(import.meta.resolve(specifier));
    assert.ok(existsSync(file), `${specifier} -> ${file} does not exist`);
  }
});

test('the npm entry imports its dependencies instead of bundling them', () => {
  const entry = readFileSync(fileURLToPath(import.meta.resolve(pkg.name)), 'utf8');
  const element = readFileSync(new URL('../../dist/npm/open-letter.js', import.meta.url), 'utf8');
  assert.match(element, /from ["']lit["']/);
  assert.match(entry, /open-letter-define/);
});

test('the type declarations name the element and type its events', () => {
  const types = pkg.exports['.'].types;
  assert.ok(existsSync(new URL(`../../${types}`, import.meta.url)), types);
  const define = readFileSync(new URL('../../dist/types/open-letter-define.d.ts', import.meta.url), 'utf8');
  assert.match(define, /'open-letter': OpenLetter/);
  assert.match(define, /'open-letter-load': CustomEvent<OpenLetterLoadDetail>/);
  assert.match(define, /'open-letter-error': CustomEvent<OpenLetterErrorDetail>/);
});

test('package.json points editors at the element manifest', () => {
  const manifest = JSON.parse(readFileSync(new URL(`../../${pkg.customElements}`, import.meta.url), 'utf8'));
  const tags = manifest.modules.flatMap((module) => module.declarations ?? []).map((declaration) => declaration.tagName);
  assert.ok(tags.includes('open-letter'));
});
