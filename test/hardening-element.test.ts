// The block given hostile campaign objects, and the text it shows as the built file shows it
// (issue 13). It runs against the sources and, in the `dist` group, against dist/open-letter.js.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/open-letter-define.js';
import type { OpenLetter } from '../src/open-letter.js';
import { MAX_DEMANDS, MAX_TEXT_LENGTH } from '../src/limits.js';
import { captureConsole, minimalCampaign, shownTitle, uncaughtDuring } from './helpers.js';

const stage = document.createElement('div');
document.body.append(stage);

/**
 * A block given `campaign` through the property, and its first load or error event:
 * `'load'`, or the error's reason.
 */
async function showing(
  campaign: unknown,
  attributes: Record<string, string> = {},
): Promise<{ el: OpenLetter; outcome: string }> {
  const el = document.createElement('open-letter');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = '<a id="fallback" href="https://example.org/letter">Lees de brief</a>';
  const outcome = new Promise<string>((resolve) => {
    el.addEventListener('open-letter-load', () => resolve('load'), { once: true });
    el.addEventListener('open-letter-error', (event) => resolve(event.detail.reason), { once: true });
  });
  el.campaign = campaign;
  stage.append(el);
  const result = { el, outcome: await outcome };
  await el.updateComplete;
  return result;
}

/** The visible text of the letter's links to its sources. */
function linkTexts(el: Element): string[] {
  return [...el.querySelectorAll<HTMLElement>('article li a[href]')].map((link) =>
    link.innerText.replace(/\s+/g, ' ').trim(),
  );
}

let errors: ReturnType<typeof captureConsole>;
beforeEach(() => (errors = captureConsole('error')));
afterEach(() => {
  errors.restore();
  stage.replaceChildren();
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
      let result: { el: OpenLetter; outcome: string } | undefined;
      const uncaught = await uncaughtDuring(async () => {
        result = await showing(make());
      });
      expect(uncaught).to.deep.equal([]);
      expect(result!.outcome).to.equal('invalid');
      expect(result!.el.querySelector('article'), 'no letter').to.equal(null);
      expect(result!.el.querySelector('#fallback')!.getClientRects().length, 'the fallback shows').to.be.greaterThan(0);
      expect(errors.calls.join('\n')).to.include('the campaign property');
    });
  }
});

describe('<open-letter> shows what it checked, and only that', () => {
  it('does not show a text changed in the campaign object after the check', async () => {
    const campaign = minimalCampaign({ title: 'Checked title' });
    const { el } = await showing(campaign, { lang: 'nl' });
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
    const el = document.createElement('open-letter');
    const loaded = oneEvent(el, 'open-letter-load');
    el.campaign = campaign;
    stage.append(el);
    const { detail } = await loaded;
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
    const { el, outcome } = await showing(minimalCampaign({ letter: { paragraphs: ['Een alinea.'], demands } }));
    expect(outcome).to.equal('load');
    // Long letters render a part per task: wait for the last demand.
    await waitUntil(() => el.querySelectorAll('article ol li').length === MAX_DEMANDS, 'not every demand was shown');
  });

  it(`shows a paragraph of ${MAX_TEXT_LENGTH} characters of markup as text`, async () => {
    const markup = '<img src=x onerror=window.__pwned=1>'.repeat(200).slice(0, MAX_TEXT_LENGTH);
    const { el, outcome } = await showing(minimalCampaign({ letter: { paragraphs: [markup], demands: ['Eis.'] } }));
    expect(outcome).to.equal('load');
    expect(el.querySelector('article img'), 'no image from the data').to.equal(null);
    expect(el.querySelector('article')!.textContent).to.include(markup);
  });

  it(`refuses a campaign with ${MAX_DEMANDS + 1} demands, naming the field and the limit in the console`, async () => {
    const demands = Array.from({ length: MAX_DEMANDS + 1 }, () => 'Eis.');
    const { outcome } = await showing(minimalCampaign({ letter: { paragraphs: ['Een alinea.'], demands } }));
    expect(outcome).to.equal('invalid');
    expect(errors.calls.join('\n')).to.match(new RegExp(`letter\\.demands: .*${MAX_DEMANDS}`));
  });
});

describe('<open-letter> spaces in the text, as the minified template keeps them', () => {
  it('keeps the spaces around the dot between the date and the initiator', async () => {
    const { el } = await showing(minimalCampaign({ initiator: 'Een partij' }), { lang: 'nl' });
    const date = el.querySelector('article time')!;
    expect(date.parentElement!.innerText.replace(/\s+/g, ' ').trim()).to.match(/^\S.* \u00b7 \S/);
  });

  for (const [lang, pdf, newTab] of [
    ['nl', 'pdf-bestand', 'opent in een nieuw tabblad'],
    ['en', 'PDF', 'opens in a new tab'],
  ] as const) {
    it(`keeps the space before "(${pdf})" and "(${newTab})" in a link (${lang})`, async () => {
      const sources = [
        { title: 'Rapport', url: 'https://example.org/rapport.pdf', kind: 'pdf' as const, publisher: 'Rijksoverheid' },
      ];
      const { el } = await showing(minimalCampaign({ sources }), { lang, 'links-in-new-tab': '' });
      const [text] = linkTexts(el);
      expect(text).to.include(`Rijksoverheid (${pdf})`).and.include(`) (${newTab})`);
      expect(text, 'no word runs into a parenthesis').not.to.match(/[^\s(]\(/);
    });
  }
});
