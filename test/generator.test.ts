// The embed-code generator (demo/generator.html), as a webmaster uses it: fields in, a live
// preview and a snippet out, with the integrity hash of the built script. `npm test` builds
// dist/open-letter.js first, so the hash can be checked against the file's own bytes.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage } from './helpers.js';

let page: Window & typeof globalThis;


const $ = <T extends HTMLElement>(id: string) => page.document.getElementById(id) as T;
const code = () => $<HTMLTextAreaElement>('gen-code').value;
const preview = () => $('gen-preview');

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

/** The SRI value of some bytes, base64 by the browser's own encoder (not the page's). */
async function expectedIntegrity(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-384', bytes);
  const dataUrl = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsDataURL(new Blob([digest]));
  });
  return `sha384-${dataUrl.slice(dataUrl.indexOf(',') + 1)}`;
}

describe('the embed-code generator', () => {
  before(async () => {
    page = await openPage('/demo/generator.html', { width: 900, height: 700 });
    await waitUntil(
      () => $('gen-integrity').dataset.state && $('gen-integrity').dataset.state !== 'pending',
      'the integrity hash was not computed',
      { timeout: 10000 },
    );
    await waitUntil(() => preview().querySelector('h2'), 'the preview did not render', { timeout: 10000 });
  });

  after(() => page.frameElement?.remove());

  it('gives a snippet with the integrity hash of the built script', async () => {
    const bytes = await (await fetch('/dist/open-letter.js')).arrayBuffer();
    const integrity = await expectedIntegrity(bytes);
    expect(integrity).to.match(/^sha384-[A-Za-z0-9+/]{64}$/);
    expect($('gen-integrity').dataset.state).to.equal('ok');
    const scriptUrl = new URL('/dist/open-letter.js', location.href).href;
    expect(code().split('\n')[0]).to.equal(
      `<script type="module" src="${scriptUrl}" integrity="${integrity}" crossorigin="anonymous"></script>`,
    );
  });

  it('starts with the demo campaign and a fallback link, and no style block', () => {
    const campaign = new URL('/demo/campaigns/brandbrief-samen-veilig.json', location.href).href;
    expect(code()).to.contain(
      `<open-letter src="${campaign}">\n  <a href="https://houtenanders.nl/brandbrief-datalek-samen-veilig/">Lees de brandbrief</a>\n</open-letter>`,
    );
    expect(code()).not.to.contain('<style>');
  });

  it('puts every chosen attribute in the snippet and on the live preview', async () => {
    choose(page.document.querySelector<HTMLInputElement>('input[name="lang"][value="en"]')!);
    choose($<HTMLSelectElement>('gen-heading-level'), '3');
    type('gen-highlight', 'Houten Anders!');
    choose($<HTMLInputElement>('gen-hide-language-switch'), true);
    choose($<HTMLInputElement>('gen-links-in-new-tab'), true);
    expect(code()).to.match(
      /<open-letter src="[^"]+" lang="en" heading-level="3" highlight="Houten Anders!" hide-language-switch links-in-new-tab>/,
    );
    const el = preview();
    expect(el.getAttribute('lang')).to.equal('en');
    expect(el.getAttribute('heading-level')).to.equal('3');
    expect(el.hasAttribute('hide-language-switch')).to.equal(true);
    await waitUntil(() => el.querySelector('h3'), 'the preview did not take heading level 3');
    await waitUntil(() => el.querySelector('.open-letter__signatory--highlighted'), 'the preview did not highlight');
    expect(el.querySelector('[aria-pressed]')).to.equal(null);
  });

  it('escapes attribute values and the fallback link', () => {
    type('gen-highlight', 'A "B" & <C>');
    type('gen-fallback-text', '<b>Lees</b> & meer');
    expect(code()).to.contain('highlight="A &quot;B&quot; &amp; &lt;C&gt;"');
    expect(code()).to.contain('>&lt;b&gt;Lees&lt;/b&gt; &amp; meer</a>');
    type('gen-highlight', 'Houten Anders!');
    type('gen-fallback-text', 'Lees de brandbrief');
  });

  it('refuses a non-http fallback link, saying so in words', () => {
    type('gen-fallback-href', 'javascript:alert(1)');
    expect(code()).not.to.contain('javascript:');
    expect(code()).to.contain('links-in-new-tab></open-letter>');
    expect($('gen-fallback-href').getAttribute('aria-invalid')).to.equal('true');
    expect($('gen-fallback-href-error').hidden).to.equal(false);
    expect($('gen-fallback-href-error').textContent).to.contain('Fout');
    type('gen-fallback-href', 'https://houtenanders.nl/brandbrief-datalek-samen-veilig/');
    expect($('gen-fallback-href').hasAttribute('aria-invalid')).to.equal(false);
    expect($('gen-fallback-href-error').hidden).to.equal(true);
  });

  it('writes a style block only for theme values that differ from the defaults', () => {
    type('gen-accent', '#1D4ED8');
    type('gen-border', '1px  solid #767676');
    expect(code()).not.to.contain('<style>');
    type('gen-accent', '#b00020');
    type('gen-max-width', '60ch');
    expect(code()).to.contain('<style>\n  open-letter {\n    --open-letter-accent: #b00020;\n    --open-letter-max-width: 60ch;\n  }\n</style>');
    expect(preview().style.getPropertyValue('--open-letter-accent').trim()).to.equal('#b00020');
    expect($<HTMLInputElement>('gen-accent-picker').value).to.equal('#b00020');
  });

  it('keeps anything but a plain CSS value out of the style block', () => {
    type('gen-link-color', 'red;} body{display:none');
    type('gen-background', 'red</style><script>alert(1)</script>');
    expect(code()).not.to.contain('--open-letter-link-color');
    expect(code()).not.to.contain('<script>alert');
    expect($('gen-background-error').textContent).to.contain('Fout');
    type('gen-link-color', '');
    type('gen-background', '');
  });

  it('copies the snippet and says so politely', async () => {
    let copied = '';
    Object.defineProperty(page.navigator.clipboard, 'writeText', {
      configurable: true,
      value: async (text: string) => {
        copied = text;
      },
    });
    $('gen-copy').click();
    await waitUntil(() => $('gen-copy-status').textContent, 'no copy status');
    expect($('gen-copy-status').getAttribute('role')).to.equal('status');
    expect($('gen-copy-status').textContent).to.contain('Gekopieerd');
    expect(copied).to.equal(code());
  });

  it('selects the snippet when copying fails', async () => {
    Object.defineProperty(page.navigator.clipboard, 'writeText', {
      configurable: true,
      value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    });
    $('gen-copy').click();
    await waitUntil(() => $('gen-copy-status').textContent?.includes('lukte niet'), 'no failure status');
    const textarea = $<HTMLTextAreaElement>('gen-code');
    expect(page.document.activeElement).to.equal(textarea);
    expect(textarea.selectionEnd - textarea.selectionStart).to.equal(textarea.value.length);
  });

  it('says clearly when the script cannot be fetched, and leaves integrity out', async () => {
    type('gen-script', 'http://127.0.0.1:9/open-letter.js');
    await waitUntil(() => ['failed', 'http'].includes($('gen-integrity').dataset.state!), 'no failure', { timeout: 12000 });
    expect($('gen-integrity').textContent).to.contain('npm run build');
    expect(code().split('\n')[0]).to.equal(
      '<script type="module" src="http://127.0.0.1:9/open-letter.js" crossorigin="anonymous"></script>',
    );
    type('gen-script', '');
    await waitUntil(() => $('gen-integrity').dataset.state === 'ok', 'the default hash did not come back');
  });

  it('passes axe', async () => {
    const source = await (await fetch('/node_modules/axe-core/axe.min.js')).text();
    const script = page.document.createElement('script');
    script.textContent = source;
    page.document.head.append(script);
    const axe = (page as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string }[] }> } }).axe;
    const { violations } = await axe.run(page.document);
    expect(violations.map((violation) => violation.id)).to.deep.equal([]);
  });
});
