// The largest campaigns the format accepts within the block's size limit, one per shape
// (issue 13's "bounded work"): the most paragraphs, demands, closing paragraphs, sources
// or signatories the format allows, each text as long as it allows, as far as the byte
// limit leaves room; and paragraphs with the most combining marks the format allows on
// every letter. Every number comes from the limits module (src/limits.ts, read from the
// npm build), so the campaigns follow the format when its limits change.
//
// Where the shown (Dutch) texts leave room under the byte limit, each gets an English
// translation too: the block downloads, parses and checks every byte, and a bilingual
// campaign is what this project's letters are.

/** The names this file needs from the limits module. */
const LIMITS = [
  'DEFAULT_MAX_BYTES',
  'MAX_PARAGRAPHS',
  'MAX_DEMANDS',
  'MAX_CLOSING',
  'MAX_SOURCES',
  'MAX_SIGNATORIES',
  'MAX_TEXT_LENGTH',
  'MAX_NAME_LENGTH',
  'MAX_COMBINING_MARKS',
];

/** Words for the texts: Dutch, as the letters are, with the lengths of real prose. */
const NL_WORDS = (
  'de raadsleden vragen het college om een onafhankelijk onderzoek naar de veiligheid van gegevens en een ' +
  'risicoanalyse van de opslag en verwerking zodat de bescherming van kwetsbare gezinnen en medewerkers ' +
  'gewaarborgd is wij vinden dit uiterst zorgelijk omdat het niet het eerste datalek is'
).split(' ');
const EN_WORDS = (
  'the council members ask the aldermen for an independent investigation into data security and a risk ' +
  'analysis of storage and processing so that vulnerable families and staff are protected we find this ' +
  'extremely worrying because it is not the first data leak'
).split(' ');

/** Texts already made: finding the largest campaign of a shape builds it several times over. */
const made = new Map();
const remembered = (key, make) => {
  if (!made.has(key)) made.set(key, make());
  return made.get(key);
};

/** Exactly `length` characters (code points, as the format counts them) of prose from `words`, starting at word `seed`. */
function prose(length, words = NL_WORDS, seed = 0) {
  const start = seed % words.length;
  return remembered(`prose ${words[0]} ${length} ${start}`, () => {
    let text = '';
    for (let i = start; text.length < length; i++) text += `${words[i % words.length]} `;
    // Capitalised and without a trailing space, like a sentence.
    return (text[0].toUpperCase() + text.slice(1, length - 1) + '.').slice(0, length);
  });
}

/**
 * Exactly `length` characters of words whose every letter carries `marks` combining marks
 * (U+0300…U+036F in turn), words of five letters separated by spaces.
 */
function markedProse(length, marks) {
  return remembered(`marked ${length} ${marks}`, () => {
    const chars = [];
    for (let letter = 0; chars.length < length; letter++) {
      if (letter % 6 === 5) {
        chars.push(' ');
        continue;
      }
      chars.push(String.fromCodePoint(0x61 + (letter % 26)));
      for (let m = 0; m < marks; m++) chars.push(String.fromCodePoint(0x300 + ((letter * marks + m) % 0x70)));
    }
    return chars.slice(0, length).join('');
  });
}

/** A text of the format: Dutch, with an English translation when `english` is above 0. */
const text = (dutch, english) => (english > 0 ? { nl: dutch, en: prose(english, EN_WORDS) } : dutch);

const bytesOf = (campaign) => Buffer.byteLength(JSON.stringify(campaign));

/**
 * The largest whole number n in [low, high] with `size(n)` ≤ `limit` (`size(low)` must be),
 * for a `size` that grows with n, about linearly: interpolation steps, every other one a
 * halving so that a bend in `size` cannot slow it down. A handful of builds, not dozens.
 */
function largest(low, high, size, limit) {
  let sizeLow = size(low);
  let sizeHigh = size(high);
  if (sizeHigh <= limit) return high;
  for (let step = 0; high - low > 1; step++) {
    const guess =
      step % 2
        ? Math.floor((low + high) / 2)
        : low + Math.floor(((limit - sizeLow) * (high - low)) / (sizeHigh - sizeLow));
    const n = Math.min(Math.max(guess, low + 1), high - 1);
    const sizeN = size(n);
    if (sizeN <= limit) [low, sizeLow] = [n, sizeN];
    else [high, sizeHigh] = [n, sizeN];
  }
  return low;
}

/**
 * The shapes: each builds a campaign from the base one with `count` items whose texts are
 * `length` characters long (plus an English translation of `english` characters).
 */
