// Serves the pages the screen reader reads: a host page with the BUILT block
// (dist/open-letter.js, and dist/open-letter.css when the build makes one) and the
// campaign endpoints it may point at, over real HTTP on 127.0.0.1.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const distFile = (name) => fileURLToPath(new URL(`dist/${name}`, root));
export const demoCampaign = JSON.parse(
  readFileSync(new URL('demo/campaigns/brandbrief-samen-veilig.json', root), 'utf8'),
);

/** Signatories on the long list: more than the block shows before its disclosure button. */
export const longListLength = 40;

/** How long the slow endpoint keeps the reader waiting. */
const slowAnswerMs = 4000;

const escapeHtml = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * A host page as a webmaster makes it: a paragraph before and after the block, the
 * snippet in between. `attributes` go on <open-letter> as they are.
 */
function hostPage({ lang, attributes }) {
  const words =
    lang === 'en'
      ? {
          title: 'Test page',
          before: 'Text before the block.',
          after: 'Text after the block.',
          fallback: 'Read the letter',
        }
      : {
          title: 'Testpagina',
          before: 'Tekst voor het blok.',
          after: 'Tekst na het blok.',
          fallback: 'Lees de brandbrief',
        };
  const stylesheet = existsSync(distFile('open-letter.css'))
    ? '<link rel="stylesheet" href="/dist/open-letter.css">'
    : '';
  const attributeText = Object.entries(attributes)
    .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
    .join(' ');
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8">
    <title>${words.title}</title>
    ${stylesheet}
    <script type="module" src="/dist/open-letter.js"></script>
  </head>
  <body>
    <p>${words.before}</p>
    <open-letter ${attributeText}>
      <a href="https://houtenanders.nl/brandbrief-datalek-samen-veilig/">${words.fallback}</a>
    </open-letter>
    <p>${words.after}</p>
  </body>
</html>
`;
}

function longCampaign() {
  const signatories = Array.from({ length: longListLength }, (_, index) => ({
    name: `Raadslid ${index + 1}`,
    party: `Partij ${(index % 7) + 1}`,
  }));
  return { ...demoCampaign, signatories };
}

export class TestServer {
  /** Requests answered per path, so a test can wait for an answer instead of sleeping. */
  answered = new Map();
  #server;

  async start() {
    this.#server = createServer((request, response) => this.#handle(request, response));
    await new Promise((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${this.#server.address().port}`;
    return this;
  }

  /** The address of a host page: `lang` of the page, and the block's attributes. */
  pageUrl(lang, attributes) {
    const query = new URLSearchParams({ lang, attributes: JSON.stringify(attributes) });
    return `${this.origin}/page.html?${query}`;
  }

  async #handle(request, response) {
    const url = new URL(request.url, this.origin);
    const send = (status, type, body) => {
      response.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
      });
      response.end(body);
      this.answered.set(url.pathname, (this.answered.get(url.pathname) ?? 0) + 1);
    };
    const json = (body, status = 200) => send(status, 'application/json; charset=utf-8', JSON.stringify(body));

    switch (url.pathname) {
      case '/page.html':
        return send(
          200,
          'text/html; charset=utf-8',
          hostPage({ lang: url.searchParams.get('lang'), attributes: JSON.parse(url.searchParams.get('attributes')) }),
        );
      case '/dist/open-letter.js':
      case '/dist/open-letter.css': {
        const path = distFile(url.pathname.slice('/dist/'.length));
        if (!existsSync(path)) return send(404, 'text/plain', 'not built');
        const type = path.endsWith('.css') ? 'text/css' : 'text/javascript';
        return send(200, `${type}; charset=utf-8`, readFileSync(path));
      }
      case '/campaign.json':
        return json(demoCampaign);
      case '/slow.json':
        await new Promise((resolve) => setTimeout(resolve, slowAnswerMs));
        return json(demoCampaign);
      // Down for good: every request, the block's own retry included, gets a 503.
      case '/dead.json':
        return json({ error: 'unavailable' }, 503);
      case '/long.json':
        return json(longCampaign());
      default:
        return send(404, 'text/plain', 'not found');
    }
  }

  /**
   * A wait for the next answer to `path`, counted from now: call it before the page that
   * makes the request opens, await the result after.
   */
  answers(path, timeout = 30_000) {
    const target = (this.answered.get(path) ?? 0) + 1;
    return async () => {
      const deadline = Date.now() + timeout;
      while ((this.answered.get(path) ?? 0) < target) {
        if (Date.now() > deadline) throw new Error(`${path} was not answered within ${timeout / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
  }

  stop() {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(resolve));
  }
}
