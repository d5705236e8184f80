/**
 * The letter in brief, for search results and link previews (the meta description and
 * og:description): the summary, which the format defines as a short neutral intro, or
 * else the start of the first paragraph.
 */
import type { Campaign } from '../../campaign-schema.js';
import { textFor } from '../../campaign-text.js';
import type { Language } from '../../language.js';

/** How much of the first paragraph stands in for a missing summary: previews cut longer text anyway. */
const MAX_LENGTH = 300;

export function describe(campaign: Campaign, reader: Language): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  if (campaign.summary) return oneLine(textFor(campaign.summary, reader, campaign.language).text);
  const paragraph = oneLine(textFor(campaign.letter.paragraphs[0], reader, campaign.language).text);
  if (paragraph.length <= MAX_LENGTH) return paragraph;
  const cut = paragraph.slice(0, MAX_LENGTH - 1);
  // End at a word, not inside one.
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > 0 ? cut.slice(0, lastSpace) : cut}…`;
}
