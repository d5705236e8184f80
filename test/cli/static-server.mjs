// A static file server on loopback, as any static host serves the site's folder: the
// folder under a path (e.g. /letter/), a folder's address answered with its index.html,
// content types by extension. It logs every request, and can answer extra paths from
// memory (a parent page for the frame test).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * @param {{ root: string, mount: string, pages?: Map<string, string> }} options
 *   root: the folder to serve; mount: its path on the server, like "/letter/";
 *   pages: other paths answered with the given HTML
 */
export async function startStaticServer({ root, mount, pages = new Map() }) {
  const log = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    log.push(path);
    const page = pages.get(path);
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': TYPES['.html'] }).end(page);
      return;
    }
    const relative = path.startsWith(mount) ? normalize(path.slice(mount.length)) : undefined;
    if (relative === undefined || relative.startsWith('..')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let file = join(root, relative);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  // Keep-alive connections would otherwise hold close() open.
  server.keepAliveTimeout = 500;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    log,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
