/**
 * `open-letter site`: the letter as a static folder that anyone who can paste a link can
 * embed (oEmbed, as WordPress reads it), and that serves the block too.
 */
import type { Campaign } from '../../campaign-schema.js';
import { httpUrl } from '../../safe-url.js';
import { isRelative } from '../urls.js';
import type { Warning } from '../warnings.js';
import { siteFiles } from './site-files.js';
import type { SitePlan } from './site-plan.js';
import { writeSite } from './write-site.js';

/** Writes the site into `outDir`; returns the paths written (relative to it) and notes for the author. */
export async function site(
  campaign: Campaign,
  campaignText: string,
  plan: SitePlan,
  outDir: string,
): Promise<{ paths: string[]; notes: Warning[] }> {
  const notes: Warning[] = [];
  campaign.sources?.forEach((source, index) => {
    if (isRelative(source.url)) {
      notes.push({
        path: `sources[${index}].url`,
        message: `${JSON.stringify(source.url)} is relative: the site and the block reading the folder's campaign.json link it as ${httpUrl(source.url, plan.campaignUrl)?.href}; publish that file there, or write the full address`,
      });
    }
  });
  const files = await siteFiles(campaign, campaignText, plan);
  await writeSite(outDir, files);
  return { paths: files.map((file) => file.path), notes };
}
