// The pages the benchmark loads. Every page is the same host page — a site header,
// a heading, the letter, a paragraph below it — so they differ only in how the
// letter gets there. Nothing here is measurement code: that is in harness.mjs,
// added to every page by the browser before any of its scripts run.

/** A host page styled minimally: a readable column, the system font. */
const PAGE_CSS = `
  body { margin: 0 auto; max-width: 46rem; padding: 1rem; font: 1rem/1.5 system-ui, sans-serif; }
  .site { margin: 0 0 1rem; font-weight: 700; }
`;

/** Text below the block: what a layout shift would push down. */
const BELOW = `<p id="below">Dit is de tekst onder de brief op de pagina van de partij. Als het blok bij het laden
  van hoogte verandert, schuift deze alinea mee: dat meet de layout-shift.</p>`;

/** The fallback of the README's snippet: one link. */
export const LINK_FALLBACK = '<a href="https://houtenanders.nl/brandbrief-datalek-samen-veilig/">Lees de brandbrief</a>';

function page({ head = '', body }) {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Brandbrief — benchmark</title>
<link rel="icon" href="data:,">
${head}
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
 * title, so the browser reports when the title was painted (Element Timing).
 */
export function markTitle(snapshotHtml) {
  let marked = 0;
  const html = snapshotHtml.replace(/<(h[1-6]) id="([^"]*title)"/, (_match, tag, id) => {
    marked += 1;
    return `<${tag} id="${id}" elementtiming="letter-title"`;
  });
  if (marked !== 1) throw new Error('the snapshot has no heading with an id ending in "title"; did its output change?');
  return html;
}

/** The README's snippet: the script tag and the element, pasted into the page's content. */
export function embedPage({ script, campaign, fallback = LINK_FALLBACK, head = '' }) {
  return page({
    head,
    body: `<script type="module" src="${script}"></script>
<open-letter src="${campaign}">
${fallback}
</open-letter>`,
  });
}

/** The same letter written into the page: the snapshot, no script. */
export function staticPage({ snapshot }) {
  return page({ body: snapshot });
}

/**
 * A host that already has the data: no `src`, the campaign set as the `campaign`
 * property from JSON inlined in the page. One request fewer than the embed.
 */
export function inlineDataPage({ script, campaignJson, fallback = LINK_FALLBACK }) {
  // `<` escaped so the JSON cannot end the script element.
  const data = campaignJson.replace(/</g, '\\u003c');
  return page({
    body: `<script type="module">
  import '${script}';
  document.getElementById('letter').campaign = JSON.parse(document.getElementById('letter-data').textContent);
</script>
<open-letter id="letter">
${fallback}
</open-letter>
<script type="application/json" id="letter-data">${data}</script>`,
  });
}
