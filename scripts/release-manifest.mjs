// Writes dist/release.json: this version's public CDN addresses for the script (and the
// stylesheet, once the build writes one), each with its Subresource Integrity hash, so the
// embed-code generator and the README give the address of exactly this release.
//
// Once `npm publish` has run, jsDelivr and unpkg serve every file of the npm package under
// open-letter@<version>/…; that address never changes, so its hash can be pinned. The
// `updating` address follows new compatible releases by itself and so can carry no hash.
// Before 1.0 any 0.x minor may break (semver), so it follows patches of this minor only.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const [major, minor] = version.split('.');
const updatingRange = major === '0' ? `${major}.${minor}` : major;

const release = { name, version, updatingRange };
for (const [key, file] of [
  ['script', 'dist/open-letter.js'],
  ['stylesheet', 'dist/open-letter.css'],
]) {
  if (!existsSync(file)) continue;
  release[key] = {
    file,
    integrity: `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`,
    jsdelivr: `https://cdn.jsdelivr.net/npm/${name}@${version}/${file}`,
    unpkg: `https://unpkg.com/${name}@${version}/${file}`,
    updating: `https://cdn.jsdelivr.net/npm/${name}@${updatingRange}/${file}`,
  };
}
writeFileSync('dist/release.json', `${JSON.stringify(release, null, 2)}\n`);
console.log(`dist/release.json: ${name}@${version}, ${release.script.jsdelivr}`);
