// Endpoints the test runner's dev server answers under /api/: a good campaign and
// every way a real endpoint goes wrong, all over real HTTP. Each takes `?delay=ms`.
import { readFileSync } from 'node:fs';

const demoCampaign = readFileSync(
  new URL('../demo/campaigns/brandbrief-samen-veilig.json', import.meta.url),
  'utf8',
);

/** Requests seen per `?key=`, so tests can count them. */
const seen = new Map();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
  '/api/echo.json': (ctx) =>
    json(ctx, Buffer.from(String(ctx.query.body ?? ''), 'base64url').toString('utf8')),
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
    json(ctx, { version: 1, language: 'nl', title: 'Zonder eisen', date: '2022-02-30', letter: { paragraphs: [], demands: [] }, signatories: [{ name: 'A' }] }),
  '/api/version-2.json': (ctx) => json(ctx, { ...JSON.parse(demoCampaign), version: 2 }),
  // 2 MB of valid JSON: over the size limit.
  '/api/huge.json': (ctx) =>
    json(ctx, { ...JSON.parse(demoCampaign), padding: 'x'.repeat(2 * 1024 * 1024) }),
  // The same, streamed without a Content-Length header.
  '/api/huge-streamed.json': (ctx) => {
    ctx.respond = false;
    const res = ctx.res;
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    const chunk = 'x'.repeat(64 * 1024);
    res.write('{"padding":"');
    for (let i = 0; i < 40; i++) res.write(chunk);
    res.end('"}');
  },
  // The connection breaks off halfway through the answer.
  '/api/broken.json': async (ctx) => {
    ctx.respond = false;
    ctx.res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000', 'cache-control': 'no-store' });
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
  // How many requests reached a `key`, and whether any carried cookies.
  '/api/seen': (ctx) => json(ctx, seen.get(String(ctx.query.key)) ?? { count: 0, cookies: 0 }),
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
