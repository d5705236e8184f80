// The embed-code generator (demo/generator.html), as a webmaster uses it: fields in, a live
// preview and three ways out — the one-line snippet, the plugin's shortcode, the letter
// page's address. `npm test` builds dist/ first (the script, the stylesheet, release.json)
// and writes the CLI's snapshots (dist/test-snapshot.<lang>.html), so the generator's output
// is checked against the built files' own bytes and against `open-letter snapshot`.
import { expect, waitUntil } from '@open-wc/testing';
import { absolute, demoCampaign, echoUrl, isWebKit, openPage, textIn, uniqueKey } from './helpers.js';
import { collapsed, letterShown, type PageWindow } from './page-helpers.js';
import { requestsSeen } from './requests.js';

let page: PageWindow;

const $ = <T extends HTMLElement>(id: string) => page.document.getElementById(id) as T;
const snippet = () => $<HTMLTextAreaElement>('gen-code').value;
const shortcode = () => $<HTMLTextAreaElement>('gen-shortcode').value;
const pageAddress = () => $<HTMLTextAreaElement>('gen-page-code').value;
const preview = () => $('gen-preview');
const DEMO = '/demo/campaigns/brandbrief-samen-veilig.json';

/** Types a value as a user would: input events while typing, change when leaving the field. */
function type(id: string, value: string) {
  const input = $<HTMLInputElement>(id);
  input.value = value;
  input.dispatchEvent(new page.Event('input', { bubbles: true }));
  input.dispatchEvent(new page.Event('change', { bubbles: true }));
}

function choose(input: HTMLInputElement | HTMLSelectElement, value?: string | boolean) {
  if (input instanceof page.HTMLSelectElement) input.value = value as string;
  else if (input.type === 'checkbox') input.checked = value as boolean;
  else input.checked = true;
  input.dispatchEvent(new page.Event('input', { bubbles: true }));
  input.dispatchEvent(new page.Event('change', { bubbles: true }));
}

const radio = (name: string, value: string) =>
  page.document.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;

/** Waits until the pre-rendered letter for the current settings is in the snippet (or has failed). */
async function letterSettled() {
  await waitUntil(
    () => ['ok', 'off', 'failed'].includes($('gen-letter-status').dataset.state!),
    'the letter was not made',
    {
      timeout: 10000,
    },
  );
}

/** The demo campaign in the address field again, as the page starts, with its letter made. */
async function backToTheDemo() {
  type('gen-src', './campaigns/brandbrief-samen-veilig.json');
  await letterSettled();
}

/** The snippet parsed as a browser parses the page it is pasted into. */
function parsed(html = snippet()) {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}

/** What the snippet puts inside <open-letter>, as written. */
function elementContent(html = snippet()): string {
  const start = html.indexOf('>', html.indexOf('<open-letter')) + 1;
  return html.slice(start, html.lastIndexOf('</open-letter>'));
}

/** Markup with the white space between tags taken out: how a browser's layout treats it. */
const betweenTagsRemoved = (html: string) => html.replace(/>\s+</g, '><').trim();

/** The SRI value of some bytes, base64 by the browser's own encoder (not the page's). */
async function expectedIntegrity(path: string): Promise<string> {
  const bytes = await (await fetch(path, { cache: 'no-store' })).arrayBuffer();
  const digest = await crypto.subtle.digest('SHA-384', bytes);
  const dataUrl = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsDataURL(new Blob([digest]));
  });
  return `sha384-${dataUrl.slice(dataUrl.indexOf(',') + 1)}`;
}

/** Every element as tag, attributes (sorted) and own text, with ids' block prefix taken out. */
function structure(root: Element, prefix: string): string[] {
  return [root, ...root.querySelectorAll('*')].map((element) => {
    const attributes = [...element.attributes]
      .map((attribute) => `${attribute.name}=${attribute.value.split(prefix).join('{p}')}`)
      .sort();
    const text = [...element.childNodes]
      .filter((node) => node.nodeType === 3)
      .map((node) => node.textContent)
      .join('');
    return `${element.localName}[${attributes.join(' ')}] ${collapsed(text)}`;
  });
}