function shapes(L) {
  const paragraphs = (make) => (base, count, length, english) => ({
    ...base,
    letter: { ...base.letter, paragraphs: Array.from({ length: count }, (_, i) => make(length, english, i)) },
  });
  return [
    {
      name: 'paragraphs',
      label: 'paragraphs',
      maxCount: L.MAX_PARAGRAPHS,
      maxLength: L.MAX_TEXT_LENGTH,
      build: paragraphs((length, english, i) => text(prose(length, NL_WORDS, i), english)),
    },
    {
      name: 'demands',
      label: 'demands',
      maxCount: L.MAX_DEMANDS,
      maxLength: L.MAX_TEXT_LENGTH,
      build: (base, count, length, english) => ({
        ...base,
        letter: {
          ...base.letter,
          demands: Array.from({ length: count }, (_, i) => text(prose(length, NL_WORDS, i), english)),
        },
      }),
    },
    {
      name: 'closing',
      label: 'closing paragraphs',
      maxCount: L.MAX_CLOSING,
      maxLength: L.MAX_TEXT_LENGTH,
      build: (base, count, length, english) => ({
        ...base,
        letter: {
          ...base.letter,
          closing: Array.from({ length: count }, (_, i) => text(prose(length, NL_WORDS, i), english)),
        },
      }),
    },
    {
      name: 'sources',
      label: 'sources',
      maxCount: L.MAX_SOURCES,
      maxLength: L.MAX_TEXT_LENGTH,
      // Every source a link (http), with publisher, date and kind: the most a source shows.
      build: (base, count, length, english) => ({
        ...base,
        sources: Array.from({ length: count }, (_, i) => ({
          title: text(prose(length, NL_WORDS, i), english),
          url: `https://www.rijksoverheid.nl/documenten/rapporten/2022/bron-${i + 1}.pdf`,
          kind: 'pdf',
          publisher: 'Rijksoverheid',
          date: '2022-02-15',
        })),
      }),
    },
    {
      name: 'signatories',
      label: 'signatories',
      maxCount: L.MAX_SIGNATORIES,
      maxLength: L.MAX_NAME_LENGTH,
      // Names only: they have no translations. Every party of the base letter in turn, a place for two in three.
      translatable: false,
      openFullList: true,
      build: (base, count, length) => {
        const parties = base.signatories.map((signatory) => signatory.party);
        const places = ['Houten', 'De Bilt', 'Utrecht', 'Montfoort', 'Stichtse Vecht', 'Zeist', 'Nieuwegein'];
        return {
          ...base,
          signatories: Array.from({ length: count }, (_, i) => ({
            name: prose(length, NL_WORDS, i),
            party: parties[i % parties.length],
            ...(i % 3 === 0 ? {} : { place: places[i % places.length] }),
          })),
        };
      },
    },
    {
      name: 'marks',
      label: `paragraphs with ${L.MAX_COMBINING_MARKS} combining marks on every letter`,
      maxCount: L.MAX_PARAGRAPHS,
      maxLength: L.MAX_TEXT_LENGTH,
      build: paragraphs((length, english) => text(markedProse(length, L.MAX_COMBINING_MARKS), english)),
    },
  ];
}

/**
 * The campaigns, as JSON of at most `DEFAULT_MAX_BYTES` bytes each, built on `base` (the
 * demo campaign). Throws when the limits module lacks a limit this needs.
 *
 * For each shape, in this order: as many items as the format allows (fewer only if even
 * one-character texts would not fit), then each shown text as long as the format allows
 * and the bytes leave room for, then English translations as long as the room left allows.
 */
export function largestCampaigns(limits, base) {
  const missing = LIMITS.filter((name) => typeof limits[name] !== 'number');
  if (missing.length) {
    throw new Error(`the limits module has no ${missing.join(', ')}: the campaign format has no limits to fill`);
  }
  const maxBytes = limits.DEFAULT_MAX_BYTES;
  return shapes(limits).map((shape) => {
    const size = (count, length, english = 0) => bytesOf(shape.build(base, count, length, english));
    const count = largest(1, shape.maxCount, (n) => size(n, 1), maxBytes);
    const length = largest(1, shape.maxLength, (n) => size(count, n), maxBytes);
    const english =
      shape.translatable === false || length < shape.maxLength
        ? 0
        : largest(0, shape.maxLength, (n) => size(count, length, n), maxBytes);
    const json = JSON.stringify(shape.build(base, count, length, english));
    return {
      name: shape.name,
      label: shape.label,
      openFullList: !!shape.openFullList,
      count,
      maxCount: shape.maxCount,
      length,
      maxLength: shape.maxLength,
      englishLength: english,
      bytes: Buffer.byteLength(json),
      json,
    };
  });
}
