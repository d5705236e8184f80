// Writes dist/open-letter-wordpress.zip, the WordPress plugin as an admin uploads it
// (Plugins → Add New → Upload Plugin): the folder open-letter/ with the plugin's PHP and
// readme from wordpress/open-letter/ and the built open-letter.js (and open-letter.css once
// the build writes one), so the site serves the block itself. Run after `vite build`.
//
// Node's zlib writes the zip (deflate and CRC-32), so the build needs no `zip` program and
// no dependency; the real-WordPress test unpacks it with WordPress's own unzip_file().
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

const pluginDir = 'wordpress/open-letter';
const output = 'dist/open-letter-wordpress.zip';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

checkVersions(version);

const files = [
  ...readdirSync(pluginDir).map((name) => [`open-letter/${name}`, `${pluginDir}/${name}`]),
  ['open-letter/open-letter.js', 'dist/open-letter.js'],
  ...(existsSync('dist/open-letter.css') ? [['open-letter/open-letter.css', 'dist/open-letter.css']] : []),
];
const zip = zipOf([
  { name: 'open-letter/', directory: true, modified: statSync(pluginDir).mtime },
  ...files.map(([name, path]) => ({ name, data: readFileSync(path), modified: statSync(path).mtime })),
]);
writeFileSync(output, zip);
console.log(`${output}: ${(zip.length / 1024).toFixed(1)} KB, ${files.map(([name]) => name).join(', ')}`);

/** WordPress reads the version from the plugin header and the readme; all must be the package's. */
function checkVersions(expected) {
  const found = {
    'open-letter.php header': /^\s*\*\s*Version:\s*(\S+)/m,
    'open-letter.php OPEN_LETTER_VERSION': /OPEN_LETTER_VERSION = '([^']+)'/,
  };
  const php = readFileSync(`${pluginDir}/open-letter.php`, 'utf8');
  const readme = readFileSync(`${pluginDir}/readme.txt`, 'utf8');
  const versions = {
    ...Object.fromEntries(Object.entries(found).map(([where, pattern]) => [where, php.match(pattern)?.[1]])),
    'readme.txt Stable tag': readme.match(/^Stable tag:\s*(\S+)/m)?.[1],
  };
  const wrong = Object.entries(versions).filter(([, value]) => value !== expected);
  if (wrong.length) {
    console.error(`The plugin's version must be package.json's ${expected}; update ${pluginDir}/:`);
    for (const [where, value] of wrong) console.error(`  ${where}: ${value ?? 'missing'}`);
    process.exit(1);
  }
}

/** A zip archive (PKWARE APPNOTE 6.3: local headers, central directory, end record), deflated. */
function zipOf(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.directory ? Buffer.alloc(0) : entry.data;
    const compressed = entry.directory ? data : deflateRawSync(data, { level: 9 });
    const method = entry.directory ? 0 : 8;
    const [time, date] = dosDateTime(entry.modified);
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate, folders)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (so the modes below apply)
    local.copy(central, 6, 4, 30); // version needed … name length, as in the local header
    const mode = entry.directory ? 0o40755 : 0o100644;
    central.writeUInt32LE(((mode << 16) | (entry.directory ? 0x10 : 0)) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** MS-DOS time and date (local time, 2-second steps, from 1980), as zip stores them. */
function dosDateTime(moment) {
  const year = Math.max(moment.getFullYear(), 1980);
  const time = (moment.getHours() << 11) | (moment.getMinutes() << 5) | Math.floor(moment.getSeconds() / 2);
  const date = ((year - 1980) << 9) | ((moment.getMonth() + 1) << 5) | moment.getDate();
  return [time, date];
}
