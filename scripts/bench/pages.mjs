// The pages the benchmark loads. Every page is the same host page — a site header,
// a heading, the letter, a paragraph below it — so they differ only in how the
// letter gets there. Nothing here is measurement code: that is in harness.mjs,
// added to every page by the browser before any of its scripts run.

/** A host page styled minimally: a readable column, the system font. */
const PAGE_CSS = `
  body { margin: 0 auto; max-width: 46rem; padding: 1rem; font: 1rem/1.5 system-ui, sans-serif; }
  .site { margin: 0 0 1rem; font-weight: 700; }
`;

/** Text below the block: what a change of the block's height would push around. */
const BELOW = `<p id="below">Dit is de tekst onder de brief op de pagina van de partij. Als het blok bij het laden
  van hoogte verandert, schuift deze alinea mee.</p>`;

/** The link fallback of the README's snippet. */
export const LINK_FALLBACK =
  '<a href="https://houtenanders.nl/brandbrief-datalek-samen-veilig/">Lees de brandbrief</a>';

function page(body) {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Brandbrief — benchmark</title>
<link rel="icon" href="data:,">
<style>${PAGE_CSS}</style>
</head>
<body>
<p class="site">Houten Anders!</p>
<main>
<h1>Brandbrief over het datalek</h1>
${body}
${BELOW}
</main>
</body>
</html>
`;
}

/**
 * The snapshot HTML with the bench's one addition: an `elementtiming` attribute on the
 * title, so the browser reports when the pre-rendered title was painted (Element Timing).
 */
export function markTitle(snapshotHtml) {
  let marked = 0;
  const html = snapshotHtml.replace(/<(h[1-6]) ([^>]*class="open-letter__title")/, (_match, tag, attributes) => {
    marked += 1;
    return `<${tag} elementtiming="letter-title" ${attributes}`;
  });
  if (marked !== 1)
    throw new Error('the snapshot has no heading with class "open-letter__title"; did its output change?');
  return html;
}

/** The snippet's stylesheet link: the file's address and its Subresource Integrity hash, as the README's snippet has them. */
const stylesheetLink = ({ href, integrity }) =>
  `<link rel="stylesheet" href="${href}" integrity="${integrity}" crossorigin="anonymous">`;

/**
 * The README's snippet, one line, pasted into the page's content, in its order: the
 * stylesheet, the script, with `preload` a preload of the campaign (so its request starts
 * with the script's), and the element with its fallback. `script` and `stylesheet` are
 * `{ href, integrity }`.
 */
export function embedPage({ script, stylesheet, campaign, fallback = LINK_FALLBACK, preload = false }) {
  const preloadLink = preload ? `<link rel="preload" as="fetch" href="${campaign}" crossorigin="anonymous">` : '';
  return page(
    `<div class="open-letter-embed">${stylesheetLink(stylesheet)}` +
      `<script type="module" src="${script.href}" integrity="${script.integrity}" crossorigin="anonymous"></script>` +
      `${preloadLink}<open-letter src="${campaign}" lang="nl">${fallback}</open-letter></div>`,
  );
}

/** The same letter as static HTML: the snapshot in the element, with the snippet's stylesheet, and no script. */
export function staticPage({ stylesheet, snapshot }) {
  return page(
    `<div class="open-letter-embed">${stylesheetLink(stylesheet)}<open-letter lang="nl">${snapshot}</open-letter></div>`,
  );
}