describe('the embed-code generator', () => {
  let version: string;

  before(async () => {
    version = (await (await fetch('/package.json')).json()).version;
    page = await openPage('/demo/generator.html', { width: 1200, height: 800 });
    await waitUntil(() => snippet() !== '', 'no snippet was written', { timeout: 10000 });
    await letterSettled();
    await waitUntil(() => preview().querySelector('h2'), 'the preview did not render', { timeout: 10000 });
  });

  after(() => page.frameElement?.remove());

  describe('the language', () => {
    // First, before any test chooses one.
    it("is the campaign's own until the webmaster chooses one", async () => {
      const english = await demoCampaign();
      english.language = 'en';
      type('gen-src', echoUrl(english, { key: uniqueKey('english') }));
      await waitUntil(() => radio('lang', 'en').checked, "the campaign's language was not taken", { timeout: 10000 });
      await letterSettled();
      expect(parsed().querySelector('open-letter')!.getAttribute('lang')).to.equal('en');
      expect(parsed().querySelector('article')!.getAttribute('lang')).to.equal('en');
      choose(radio('lang', 'nl'));
      type('gen-src', echoUrl(english, { key: uniqueKey('english-again') }));
      await letterSettled();
      expect(parsed().querySelector('open-letter')!.getAttribute('lang'), 'a chosen language stays').to.equal('nl');
      await backToTheDemo();
    });
  });

  describe('the snippet', () => {
    it('is one line inside <div class="open-letter-embed">: stylesheet, script, preload, then the block', () => {
      expect(snippet()).to.not.contain('\n');
      expect(snippet()).to.match(/^<div class="open-letter-embed">.*<\/div>$/);
      const doc = parsed();
      expect(doc.body.children).to.have.length(1);
      const embed = doc.body.firstElementChild!;
      expect(embed.className).to.equal('open-letter-embed');
      expect(
        [...embed.children].map(
          (child) => `${child.localName}${child.getAttribute('rel') ? `[${child.getAttribute('rel')}]` : ''}`,
        ),
      ).to.deep.equal(['link[stylesheet]', 'script', 'link[preload]', 'open-letter']);
    });

    it("loads this version's script and stylesheet from jsDelivr, pinned with the hashes of the built files", async () => {
      const embed = parsed().body.firstElementChild!;
      const script = embed.querySelector('script')!;
      const stylesheet = embed.querySelector('link[rel="stylesheet"]')!;
      expect(script.getAttribute('type')).to.equal('module');
      expect(script.getAttribute('src')).to.equal(
        `https://cdn.jsdelivr.net/npm/open-letter@${version}/dist/open-letter.js`,
      );
      expect(script.getAttribute('integrity')).to.equal(await expectedIntegrity('/dist/open-letter.js'));
      expect(script.getAttribute('crossorigin')).to.equal('anonymous');
      expect(stylesheet.getAttribute('href')).to.equal(
        `https://cdn.jsdelivr.net/npm/open-letter@${version}/dist/open-letter.css`,
      );
      expect(stylesheet.getAttribute('integrity')).to.equal(await expectedIntegrity('/dist/open-letter.css'));
      expect(stylesheet.getAttribute('crossorigin')).to.equal('anonymous');
      expect($('gen-integrity').textContent).to.contain(`Versie ${version}`);
      expect($('gen-integrity').textContent, 'says why the updating address is not used').to.contain('open-letter@');
    });

    it('offers unpkg with the same hashes', async () => {
      choose(radio('script-source', 'unpkg'));
      const embed = parsed().body.firstElementChild!;
      expect(embed.querySelector('script')!.getAttribute('src')).to.equal(
        `https://unpkg.com/open-letter@${version}/dist/open-letter.js`,
      );
      expect(embed.querySelector('script')!.getAttribute('integrity')).to.equal(
        await expectedIntegrity('/dist/open-letter.js'),
      );
      expect(embed.querySelector('link[rel="stylesheet"]')!.getAttribute('href')).to.equal(
        `https://unpkg.com/open-letter@${version}/dist/open-letter.css`,
      );
      choose(radio('script-source', 'jsdelivr'));
    });

    it('says that a public CDN sees the IP address of every visitor', () => {
      expect(collapsed($('gen-script-source-hint').textContent)).to.contain('IP-adres van elke bezoeker');
    });

    it('preloads the campaign with the request mode the block uses, and starts with the demo campaign in Dutch', () => {
      const embed = parsed().body.firstElementChild!;
      const preload = embed.querySelector('link[rel="preload"]')!;
      expect(preload.getAttribute('as')).to.equal('fetch');
      expect(preload.getAttribute('href')).to.equal(absolute(DEMO));
      expect(preload.getAttribute('crossorigin')).to.equal('anonymous');
      const block = embed.querySelector('open-letter')!;
      expect(block.getAttribute('src')).to.equal(absolute(DEMO));
      expect(block.getAttribute('lang')).to.equal('nl');
      expect(snippet()).to.not.contain('<style>');
    });

    it('leaves the preload out when asked', () => {
      choose($<HTMLInputElement>('gen-preload'), false);
      expect(parsed().querySelector('link[rel="preload"]')).to.equal(null);
      choose($<HTMLInputElement>('gen-preload'), true);
      expect(parsed().querySelector('link[rel="preload"]')).to.not.equal(null);
    });
  });

  describe('the full letter in the snippet', () => {
    it('is on by default and says what it is for', () => {
      expect($<HTMLInputElement>('gen-include-letter').checked).to.equal(true);
      const hint = collapsed($('gen-include-letter-hint').textContent);
      for (const words of ['zonder JavaScript', 'zoekmachines', 'vertaalprogramma', 'verschuift niets', 'opnieuw']) {
        expect(hint).to.contain(words);
      }
      expect($('gen-letter-status').dataset.state).to.equal('ok');
    });

    for (const language of ['nl', 'en']) {
      it(`is the markup open-letter snapshot makes (${language})`, async () => {
        choose(radio('lang', language));
        await letterSettled();
        const cli = await (await fetch(`/dist/test-snapshot.${language}.html`, { cache: 'no-store' })).text();
        expect(cli, 'npm test wrote the CLI snapshot').to.contain('<article');
        expect(betweenTagsRemoved(elementContent())).to.equal(betweenTagsRemoved(cli));
        expect(parsed().querySelector('open-letter')!.getAttribute('lang')).to.equal(language);
      });
    }

    it('survives a round trip through a parser: the letter once, inside the element, whole', async () => {
      choose(radio('lang', 'nl'));
      await letterSettled();
      const campaign = await demoCampaign();
      const doc = parsed();
      const articles = doc.querySelectorAll('article');
      expect(articles).to.have.length(1);
      expect(articles[0].parentElement!.localName).to.equal('open-letter');
      expect(articles[0].parentElement!.parentElement!.className).to.equal('open-letter-embed');
      expect(doc.querySelectorAll('h2')).to.have.length(1);
      expect(collapsed(doc.querySelector('h2')!.textContent)).to.equal(textIn(campaign.title, 'nl'));
      expect(doc.querySelectorAll('.open-letter__signatory')).to.have.length(campaign.signatories.length);
      expect(doc.querySelectorAll('.open-letter__demand')).to.have.length(campaign.letter.demands.length);
      expect(doc.querySelector('.open-letter__controls'), 'the row the language switch will fill').to.not.equal(null);
      expect(doc.querySelectorAll('time').length).to.be.greaterThan(0);
      const comments: string[] = [];
      const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
      while (walker.nextNode()) comments.push(walker.currentNode.textContent!);
      expect(comments, 'one comment, saying what it is').to.have.length(1);
      expect(comments[0]).to.not.contain('<');
      expect(snippet()).to.not.match(/<!--\??lit|<!---->/);
    });

    it('follows the chosen heading level, highlight, hidden language switch and new-tab links, as the live block renders them', async () => {
      choose($<HTMLSelectElement>('gen-heading-level'), '3');
      type('gen-highlight', 'houten anders!');
      choose($<HTMLInputElement>('gen-hide-language-switch'), true);
      choose($<HTMLInputElement>('gen-links-in-new-tab'), true);
      await letterSettled();
      const block = preview();
      await waitUntil(
        () =>
          block.querySelector('h3.open-letter__title') && block.querySelector('.open-letter__signatory--highlighted'),
        'the preview did not take the settings',
      );
      await waitUntil(() => !block.querySelector('.open-letter__controls'), 'the preview kept its language switch');
      const prerendered = parsed().querySelector('open-letter > article')!;
      expect(prerendered.querySelector('h3.open-letter__title')).to.not.equal(null);
      expect(prerendered.querySelectorAll('.open-letter__signatory--highlighted')).to.have.length(1);
      expect(prerendered.querySelector('.open-letter__controls')).to.equal(null);
      expect(prerendered.querySelector('a[target="_blank"]')).to.not.equal(null);
      const live = block.querySelector('article')!;
      expect(structure(prerendered, 'open-letter-')).to.deep.equal(structure(live, 'gen-preview-'));
    });

    it("gives the letter's ids the block's name, and refuses a name that is no id", async () => {
      type('gen-block-id', 'brief-nl');
      await letterSettled();
      const doc = parsed();
      expect(doc.querySelector('open-letter')!.id).to.equal('brief-nl');
      expect(doc.querySelector('article')!.id).to.equal('brief-nl-letter');
      expect(doc.querySelector('.open-letter__demand')!.id).to.equal('brief-nl-demand-1');
      expect(shortcode(), 'the plugin numbers its blocks itself').to.not.contain('brief-nl');
      type('gen-block-id', '1 brief"');
      expect($('gen-block-id').getAttribute('aria-invalid')).to.equal('true');
      expect($('gen-block-id-error').textContent).to.contain('Fout');
      expect(parsed().querySelector('open-letter')!.hasAttribute('id')).to.equal(false);
      expect(parsed().querySelector('article')!.id).to.equal('open-letter-letter');
      type('gen-block-id', '');
    });

    it('puts every chosen attribute on the block and on the live preview', () => {
      const block = parsed().querySelector('open-letter')!;
      expect(block.getAttribute('heading-level')).to.equal('3');
      expect(block.getAttribute('highlight')).to.equal('houten anders!');
      expect(block.hasAttribute('hide-language-switch')).to.equal(true);
      expect(block.hasAttribute('links-in-new-tab')).to.equal(true);
      expect(preview().getAttribute('heading-level')).to.equal('3');
      expect(preview().hasAttribute('links-in-new-tab')).to.equal(true);
      choose($<HTMLSelectElement>('gen-heading-level'), '2');
      type('gen-highlight', '');
      choose($<HTMLInputElement>('gen-hide-language-switch'), false);
      choose($<HTMLInputElement>('gen-links-in-new-tab'), false);
    });

    it('holds the fallback link instead when turned off', () => {
      choose($<HTMLInputElement>('gen-include-letter'), false);
      expect(elementContent()).to.equal(
        '<a href="https://houtenanders.nl/brandbrief-datalek-samen-veilig/">Lees de brandbrief</a>',
      );
      expect($('gen-letter-status').textContent).to.contain('alleen de link');
      choose($<HTMLInputElement>('gen-include-letter'), true);
    });
  });

  describe('a campaign that cannot be pre-rendered', () => {
    it('says why at the address, and the snippet holds the link', async () => {
      type('gen-src', echoUrl({ version: 1, title: 'Half' }, { key: uniqueKey('invalid') }));
      await letterSettled();
      expect($('gen-letter-status').dataset.state).to.equal('failed');
      expect($('gen-src').getAttribute('aria-invalid')).to.equal('true');
      expect($('gen-src').getAttribute('aria-describedby')).to.contain('gen-src-error');
      expect($('gen-src-error').textContent).to.contain('geen geldige campagne');
      expect(elementContent()).to.contain('Lees de brandbrief</a>');
      type('gen-src', '/api/not-found.json');
      await letterSettled();
      expect($('gen-src-error').textContent).to.contain('HTTP 404');
      await backToTheDemo();
      expect($('gen-src').hasAttribute('aria-invalid')).to.equal(false);
    });
  });

  describe('the other two ways', () => {
    it('writes the plugin shortcode from the same fields, on one line', () => {
      expect(shortcode()).to.equal(
        `[open-letter src="${absolute(DEMO)}" lang="nl"]<a href="https://houtenanders.nl/brandbrief-datalek-samen-veilig/">Lees de brandbrief</a>[/open-letter]`,
      );
      choose($<HTMLInputElement>('gen-hide-language-switch'), true);
      type('gen-highlight', 'Houten Anders! [x]');
      expect(shortcode()).to.match(/ highlight="Houten Anders! &#91;x&#93;" hide-language-switch\]<a /);
      choose($<HTMLInputElement>('gen-hide-language-switch'), false);
      type('gen-highlight', '');
    });

    it('puts the three ways side by side, each saying who can use it', () => {
      const ways = [...page.document.querySelectorAll<HTMLElement>('.generator-way')];
      expect(ways).to.have.length(3);
      const tops = ways.map((way) => way.getBoundingClientRect().top);
      expect(new Set(tops).size, 'side by side on a wide screen').to.equal(1);
      const who = ways.map((way) => collapsed(way.querySelector('.generator-who')!.textContent));
      expect(who[0]).to.contain('Beheerders en Redacteuren');
      expect(who[1]).to.contain('Auteurs');
      expect(who[2]).to.contain('multisite');
      expect(collapsed(ways[0].textContent)).to.contain('Aangepaste HTML');
      expect(collapsed(ways[0].textContent)).to.contain('niet in een alinea');
      expect(collapsed(ways[2].textContent)).to.contain('leesweergave en de vertaling van uw pagina komen er niet in');
    });

    it("gives the letter page's address to paste, from its field or from a site folder's campaign.json", () => {
      expect(pageAddress()).to.equal('');
      type('gen-page-url', 'https://brieven.example.org/brandbrief/');
      expect(pageAddress()).to.equal('https://brieven.example.org/brandbrief/');
      type('gen-page-url', 'javascript:alert(1)');
      expect(pageAddress()).to.equal('');
      expect($('gen-page-url').getAttribute('aria-invalid')).to.equal('true');
      expect($('gen-page-url').getAttribute('aria-describedby')).to.contain('gen-page-url-error');
      type('gen-page-url', 'http://brieven.example.org/brandbrief/');
      expect($('gen-page-url-hint').textContent, 'the block editor embeds https only').to.contain('https:');
      type('gen-page-url', '');
      type('gen-src', 'https://brieven.example.org/brandbrief/campaign.json');
      expect(pageAddress()).to.equal('https://brieven.example.org/brandbrief/');
      expect($('gen-page-url-hint').textContent).to.contain('campaign.json');
    });

    after(async () => {
      await backToTheDemo();
    });
  });

  describe('the self-hosted script', () => {
    it("uses this site's built files by default, with their hashes", async () => {
      choose(radio('script-source', 'own'));
      type('gen-script', '');
      await waitUntil(() => $('gen-integrity').dataset.state === 'ok', 'the own script has no hashes', {
        timeout: 10000,
      });
      const embed = parsed().body.firstElementChild!;
      expect(embed.querySelector('script')!.getAttribute('src')).to.equal(absolute('/dist/open-letter.js'));
      expect(embed.querySelector('script')!.getAttribute('integrity')).to.equal(
        await expectedIntegrity('/dist/open-letter.js'),
      );
      expect(embed.querySelector('link[rel="stylesheet"]')!.getAttribute('href')).to.equal(
        absolute('/dist/open-letter.css'),
      );
      expect(embed.querySelector('link[rel="stylesheet"]')!.getAttribute('integrity')).to.equal(
        await expectedIntegrity('/dist/open-letter.css'),
      );
    });

    it('hashes a script at another address, and the stylesheet beside it, from their own bytes', async () => {
      type('gen-script', '/dist/open-letter.js?copy');
      await waitUntil(
        () =>
          $('gen-integrity').dataset.state === 'ok' && $('gen-integrity').textContent!.includes('open-letter.js?copy'),
        'the own script was not hashed',
        { timeout: 10000 },
      );
      const embed = parsed().body.firstElementChild!;
      const script = embed.querySelector('script')!;
      const stylesheet = embed.querySelector('link[rel="stylesheet"]')!;
      expect(script.getAttribute('src')).to.equal(absolute('/dist/open-letter.js?copy'));
      expect(script.getAttribute('integrity')).to.equal(await expectedIntegrity('/dist/open-letter.js'));
      expect(stylesheet.getAttribute('href'), "the stylesheet from the script's folder").to.equal(
        absolute('/dist/open-letter.css'),
      );
      expect(stylesheet.getAttribute('integrity')).to.equal(await expectedIntegrity('/dist/open-letter.css'));
    });

    it('says clearly when the files cannot be fetched, and leaves integrity out', async () => {
      type('gen-script', 'http://127.0.0.1:9/open-letter.js');
      await waitUntil(() => ['failed', 'http'].includes($('gen-integrity').dataset.state!), 'no failure', {
        timeout: 12000,
      });
      expect($('gen-integrity').textContent).to.contain('npm run build');
      const embed = parsed().body.firstElementChild!;
      expect(embed.querySelector('script')!.outerHTML).to.equal(
        '<script type="module" src="http://127.0.0.1:9/open-letter.js" crossorigin="anonymous"></script>',
      );
      expect(embed.querySelector('link[rel="stylesheet"]')!.outerHTML, 'no CORS needed without a hash').to.equal(
        '<link rel="stylesheet" href="http://127.0.0.1:9/open-letter.css">',
      );
    });

    it('refuses an address that is not http(s), saying so in words', () => {
      type('gen-script', 'javascript:alert(1)');
      expect(snippet()).to.not.contain('javascript:');
      expect($('gen-script').getAttribute('aria-invalid')).to.equal('true');
      expect($('gen-script-error').textContent).to.contain('Fout');
      type('gen-script', '');
      choose(radio('script-source', 'jsdelivr'));
      expect($<HTMLInputElement>('gen-script').disabled, 'the address is for the own server only').to.equal(true);
    });
  });

  describe('what the webmaster types', () => {
    it('is escaped in attribute values and in the fallback link', () => {
      choose($<HTMLInputElement>('gen-include-letter'), false);
      type('gen-highlight', 'A "B" & <C>');
      type('gen-fallback-text', '<b>Lees</b> & meer');
      expect(snippet()).to.contain('highlight="A &quot;B&quot; &amp; &lt;C&gt;"');
      expect(snippet()).to.contain('>&lt;b&gt;Lees&lt;/b&gt; &amp; meer</a>');
      expect(shortcode()).to.contain('highlight="A &quot;B&quot; &amp; &lt;C&gt;"');
      expect(parsed().querySelector('open-letter')!.getAttribute('highlight')).to.equal('A "B" & <C>');
      type('gen-highlight', '');
      type('gen-fallback-text', 'Lees de brandbrief');
    });

    it('refuses a non-http fallback link, saying so in words', () => {
      type('gen-fallback-href', 'javascript:alert(1)');
      expect(snippet()).to.not.contain('javascript:');
      expect(shortcode()).to.not.contain('javascript:');
      expect(elementContent()).to.equal('');
      expect($('gen-fallback-href').getAttribute('aria-invalid')).to.equal('true');
      expect($('gen-fallback-href-error').hidden).to.equal(false);
      expect($('gen-fallback-href-error').textContent).to.contain('Fout');
      type('gen-fallback-href', 'https://houtenanders.nl/brandbrief-datalek-samen-veilig/');
      expect($('gen-fallback-href').hasAttribute('aria-invalid')).to.equal(false);
      expect($('gen-fallback-href-error').hidden).to.equal(true);
      choose($<HTMLInputElement>('gen-include-letter'), true);
    });

    it('ties every error message to its field', () => {
      for (const error of page.document.querySelectorAll('.generator-error')) {
        const input = page.document.querySelector(`[aria-describedby~="${error.id}"]`);
        expect(input, `a field is described by #${error.id}`).to.not.equal(null);
        expect(error.id).to.equal(`${input!.id}-error`);
      }
    });
  });

  describe('the theme', () => {
    it('writes a style rule only for values that differ from the defaults, and says where it goes on a strict site', () => {
      type('gen-accent', '#1D4ED8');
      type('gen-border', '1px  solid #767676');
      expect(snippet()).not.to.contain('<style>');
      type('gen-accent', '#b00020');
      type('gen-max-width', '60ch');
      // Before the div, where WordPress's automatic paragraphs leave the block whole.
      expect(snippet()).to.match(
        /^<style>open-letter \{ --open-letter-accent: #b00020; --open-letter-max-width: 60ch; \}<\/style><div class="open-letter-embed">/,
      );
      expect(snippet()).to.not.contain('\n');
      expect(preview().style.getPropertyValue('--open-letter-accent').trim()).to.equal('#b00020');
      expect($<HTMLInputElement>('gen-accent-picker').value).to.equal('#b00020');
      expect(collapsed(page.document.querySelector('.generator-form')!.textContent)).to.contain(
        'Content Security Policy',
      );
      type('gen-accent', '');
      type('gen-max-width', '');
    });

    it('keeps anything but a plain CSS value out of the style rule', () => {
      type('gen-link-color', 'red;} body{display:none');
      type('gen-background', 'red</style><script>alert(1)</script>');
      expect(snippet()).not.to.contain('--open-letter-link-color');
      expect(snippet()).not.to.contain('<script>alert');
      expect($('gen-background-error').textContent).to.contain('Fout');
      type('gen-link-color', '');
      type('gen-background', '');
      expect(snippet()).not.to.contain('<style>');
    });
  });

  describe('copying', () => {
    for (const [output, button] of [
      ['gen-code', 'Code kopiëren'],
      ['gen-shortcode', 'Shortcode kopiëren'],
      ['gen-page-code', 'Adres kopiëren'],
    ]) {
      it(`"${button}" copies what its box shows and says so politely`, async () => {
        if (output === 'gen-page-code') type('gen-page-url', 'https://brieven.example.org/brandbrief/');
        let copied = '';
        Object.defineProperty(page.navigator.clipboard, 'writeText', {
          configurable: true,
          value: async (text: string) => {
            copied = text;
          },
        });
        const copy = page.document.querySelector<HTMLButtonElement>(`button[data-copy="${output}"]`)!;
        expect(collapsed(copy.textContent)).to.match(new RegExp(`^${button}`));
        copy.click();
        const status = $(`${output}-copy-status`);
        await waitUntil(() => status.textContent, 'no copy status');
        expect(status.getAttribute('role')).to.equal('status');
        expect(status.textContent).to.contain('Gekopieerd');
        expect(copied).to.equal($<HTMLTextAreaElement>(output).value);
        expect(copied).to.not.equal('');
      });
    }

    it('says when there is nothing to copy yet', async () => {
      type('gen-page-url', '');
      page.document.querySelector<HTMLButtonElement>('button[data-copy="gen-page-code"]')!.click();
      await waitUntil(() => $('gen-page-code-copy-status').textContent, 'no copy status');
      expect($('gen-page-code-copy-status').textContent).to.contain('nog niets om te kopiëren');
    });

    it('selects the text when copying fails', async () => {
      Object.defineProperty(page.navigator.clipboard, 'writeText', {
        configurable: true,
        value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
      });
      page.document.querySelector<HTMLButtonElement>('button[data-copy="gen-shortcode"]')!.click();
      await waitUntil(() => $('gen-shortcode-copy-status').textContent?.includes('lukte niet'), 'no failure status');
      const textarea = $<HTMLTextAreaElement>('gen-shortcode');
      expect(page.document.activeElement).to.equal(textarea);
      expect(textarea.selectionEnd - textarea.selectionStart).to.equal(textarea.value.length);
    });
  });

  it('reflows at 320 px without sideways scrolling, the three ways one below the other', async () => {
    const narrow = await openPage('/demo/generator.html', { width: 320, height: 600 });
    try {
      const code = narrow.document.getElementById('gen-code') as HTMLTextAreaElement;
      await waitUntil(
        () => code.value !== '' && narrow.document.getElementById('gen-letter-status')!.dataset.state === 'ok',
        'no snippet',
        {
          timeout: 10000,
        },
      );
      const root = narrow.document.documentElement;
      expect(root.scrollWidth).to.be.at.most(root.clientWidth);
      const tops = [...narrow.document.querySelectorAll('.generator-way')].map(
        (way) => way.getBoundingClientRect().top,
      );
      expect(tops[0]).to.be.below(tops[1]);
      expect(tops[1]).to.be.below(tops[2]);
    } finally {
      narrow.frameElement?.remove();
    }
  });

  it('passes axe', async () => {
    const source = await (await fetch('/node_modules/axe-core/axe.min.js')).text();
    const script = page.document.createElement('script');
    script.textContent = source;
    page.document.head.append(script);
    const axe = (page as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string }[] }> } })
      .axe;
    const { violations } = await axe.run(page.document);
    expect(violations.map((violation) => violation.id)).to.deep.equal([]);
  });

  describe('a page with the snippet', () => {
    // The generator's own requests (to pre-render, and the preview's) are counted before the page opens.
    const origins = [
      location.origin,
      ...(location.hostname === 'localhost' ? [`${location.protocol}//127.0.0.1:${location.port}`] : []),
    ];
    for (const origin of origins) {
      const where = origin === location.origin ? 'on the same site' : 'on another site';
      it(`asks for the campaign once, the preload's request reused by the block (${where})`, async function () {
        // WebKitGTK's WebDriver session keeps no HTTP cache: there it hands a preload from another
        // origin to the block (this test's other case), but not one from the page's own (2 requests).
        if (isWebKit && origin === location.origin) this.skip();
        choose(radio('script-source', 'own'));
        type('gen-script', '');
        await waitUntil(() => $('gen-integrity').dataset.state === 'ok', 'the own script was not hashed', {
          timeout: 10000,
        });
        const key = uniqueKey('preload');
        type('gen-src', `${origin}/api/campaign.json?key=${key}`);
        await letterSettled();
        await waitUntil(() => preview().querySelector('h2'), 'the preview did not load');
        const before = (await requestsSeen(key)).count;

        const frame = document.createElement('iframe');
        frame.style.cssText = 'width: 800px; height: 600px';
        frame.srcdoc = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Partijsite</title></head><body><h1>Brandbrief</h1>${snippet()}</body></html>`;
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        document.body.append(frame);
        await loaded;
        const party = frame.contentWindow as PageWindow;
        try {
          await letterShown(party.document.querySelector('open-letter')!);
          const campaignEntries = party.performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.includes(key)) as PerformanceResourceTiming[];
          expect(
            campaignEntries.map((entry) => entry.initiatorType),
            'the preload asked for it',
          ).to.include('link');
          expect((await requestsSeen(key)).count, 'requests for the campaign').to.equal(before + 1);
          expect(party.document.querySelectorAll('article'), 'the letter once, taken over').to.have.length(1);
          expect(
            party.document.querySelectorAll('open-letter button[aria-pressed]'),
            'the live block, with its switch',
          ).to.have.length(2);
        } finally {
          frame.remove();
          choose(radio('script-source', 'jsdelivr'));
          await backToTheDemo();
        }
      });
    }
  });
});
