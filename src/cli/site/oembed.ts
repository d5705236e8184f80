/**
 * `oembed.json`: the answer to an oEmbed lookup of the letter page, in the one shape
 * WordPress keeps for a provider it does not know (its own post embeds): a blockquote
 * with a link, shown until the frame speaks, then the sandboxed frame. WordPress drops
 * the html when anything, even whitespace, comes before the blockquote.
 */
import type { Campaign } from '../../campaign-schema.js';
import { textFor } from '../../campaign-text.js';
import { escapeHtml } from './escape-html.js';
import type { SitePage, SitePlan } from './site-plan.js';

/**
 * The frame's height before it reports its own. WordPress keeps the frame clipped
 * until the first height message and then sizes it to the content (200–1,000 px).
 */
const FRAME_HEIGHT = 600;
/** The width oEmbed asks for; the frame itself is 100 % wide, so it fits a phone too. */
const FRAME_WIDTH = 600;

export interface OEmbedAnswer {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  width: number;
  height: number;
  html: string;
}

export function oembedAnswer(campaign: Campaign, plan: SitePlan, page: SitePage): OEmbedAnswer {
  const reader = page.language;
  const title = textFor(campaign.title, reader, campaign.language).text;
  const provider = campaign.initiator ? textFor(campaign.initiator, reader, campaign.language).text : plan.base.host;
  const frame = [
    `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"`,
    ` title="${escapeHtml(title)}" src="${escapeHtml(page.embedUrl.href)}"`,
    ` width="100%" height="${FRAME_HEIGHT}" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>`,
  ].join('');
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: provider,
    provider_url: plan.base.href,
    width: FRAME_WIDTH,
    height: FRAME_HEIGHT,
    html: `<blockquote class="wp-embedded-content"><a href="${escapeHtml(page.pageUrl.href)}">${escapeHtml(title)}</a></blockquote>${frame}`,
  };
}
