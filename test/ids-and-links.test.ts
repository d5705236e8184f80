// Ids in the letter are unique on the page however many blocks it has, every reference
// between parts of a block stays inside that block, and the ids work as links: a link to
// page.html#<id> opens the page at that part of the letter.
import { expect } from '@open-wc/testing';
import { demoCampaign, openPage } from './helpers.js';
import { duplicateIds, everyLetterShown, painted, type PageWindow } from './page-helpers.js';

/** Attributes whose value names other elements by id. */
const ID_REFERENCES = [
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
  'aria-activedescendant',
  'for',
];

/** Every id reference inside `block`, as "attribute → id". */
function referencesIn(block: Element): { attribute: string; id: string; from: Element }[] {
  return ID_REFERENCES.flatMap((attribute) =>
    [...block.querySelectorAll(`[${attribute}]`)].flatMap((from) =>
      from
        .getAttribute(attribute)!
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => ({ attribute, id, from })),
    ),
  );
}

describe('two blocks (Dutch and English) and a block with its own id on one page', () => {
  let page: PageWindow;
  let blocks: { dutch: Element; english: Element; x: Element };

  before(async () => {
    page = await openPage('/test/pages/two-blocks.html', { width: 800, height: 600 });
    await everyLetterShown(page);
    const doc = page.document;
    blocks = {
      dutch: doc.querySelector('.dutch')!,
      english: doc.querySelector('.english')!,
      x: doc.getElementById('x')!,
    };
  });

  after(() => page.frameElement?.remove());

  it('has no id on two elements anywhere in the document', () => {
    expect(duplicateIds(page.document), 'ids on more than one element').to.deep.equal([]);
  });

  it('resolves every aria-labelledby and aria-controls in a block to an element inside that same block', () => {
    for (const [name, block] of Object.entries(blocks)) {
      const references = referencesIn(block);
      const attributes = new Set(references.map((reference) => reference.attribute));
      expect(attributes.has('aria-labelledby'), `the ${name} block labels its letter by its title`).to.equal(true);
      if (name !== 'x') {
        expect(
          attributes.has('aria-controls'),
          `the ${name} block's "show all" button names the list it controls`,
        ).to.equal(true);
      }
      for (const { attribute, id, from } of references) {
        const target = page.document.getElementById(id);
        const where = `${attribute}="${id}" on the ${name} block's ${from.tagName.toLowerCase()}.${from.className}`;
        expect(target, `${where} names an element in the document`).to.not.equal(null);
        expect(block.contains(target), `${where} names an element inside the same block`).to.equal(true);
      }
    }
  });

  it('gives the block with id="x" ids that start with "x-": its title is #x-title, its demands #x-demand-1…', async () => {
    const ids = [...blocks.x.querySelectorAll('[id]')].map((element) => element.id);
    expect(ids, 'ids in the block').to.not.be.empty;
    expect(
      ids.filter((id) => !id.startsWith('x-')),
      'ids in the block that do not start with "x-"',
    ).to.deep.equal([]);
    const title = page.document.getElementById('x-title');
    expect(title?.matches('h1, h2, h3, h4, h5, h6'), '#x-title is a heading').to.equal(true);
    const demands = (await demoCampaign()).letter.demands;
    demands.forEach((_, index) => {
      const demand = page.document.getElementById(`x-demand-${index + 1}`);
      expect(demand?.matches('ol > li'), `#x-demand-${index + 1} is an item of the numbered list of demands`).to.equal(
        true,
      );
      expect(blocks.x.contains(demand), `#x-demand-${index + 1} is in the block with id="x"`).to.equal(true);
    });
  });
});

describe('a link to one demand of the letter', () => {
  after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('opens page.html#open-letter-demand-2 with the second demand in view, once the block has rendered it', async () => {
    const page = await openPage('/test/pages/fragment-link.html#open-letter-demand-2', { width: 800, height: 400 });
    await everyLetterShown(page);
    await painted(page);
    const demand = page.document.getElementById('open-letter-demand-2');
    expect(demand, 'the block gives the second demand the id open-letter-demand-2').to.not.equal(null);
    const { top, bottom } = demand!.getBoundingClientRect();
    expect(top + page.scrollY, 'where the demand is on the page: below the fold of a 400 px window').to.be.above(
      page.innerHeight,
    );
    expect(top, "the demand's top is in the window").to.be.within(-1, page.innerHeight);
    expect(bottom, "the demand's bottom is in the window").to.be.at.most(page.innerHeight + 1);
  });
});
