// A tiny HTTP server for the benchmark: loopback only, pages and files from
// memory, an optional delay before every answer (a simulated round trip), and a
// log of every request so the bench can count them at the server.
import { createServer } from 'node:http';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * @param {Map<string, string | Buffer>} files path (e.g. "/open-letter.js") → body
 */
export async function startServer(files) {
  const state = { latency: 0, log: [] };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    const entry = {
      path,
      at: performance.now(),
      mode: request.headers['sec-fetch-mode'] ?? '',
      dest: request.headers['sec-fetch-dest'] ?? '',
      purpose: request.headers['sec-purpose'] ?? request.headers.purpose ?? '',
      bytes: 0,
    };
    state.log.push(entry);
    const body = files.get(path);
    const answer = () => {
      if (body === undefined) {
        response.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
        response.end('not found');
        return;
      }
      const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
      entry.bytes = buffer.length;
      const type = TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
      // Uncompressed on loopback: the bench reports compressed sizes from the file itself.
      response.writeHead(200, {
        'content-type': type,
        'content-length': buffer.length,
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
      });
      response.end(buffer);
    };
    if (state.latency > 0) setTimeout(answer, state.latency);
    else answer();
  });
  // Keep-alive connections would otherwise hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    files,
    setLatency(ms) {
      state.latency = ms;
    },
    /** Forgets the requests seen so far and returns them. */
    takeLog() {
      const log = state.log;
      state.log = [];
      return log;
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
