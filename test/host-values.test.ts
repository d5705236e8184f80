// What a host page can do to a block — set odd values from a framework, listen and react, move
// it — and what data can do to its neighbours: none of it throws, and the letter stays true.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import { api, captureConsole, demoCampaign, echoUrl, minimalCampaign, textOf, uncaughtDuring } from './helpers.js';
import { mount, settled } from './mount.js';

describe('<open-letter> takes the values a framework passes as properties', () => {
  it('highlights the names in a list set as the highlight property', async () => {
    const campaign = await demoCampaign();
    const { el } = await settled(mount({ campaign, attributes: { lang: 'nl' } }));
    el.highlight = ['Houten Anders!', campaign.signatories[0].name];
    await el.updateComplete;
    expect(el.querySelectorAll('.open-letter__signatory--highlighted')).to.have.length(2);
  });

  for (const [what, value] of [
    ['a number', 42],
    ['an object', { party: 'Houten Anders!' }],
  ] as const) {
    it(`ignores ${what} as highlight with a console warning, and keeps updating`, async () => {
      const warnings = captureConsole('warn');
      try {
        const { el } = await settled(mount({ campaign: await demoCampaign(), attributes: { lang: 'nl' } }));
        const uncaught = await uncaughtDuring(async () => {
          (el as unknown as { highlight: unknown }).highlight = value;
          await el.updateComplete;
          el.headingLevel = 3;
          await el.updateComplete;
        });
        expect(uncaught, 'nothing uncaught').to.deep.equal([]);
        expect(el.querySelectorAll('.open-letter__signatory--highlighted')).to.have.length(0);
        expect(el.querySelector('h3.open-letter__title'), 'the block still updates').to.exist;
        expect(warnings.calls.join('\n')).to.match(/<open-letter>: highlight/);
      } finally {
        warnings.restore();
      }
    });
  }

  it('uses level 2 for a heading level that is no whole number from 1 to 6, and says so', async () => {
    const warnings = captureConsole('warn');
    try {
      const { el } = await settled(mount({ campaign: await demoCampaign(), attributes: { lang: 'nl' } }));
      for (const level of [0, 7, 2.5, Number.NaN]) {
        el.headingLevel = level;
        await el.updateComplete;
        expect(el.querySelector('.open-letter__title')!.localName, `heading level ${level}`).to.equal('h2');
      }
      expect(warnings.calls.filter((call) => call.includes('heading-level'))).to.have.length(4);
    } finally {
      warnings.restore();
    }
  });

  it('reads a malformed lang as no language at all', async () => {
    const uncaught = await uncaughtDuring(async () => {
      const { el } = await settled(
        mount({ campaign: await demoCampaign(), attributes: { lang: 'not a language!' }, ancestorLang: 'en' }),
      );
      expect(el.querySelector('article')!.lang, 'the language around it').to.equal('en');
    });
    expect(uncaught).to.deep.equal([]);
  });
});

describe('<open-letter> honours what listeners set, the last value winning', () => {
  it('loads the backup src an error listener sets at once, after an address that cannot be parsed', async () => {
    const backup = api('campaign.json');
    const el = document.createElement('open-letter');
    const loadedBackup = new Promise((resolve) => el.addEventListener('open-letter-load', resolve, { once: true }));
    el.addEventListener('open-letter-error', () => (el.src = backup), { once: true });
    el.src = 'http://[not an address';
    await fixture(html`<div>${el}</div>`);
    await loadedBackup;
    await el.updateComplete;
    expect(el.src).to.equal(backup);
    expect(textOf(el.querySelector('.open-letter__title'))).to.not.equal('');
  });

  it('renders the campaign an error listener sets at once, after an invalid one', async () => {
    const el = document.createElement('open-letter');
    const loaded = new Promise((resolve) => el.addEventListener('open-letter-load', resolve, { once: true }));
    el.addEventListener('open-letter-error', () => (el.campaign = minimalCampaign({ title: 'De reserve' })), {
      once: true,
    });
    el.campaign = { version: 1 };
    await fixture(html`<div>${el}</div>`);
    await loaded;
    await el.updateComplete;
    expect(textOf(el.querySelector('.open-letter__title'))).to.equal('De reserve');
  });

  it('shows the last of several addresses a load listener sets one after the other', async () => {
    const el = document.createElement('open-letter');
    const titles: string[] = [];
    el.addEventListener('open-letter-load', () => titles.push(textOf(el.querySelector('.open-letter__title'))));
    el.addEventListener(
      'open-letter-load',
      () => {
        el.src = echoUrl(minimalCampaign({ title: 'Eerste' }));
        el.src = echoUrl(minimalCampaign({ title: 'Laatste' }));
      },
      { once: true },
    );
    el.src = echoUrl(minimalCampaign({ title: 'Begin' }));
    await fixture(html`<div>${el}</div>`);
    await waitUntil(() => titles.length === 2, 'two letters shown', { timeout: 5000 });
    await el.updateComplete;
    expect(titles).to.deep.equal(['Begin', 'Laatste']);
  });
});

