// Reading the block's source map (dist/open-letter.js.map, written beside the script but
// not referenced by it): which source file each piece of the minified script came from.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The map's segments per generated line, sorted by column: `{ column, source, name }`,
 * `source` and `name` indexes into the map's `sources` and `names` (undefined where the
 * map says the code has no source, or the token no name).
 */
export function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let name = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length >= 4) source += values[1];
      if (values.length >= 5) name += values[4];
      segments.push({
        column,
        source: values.length >= 4 ? source : undefined,
        name: values.length >= 5 ? name : undefined,
      });
    }
    lines.push(segments);
  }
  return lines;
}

/** A short name for a source file: the package for a dependency, the path for our own. */
export function shortName(path) {
  const dependency = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  return dependency ? dependency[1] : path.replace(/^(\.\.\/)+/, '');
}

/**
 * How many characters of the minified `code` each source file (by its short name) became,
 * largest first; code the map gives no source counts as "(no source)".
 */
export function charactersBySource(code, sourceMap) {
  const lines = decodeMappings(sourceMap.mappings);
  const codeLines = code.split('\n');
  const tally = new Map();
  lines.forEach((segments, lineIndex) => {
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.column ?? codeLines[lineIndex]?.length ?? segment.column;
      const file = segment.source === undefined ? '(no source)' : shortName(sourceMap.sources[segment.source]);
      tally.set(file, (tally.get(file) ?? 0) + end - segment.column);
    });
  });
  return [...tally].sort((a, b) => b[1] - a[1]).map(([file, characters]) => ({ file, characters }));
}
