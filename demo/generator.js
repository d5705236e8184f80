// The embed-code generator (demo/generator.html): fields → a live <open-letter> preview and a
// snippet to paste, with the Subresource Integrity hash of the script the snippet loads.
// Nothing is stored; the only request it makes itself is for that script (to hash it).
// The pure helpers are exported so tests can check them without the page.

/** The attribute-value and text escaping HTML needs: &, <, >, ". */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** Standard base64 (with padding) of bytes, as SRI wants it. */
export function base64(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The SRI value `sha384-…` of some bytes. */
export async function sha384Integrity(bytes) {
  const digest = await crypto.subtle.digest('SHA-384', bytes);
  return `sha384-${base64(new Uint8Array(digest))}`;
}

// Vite's dev server (npm start) appends an inline source map to every .js file it serves;
// the built file itself has none (the build writes a hidden map). Hashing what a webmaster
// uploads means leaving that trailer out, for scripts from this very server only.
const DEV_SOURCE_MAP = '\n//# sourceMappingURL=data:application/json;base64,';

export function withoutDevSourceMap(bytes) {
  // windows-1252 decodes one byte to one UTF-16 unit, so string indices are byte indices.
  const text = new TextDecoder('windows-1252').decode(bytes);
  const at = text.lastIndexOf(DEV_SOURCE_MAP);
  if (at < 0 || !/^[A-Za-z0-9+/=]+\s*$/.test(text.slice(at + DEV_SOURCE_MAP.length))) return bytes;
  return bytes.slice(0, at);
}

/**
 * The snippet a webmaster pastes. `attributes` are [name, value] pairs (value `true` for a
 * boolean attribute), `theme` [custom property, CSS value] pairs (values already checked to be
 * plain CSS values), `fallback` { href, text } or null.
 */
export function buildSnippet({ scriptSrc, integrity, attributes = [], theme = [], fallback = null }) {
  const lines = [];
  const sri = integrity ? ` integrity="${escapeHtml(integrity)}"` : '';
  lines.push(`<script type="module" src="${escapeHtml(scriptSrc)}"${sri} crossorigin="anonymous"></script>`);
  if (theme.length) {
    lines.push('<style>', '  open-letter {');
    for (const [property, value] of theme) lines.push(`    ${property}: ${value};`);
    lines.push('  }', '</style>');
  }
  const attrs = attributes
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
  if (fallback) {
    lines.push(`<open-letter${attrs}>`);
    lines.push(`  <a href="${escapeHtml(fallback.href)}">${escapeHtml(fallback.text)}</a>`);
    lines.push('</open-letter>');
  } else {
    lines.push(`<open-letter${attrs}></open-letter>`);
  }
  return `${lines.join('\n')}\n`;
}

/** An absolute http(s) address for `value` (relative to this page), or null. */
export function httpAddress(value, base = document.baseURI) {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Only plain CSS values go into the <style> block: no braces, semicolons, tags, quotes or comments. */
const PLAIN_CSS = /^[\w\s#%().,+\-/]*$/;
const SUPPORTS = { color: 'color', border: 'border', length: 'padding', 'max-width': 'max-width' };

export function cssValueOk(kind, value) {
  return PLAIN_CSS.test(value) && !value.includes('/*') && !value.includes('*/') && CSS.supports(SUPPORTS[kind], value);
}

const normalize = (value) => value.trim().replace(/\s+/g, ' ').toLowerCase();

// ---------------------------------------------------------------------------------------
// The page.

/** A small DOM builder for messages: strings, ['code', text] and ['en', ...parts]. */
function parts(...items) {
  return items.map((item) => {
    if (typeof item === 'string') return document.createTextNode(item);
    const [kind, ...rest] = item;
    const el = document.createElement(kind === 'en' ? 'span' : kind);
    if (kind === 'en') el.lang = 'en';
    el.append(...parts(...rest));
    return el;
  });
}

function say(el, ...items) {
  el.replaceChildren(...parts(...items));
}

function init() {
  const form = document.getElementById('generator-form');
  const preview = document.getElementById('gen-preview');
  const code = document.getElementById('gen-code');
  const copyButton = document.getElementById('gen-copy');
  const copyStatus = document.getElementById('gen-copy-status');
  const integrityStatus = document.getElementById('gen-integrity');
  const field = (name) => form.elements.namedItem(name);

  const defaultScript = new URL('../dist/open-letter.js', document.baseURI).href;
  document.getElementById('gen-script-default').textContent = defaultScript;

  const themeFields = [...form.querySelectorAll('input[data-property]')];

  /** A field's error line: shown (with the word "Fout") or hidden. */
  function showError(input, ...message) {
    const error = document.getElementById(`${input.id}-error`);
    if (message.length) {
      input.setAttribute('aria-invalid', 'true');
      say(error, ['strong', 'Fout: '], ...message);
      error.hidden = false;
    } else {
      input.removeAttribute('aria-invalid');
      error.replaceChildren();
      error.hidden = true;
    }
  }

  /** Reads and checks every field; returns the settings and each field's problem, if any. */
  function read() {
    const problems = new Map();
    const srcValue = field('src').value.trim();
    const src = srcValue ? httpAddress(srcValue) : null;
    if (!src) {
      problems.set(field('src'), srcValue
        ? ['Geen geldig http(s)-adres. ', ['en', '(Not a valid http(s) address.)']]
        : ['Vul het adres van de campagne in. ', ['en', '(Enter the campaign address.)']]);
    }

    const scriptValue = field('script').value.trim();
    let script = defaultScript;
    if (scriptValue) {
      const address = httpAddress(scriptValue);
      if (address) script = address;
      else problems.set(field('script'), ['Geen geldig http(s)-adres; de code gebruikt nu het standaardadres. ',
        ['en', '(Not a valid http(s) address; the code uses the default address.)']]);
    }

    const hrefValue = field('fallback-href').value.trim();
    let fallback = null;
    if (hrefValue) {
      const href = httpAddress(hrefValue);
      if (href) fallback = { href, text: field('fallback-text').value.trim() || 'Lees de brandbrief' };
      else problems.set(field('fallback-href'), ['Geen geldig http(s)-adres; de code laat de link nu weg. ',
        ['en', '(Not a valid http(s) address; the code leaves the link out.)']]);
    }

    const attributes = [];
    if (src) attributes.push(['src', src]);
    const lang = form.querySelector('input[name="lang"]:checked').value;
    if (lang) attributes.push(['lang', lang]);
    const headingLevel = field('heading-level').value;
    if (headingLevel !== '2') attributes.push(['heading-level', headingLevel]);
    const highlight = field('highlight').value.trim();
    if (highlight) attributes.push(['highlight', highlight]);
    if (field('hide-language-switch').checked) attributes.push(['hide-language-switch', true]);
    if (field('links-in-new-tab').checked) attributes.push(['links-in-new-tab', true]);

    const theme = [];
    for (const input of themeFields) {
      const value = input.value.trim().replace(/\s+/g, ' ');
      if (!value || normalize(value) === normalize(input.dataset.default)) continue;
      if (cssValueOk(input.dataset.kind, value)) theme.push([input.dataset.property, value]);
      else problems.set(input, ['Geen geldige CSS-waarde; de code gebruikt nu de standaard. ',
        ['en', '(Not a valid CSS value; the code uses the default.)']]);
    }
    return { src, script, fallback, attributes, theme, problems };
  }

  // --- Subresource Integrity -------------------------------------------------------------

  let integrity = { script: null, value: null };
  let integrityRun = 0;

  async function computeIntegrity(script) {
    const run = ++integrityRun;
    integrity = { script, value: null };
    const isDefault = script === defaultScript;
    let result;
    try {
      if (!crypto.subtle) throw Object.assign(new Error('insecure'), { insecure: true });
      const response = await fetch(script, {
        credentials: 'omit',
        cache: 'no-cache',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) {
        result = { state: isDefault && response.status === 404 ? 'missing' : 'http', status: response.status };
      } else {
        const served = new Uint8Array(await response.arrayBuffer());
        const sameOrigin = new URL(response.url || script).origin === location.origin;
        const bytes = sameOrigin ? withoutDevSourceMap(served) : served;
        result = { state: 'ok', value: await sha384Integrity(bytes), devServer: bytes !== served };
      }
    } catch (error) {
      result = { state: error?.insecure ? 'insecure' : 'failed' };
    }
    if (run !== integrityRun) return; // the address changed meanwhile
    integrity = { script, value: result.value ?? null };
    integrityStatus.dataset.state = result.state;
    const buildHint = ['gebruik dan de integrity die ', ['code', 'npm run build'], ' afdrukt voor ', ['code', 'dist/open-letter.js'], '.'];
    if (result.state === 'ok') {
      say(integrityStatus, 'Integriteitshash (', ['code', 'integrity'], ') berekend over de bytes van ', ['code', script],
        '. ', ['en', '(Integrity hash computed from the bytes of the script.)']);
      if (result.devServer) {
        integrityStatus.append(...parts(' De ontwikkelserver (', ['code', 'npm start'], ') voegt een source map aan het script toe, ',
          'dus daar faalt deze integrity; de hash geldt voor het gebouwde bestand zoals u het op uw server of CDN zet. ',
          ['en', '(The dev server appends a source map, so this integrity fails there; it is the hash of the built file as you host it.)']));
      }
    } else if (result.state === 'missing') {
      say(integrityStatus, ['strong', 'Let op: '], 'het script is nog niet gebouwd. Voer eerst ', ['code', 'npm run build'],
        ' uit om de integriteitshash te krijgen; tot dan staat er geen ', ['code', 'integrity'], ' in de code. ',
        ['en', '(Warning: run ', ['code', 'npm run build'], ' first to get the integrity hash; until then the code has no integrity.)']);
    } else if (result.state === 'http') {
      say(integrityStatus, ['strong', 'Let op: '], `het script op dit adres gaf HTTP ${result.status}, dus de hash kon niet worden berekend en de code heeft geen `,
        ['code', 'integrity'], '. Controleer het adres. ',
        ['en', `(Warning: the script address answered HTTP ${result.status}; no integrity hash. Check the address.)`]);
    } else if (result.state === 'insecure') {
      say(integrityStatus, ['strong', 'Let op: '], 'de hash kan alleen op https of localhost worden berekend; ', ...buildHint,
        ' ', ['en', '(Warning: the hash can only be computed over https or on localhost; npm run build prints it.)']);
    } else {
      say(integrityStatus, ['strong', 'Let op: '], 'de hash kon niet worden berekend, want deze pagina kan het script niet ophalen ',
        '(een ander domein zonder CORS-header, of onbereikbaar), dus de code heeft geen ', ['code', 'integrity'],
        '. Is het hetzelfde bestand, ', ...buildHint, ' Zet die als ', ['code', 'integrity="sha384-…"'], ' in de scripttag. ',
        ['en', '(Warning: the hash could not be computed because this page cannot fetch the script. If it is the same file, use the integrity value that ',
          ['code', 'npm run build'], ' prints.)']);
    }
    render();
  }

  let scriptTimer;
  let scheduledFor = null;
  /** Hashes `script` after `delay` ms (while it is being typed), unless that is already done or under way. */
  function scheduleIntegrity(script, delay) {
    if (script === scheduledFor && delay > 0) return;
    if (script === integrity.script && scheduledFor === null) return;
    clearTimeout(scriptTimer);
    scheduledFor = script;
    if (integrityStatus.dataset.state !== 'pending') {
      integrityStatus.dataset.state = 'pending';
      say(integrityStatus, 'Integriteitshash berekenen… ', ['en', '(Computing the integrity hash…)']);
    }
    scriptTimer = setTimeout(() => {
      scheduledFor = null;
      computeIntegrity(script);
    }, delay);
  }

  // --- Preview and snippet ----------------------------------------------------------------

  let srcTimer;
  function updatePreview(settings, { srcNow }) {
    const wanted = new Map(settings.attributes.filter(([name]) => name !== 'src'));
    for (const name of ['lang', 'heading-level', 'highlight', 'hide-language-switch', 'links-in-new-tab']) {
      if (wanted.has(name)) preview.setAttribute(name, wanted.get(name) === true ? '' : wanted.get(name));
      else preview.removeAttribute(name);
    }
    // Wait for the address to be typed out before asking for it.
    clearTimeout(srcTimer);
    const setSrc = () => {
      if (settings.src) preview.setAttribute('src', settings.src);
      else preview.removeAttribute('src');
    };
    if (srcNow) setSrc();
    else srcTimer = setTimeout(setSrc, 600);

    for (const input of themeFields) preview.style.removeProperty(input.dataset.property);
    for (const [property, value] of settings.theme) preview.style.setProperty(property, value);

    let link = preview.querySelector('a');
    if (settings.fallback) {
      if (!link) preview.append((link = document.createElement('a')));
      link.href = settings.fallback.href;
      link.textContent = settings.fallback.text;
    } else link?.remove();
  }

  let lastSnippet = '';
  function render({ commit = false, srcNow = false } = {}) {
    const settings = read();
    for (const input of [field('src'), field('script'), field('fallback-href'), ...themeFields]) {
      const problem = settings.problems.get(input);
      // Errors appear when a field is left (change), and disappear as soon as it is fixed.
      if (!problem) showError(input);
      else if (commit) showError(input, ...problem);
    }
    scheduleIntegrity(settings.script, commit ? 0 : 600);
    updatePreview(settings, { srcNow });
    const snippet = buildSnippet({
      scriptSrc: settings.script,
      integrity: integrity.script === settings.script ? integrity.value : null,
      attributes: settings.attributes,
      theme: settings.theme,
      fallback: settings.fallback,
    });
    if (snippet !== lastSnippet) {
      lastSnippet = snippet;
      code.value = snippet;
      code.rows = Math.max(4, snippet.split('\n').length);
      copyStatus.replaceChildren(); // "copied" no longer describes this code
    }
  }

  // --- Colour pickers -----------------------------------------------------------------------

  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  /** #rrggbb for an opaque CSS colour, or null. */
  function hexOf(value) {
    if (!value || !CSS.supports('color', value)) return null;
    probe.style.color = '';
    probe.style.color = value;
    const match = getComputedStyle(probe).color.match(/^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/);
    if (!match || (match[4] !== undefined && Number(match[4]) < 1)) return null;
    return `#${match.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
  }
  for (const picker of form.querySelectorAll('input[type="color"][data-for]')) {
    const text = document.getElementById(picker.dataset.for);
    picker.addEventListener('input', () => {
      text.value = picker.value;
      render();
    });
    picker.addEventListener('change', () => render({ commit: true }));
    text.addEventListener('input', () => {
      picker.value = hexOf(text.value.trim()) ?? text.dataset.pickerDefault;
    });
  }

  // --- Events -------------------------------------------------------------------------------

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', (event) => {
    if (event.target.type !== 'color') render();
  });
  form.addEventListener('change', (event) => {
    if (event.target.type !== 'color') render({ commit: true, srcNow: true });
  });

  copyButton.addEventListener('click', async () => {
    copyStatus.replaceChildren();
    let copied = false;
    try {
      await navigator.clipboard.writeText(code.value);
      copied = true;
    } catch {
      // No clipboard access (permission, insecure page): the code stays selectable.
    }
    // A short pause, so that the same message twice is announced twice.
    setTimeout(() => {
      if (copied) say(copyStatus, 'Gekopieerd ', ['en', '(Copied)']);
      else {
        say(copyStatus, ['strong', 'Kopiëren lukte niet. '], 'De code is geselecteerd: kopieer hem met Ctrl+C of ⌘C. ',
          ['en', '(Copy failed. The code is selected: copy it with Ctrl+C or ⌘C.)']);
        code.focus();
        code.select();
      }
    }, 100);
  });

  render({ commit: true, srcNow: true });
}

if (document.getElementById('generator-form')) init();
