// The static site as a test fixture: a loopback static host with the folder written by
// `open-letter site` for that host's own address. The hook for end-to-end tests that need
// the site served (the frame tests here; the WordPress harness pastes `pageUrl` into posts):
//
//   const site = await serveSite({ campaign: 'demo/campaigns/brandbrief-samen-veilig.json' });
//   site.pageUrl, site.embedUrl, site.files … await site.close();
//
// Needs `npm run build` first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, run } from './run-cli.mjs';
import { startStaticServer } from './static-server.mjs';

export const demoCampaign = join(root, 'demo/campaigns/brandbrief-samen-veilig.json');

/**
 * Writes the site of `campaign` (a path or address) into a temporary folder and serves it
 * on loopback under `mount`. `pages` are extra paths the same server answers (a parent page).
 * `hostname` is the name the site is published under: the server listens on 127.0.0.1 only,
 * so 'localhost' gives the site a host of its own beside another loopback server (WordPress).
 */
export async function serveSite({ campaign = demoCampaign, mount = '/letter/', pages, hostname } = {}) {
  const out = await mkdtemp(join(tmpdir(), 'open-letter-site-'));
  const server = await startStaticServer({ root: out, mount, pages });
  const origin = new URL(server.origin);
  if (hostname) origin.hostname = hostname;
  const base = `${origin.origin}${mount}`;
  const result = await run('site', campaign, '--out', out, '--base', base);
  const close = async () => {
    await server.close();
    await rm(out, { recursive: true, force: true });
  };
  if (result.status !== 0) {
    await close();
    throw new Error(`open-letter site exited with ${result.status}:\n${result.stderr}`);
  }
  return {
    out,
    base,
    origin: origin.origin,
    /** The letter page in the campaign's language: the address an author pastes. */
    pageUrl: base,
    embedUrl: `${base}embed.html`,
    oembedUrl: `${base}oembed.json`,
    /** Every path the server was asked for, in order. */
    requests: server.log,
    /** The CLI's own report: exit status, stdout (the files written), stderr (warnings). */
    result,
    close,
  };
}
