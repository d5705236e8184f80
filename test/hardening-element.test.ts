// The block given hostile campaign objects, and the text it shows as the built file shows it
// (issue 13). It runs against the sources and, in the `dist` group, against dist/open-letter.js.
import { expect, waitUntil } from '@open-wc/testing';
import '../src/open-letter-define.js';
import { MAX_DEMANDS, MAX_TEXT_LENGTH } from '../src/limits.js';
import {
  captureConsole,
  fallbackVisible,
  minimalCampaign,
  shownTitle,
  sourceLinks,
  textOf,
  uncaughtDuring,
} from './helpers.js';
import { type Block, mount, settled } from './mount.js';

let errors: ReturnType<typeof captureConsole>;
beforeEach(() => (errors = captureConsole('error')));
afterEach(() => {
  errors.restore();
});

describe('<open-letter> given a hostile campaign object', () => {
  const throwing = () => {
    throw new Error('hostile');
  };
  const hostile: [string, () => unknown][] = [
    [
      'a getter that throws',
      () => Object.defineProperty(minimalCampaign(), 'title', { enumerable: true, get: throwing }),
    ],
    [
      'a proxy whose every trap throws',
      () => new Proxy({}, { get: throwing, has: throwing, ownKeys: throwing, getOwnPropertyDescriptor: throwing }),
    ],
    [
      'a revoked proxy',
      () => {
        const { proxy, revoke } = Proxy.revocable(minimalCampaign(), {});
        revoke();
        return proxy;
      },
    ],
    [
      'a letter that contains the campaign itself',
      () => {
        const campaign: Record<string, unknown> = { ...minimalCampaign() };
        campaign.letter = campaign;
        return campaign;
      },
    ],
  ];
  for (const [what, make] of hostile) {
    it(`ends in the error state for ${what}: the fallback, reason "invalid", a console message, nothing uncaught`, async () => {
      let result: Block | undefined;
      const uncaught = await uncaughtDuring(async () => {
        result = await settled(mount({ campaign: make() }));
      });
      expect(uncaught).to.deep.equal([]);
      expect(await result!.outcome).to.include({ event: 'error', reason: 'invalid' });
      expect(result!.el.querySelector('article'), 'no letter').to.equal(null);
      expect(fallbackVisible(result!.el), 'the fallback shows').to.be.true;
      expect(errors.calls.join('\n')).to.include('the campaign property');
    });
  }
});

describe('<open-letter> shows what it checked, and only that', () => {
  it('does not show a text changed in the campaign object after the check', async () => {
    const campaign = minimalCampaign({ title: 'Checked title' });
    const { el } = await settled(mount({ campaign, attributes: { lang: 'nl' } }));
    expect(shownTitle(el)).to.equal('Checked title');
    campaign.title = 'Changed after the check';
    el.lang = 'en';
    await el.updateComplete;
    el.lang = 'nl';
    await el.updateComplete;
    expect(shownTitle(el)).to.equal('Checked title');
  });

  it("gives listeners a frozen copy: changing the event's campaign changes nothing shown", async () => {
    const campaign = minimalCampaign({ title: 'Checked title' });
    const { el, loads } = await settled(mount({ campaign }));
    const [{ detail }] = loads;
    expect(detail.campaign).not.to.equal(campaign);
    expect(Object.isFrozen(detail.campaign)).to.be.true;
    expect(Reflect.set(detail.campaign, 'title', 'Changed by a listener')).to.be.false;
    el.lang = 'en';
    await el.updateComplete;
    expect(shownTitle(el)).to.equal('Checked title');
  });
});

describe('<open-letter> at the limits of the format', () => {
  it(`shows all ${MAX_DEMANDS} demands of a campaign at the limit`, async () => {
    const demands = Array.from({ length: MAX_DEMANDS }, (_, index) => `Eis ${index + 1}.`);
    const { el, outcome } = await settled(
      mount({ campaign: minimalCampaign({ letter: { paragraphs: ['Een alinea.'], demands } }) }),
    );
    expect(await outcome).to.include({ event: 'load' });
    // Long letters render a part per task: wait for the last demand.
    await waitUntil(() => el.querySelectorAll('article ol li').length === MAX_DEMANDS, 'not every demand was shown');
  });

  it(`shows a paragraph of ${MAX_TEXT_LENGTH} characters of markup as text`, async () => {
    const markup = '<img src=x onerror=window.__pwned=1>'.repeat(200).slice(0, MAX_TEXT_LENGTH);
    const { el, outcome } = await settled(
      mount({ campaign: minimalCampaign({ letter: { paragraphs: [markup], demands: ['Eis.'] } }) }),
    );
    expect(await outcome).to.include({ event: 'load' });
    expect(el.querySelector('article img'), 'no image from the data').to.equal(null);
    expect(el.querySelector('article')!.textContent).to.include(markup);
  });

  it(`refuses a campaign with ${MAX_DEMANDS + 1} demands, naming the field and the limit in the console`, async () => {
    const demands = Array.from({ length: MAX_DEMANDS + 1 }, () => 'Eis.');
    const { outcome } = await settled(
      mount({ campaign: minimalCampaign({ letter: { paragraphs: ['Een alinea.'], demands } }) }),
    );
    expect(await outcome).to.include({ event: 'error', reason: 'invalid' });
    expect(errors.calls.join('\n')).to.match(new RegExp(`letter\\.demands: .*${MAX_DEMANDS}`));
  });
});

describe('<open-letter> spaces in the text, as the minified template keeps them', () => {
  it('keeps the spaces around the dot between the date and the initiator', async () => {
    const { el } = await settled(
      mount({ campaign: minimalCampaign({ initiator: 'Een partij' }), attributes: { lang: 'nl' } }),
    );
    const date = el.querySelector('article time')!;
    expect(textOf(date.parentElement)).to.match(/^\S.* \u00b7 \S/);
  });

  for (const [lang, pdf, newTab] of [
    ['nl', 'pdf-bestand', 'opent in een nieuw tabblad'],
    ['en', 'PDF', 'opens in a new tab'],
  ] as const) {
    it(`keeps the space before "(${pdf})" and "(${newTab})" in a link (${lang})`, async () => {
      const sources = [
        { title: 'Rapport', url: 'https://example.org/rapport.pdf', kind: 'pdf' as const, publisher: 'Rijksoverheid' },
      ];
      const { el } = await settled(
        mount({ campaign: minimalCampaign({ sources }), attributes: { lang, 'links-in-new-tab': '' } }),
      );
      const [text] = sourceLinks(el).keys();
      expect(text).to.include(`Rijksoverheid (${pdf})`).and.include(`) (${newTab})`);
      expect(text, 'no word runs into a parenthesis').not.to.match(/[^\s(]\(/);
    });
  }
});
