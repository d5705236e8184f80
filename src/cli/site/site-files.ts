/**
 * Every file of the static site, by its path in the folder: the pages and oEmbed answers
 * per language, the campaign itself, the block's own script and stylesheet (so the same
 * folder serves the block), and the site's shared CSS and frame script.
 */
import { readFile } from 'node:fs/promises';
import type { Campaign } from '../../campaign-schema.js';
import embedCss from '../../site/embed.css?raw';
import embedScript from '../../site/embed.js?raw';
import siteCss from '../../site/site.css?raw';
import { EXIT_UNREADABLE, Exit } from '../exit.js';
import { embedPage } from './embed-page.js';
import { letterPage } from './letter-page.js';
import { oembedAnswer } from './oembed.js';
import type { SitePlan } from './site-plan.js';

export interface SiteFile {
  /** Relative to the folder, with "/" between parts. */
  path: string;
  content: string | Uint8Array;
}

/** The block's built files, beside dist/cli.js. In variables, so the bundler leaves the addresses alone. */
const BLOCK_FILES = ['open-letter.js', 'open-letter.css'];

export async function siteFiles(campaign: Campaign, campaignText: string, plan: SitePlan): Promise<SiteFile[]> {
  const files: SiteFile[] = [];
  for (const page of plan.pages) {
    files.push(
      { path: `${page.folder}index.html`, content: letterPage(campaign, plan, page) },
      { path: `${page.folder}embed.html`, content: embedPage(campaign, page) },
      {
        path: `${page.folder}oembed.json`,
        content: `${JSON.stringify(oembedAnswer(campaign, plan, page), null, 2)}\n`,
      },
    );
  }
  files.push(
    // As given, so the block reading it from the folder sees exactly what was checked.
    { path: 'campaign.json', content: campaignText },
    { path: 'site.css', content: siteCss },
    { path: 'embed.css', content: embedCss },
    { path: 'embed.js', content: embedScript },
  );
  for (const name of BLOCK_FILES) files.push({ path: name, content: await blockFile(name) });
  return files;
}

async function blockFile(name: string): Promise<Uint8Array> {
  const url = new URL(name, import.meta.url);
  try {
    return await readFile(url);
  } catch (error) {
    throw new Exit(
      `error: cannot read the block's own ${name} beside the command line (${(error as Error).message}): run \`npm run build\` first`,
      EXIT_UNREADABLE,
    );
  }
}
