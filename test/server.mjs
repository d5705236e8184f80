// Endpoints the test runner's dev server answers under /api/: a good campaign and
// every way a real endpoint goes wrong, all over real HTTP. Each takes `?delay=ms`.
import { readFileSync } from 'node:fs';

const demoCampaign = readFileSync(new URL('../demo/campaigns/brandbrief-samen-veilig.json', import.meta.url), 'utf8');

/** Requests seen per `?key=`, so tests can count them. */
const seen = new Map();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Requests to /api/watched.json per `?key=`, as the server sees their connections. */
const watched = new Map();

function watchedRecord(key) {
  if (!watched.has(key)) watched.set(key, { requests: 0, open: 0, aborted: 0, answered: 0, referers: 0 });
  return watched.get(key);
}

/** The policy of /api/strict-csp-page: nothing inline, no eval, Trusted Types for every DOM sink. */
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/**
 * Answers directly on the socket. Koa's own response would pass through the test
 * runner's cache middleware, which marks every path with an extension as cacheable
 * for a year; then a retry or a second block would never reach this server.
 */
function send(ctx, status, headers, body) {
  ctx.respond = false;
  ctx.res.writeHead(status, { 'cache-control': 'no-store', ...headers });
  ctx.res.end(body);
}

function json(ctx, body, status = 200) {
  send(
    ctx,
    status,
    { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' },
    typeof body === 'string' ? body : JSON.stringify(body),
  );
}

const endpoints = {
  // The demo campaign, with CORS so other origins may read it.
  '/api/campaign.json': (ctx) => json(ctx, demoCampaign),
  // The same campaign without the CORS header: readable only from this origin.
  '/api/no-cors.json': (ctx) => send(ctx, 200, { 'content-type': 'application/json' }, demoCampaign),
  // Any JSON the test sends, base64url-encoded in ?body=.
  '/api/echo.json': (ctx) => json(ctx, Buffer.from(String(ctx.query.body ?? ''), 'base64url').toString('utf8')),
  '/api/not-found.json': (ctx) => json(ctx, { error: 'not found' }, 404),
  '/api/server-error.json': (ctx) => json(ctx, 'oops', 500),
  '/api/not-json.json': (ctx) =>
    send(
      ctx,
      200,
      { 'content-type': 'text/html', 'access-control-allow-origin': '*' },
      '<!doctype html><title>Welcome</title><p>This is not JSON.',
    ),
  '/api/invalid.json': (ctx) =>
    json(ctx, {
      version: 1,
      language: 'nl',
      title: 'Zonder eisen',
      date: '2022-02-30',
      letter: { paragraphs: [], demands: [] },
      signatories: [{ name: 'A' }],
    }),
  '/api/version-2.json': (ctx) => json(ctx, { ...JSON.parse(demoCampaign), version: 2 }),
  // 2 MB of valid JSON: over the size limit.
  '/api/huge.json': (ctx) => json(ctx, { ...JSON.parse(demoCampaign), padding: 'x'.repeat(2 * 1024 * 1024) }),
  // The same, streamed without a Content-Length header.
  '/api/huge-streamed.json': (ctx) => {
    ctx.respond = false;
    const res = ctx.res;
    res.writeHead(200, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    const chunk = 'x'.repeat(64 * 1024);
    res.write('{"padding":"');
    for (let i = 0; i < 40; i++) res.write(chunk);
    res.end('"}');
  },
  // The connection breaks off halfway through the answer.
  '/api/broken.json': async (ctx) => {
    ctx.respond = false;
    ctx.res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': '100000',
      'cache-control': 'no-store',
    });
    ctx.res.write(demoCampaign.slice(0, 200));
    await sleep(50);
    ctx.req.socket.destroy();
  },
  // Never answers (within any test's patience).
  '/api/hang.json': async (ctx) => {
    await sleep(20_000);
    json(ctx, demoCampaign);
  },
  // The demo campaign with `?count=` generated signatories, as a petition would have.
  '/api/many.json': (ctx) => {
    const count = Number(ctx.query.count ?? 1000);
    const signatories = Array.from({ length: count }, (_, index) => ({
      name: `Raadslid ${index + 1}`,
      party: `Partij ${(index % 7) + 1}`,
    }));
    json(ctx, { ...JSON.parse(demoCampaign), signatories });
  },
  // 404 on the first request for a `key` (no automatic retry for 4xx), then the campaign, as
  // when a webmaster uploads the missing file: the reader's retry succeeds.
  '/api/fails-once.json': (ctx) => {
    if (seen.get(String(ctx.query.key))?.count === 1) json(ctx, { error: 'not yet' }, 404);
    else json(ctx, demoCampaign);
  },
  // The demo campaign after `?wait=ms`, watched from the server's side: how many
  // requests for a `key` are still open, how many the client gave up on (closed the
  // connection before the answer), how many were answered and how many carried a Referer.
  // Report at /api/watched?of=<key>.
  '/api/watched.json': async (ctx) => {
    ctx.respond = false;
    const record = watchedRecord(String(ctx.query.key ?? ''));
    record.requests += 1;
    record.open += 1;
    if (ctx.get('referer')) record.referers += 1;
    let closed = false;
    ctx.res.on('close', () => {
      closed = true;
      record.open -= 1;
      if (!ctx.res.writableFinished) record.aborted += 1;
    });
    const wait = Number(ctx.query.wait ?? 0);
    if (wait > 0) await sleep(wait);
    if (closed || ctx.req.socket.destroyed) return;
    record.answered += 1;
    json(ctx, demoCampaign);
  },
  '/api/watched': (ctx) => json(ctx, watchedRecord(String(ctx.query.of ?? ''))),
  // The first request for a `key` breaks off halfway through the answer (headers sent, so
  // the browser cannot quietly resend it); every later one gets the campaign.
  '/api/breaks-once.json': async (ctx) => {
    if (seen.get(String(ctx.query.key))?.count !== 1) return json(ctx, demoCampaign);
    ctx.respond = false;
    ctx.res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': '100000',
      'cache-control': 'no-store',
    });
    ctx.res.write(demoCampaign.slice(0, 200));
    await sleep(50);
    ctx.req.socket.destroy();
  },
  // The demo campaign, cacheable by the browser for ten minutes, as a static host would serve it.
  '/api/cacheable.json': (ctx) =>
    send(ctx, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=600' }, demoCampaign),
  // 404 on the first request for a `key`, cacheable by the browser for ten minutes; then the campaign.
  '/api/cached-404-once.json': (ctx) => {
    if (seen.get(String(ctx.query.key))?.count === 1) {
      send(ctx, 404, { 'content-type': 'application/json', 'cache-control': 'max-age=600' }, '{"error":"not yet"}');
    } else json(ctx, demoCampaign);
  },
  // test/pages/strict-csp.html under the strictest policy a host page may have, Trusted Types
  // included. `?trusted-types=` replaces the allowed policy names (default `lit-html`);
  // `?pasted-twice` pastes the script tag a second time, as webmasters do by mistake.
  '/api/strict-csp-page': (ctx) => {
    const policies = String(ctx.query['trusted-types'] ?? 'lit-html');
    let page = readFileSync(new URL('./pages/strict-csp.html', import.meta.url), 'utf8');
    if (ctx.query['pasted-twice'] !== undefined) {
      const tag = '<script type="module" src="/dist/open-letter.js"></script>';
      page = page.replace(tag, `${tag}\n    <script type="module" src="/dist/open-letter.js?pasted-again"></script>`);
    }
    send(
      ctx,
      200,
      {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': STRICT_CSP.replace(/trusted-types lit-html$/, `trusted-types ${policies}`),
      },
      page,
    );
  },
  // Issue 13 (hardening). A redirect to the same-origin path `?to=`, as a host that moved its files answers.
  '/api/redirect': (ctx) => {
    const to = String(ctx.query.to ?? '');
    if (!to.startsWith('/'))
      return send(ctx, 400, { 'content-type': 'text/plain' }, '?to= takes a path on this server');
    send(ctx, 302, { location: to, 'access-control-allow-origin': '*' }, '');
  },
  // A campaign in another folder than the address that redirects to it, with relative source addresses.
  '/api/moved/deeper/campaign.json': (ctx) =>
    json(ctx, {
      ...JSON.parse(demoCampaign),
      sources: [
        { title: 'Relative to the campaign', url: 'source.html' },
        { title: 'Up one folder', url: '../up.html' },
      ],
    }),
  // The first request for a `key` waits `?first=` ms and fails with 503; every later one waits
  // `?second=` ms and answers the campaign: a server that recovers slowly.
  '/api/fails-then-answers.json': async (ctx) => {
    const first = seen.get(String(ctx.query.key))?.count === 1;
    await sleep(Number((first ? ctx.query.first : ctx.query.second) ?? 0));
    if (first) json(ctx, { error: 'busy' }, 503);
    else json(ctx, demoCampaign);
  },
  // test/pages/hostile-host.html (its `?host=` says what it does to the page). `?trusted-types=`
  // serves it under the strict policy with that Trusted Types list instead of `lit-html`.
  '/api/hostile-host-page': (ctx) => {
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (ctx.query['trusted-types'] !== undefined) {
      headers['content-security-policy'] = STRICT_CSP.replace(
        /trusted-types lit-html$/,
        `trusted-types ${ctx.query['trusted-types']}`,
      );
    }
    send(ctx, 200, headers, readFileSync(new URL('./pages/hostile-host.html', import.meta.url), 'utf8'));
  },
  // How many requests reached a `key`, and whether any carried cookies.
  '/api/seen': (ctx) => json(ctx, seen.get(String(ctx.query.key)) ?? { count: 0, cookies: 0 }),
  // test/pages/snippet-page.html: the README's snippet (stylesheet, script, block) on a page.
  // `?lang=nl|en`; `?letter=prerendered` puts the letter `open-letter snapshot` made
  // (dist/test-snapshot.<lang>.html, written by npm test) inside the block, else the fallback
  // link; `?javascript=off` forbids every script (CSP script-src 'none'), as for a visitor
  // without JavaScript; `?campaign-delay=ms` delays the campaign; `?probe` adds
  // test/pages/take-over-probe.js.
  '/api/snippet-page': (ctx) => {
    const lang = ctx.query.lang === 'en' ? 'en' : 'nl';
    const letter =
      ctx.query.letter === 'prerendered'
        ? readFileSync(new URL(`../dist/test-snapshot.${lang}.html`, import.meta.url), 'utf8')
        : '<a href="https://houtenanders.nl/brandbrief-datalek-samen-veilig/">Lees de brandbrief</a>';
    const delay = Number(ctx.query['campaign-delay'] ?? 0);
    const values = {
      lang,
      campaign: `/api/campaign.json${delay > 0 ? `?delay=${delay}` : ''}`,
      letter,
      probe: ctx.query.probe !== undefined ? '<script src="/test/pages/take-over-probe.js"></script>' : '',
    };
    const page = readFileSync(new URL('./pages/snippet-page.html', import.meta.url), 'utf8').replace(
      /\{\{(\w+)\}\}/g,
      (_, name) => values[name],
    );
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (ctx.query.javascript === 'off') headers['content-security-policy'] = "script-src 'none'";
    send(ctx, 200, headers, page);
  },
  // test/pages/themed-page.html with a host theme's CSS as the page's own stylesheet:
  // `?theme=tailwind` (its base styles, preflight, as a Tailwind site ships them) or
  // `?theme=bootstrap` (bootstrap.min.css from node_modules).
  '/api/themed-page': (ctx) => {
    const themes = {
      tailwind: '/api/theme/tailwind.css',
      bootstrap: '/node_modules/bootstrap/dist/css/bootstrap.min.css',
    };
    const theme = themes[String(ctx.query.theme)];
    if (!theme)
      return send(ctx, 400, { 'content-type': 'text/plain' }, `?theme= takes ${Object.keys(themes).join(' or ')}`);
    const page = readFileSync(new URL('./pages/themed-page.html', import.meta.url), 'utf8');
    send(ctx, 200, { 'content-type': 'text/html; charset=utf-8' }, page.replace('{{theme}}', theme));
  },
  // Tailwind CSS v4 as a site without utility classes ships it (theme variables and preflight,
  // in their cascade layers), compiled from node_modules by Tailwind's own compiler.
  '/api/theme/tailwind.css': async (ctx) => {
    const { compile } = await import('tailwindcss');
    const compiler = await compile('@import "tailwindcss";', {
      base: import.meta.url,
      // `tailwindcss` and the files its index.css imports, from node_modules; paths as file URLs.
      loadStylesheet: async (id, base) => {
        const url =
          id === 'tailwindcss' ? new URL('../node_modules/tailwindcss/index.css', import.meta.url) : new URL(id, base);
        return { path: url.href, base: url.href, content: readFileSync(url, 'utf8') };
      },
    });
    send(ctx, 200, { 'content-type': 'text/css; charset=utf-8' }, compiler.build([]));
  },
};

export const campaignEndpoints = [
  async function campaignEndpoint(ctx, next) {
    const handler = endpoints[ctx.path];
    if (!handler) return next();
    if (ctx.path !== '/api/seen' && ctx.query.key) {
      const record = seen.get(String(ctx.query.key)) ?? { count: 0, cookies: 0 };
      record.count += 1;
      if (ctx.get('cookie')) record.cookies += 1;
      seen.set(String(ctx.query.key), record);
    }
    const delay = Number(ctx.query.delay ?? 0);
    if (delay > 0) await sleep(delay);
    await handler(ctx);
  },
];
