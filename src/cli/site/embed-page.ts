/**
 * `embed.html` (and per language folder): the page WordPress and other oEmbed consumers
 * show in their frame. Its only script is a file (embed.js) that speaks WordPress's
 * post-embed protocol; nothing inline, under a strict policy.
 */
import type { Campaign } from '../../campaign-schema.js';
import { textFor } from '../../campaign-text.js';
import { inLanguage } from '../../localization.js';
import { renderStatic } from '../static-html.js';
import { embedTemplate } from './embed-template.js';
import { element, htmlDocument } from './html-document.js';
import type { SitePage } from './site-plan.js';

/** Its own script and styles from the folder, nothing else; no way to create HTML from strings in script. */
const EMBED_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

export function embedPage(campaign: Campaign, page: SitePage): string {
  const reader = page.language;
  const title = textFor(campaign.title, reader, campaign.language).text;
  const head = [
    // The letter page is the one to find and to link to.
    element('meta', { name: 'robots', content: 'noindex' }),
    element('link', { rel: 'canonical', href: page.pageUrl.href }),
    element('link', { rel: 'stylesheet', href: `${page.toRoot}embed.css` }),
    element('script', { src: `${page.toRoot}embed.js`, defer: true }),
  ];
  const content = inLanguage(reader, () => renderStatic(embedTemplate(campaign, reader, page.pageUrl)));
  const body = `<main class="open-letter-embed">\n${content}\n</main>`;
  return htmlDocument({ lang: reader, csp: EMBED_PAGE_CSP, title, head, body });
}
