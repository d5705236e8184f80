import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { Text } from '../src/campaign-schema.js';
import type { OpenLetter } from '../src/open-letter.js';
import {
  DEMO_URL,
  HEADINGS,
  articleOf,
  captureConsole,
  demoCampaign,
  echoUrl,
  minimalCampaign,
  textIn,
  textOf,
} from './helpers.js';
import { mount, settled } from './mount.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

type Reader = 'nl' | 'en';

const readers: { language: Reader; name: string; date: string }[] = [
  { language: 'nl', name: 'a Dutch', date: '18 februari 2022' },
  { language: 'en', name: 'an English', date: '18 February 2022' },
];

function headingsOf(el: OpenLetter): { level: number; text: string }[] {
  return [...el.querySelectorAll(HEADINGS)].map((heading) => ({
    level: Number(heading.tagName.slice(1)),
    text: textOf(heading),
  }));
}

/** The section under the heading whose visible text matches `pattern`. */
function sectionHeaded(el: OpenLetter, pattern: RegExp): HTMLElement {
  const heading = [...el.querySelectorAll(HEADINGS)].find((h) => pattern.test(textOf(h)));
  expect(heading, `a heading matching ${pattern}`).to.exist;
  const section = heading!.closest('section');
  expect(section, `the heading "${textOf(heading)}" heads a section`).to.exist;
  return section!;
}

/** Asserts that every part occurs in `text`, each after the one before. */
function expectInReadingOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" is shown, after what precedes it, in:\n${text}`).to.be.greaterThan(-1);
    from = at + part.length;
  }
}

