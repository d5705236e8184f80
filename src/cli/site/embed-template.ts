/**
 * What the frame shows (embed.html): the letter in brief, for a frame of at most
 * 1,000 px — its title (the frame's only h1), date and initiator, the summary, the
 * demands as an ordered list, how many signed with the first names, and a link to the
 * whole letter. One heading structure, starting at the title. Campaign texts go through
 * Lit's bindings, so they are escaped; each is marked with its own language.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Campaign, Text } from '../../campaign-schema.js';
import { textFor } from '../../campaign-text.js';
import type { Language } from '../../language.js';
import { formatDate, signatoryCount } from '../../letter-template.js';
import { SITE_WORDS } from './words.js';

/** How many signatories the frame names; the letter page names them all. */
const NAMED_SIGNATORIES = 3;

/** Call inside inLanguage(reader, …): the interface words the block shares come from its catalogue. */
export function embedTemplate(campaign: Campaign, reader: Language, letterUrl: URL): TemplateResult {
  const words = SITE_WORDS[reader];
  const shown = (text: Text) => {
    const { text: words, lang } = textFor(text, reader, campaign.language);
    return { words, lang: lang === reader ? nothing : lang };
  };
  const title = shown(campaign.title);
  const summary = campaign.summary && shown(campaign.summary);
  const initiator = campaign.initiator && shown(campaign.initiator);
  return html`
    <h1 class="open-letter-embed__title" lang=${title.lang}>${title.words}</h1>
    <p class="open-letter-embed__meta">
      <time datetime=${campaign.date}>${formatDate(campaign.date, reader)}</time>${
        initiator
          ? html`<span aria-hidden="true"> · </span>${msg('Initiated by', { id: 'initiated-by' })} <bdi lang=${initiator.lang}>${initiator.words}</bdi>`
          : nothing
      }
    </p>
    ${summary ? html`<p class="open-letter-embed__summary" lang=${summary.lang}>${summary.words}</p>` : nothing}
    <h2 class="open-letter-embed__heading">${msg('What we are asking for', { id: 'demands' })}</h2>
    <ol class="open-letter-embed__demands">
      ${campaign.letter.demands.map((demand) => {
        const { words: text, lang } = shown(demand);
        return html`<li lang=${lang}>${text}</li>`;
      })}
    </ol>
    <p class="open-letter-embed__signatories">${signatoryLine(campaign, reader)}</p>
    <p class="open-letter-embed__more">
      <a class="open-letter-embed__link" href=${letterUrl.href} target="_top">${words.readTheWholeLetter}</a>
    </p>
  `;
}

/** "9 signatories, including A, B and C." or, when all are named, "2 signatories: A and B." */
function signatoryLine(campaign: Campaign, reader: Language): TemplateResult {
  const total = campaign.signatories.length;
  const names = campaign.signatories.slice(0, NAMED_SIGNATORIES).map((signatory) => signatory.name);
  // Dates and lists are written the British way in English, as the letter writes them.
  const list = new Intl.ListFormat(reader === 'en' ? 'en-GB' : reader, { type: 'conjunction' })
    .formatToParts(names)
    .map((part) =>
      part.type === 'element' ? html`<bdi class="open-letter-embed__name">${part.value}</bdi>` : part.value,
    );
  const count = signatoryCount(total, reader);
  return total > NAMED_SIGNATORIES
    ? html`${count}, ${SITE_WORDS[reader].including} ${list}.`
    : html`${count}: ${list}.`;
}
