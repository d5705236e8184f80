/** The help text, and the usage error that repeats it. */
import { EXIT_UNREADABLE, Exit } from './exit.js';

export const USAGE = `Usage:
  open-letter validate <file-or-url> [--base <url>]
  open-letter snapshot <file-or-url> [--lang nl|en] [--heading-level 1-6] [--base <url>]
                       [--highlight <names>] [--id-prefix <prefix>] [--hide-language-switch]
  open-letter site <file-or-url> --out <folder> --base <https address of the folder>
  open-letter --help

Commands:
  validate   Checks a campaign against the format the <open-letter> block reads (the
             same schema, with its limits: how many paragraphs, demands, sources and
             signatories, how long a text, how many accents on a letter), prints every
             problem with its JSON path and a hint, and warns about texts that lack a
             translation and sources whose url is not http(s).
  snapshot   Checks the campaign, then prints the letter as static HTML (the block's
             own template, no scripts, no inline styles), to paste inside
             <open-letter>…</open-letter> as fallback content for visitors without
             JavaScript, search engines and reader modes.
  site       Checks the campaign, then writes a static folder to publish at --base:
             index.html (the whole letter, in the campaign's language) and en/ or
             nl/ for the other language; embed.html and oembed.json, so that anyone
             who pastes the letter's address into WordPress (or another site that
             reads oEmbed) gets the letter in a frame; campaign.json and the block's
             own open-letter.js and open-letter.css, so the folder serves the block
             too. Publish the folder before anyone pastes its address: WordPress
             keeps its first answer for good.

Options:
  <file-or-url>          a local file or an http(s) address
  --lang nl|en           language of the snapshot (default: the campaign's language
                         when that is nl or en, else nl)
  --heading-level 1-6    level of the title's heading, like the block's heading-level
                         attribute; section headings are one below (default: 2)
  --base <url>           validate, snapshot: the address the campaign JSON is published
                         at. Relative source urls are resolved against it, as the block
                         does. Default: the address it was read from; for a local file
                         without --base, relative urls are kept as written (with a
                         warning). site: the https address the folder will be published
                         at (required; http only for tests on your own machine)
  --out <folder>         site: where to write the folder (made if missing; files of the
                         same names are overwritten, others left alone)
  --highlight <names>    like the block's highlight attribute: party or signatory
                         names, comma-separated
  --id-prefix <prefix>   put before every id in the snapshot, so it cannot clash with
                         ids in the page (default: "open-letter-"; use one per block
                         when a page has two); the block keeps the snapshot's ids
  --hide-language-switch like the block's attribute: leave out the row the language
                         switch takes
  -h, --help             show this help

Output: results go to stdout (the OK line, the HTML, the files written, this help); problems, warnings
and errors go to stderr. So \`open-letter snapshot c.json > fallback.html\` writes only
the HTML, and warnings still show in the terminal.

Exit codes: 0 valid (warnings do not change it), 1 not valid or not JSON,
2 the input could not be read, the folder not written, or the command line is wrong,
3 a bug in open-letter.
`;

export const usageError = (message: string) => new Exit(`error: ${message}\n\n${USAGE}`, EXIT_UNREADABLE);