describe('<open-letter> shows the whole letter', () => {
  for (const reader of readers) {
    describe(`to ${reader.name} reader`, () => {
      it('shows the title as the heading of the letter', async () => {
        const campaign = await demoCampaign();
        const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: reader.language } }));
        const title = el.querySelector('h2');
        expect(textOf(title)).to.equal(textIn(campaign.title, reader.language));
      });

      it(`shows the date in a <time datetime="2022-02-18"> as "${reader.date}"`, async () => {
        const campaign = await demoCampaign();
        const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: reader.language } }));
        const time = el.querySelector(`time[datetime="${campaign.date}"]`);
        expect(time, `a <time datetime="${campaign.date}">`).to.exist;
        expect(textOf(time)).to.equal(reader.date);
      });

      it('shows the summary and the initiator', async () => {
        const campaign = await demoCampaign();
        const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: reader.language } }));
        const text = textOf(articleOf(el));
        expect(text).to.include(textIn(campaign.summary, reader.language));
        expect(text).to.include(textIn(campaign.initiator, reader.language));
      });

      it('shows salutation, every paragraph, demands intro, demands, closing and sign-off in reading order', async () => {
        const campaign = await demoCampaign();
        const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: reader.language } }));
        const letter = campaign.letter;
        const t = (text: Text | undefined) => textIn(text, reader.language);
        expectInReadingOrder(textOf(articleOf(el)), [
          t(campaign.title),
          t(letter.salutation),
          ...letter.paragraphs.map(t),
          t(letter.demandsIntro),
          ...letter.demands.map(t),
          ...(letter.closing ?? []).map(t),
          t(letter.signOff),
        ]);
      });

      it('lists the 3 demands as an ordered list, one item per demand', async () => {
        const campaign = await demoCampaign();
        const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: reader.language } }));
        const lists = el.querySelectorAll('ol');
        expect(lists.length, 'ordered lists').to.equal(1);
        const items = [...lists[0].querySelectorAll(':scope > li')].map(textOf);
        expect(items).to.have.length(3);
        expect(items).to.deep.equal(campaign.letter.demands.map((d) => textIn(d, reader.language)));
      });

      it('shows the signatories under a heading that states how many signed, each with name, party and place', async () => {
        const campaign = await demoCampaign();
        const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: reader.language } }));
        const count = campaign.signatories.length;
        expect(count).to.equal(9);
        const section = sectionHeaded(el, new RegExp(`(^|\\D)${count}(\\D|$)`));
        const items = [...section.querySelectorAll('li')];
        expect(items.length, 'signatories listed').to.equal(count);
        campaign.signatories.forEach((signatory, index) => {
          const item = textOf(items[index]);
          expect(item).to.include(signatory.name);
          expect(item).to.include(signatory.party);
          if (signatory.place) expect(item).to.include(signatory.place);
        });
      });

      it('links every source to its url, with its title and publisher in the link text and its date beside it', async () => {
        const campaign = await demoCampaign();
        const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: reader.language } }));
        const sources = campaign.sources!;
        const section = sectionHeaded(el, /^(Bronnen|Sources)$/);
        const items = [...section.querySelectorAll('li')];
        expect(items.length, 'sources listed').to.equal(sources.length);
        sources.forEach((source, index) => {
          const links = items[index].querySelectorAll('a');
          expect(links.length, `links for sources[${index}]`).to.equal(1);
          expect(links[0].getAttribute('href')).to.equal(source.url);
          const linkText = textOf(links[0]);
          expect(linkText).to.include(textIn(source.title, reader.language));
          if (source.publisher) expect(linkText).to.include(source.publisher);
          const time = items[index].querySelector('time');
          if (source.date) {
            expect(time?.getAttribute('datetime')).to.equal(source.date);
          } else {
            expect(time === null, `sources[${index}] has no date`).to.equal(true);
          }
        });
      });
    });
  }

  it('names the file type in the link text of a PDF source: "pdf-bestand" in Dutch, "PDF" in English', async () => {
    const campaign = minimalCampaign({
      sources: [
        { title: 'Het rapport', url: 'https://example.org/rapport.pdf', kind: 'pdf' },
        { title: 'Een artikel', url: 'https://example.org/artikel', kind: 'article' },
      ],
    });
    const { el: dutch } = await settled(mount({ campaign, attributes: { lang: 'nl' } }));
    const { el: english } = await settled(mount({ campaign, attributes: { lang: 'en' } }));
    const [dutchPdf, dutchArticle] = [...dutch.querySelectorAll('a')].map(textOf);
    const [englishPdf, englishArticle] = [...english.querySelectorAll('a')].map(textOf);
    expect(dutchPdf).to.include('Het rapport').and.to.include('pdf-bestand');
    expect(englishPdf)
      .to.include('Het rapport')
      .and.to.match(/\bPDF\b/);
    expect(dutchArticle).to.not.include('pdf');
    expect(englishArticle).to.not.match(/PDF/i);
  });

  it('shows a source without publisher or date as just its linked title', async () => {
    const campaign = minimalCampaign({
      sources: [{ title: 'Alleen een titel', url: 'https://example.org/titel' }],
    });
    const { el } = await settled(mount({ campaign, attributes: { lang: 'nl' } }));
    const section = sectionHeaded(el, /^Bronnen$/);
    const items = section.querySelectorAll('li');
    expect(items.length, 'sources listed').to.equal(1);
    expect(textOf(items[0])).to.equal('Alleen een titel');
    expect(textOf(items[0].querySelector('a'))).to.equal('Alleen een titel');
    expect(items[0].querySelector('time') === null, 'no date shown').to.equal(true);
  });
});

