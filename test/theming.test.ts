import { expect, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { OpenLetter } from '../src/open-letter.js';
import { DEMO_URL, demoCampaign, isChromium, textOf } from './helpers.js';
import { mount, settled } from './mount.js';

/** A page stylesheet, as a webmaster's theme would add it. */
function pageStyle(css: string): () => void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return () => style.remove();
}

describe('theming: the block looks at home on the host page', () => {
  it("takes the page's font and text colour", async () => {
    const page = fixtureSync(html`<div style="font-family: Georgia, serif; color: rgb(10, 60, 20)"></div>`);
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' }, into: page }));
    for (const selector of ['.open-letter__title', '.open-letter__paragraph', '.open-letter__signatory']) {
      const style = getComputedStyle(el.querySelector(selector)!);
      expect(style.fontFamily, selector).to.equal('Georgia, serif');
      expect(style.color, selector).to.equal('rgb(10, 60, 20)');
    }
  });

  it('applies every documented custom property to the part it names', async () => {
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    el.style.setProperty('--open-letter-accent', 'rgb(200, 0, 0)');
    el.style.setProperty('--open-letter-link-color', 'rgb(0, 0, 200)');
    el.style.setProperty('--open-letter-background', 'rgb(250, 250, 240)');
    el.style.setProperty('--open-letter-border', '3px dashed rgb(0, 120, 0)');
    el.style.setProperty('--open-letter-spacing', '24px');
    el.style.setProperty('--open-letter-max-width', '500px');
    const root = el;
    const article = getComputedStyle(root.querySelector('article')!);
    expect(getComputedStyle(root.querySelector('ol')!).borderInlineStartColor).to.equal('rgb(200, 0, 0)');
    expect(getComputedStyle(root.querySelector('a')!).color).to.equal('rgb(0, 0, 200)');
    expect(article.backgroundColor).to.equal('rgb(250, 250, 240)');
    expect(article.borderTopStyle).to.equal('dashed');
    expect(article.borderTopColor).to.equal('rgb(0, 120, 0)');
    expect(article.paddingTop).to.equal('24px');
    expect(el.getBoundingClientRect().width).to.be.at.most(500);
  });

  it('lets the page style every documented part through its class name', async () => {
    const classes = [
      'open-letter__letter',
      'open-letter__title',
      'open-letter__language-switch',
      'open-letter__summary',
      'open-letter__demands',
      'open-letter__demand',
      'open-letter__signatories',
      'open-letter__signatory',
      'open-letter__sources',
    ];
    // As a theme writes it: class selectors inside the element, loaded after the block's own stylesheet.
    const remove = pageStyle(
      classes.map((name, index) => `open-letter .${name} { outline: ${index + 1}px solid rgb(1, 2, 3); }`).join('\n'),
    );
    try {
      const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
      classes.forEach((name, index) => {
        const node = el.querySelector(`.${name}`)!;
        expect(node, name).to.exist;
        expect(getComputedStyle(node).outlineWidth, name).to.equal(`${index + 1}px`);
      });
    } finally {
      remove();
    }
  });

  it("follows the page's colour scheme: a lighter accent when the page is dark", async () => {
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    const accent = () => getComputedStyle(el.querySelector('ol')!).borderInlineStartColor;
    const light = accent();
    el.style.colorScheme = 'dark';
    const dark = accent();
    expect(light).to.equal('rgb(29, 78, 216)');
    expect(dark).to.equal('rgb(138, 180, 248)');
  });

  it('prints each source link with its address written out', async function () {
    if (!isChromium) this.skip(); // print emulation needs Chromium's DevTools protocol
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }));
    await emulateMedia({ media: 'print' });
    try {
      const link = el.querySelector('a')!;
      expect(getComputedStyle(link, '::after').content).to.contain(link.href);
      expect(getComputedStyle(el.querySelector('.open-letter__controls')!).display, 'the language switch').to.equal(
        'none',
      );
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});

