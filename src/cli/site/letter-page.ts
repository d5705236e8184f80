/**
 * `index.html` (and `en/index.html` or `nl/index.html`): the whole letter as a standalone
 * page — the block's own template in the light DOM, styled by the block's own stylesheet,
 * with no script at all. Its head carries what others read about it: the oEmbed discovery
 * link (WordPress reads only the first 150 KB, so it comes early), the language
 * alternates, a description and the Open Graph and Twitter card metadata.
 */
import { html } from 'lit';
import type { Campaign } from '../../campaign-schema.js';
import { textFor } from '../../campaign-text.js';
import { letterTemplate } from '../../letter-template.js';
import { inLanguage } from '../../localization.js';
import { httpUrl } from '../../safe-url.js';
import { renderStatic } from '../static-html.js';
import { describe } from './description.js';
import { element, htmlDocument } from './html-document.js';
import type { SitePage, SitePlan } from './site-plan.js';
import { SITE_WORDS } from './words.js';

/** No script, and nothing from anywhere but the folder's own origin. */
const LETTER_PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

export function letterPage(campaign: Campaign, plan: SitePlan, page: SitePage): string {
  const reader = page.language;
  const title = textFor(campaign.title, reader, campaign.language).text;
  const description = describe(campaign, reader);
  const others = plan.pages.filter((other) => other !== page);
  const head = [
    element('link', { rel: 'alternate', type: 'application/json+oembed', href: page.oembedUrl.href, title }),
    element('link', { rel: 'canonical', href: page.pageUrl.href }),
    ...(others.length
      ? [
          ...plan.pages.map((each) =>
            element('link', { rel: 'alternate', hreflang: each.language, href: each.pageUrl.href }),
          ),
          element('link', { rel: 'alternate', hreflang: 'x-default', href: plan.pages[0].pageUrl.href }),
        ]
      : []),
    element('meta', { name: 'description', content: description }),
    element('meta', { property: 'og:type', content: 'article' }),
    element('meta', { property: 'og:title', content: title }),
    element('meta', { property: 'og:description', content: description }),
    element('meta', { property: 'og:url', content: page.pageUrl.href }),
    element('meta', { property: 'og:locale', content: SITE_WORDS[reader].ogLocale }),
    ...others.map((other) =>
      element('meta', { property: 'og:locale:alternate', content: SITE_WORDS[other.language].ogLocale }),
    ),
    element('meta', { property: 'article:published_time', content: campaign.date }),
    element('meta', { name: 'twitter:card', content: 'summary' }),
    element('link', { rel: 'stylesheet', href: `${page.toRoot}open-letter.css` }),
    element('link', { rel: 'stylesheet', href: `${page.toRoot}site.css` }),
  ];
  const letter = inLanguage(reader, () =>
    renderStatic(
      letterTemplate(campaign, {
        reader,
        headingLevel: 1,
        idPrefix: 'open-letter-',
        // As the block resolves them when it reads the folder's campaign.json.
        hrefFor: (url) => httpUrl(url, plan.campaignUrl)?.href,
        // The block's row for its language switch holds the links to the other languages.
        hasControls: others.length > 0,
        controls: html`${others.map(
          (other) =>
            html`<a class="open-letter-site__language" href=${relativeTo(page, other)} hreflang=${other.language} lang=${other.language}
              >${SITE_WORDS[other.language].readInThisLanguage}</a
            >`,
        )}`,
      }),
    ),
  );
  // The stylesheet styles the letter inside <open-letter> only; without the script the element is a plain container.
  const body = `<main class="open-letter-site">\n<open-letter>\n${letter}\n</open-letter>\n</main>`;
  return htmlDocument({ lang: reader, csp: LETTER_PAGE_CSP, title, head, body });
}

/** A link from one page to another that works wherever the folder is served, a local preview included. */
function relativeTo(from: SitePage, to: SitePage): string {
  return `${from.toRoot}${to.folder}`;
}