describe('<open-letter> heading levels', () => {
  it('puts the title at level 2 and its sections at level 3 by default', async () => {
    const campaign = await demoCampaign();
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    const [title, ...sections] = headingsOf(el);
    expect(title).to.deep.equal({ level: 2, text: textIn(campaign.title, 'nl') });
    expect(sections).to.have.length(3);
    expect(sections.map((s) => s.level)).to.deep.equal([3, 3, 3]);
  });

  for (const level of [1, 2, 3, 4, 5, 6]) {
    const sectionLevel = Math.min(level + 1, 6);
    it(`heading-level="${level}" puts the title at h${level} and the demands, signatories and sources at h${sectionLevel}`, async () => {
      const campaign = await demoCampaign();
      const { el } = await settled(
        mount({ src: DEMO_URL, attributes: { lang: 'nl', 'heading-level': String(level) } }),
      );
      const [title, ...sections] = headingsOf(el);
      expect(title).to.deep.equal({ level, text: textIn(campaign.title, 'nl') });
      expect(sections).to.have.length(3);
      expect(sections.map((s) => s.level)).to.deep.equal([sectionLevel, sectionLevel, sectionLevel]);
      expect(sections[0].text).to.equal('Wat wij vragen');
      expect(sections[1].text).to.include(String(campaign.signatories.length));
      expect(sections[2].text).to.equal('Bronnen');
    });
  }
});

describe('<open-letter> shows markup in the data as text', () => {
  const img = '<img src=x onerror="window.__pwned=1">';
  const script = '<script>window.__pwned=1</script>';
  const svg = '<svg onload="window.__pwned=1"></svg>';
  const iframe = '<iframe src="javascript:window.__pwned=1"></iframe>';

  const hostile = minimalCampaign({
    title: img,
    summary: `Samenvatting ${svg}`,
    initiator: `Initiatiefnemer ${iframe}`,
    letter: {
      salutation: `Beste ${img}`,
      paragraphs: [`Alinea ${script}`, { nl: `Tweede alinea ${svg}`, en: `Second paragraph ${svg}` }],
      demandsIntro: `Wij eisen ${iframe}`,
      demands: [`Eis ${script}`, `Eis ${img}`],
      closing: [`Slot ${svg}`],
      signOff: `Groet ${script}`,
    },
    signatories: [{ name: `Naam ${script}`, party: `Partij ${img}`, place: `Plaats ${svg}` }],
    sources: [
      { title: `Bron ${script}`, url: 'https://example.org/bron', publisher: `Uitgever ${img}` },
      { title: { nl: `Tweede bron ${img}`, en: `Second source ${img}` }, url: 'https://example.org/twee' },
    ],
  });
  const shownToDutch = [
    img,
    `Samenvatting ${svg}`,
    `Initiatiefnemer ${iframe}`,
    `Beste ${img}`,
    `Alinea ${script}`,
    `Tweede alinea ${svg}`,
    `Wij eisen ${iframe}`,
    `Eis ${script}`,
    `Eis ${img}`,
    `Slot ${svg}`,
    `Groet ${script}`,
    `Naam ${script}`,
    `Partij ${img}`,
    `Plaats ${svg}`,
    `Bron ${script}`,
    `Uitgever ${img}`,
    `Tweede bron ${img}`,
  ];

  /** The elements that only markup from the data could have created. */
  function elementsFromData(root: ParentNode): string[] {
    return [...root.querySelectorAll('img, script, svg, iframe')].map((node) => node.outerHTML);
  }

  beforeEach(() => {
    delete window.__pwned;
  });
  afterEach(() => {
    delete window.__pwned;
  });

  const ways: [string, () => Promise<OpenLetter>][] = [
    [
      'from a JSON endpoint',
      async () => (await settled(mount({ src: echoUrl(hostile), attributes: { lang: 'nl' } }))).el,
    ],
    [
      'from the campaign property',
      async () => (await settled(mount({ campaign: structuredClone(hostile), attributes: { lang: 'nl' } }))).el,
    ],
  ];
  for (const [way, mount] of ways) {
    it(`shows HTML in every text field literally, ${way}, creating no element and running no script`, async () => {
      const el = await mount();
      const text = textOf(articleOf(el));
      for (const shown of shownToDutch) expect(text).to.include(shown);
      expect(textOf(el.querySelector('h2'))).to.equal(img);
      expect(elementsFromData(el)).to.deep.equal([]);
      expect(elementsFromData(el)).to.deep.equal([]);
      // Give an injected image time to fail loading and fire its onerror.
      await aTimeout(100);
      expect(window.__pwned).to.equal(undefined);
    });
  }

  it('shows HTML in an English translation literally too', async () => {
    const { el } = await settled(mount({ src: echoUrl(hostile), attributes: { lang: 'en' } }));
    const text = textOf(articleOf(el));
    expect(text).to.include(`Second paragraph ${svg}`);
    expect(text).to.include(`Second source ${img}`);
    expect(elementsFromData(el)).to.deep.equal([]);
    await aTimeout(100);
    expect(window.__pwned).to.equal(undefined);
  });
});