describe('<open-letter> keeps each piece of data text to itself', () => {
  /** Characters that reorder text: embeddings, overrides, isolates, marks; and right-to-left letters. */
  const bidi = fc.constantFrom(
    '\u202A',
    '\u202B',
    '\u202C',
    '\u202D',
    '\u202E',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u200E',
    '\u200F',
    'א',
    'ب',
    'a',
    ' ',
  );
  const hostile = fc.array(bidi, { minLength: 1, maxLength: 12 }).map((chars) => `Naam${chars.join('')}`);

  /** The left edge of the first character of `node`'s text, and the right edge of its last. */
  function edges(node: Element): { left: number; right: number } {
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()];
    return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) };
  }

  it('shows the party after the name, and the badge after both, whatever bidi controls the name holds', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (name) => {
        const { el } = await settled(
          mount({
            campaign: minimalCampaign({ signatories: [{ name, party: 'Partij', place: 'Plaats' }] }),
            attributes: { lang: 'nl', highlight: 'Partij' },
          }),
        );
        const item = el.querySelector('.open-letter__signatory')!;
        const [nameBox, partyBox, placeBox] = [...item.querySelectorAll('bdi')].map(edges);
        const badge = edges(item.querySelector('.open-letter__badge')!);
        // Left to right on one line: name, party, place, badge; none reaches into the next.
        expect(partyBox.left, `party after the name ${JSON.stringify(name)}`).to.be.at.least(nameBox.right - 1);
        expect(placeBox.left, 'place after the party').to.be.at.least(partyBox.right - 1);
        expect(badge.left, 'badge after the place').to.be.at.least(placeBox.right - 1);
        el.remove();
      }),
      { numRuns: 60 },
    );
  });

  it('shows the publisher and the date after a source title, whatever bidi controls the title holds', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (title) => {
        const { el } = await settled(
          mount({
            campaign: minimalCampaign({
              sources: [{ title, url: 'https://example.org/a', publisher: 'Uitgever', date: '2022-02-15' }],
            }),
            attributes: { lang: 'nl' },
          }),
        );
        const source = el.querySelector('.open-letter__source')!;
        const [titleBox, publisherBox] = [...source.querySelectorAll('bdi')].map(edges);
        const date = edges(source.querySelector('time')!);
        expect(publisherBox.left, `publisher after the title ${JSON.stringify(title)}`).to.be.at.least(
          titleBox.right - 1,
        );
        expect(date.left, 'date after the publisher').to.be.at.least(publisherBox.right - 1);
        el.remove();
      }),
      { numRuns: 60 },
    );
  });
});

describe('<open-letter> links that cannot lie', () => {
  it('names the host beside a source title that looks like another address', async () => {
    const { el } = await settled(
      mount({
        campaign: minimalCampaign({
          sources: [
            { title: 'www.rijksoverheid.nl', url: 'https://elders.example/pagina' },
            { title: 'Een gewoon artikel', url: 'https://elders.example/artikel' },
          ],
        }),
        attributes: { lang: 'nl' },
      }),
    );
    const [lookalike, plain] = [...el.querySelectorAll('.open-letter__source a')].map(textOf);
    expect(lookalike).to.equal('www.rijksoverheid.nl (elders.example)');
    expect(plain).to.equal('Een gewoon artikel');
  });
});

describe('<open-letter> with a campaign language no reader knows by name', () => {
  it('says only that the text is a translation, never the raw language tag', async () => {
    const { el } = await settled(
      mount({
        campaign: minimalCampaign({
          language: 'qaa',
          translations: ['nl'],
          title: { qaa: 'Zzz', nl: 'Een vertaalde brief' },
        }),
        attributes: { lang: 'nl' },
      }),
    );
    expect(textOf(el.querySelector('.open-letter__translation-note'))).to.equal('Dit is een vertaling.');
    expect(textOf(el)).to.not.include('qaa');
  });
});

describe('<open-letter> moved into another document', () => {
  it('keeps its styles in an iframe, linking the stylesheet there itself', async () => {
    const { el } = await settled(mount({ campaign: await demoCampaign(), attributes: { lang: 'nl' } }));
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      await new Promise((resolve) =>
        frame.contentDocument!.readyState === 'complete'
          ? resolve(null)
          : frame.addEventListener('load', resolve, { once: true }),
      );
      frame.contentDocument!.body.append(el);
      const article = () => el.querySelector('article');
      await waitUntil(
        () => article() && frame.contentWindow!.getComputedStyle(article()!).borderTopStyle === 'solid',
        'the letter has its frame in the iframe',
        { timeout: 5000 },
      );
      expect(frame.contentDocument!.head.querySelector('link'), 'nothing added to the iframe page itself').to.equal(
        null,
      );
    } finally {
      frame.remove();
    }
  });
});