describe('theming: highlighting the own party', () => {
  const itemOf = (el: OpenLetter, name: string) =>
    [...el.querySelectorAll('.open-letter__signatory')].find((item) => item.textContent!.includes(name))!;

  it("marks the party's signatory in words and in bold, in Dutch and English", async () => {
    const campaign = await demoCampaign();
    const own = campaign.signatories.find((signatory) => signatory.party === 'Houten Anders!')!;
    for (const [lang, words] of [
      ['nl', '(onze partij)'],
      ['en', '(our party)'],
    ]) {
      const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang, highlight: 'Houten Anders!' } }));
      const item = itemOf(el, own.name);
      expect(textOf(item)).to.contain(words);
      expect(getComputedStyle(item).fontWeight).to.equal('700');
      const others = [...el.querySelectorAll('.open-letter__signatory')].filter((node) => node !== item);
      expect(others.length).to.equal(campaign.signatories.length - 1);
      for (const other of others) expect(textOf(other)).not.to.contain(words);
    }
  });

  it('accepts several names, by party or by person, in any case', async () => {
    const campaign = await demoCampaign();
    const [first, second] = campaign.signatories;
    const { el } = await settled(
      mount({ src: DEMO_URL, attributes: { lang: 'nl', highlight: `${first.party.toUpperCase()}, ${second.name}` } }),
    );
    expect(textOf(itemOf(el, first.name))).to.contain('(onze partij)');
    expect(textOf(itemOf(el, second.name))).to.contain('(onze partij)');
    expect(el.querySelectorAll('.open-letter__badge')).to.have.length(2);
  });

  it('marks nothing when no signatory matches', async () => {
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl', highlight: 'Een Andere Partij' } }));
    expect(el.querySelectorAll('.open-letter__badge')).to.have.length(0);
  });

  it('is accessible with a highlight', async () => {
    const { el } = await settled(mount({ src: DEMO_URL, attributes: { lang: 'en', highlight: 'Houten Anders!' } }));
    await expect(el).to.be.accessible();
  });
});

describe('the element manifest (custom-elements.json)', () => {
  it('describes <open-letter> with its attributes, events, fallback content and custom properties', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const declarations = manifest.modules.flatMap((module: { declarations?: unknown[] }) => module.declarations ?? []);
    const element = declarations.find((declaration: { tagName?: string }) => declaration.tagName === 'open-letter');
    expect(element, 'no declaration with tagName open-letter').to.exist;
    const names = (list: { name: string }[] = []) => list.map((item) => item.name).sort();
    expect(names(element.attributes)).to.deep.equal(
      [
        'heading-level',
        'hide-language-switch',
        'highlight',
        'lang',
        'links-in-new-tab',
        'referrerpolicy',
        'src',
      ].sort(),
    );
    expect(names(element.events)).to.deep.equal(['open-letter-error', 'open-letter-load']);
    expect(names(element.slots)).to.deep.equal(['']);
    // The letter is in the page: it is styled through class names (README), not ::part().
    expect(element.cssParts ?? [], 'CSS parts').to.deep.equal([]);
    expect(names(element.cssProperties)).to.include.members([
      '--open-letter-accent',
      '--open-letter-background',
      '--open-letter-border',
      '--open-letter-link-color',
      '--open-letter-max-width',
      '--open-letter-spacing',
    ]);
    for (const item of [...element.attributes, ...element.events, ...element.cssProperties]) {
      expect(item.description, `${item.name} has no description`).to.be.a('string').and.not.equal('');
    }
  });
});

describe('the styling hooks in the README', () => {
  /** Every `open-letter__…` class name in a text. */
  const classNames = (text: string) =>
    new Set([...text.matchAll(/open-letter__[a-z]+(?:-[a-z]+)*(?:--[a-z]+)?/g)].map((match) => match[0]));

  it('documents every class name the block renders, and no other', async () => {
    const readme = await (await fetch('/README.md')).text();
    const start = readme.indexOf('## Theming');
    const theming = readme.slice(start, readme.indexOf('\n## ', start + 1));
    // The table writes modifiers after their block: `open-letter__section` (`--demands`, …).
    const documented = classNames(
      theming.replace(
        /`(open-letter__[a-z-]+)` \(((?:`--[a-z]+`(?:, )?)+)\)/g,
        (_all, block: string, modifiers: string) =>
          [block, ...[...modifiers.matchAll(/--[a-z]+/g)].map(([modifier]) => block + modifier)].join(' '),
      ),
    );
    // Every state and every kind of part: a highlighted long list, a translation, an address-like title, an unlinked source, a failure.
    const campaign = await demoCampaign();
    campaign.signatories = [
      ...campaign.signatories,
      ...campaign.signatories,
      ...campaign.signatories,
      ...campaign.signatories,
    ];
    campaign.sources = [
      ...campaign.sources!,
      { title: 'www.rijksoverheid.nl', url: 'https://example.org/elders' },
      { title: 'Geen adres', url: 'mailto:iemand@example.org' },
    ];
    const blocks = [
      (await settled(mount({ campaign, attributes: { lang: 'en', highlight: 'Houten Anders!' } }))).el,
      (await settled(mount({ src: '/api/not-found.json', attributes: { lang: 'nl' } }))).el,
    ];
    const rendered = new Set(
      blocks.flatMap((el) => [...el.querySelectorAll('[class]')].flatMap((node) => [...node.classList])),
    );
    rendered.delete('open-letter__live'); // the element's own container, not a part of the letter
    const classes = new Set([...rendered].filter((name) => name.startsWith('open-letter__')));
    expect(
      [...classes].filter((name) => !documented.has(name)),
      'rendered but not in the README',
    ).to.deep.equal([]);
    expect(
      [...documented].filter((name) => !classes.has(name)),
      'in the README but never rendered',
    ).to.deep.equal([]);
  });
});