describe('<open-letter> links only to http(s) addresses', () => {
  const unsafe = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:msgbox(1)',
  ];
  const safe = [
    { title: 'Veilige bron', url: 'https://example.org/veilig' },
    { title: 'Pad op de server', url: '/path' },
    { title: 'Ander bestand', url: 'other.html' },
  ];
  const campaign = minimalCampaign({
    sources: [...unsafe.map((url, index) => ({ title: `Onveilige bron ${index}`, url })), ...safe],
  });

  let warnings: ReturnType<typeof captureConsole>;
  beforeEach(() => {
    warnings = captureConsole('warn');
  });
  afterEach(() => {
    warnings.restore();
  });

  it('shows a source with a javascript:, data: or vbscript: address as plain text, not as a link', async () => {
    const { el } = await settled(mount({ src: echoUrl(campaign), attributes: { lang: 'nl' } }));
    const section = sectionHeaded(el, /^Bronnen$/);
    const items = [...section.querySelectorAll('li')];
    expect(items.length, 'sources listed').to.equal(unsafe.length + safe.length);
    unsafe.forEach((url, index) => {
      expect(textOf(items[index]), JSON.stringify(url)).to.include(`Onveilige bron ${index}`);
      const link = items[index].querySelector('a');
      expect(link?.outerHTML ?? null, `no link for ${JSON.stringify(url)}`).to.equal(null);
    });
    const links = [...el.querySelectorAll('a')];
    expect(links.map(textOf)).to.deep.equal(safe.map((source) => source.title));
    for (const link of links) expect(link.protocol).to.be.oneOf(['http:', 'https:']);
  });

  it('warns in the console about each unsafe address, naming sources[i].url', async () => {
    await settled(mount({ src: echoUrl(campaign), attributes: { lang: 'nl' } }));
    const aboutSources = warnings.calls.filter((call) => /sources\[\d+\]\.url/.test(call));
    unsafe.forEach((url, index) => {
      expect(
        aboutSources.some((call) => call.includes(`sources[${index}].url`)),
        `a warning about sources[${index}].url (${JSON.stringify(url)}) in ${JSON.stringify(warnings.calls)}`,
      ).to.equal(true);
    });
    safe.forEach((_, offset) => {
      const index = unsafe.length + offset;
      expect(aboutSources.some((call) => call.includes(`sources[${index}].url`))).to.equal(false);
    });
  });

  it('still shows the rest of the letter when a source address is unsafe', async () => {
    const { el } = await settled(mount({ src: echoUrl(campaign), attributes: { lang: 'nl' } }));
    expect(textOf(el.querySelector('h2'))).to.equal(campaign.title);
    const text = textOf(articleOf(el));
    expect(text).to.include(campaign.letter.paragraphs[0] as string);
    expect([...el.querySelectorAll('ol > li')].map(textOf)).to.deep.equal(campaign.letter.demands);
    expect(text).to.include(campaign.signatories[0].name);
  });

  it('links relative addresses, resolved against the URL of the JSON, not of the page', async () => {
    const src = echoUrl(campaign);
    const jsonUrl = new URL(src, document.baseURI);
    const { el } = await settled(mount({ src, attributes: { lang: 'nl' } }));
    for (const source of safe.slice(1)) {
      const link = [...el.querySelectorAll('a')].find((a) => textOf(a) === source.title);
      expect(link, `a link for ${source.url}`).to.exist;
      expect(link!.href).to.equal(new URL(source.url, jsonUrl).href);
    }
    // The JSON lives under /api/, the page does not: the two bases differ.
    expect(new URL('other.html', jsonUrl).href).to.not.equal(new URL('other.html', document.baseURI).href);
  });
});

