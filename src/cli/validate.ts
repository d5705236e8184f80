/** `open-letter validate`: the one line that says a campaign is fine, and what is in it. */
import type { Campaign } from '../campaign-schema.js';
import { textFor } from '../campaign-text.js';
import { languagesIn } from './warnings.js';

export function okLine(label: string, campaign: Campaign, warnings: number): string {
  const title = textFor(campaign.title, campaign.language, campaign.language).text;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    languagesIn(campaign).join(' + '),
    count(campaign.letter.paragraphs.length, 'paragraph', 'paragraphs'),
    count(campaign.letter.demands.length, 'demand', 'demands'),
    count(campaign.signatories.length, 'signatory', 'signatories'),
    count(campaign.sources?.length ?? 0, 'source', 'sources'),
  ];
  const warned = warnings ? ` (${count(warnings, 'warning', 'warnings')}, see above)` : '';
  return `OK ${label}: ${JSON.stringify(title)}: ${parts.join(', ')}${warned}`;
}
