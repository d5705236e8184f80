// The embed-code generator (demo/generator.html): fields → a live <open-letter> preview and
// the three ways to put the letter on a site: the one-line snippet (with the pre-rendered
// letter, the campaign's preload and the Subresource Integrity of script and stylesheet),
// the WordPress plugin's shortcode, and the letter page's address for oEmbed.
// Nothing is stored. Its own requests: dist/release.json, the campaign (to pre-render the
// letter), and a self-hosted script and stylesheet (to hash them).
import { render as renderLit } from 'lit';
import { checkCampaign } from '../src/campaign-schema.ts';
import { supportedLanguageOf } from '../src/language.ts';
import { prerenderedLetter } from '../src/prerender.ts';
import { httpUrl } from '../src/safe-url.ts';
import { buildShortcode, buildSnippet, fallbackLink, sha384Integrity } from './embed-code.js';

/** An absolute http(s) address for `value` (relative to this page), or null. */
function httpAddress(value, base = document.baseURI) {
  return httpUrl(value, base)?.href ?? null;
}

/** Only plain CSS values go into the <style> block: no braces, semicolons, tags, quotes or comments. */
const PLAIN_CSS = /^[\w\s#%().,+\-/]*$/;
const SUPPORTS = { color: 'color', border: 'border', length: 'padding', 'max-width': 'max-width' };

function cssValueOk(kind, value) {
  return PLAIN_CSS.test(value) && !value.includes('/*') && !value.includes('*/') && CSS.supports(SUPPORTS[kind], value);
}

const normalize = (value) => value.trim().replace(/\s+/g, ' ').toLowerCase();

/** As the element reads its id: `id` + `-` before every id in the letter. */
const BLOCK_ID = /^[A-Za-z][A-Za-z0-9-]*$/;

/** The letter rendered by Lit into a detached element, read back as HTML (markers and all). */
function domHtml(template) {
  const container = document.createElement('div');
  renderLit(template, container);
  return container.innerHTML;
}

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

/** Puts a message in `el`; the same message again changes nothing, so a live region does not repeat it. */
function say(el, ...items) {
  const nodes = parts(...items);
  if (el.textContent === nodes.map((node) => node.textContent).join('')) return;
  el.replaceChildren(...nodes);
}

function init() {
  const form = document.getElementById('generator-form');
  const preview = document.getElementById('gen-preview');
  const outputs = {
    snippet: document.getElementById('gen-code'),
    shortcode: document.getElementById('gen-shortcode'),
    address: document.getElementById('gen-page-code'),
  };
  const scriptStatus = document.getElementById('gen-integrity');
  const letterStatus = document.getElementById('gen-letter-status');
  const pageHint = document.getElementById('gen-page-url-hint');
  const field = (name) => form.elements.namedItem(name);
  const radios = (name) => [...form.querySelectorAll(`input[name="${name}"]`)];
  const chosen = (name) => radios(name).find((radio) => radio.checked)?.value;

  const ownDefault = new URL('../dist/open-letter.js', document.baseURI).href;
  document.getElementById('gen-script-default').textContent = ownDefault;

  const themeFields = [...form.querySelectorAll('input[data-property]')];
  const checkedFields = [
    field('src'),
    field('script'),
    field('fallback-href'),
    field('block-id'),
    field('page-url'),
    ...themeFields,
  ];

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

  // --- The release: this version's CDN addresses and hashes (dist/release.json) ------------

  let release = { state: 'loading' };
  fetch(new URL('../dist/release.json', document.baseURI), { cache: 'no-cache' })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then(
      (data) => (release = data?.script?.jsdelivr ? { state: 'ok', ...data } : { state: 'missing' }),
      () => (release = { state: 'missing' }),
    )
    .then(() => {
      if (release.state === 'missing') {
        // Without it the CDN addresses are unknown: the code uses this site's script.
        document.getElementById('gen-release-status').hidden = false;
        for (const radio of radios('script-source')) {
          radio.disabled = radio.value !== 'own';
          radio.checked = radio.value === 'own';
        }
      }
      render({ commit: true });
    });

  /** Where script and stylesheet come from: { script, stylesheet } with href and integrity, or hashing pending. */
  function files(settings) {
    if (settings.source !== 'own' && release.state === 'ok') {
      const cdn = settings.source;
      const script = { href: release.script[cdn], integrity: release.script.integrity };
      const stylesheet = release.stylesheet
        ? { href: release.stylesheet[cdn], integrity: release.stylesheet.integrity }
        : { href: new URL('open-letter.css', script.href).href, integrity: null };
      return { script, stylesheet };
    }
    const href = settings.ownScript;
    const hashed = hashes.for === href ? hashes : {};
    return {
      script: { href, integrity: hashed.script ?? null },
      stylesheet: { href: new URL('open-letter.css', href).href, integrity: hashed.stylesheet ?? null },
    };
  }

  function describeSource(settings) {
    if (settings.source === 'own' || release.state !== 'ok') return;
    const { version, name, updatingRange } = release;
    const host = settings.source === 'jsdelivr' ? 'jsDelivr' : 'unpkg';
    scriptStatus.dataset.state = 'cdn';
    say(
      scriptStatus,
      `Versie ${version} van ${host}, met de integriteitshash van precies die bestanden (uit `,
      ['code', 'dist/release.json'],
      '). Dit adres verandert nooit; het werkt zodra deze versie op npm staat. Het adres ',
      ['code', `${name}@${updatingRange}`],
      ' gaat vanzelf mee met nieuwe versies, maar kan daarom geen integriteitshash hebben. ',
      [
        'en',
        `(Version ${version} from ${host}, pinned with the hash of exactly those files; it works once this version is published on npm. The updating address cannot carry a hash.)`,
      ],
    );
  }

  // --- Subresource Integrity of a self-hosted script and stylesheet --------------------------

  let hashes = { for: null };
  let hashRun = 0;

  async function hashOne(href, isScript) {
    const response = await fetch(href, {
      credentials: 'omit',
      cache: 'no-cache',
      referrerPolicy: 'no-referrer',
      // Vite's dev server (npm start) answers a stylesheet as a module unless asked for CSS.
      headers: isScript ? {} : { accept: 'text/css' },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return { state: 'http', status: response.status };
    return { state: 'ok', value: await sha384Integrity(await response.arrayBuffer()) };
  }

  async function computeHashes(href) {
    const run = ++hashRun;
    hashes = { for: href };
    if (href === ownDefault && release.state === 'ok') {
      // This site's own build: release.json has the hashes of exactly these files.
      hashes = {
        for: href,
        script: release.script.integrity,
        stylesheet: release.stylesheet?.integrity,
        state: 'ok',
        fromRelease: true,
      };
      render();
      return;
    }
    let script;
    let stylesheet;
    try {
      if (!crypto.subtle) throw Object.assign(new Error('insecure'), { insecure: true });
      [script, stylesheet] = await Promise.all([
        hashOne(href, true),
        hashOne(new URL('open-letter.css', href).href, false),
      ]);
    } catch (error) {
      script = stylesheet = { state: error?.insecure ? 'insecure' : 'failed' };
    }
    if (run !== hashRun) return; // the address changed meanwhile
    const failed = [script, stylesheet].find((result) => result.state !== 'ok');
    hashes = {
      for: href,
      script: script.value,
      stylesheet: stylesheet.value,
      state: failed
        ? failed.state === 'http' && failed.status === 404 && href === ownDefault
          ? 'missing'
          : failed.state
        : 'ok',
      status: failed?.status,
      // Vite's dev server rewrites the scripts it serves from this site, so their bytes are not the file's.
      devServer: Boolean(import.meta.hot) && new URL(href).origin === location.origin,
    };
    render();
  }

  /** Says what became of the self-hosted files' hashes. */
  function describeHashes() {
    const { state, status } = hashes;
    scriptStatus.dataset.state = state;
    const buildHint = [
      'gebruik dan de hashes die ',
      ['code', 'npm run build'],
      ' afdrukt voor ',
      ['code', 'open-letter.js'],
      ' en ',
      ['code', 'open-letter.css'],
      '.',
    ];
    if (state === 'ok' && hashes.fromRelease) {
      say(
        scriptStatus,
        'Integriteitshashes (',
        ['code', 'integrity'],
        ') van de gebouwde bestanden van deze site, uit ',
        ['code', 'dist/release.json'],
        '. ',
        ['en', "(Integrity hashes of this site's built files, from dist/release.json.)"],
      );
    } else if (state === 'ok') {
      say(
        scriptStatus,
        'Integriteitshashes (',
        ['code', 'integrity'],
        ') berekend over de bytes van ',
        ['code', hashes.for],
        ' en de stylesheet ernaast. ',
        ['en', '(Integrity hashes computed from the bytes of the script and the stylesheet beside it.)'],
      );
      if (hashes.devServer) {
        scriptStatus.append(
          ...parts(
            ['strong', ' Let op: '],
            'de ontwikkelserver (',
            ['code', 'npm start'],
            ') verandert de scripts die hij geeft, ',
            'dus deze hash past niet bij het bestand op uw server; ',
            ...buildHint,
            ' ',
            [
              'en',
              '(Warning: the dev server changes the scripts it serves, so this hash does not match the file you host; use the hashes npm run build prints.)',
            ],
          ),
        );
      }
    } else if (state === 'missing') {
      say(
        scriptStatus,
        ['strong', 'Let op: '],
        'het script is nog niet gebouwd. Voer eerst ',
        ['code', 'npm run build'],
        ' uit om de integriteitshashes te krijgen; tot dan staat er geen ',
        ['code', 'integrity'],
        ' in de code. ',
        [
          'en',
          '(Warning: run ',
          ['code', 'npm run build'],
          ' first to get the integrity hashes; until then the code has none.)',
        ],
      );
    } else if (state === 'http') {
      say(
        scriptStatus,
        ['strong', 'Let op: '],
        `een bestand op dit adres gaf HTTP ${status}, dus de hash kon niet worden berekend en de code mist `,
        ['code', 'integrity'],
        '. Controleer het adres, en of de stylesheet in dezelfde map staat. ',
        [
          'en',
          `(Warning: a file answered HTTP ${status}; no integrity hash. Check the address, and that the stylesheet is in the same folder.)`,
        ],
      );
    } else if (state === 'insecure') {
      say(
        scriptStatus,
        ['strong', 'Let op: '],
        'de hash kan alleen op https of localhost worden berekend; ',
        ...buildHint,
        ' ',
        ['en', '(Warning: the hash can only be computed over https or on localhost; npm run build prints it.)'],
      );
    } else {
      say(
        scriptStatus,
        ['strong', 'Let op: '],
        'de hash kon niet worden berekend, want deze pagina kan het bestand niet ophalen ',
        '(een ander domein zonder CORS-header, of onbereikbaar), dus de code heeft geen ',
        ['code', 'integrity'],
        '. Zijn het dezelfde bestanden, ',
        ...buildHint,
        ' Zet die als ',
        ['code', 'integrity="sha384-…"'],
        ' in de tags. ',
        [
          'en',
          '(Warning: the hash could not be computed because this page cannot fetch the file. If they are the same files, use the values that ',
          ['code', 'npm run build'],
          ' prints.)',
        ],
      );
    }
  }

  let hashTimer;
  let hashScheduledFor = null;
  /** Hashes the files at `href` after `delay` ms (while it is being typed), unless that is already done or under way. */
  function scheduleHashes(href, delay) {
    if (href === hashScheduledFor && delay > 0) return;
    if (href === hashes.for && hashScheduledFor === null) {
      if (hashes.state && scriptStatus.dataset.state !== hashes.state) describeHashes(); // back from a CDN
      return;
    }
    clearTimeout(hashTimer);
    hashScheduledFor = href;
    if (scriptStatus.dataset.state !== 'pending') {
      scriptStatus.dataset.state = 'pending';
      say(scriptStatus, 'Integriteitshashes berekenen… ', ['en', '(Computing the integrity hashes…)']);
    }
    hashTimer = setTimeout(() => {
      hashScheduledFor = null;
      computeHashes(href);
    }, delay);
  }

  // --- The campaign, for the pre-rendered letter and the default language -------------------

  let campaign = { url: null, state: 'none' };
  let campaignRun = 0;
  /** Whether the webmaster chose the block's language; until then it follows the campaign's. */
  let languageChosen = false;

  async function loadCampaign(url) {
    const run = ++campaignRun;
    campaign = { url, state: 'loading' };
    let result;
    try {
      const response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(10_000) });
      if (!response.ok) {
        result = {
          state: 'error',
          problem: [
            `de server antwoordde met HTTP ${response.status}. `,
            ['en', `(The server answered HTTP ${response.status}.)`],
          ],
        };
      } else {
        const check = checkCampaign(await response.json());
        result = check.valid
          ? { state: 'ok', campaign: check.campaign, linkBase: response.url || url }
          : {
              state: 'error',
              problem: [
                'dit is geen geldige campagne (',
                [
                  'code',
                  check.problems
                    .slice(0, 3)
                    .map((p) => `${p.path}: ${p.message}`)
                    .join('; '),
                ],
                '). Controleer hem met ',
                ['code', 'npx open-letter validate'],
                '. ',
                ['en', '(Not a valid campaign; check it with open-letter validate.)'],
              ],
            };
      }
    } catch (error) {
      result = {
        state: 'error',
        problem:
          error instanceof SyntaxError
            ? ['het antwoord is geen JSON. ', ['en', '(The answer is not JSON.)']]
            : [
                'de campagne kon niet worden opgehaald (offline, een fout adres, of een ander domein zonder CORS-header). ',
                [
                  'en',
                  '(The campaign could not be fetched: offline, a wrong address, or another site without a CORS header.)',
                ],
              ],
      };
    }
    if (run !== campaignRun) return; // the address changed meanwhile
    campaign = { url, ...result };
    if (campaign.state === 'ok' && !languageChosen) {
      const language = supportedLanguageOf(campaign.campaign.language) ?? 'nl';
      for (const radio of radios('lang')) radio.checked = radio.value === language;
    }
    render({ commit: true });
  }

  // --- Reading the fields -----------------------------------------------------------------

  /** Reads and checks every field; returns the settings and each field's problem, if any. */
  function read() {
    const problems = new Map();
    const srcValue = field('src').value.trim();
    const src = srcValue ? httpAddress(srcValue) : null;
    if (!src) {
      problems.set(
        field('src'),
        srcValue
          ? ['Geen geldig http(s)-adres. ', ['en', '(Not a valid http(s) address.)']]
          : ['Vul het adres van de campagne in. ', ['en', '(Enter the campaign address.)']],
      );
    } else if (campaign.url === src && campaign.state === 'error') {
      problems.set(field('src'), ['De brief kan niet in de code: ', ...campaign.problem]);
    }

    const source = chosen('script-source');
    const scriptValue = field('script').value.trim();
    let ownScript = ownDefault;
    if (source === 'own' && scriptValue) {
      const address = httpAddress(scriptValue);
      if (address) ownScript = address;
      else
        problems.set(field('script'), [
          'Geen geldig http(s)-adres; de code gebruikt nu het script van deze site. ',
          ['en', "(Not a valid http(s) address; the code uses this site's script.)"],
        ]);
    }

    const hrefValue = field('fallback-href').value.trim();
    let fallback = null;
    if (hrefValue) {
      const href = httpAddress(hrefValue);
      if (href) fallback = { href, text: field('fallback-text').value.trim() || 'Lees de brandbrief' };
      else
        problems.set(field('fallback-href'), [
          'Geen geldig http(s)-adres; de code laat de link nu weg. ',
          ['en', '(Not a valid http(s) address; the code leaves the link out.)'],
        ]);
    }

    const blockIdValue = field('block-id').value.trim();
    const blockId = BLOCK_ID.test(blockIdValue) ? blockIdValue : '';
    if (blockIdValue && !blockId) {
      problems.set(field('block-id'), [
        'Gebruik alleen letters, cijfers en streepjes, en begin met een letter; de code laat de naam nu weg. ',
        ['en', '(Letters, digits and hyphens only, starting with a letter; the code leaves the name out.)'],
      ]);
    }

    const pageValue = field('page-url').value.trim();
    let pageUrl = null;
    let pageDerived = false;
    if (pageValue) {
      pageUrl = httpAddress(pageValue);
      if (!pageUrl)
        problems.set(field('page-url'), ['Geen geldig http(s)-adres. ', ['en', '(Not a valid http(s) address.)']]);
    } else if (src && new URL(src).pathname.endsWith('/campaign.json')) {
      // The folder `open-letter site` writes serves its campaign as campaign.json beside the letter page.
      pageUrl = new URL('./', src).href;
      pageDerived = true;
    }

    const theme = [];
    for (const input of themeFields) {
      const value = input.value.trim().replace(/\s+/g, ' ');
      if (!value || normalize(value) === normalize(input.dataset.default)) continue;
      if (cssValueOk(input.dataset.kind, value)) theme.push([input.dataset.property, value]);
      else
        problems.set(input, [
          'Geen geldige CSS-waarde; de code gebruikt nu de standaard. ',
          ['en', '(Not a valid CSS value; the code uses the default.)'],
        ]);
    }

    return {
      src,
      source,
      ownScript,
      fallback,
      lang: chosen('lang'),
      headingLevel: Number(field('heading-level').value),
      highlight: field('highlight').value.trim(),
      hideLanguageSwitch: field('hide-language-switch').checked,
      linksInNewTab: field('links-in-new-tab').checked,
      blockId,
      includeLetter: field('include-letter').checked,
      preload: field('preload').checked,
      pageUrl,
      pageDerived,
      theme,
      problems,
    };
  }

  /** The element's attributes, in its own order; `withId` for the pasted block only (the plugin numbers its blocks). */
  function elementAttributes(settings, { withId }) {
    const attributes = [];
    if (withId && settings.blockId) attributes.push(['id', settings.blockId]);
    if (settings.src) attributes.push(['src', settings.src]);
    attributes.push(['lang', settings.lang]);
    if (settings.headingLevel !== 2) attributes.push(['heading-level', String(settings.headingLevel)]);
    if (settings.highlight) attributes.push(['highlight', settings.highlight]);
    if (settings.hideLanguageSwitch) attributes.push(['hide-language-switch', true]);
    if (settings.linksInNewTab) attributes.push(['links-in-new-tab', true]);
    return attributes;
  }

  /** The pre-rendered letter on one line, as `open-letter snapshot` makes it for the same choices; null when not available. */
  function letterFor(settings) {
    if (!settings.includeLetter || campaign.url !== settings.src || campaign.state !== 'ok') return null;
    return prerenderedLetter(
      campaign.campaign,
      {
        reader: settings.lang,
        headingLevel: settings.headingLevel,
        idPrefix: settings.blockId ? `${settings.blockId}-` : 'open-letter-',
        // As the element and `open-letter snapshot` read the highlight attribute.
        highlight: settings.highlight.split(',').filter((name) => name.trim()),
        hideLanguageSwitch: settings.hideLanguageSwitch,
        linksInNewTab: settings.linksInNewTab,
        // As the block resolves a source's url: against the campaign's own address.
        hrefFor: (url) => httpUrl(url, campaign.linkBase)?.href,
        oneLine: true,
      },
      domHtml,
    );
  }

  function describeLetter(settings, letter) {
    if (!settings.includeLetter) {
      letterStatus.dataset.state = 'off';
      say(letterStatus, 'De code bevat alleen de link, niet de brief. ', ['en', '(The code holds the link only.)']);
    } else if (letter) {
      const count = campaign.campaign.signatories.length;
      letterStatus.dataset.state = 'ok';
      say(
        letterStatus,
        `De hele brief staat in de code: in het ${settings.lang === 'en' ? 'Engels' : 'Nederlands'}, met alle ${count} ondertekenaars. `,
        ['en', `(The whole letter is in the code, with all ${count} signatories.)`],
      );
    } else if (!settings.src || (campaign.url === settings.src && campaign.state === 'error')) {
      letterStatus.dataset.state = 'failed';
      say(
        letterStatus,
        ['strong', 'Let op: '],
        'de brief kon niet in de code; de code bevat nu alleen de link. Zie de fout bij het adres van de campagne. ',
        [
          'en',
          '(The letter could not be included; the code holds the link only. See the error at the campaign address.)',
        ],
      );
    } else {
      letterStatus.dataset.state = 'pending';
      say(letterStatus, 'De campagne laden… ', ['en', '(Loading the campaign…)']);
    }
  }

  function describePage(settings) {
    if (settings.pageDerived) {
      say(
        pageHint,
        'Ingevuld vanuit het adres van de campagne: de map van ',
        ['code', 'campaign.json'],
        ' is de briefpagina die ',
        ['code', 'open-letter site'],
        ' maakt. ',
        ['en', '(Filled in from the campaign address: the folder of campaign.json is the letter page.)'],
      );
    } else {
      say(
        pageHint,
        'Het adres dat de schrijver van de campagne opgaf bij ',
        ['code', 'open-letter site --base'],
        '. Open het eerst zelf in de browser: WordPress kijkt maar één keer, en onthoudt het voor altijd. ',
        [
          'en',
          '(The address given to open-letter site --base. Open it yourself first: WordPress looks once and keeps the answer for good.)',
        ],
      );
    }
    if (settings.pageUrl?.startsWith('http:')) {
      pageHint.append(
        ...parts(
          ['strong', ' Let op: '],
          'een adres met ',
          ['code', 'http:'],
          ' sluit alleen de klassieke editor in; de blok-editor wil ',
          ['code', 'https:'],
          '. ',
          ['en', '(An http: address embeds in the classic editor only.)'],
        ),
      );
    }
  }

  // --- Preview and output -------------------------------------------------------------------

  let srcTimer;
  let srcScheduled = null;
  /** Starts loading the campaign at `src` for the preview and the letter, at once or when typing stops. */
  function followSrc(src, now) {
    if (src === srcScheduled && !now) return;
    clearTimeout(srcTimer);
    srcScheduled = src;
    const apply = () => {
      srcScheduled = null;
      if (src) preview.setAttribute('src', src);
      else preview.removeAttribute('src');
      if (src && campaign.url !== src) loadCampaign(src);
    };
    if (now) apply();
    else srcTimer = setTimeout(apply, 600);
  }

  function updatePreview(settings) {
    const wanted = new Map(elementAttributes(settings, { withId: false }).filter(([name]) => name !== 'src'));
    // Always set: the element warns when its heading-level is taken away.
    wanted.set('heading-level', String(settings.headingLevel));
    for (const name of ['lang', 'heading-level', 'highlight', 'hide-language-switch', 'links-in-new-tab']) {
      if (wanted.has(name)) preview.setAttribute(name, wanted.get(name) === true ? '' : wanted.get(name));
      else preview.removeAttribute(name);
    }
    for (const input of themeFields) preview.style.removeProperty(input.dataset.property);
    for (const [property, value] of settings.theme) preview.style.setProperty(property, value);

    let link = preview.querySelector(':scope > a');
    if (settings.fallback) {
      if (!link) preview.append((link = document.createElement('a')));
      link.href = settings.fallback.href;
      link.textContent = settings.fallback.text;
    } else link?.remove();
  }

  function show(output, text) {
    if (output.value === text) return;
    output.value = text;
    // "Copied" no longer describes this text.
    document.getElementById(`${output.id}-copy-status`).replaceChildren();
  }

  function render({ commit = false, srcNow = false } = {}) {
    const settings = read();
    for (const input of checkedFields) {
      const problem = settings.problems.get(input);
      // Errors appear when a field is left (change), and disappear as soon as it is fixed.
      if (!problem) showError(input);
      else if (commit) showError(input, ...problem);
    }
    field('script').disabled = settings.source !== 'own';
    if (settings.source === 'own') scheduleHashes(settings.ownScript, commit ? 0 : 600);
    else describeSource(settings);
    followSrc(settings.src, srcNow);
    updatePreview(settings);

    const letter = letterFor(settings);
    describeLetter(settings, letter);
    describePage(settings);
    if (release.state === 'loading') return; // The default addresses come from the release.
    show(
      outputs.snippet,
      buildSnippet({
        ...files(settings),
        preload: settings.preload ? settings.src : null,
        theme: settings.theme,
        attributes: elementAttributes(settings, { withId: true }),
        content: letter ?? fallbackLink(settings.fallback),
      }),
    );
    show(
      outputs.shortcode,
      buildShortcode({ attributes: elementAttributes(settings, { withId: false }), fallback: settings.fallback }),
    );
    show(outputs.address, settings.pageUrl ?? '');
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
    return `#${match
      .slice(1, 4)
      .map((n) => Number(n).toString(16).padStart(2, '0'))
      .join('')}`;
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
  // On the document: the letter page's address sits with the third way, in the form by its form attribute.
  document.addEventListener('input', (event) => {
    if (event.target.form === form && event.target.type !== 'color') render();
  });
  document.addEventListener('change', (event) => {
    if (event.target.form !== form || event.target.type === 'color') return;
    if (event.target.name === 'lang') languageChosen = true;
    // Leaving the address field again asks again, e.g. once the campaign's server is fixed.
    if (event.target.name === 'src' && campaign.state === 'error') campaign = { url: null, state: 'none' };
    render({ commit: true, srcNow: true });
  });

  for (const button of document.querySelectorAll('button[data-copy]')) {
    const output = document.getElementById(button.dataset.copy);
    const status = document.getElementById(`${output.id}-copy-status`);
    button.addEventListener('click', async () => {
      status.replaceChildren();
      if (!output.value) {
        setTimeout(
          () =>
            say(status, 'Er is nog niets om te kopiëren: vul eerst het adres in. ', [
              'en',
              '(Nothing to copy yet: fill in the address first.)',
            ]),
          100,
        );
        return;
      }
      let copied = false;
      try {
        await navigator.clipboard.writeText(output.value);
        copied = true;
      } catch {
        // No clipboard access (permission, insecure page): the text stays selectable.
      }
      // A short pause, so that the same message twice is announced twice.
      setTimeout(() => {
        if (copied) say(status, 'Gekopieerd ', ['en', '(Copied)']);
        else {
          say(status, ['strong', 'Kopiëren lukte niet. '], 'De tekst is geselecteerd: kopieer hem met Ctrl+C of ⌘C. ', [
            'en',
            '(Copy failed. The text is selected: copy it with Ctrl+C or ⌘C.)',
          ]);
          output.focus();
          output.select();
        }
      }, 100);
    });
  }

  render({ commit: true, srcNow: true });
}

if (document.getElementById('generator-form')) init();