describe('<open-letter> with the campaign property', () => {
  function fetchesMade(): PerformanceEntry[] {
    return performance
      .getEntriesByType('resource')
      .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'fetch');
  }

  it('shows the same letter as from the JSON endpoint, without making any request', async () => {
    const campaign = await demoCampaign();

    performance.clearResourceTimings();
    // An address no block has asked for yet, so this block really requests it.
    const src = echoUrl(campaign, { key: `campaign-property-${Date.now()}-${Math.random()}` });
    const { el: fromSrc } = await settled(mount({ src, attributes: { lang: 'nl' } }));
    // The same measurement does see the request that `src` makes.
    await waitUntil(() => fetchesMade().length > 0, 'the request for src is recorded');

    performance.clearResourceTimings();
    const { el: fromProperty } = await settled(mount({ campaign, attributes: { lang: 'nl' } }));
    await aTimeout(200);
    expect(fetchesMade().map((entry) => entry.name)).to.deep.equal([]);

    expect(textOf(articleOf(fromProperty))).to.equal(textOf(articleOf(fromSrc)));
    expect(headingsOf(fromProperty)).to.deep.equal(headingsOf(fromSrc));
  });
});

describe('<open-letter> dates and numbers', () => {
  for (const reader of readers) {
    it(`writes every month as the browser's own long date does, to ${reader.name} reader`, async () => {
      const campaign = await demoCampaign();
      // One source per month, each on another day, across the years the format allows.
      const dates = Array.from({ length: 12 }, (_, month) => {
        const year = month % 2 ? 1900 + month : 2099 - month;
        return `${year}-${String(month + 1).padStart(2, '0')}-${String(1 + ((month * 5) % 28)).padStart(2, '0')}`;
      });
      const sources = dates.map((date, index) => ({ title: `Bron ${index + 1}`, url: 'https://example.org/', date }));
      const { el } = await settled(
        mount({ campaign: { ...campaign, sources }, attributes: { lang: reader.language } }),
      );
      const platform = new Intl.DateTimeFormat(reader.language === 'en' ? 'en-GB' : 'nl', {
        dateStyle: 'long',
        timeZone: 'UTC',
      });
      const shown = [...el.querySelectorAll('.open-letter__sources time')].map((time) => textOf(time));
      expect(shown).to.deep.equal(dates.map((date) => platform.format(new Date(`${date}T00:00:00Z`))));
    });
  }

  const counted: Record<Reader, { one: string; heading: RegExp }> = {
    nl: { one: '1 ondertekenaar', heading: /ondertekenaar/ },
    en: { one: '1 signatory', heading: /signator/ },
  };
  for (const reader of readers) {
    it(`counts the signatories as the browser groups numbers, to ${reader.name} reader`, async () => {
      const campaign = await demoCampaign();
      const [first] = campaign.signatories;
      const platform = new Intl.NumberFormat(reader.language);
      for (const count of [1, 7, 1234, 10000]) {
        const signatories = Array.from({ length: count }, (_, index) => ({ ...first, name: `Naam ${index + 1}` }));
        const { el } = await settled(
          mount({ campaign: { ...campaign, signatories }, attributes: { lang: reader.language } }),
        );
        const section = sectionHeaded(el, counted[reader.language].heading);
        const heading = textOf(section.querySelector(HEADINGS));
        if (count === 1) expect(heading).to.equal(counted[reader.language].one);
        else expect(heading.startsWith(`${platform.format(count)} `), heading).to.be.true;
        // A long list is folded behind a button that names the number too.
        const disclosure = section.querySelector('button');
        if (count > 25) expect(textOf(disclosure)).to.include(platform.format(count));
        el.remove();
      }
    });
  }
});
