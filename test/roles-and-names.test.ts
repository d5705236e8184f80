// What a screen reader gets from the block, as roles and accessible names computed by the
// engine itself: WebDriver's computed role and label in WebKit (Safari's engine, so
// VoiceOver's), the accessibility tree in Chromium. Chromium's full tree (levels, states,
// busy) is checked in accessibility.test.ts.
import { expect } from '@open-wc/testing';
import { OpenLetter } from '../src/open-letter.js';
import { rolesAndNames, type RoleAndName } from './commands.js';
import { DEMO_URL, demoCampaign, echoUrl, isFirefox, textIn, textOf } from './helpers.js';
import { mount, settled } from './mount.js';

type Computed = RoleAndName & { element: Element };

/**
 * The shown elements of the block a screen reader stops at (the article, headings, lists,
 * list items, links, buttons and anything with a role), each with the role and name the
 * engine computes for it.
 */
async function accessibleParts(el: OpenLetter): Promise<Computed[]> {
  const elements = [...el.querySelectorAll('article, h1, h2, h3, h4, h5, h6, ol, ul, li, a, button, [role]')].filter(
    (element) => element.getClientRects().length > 0,
  );
  const computed = await rolesAndNames(elements);
  return elements.map((element, index) => ({ element, ...computed[index] }));
}

const withRole = (parts: Computed[], role: string) => parts.filter((part) => part.role === role);

describe('roles and names, as the engine computes them (WebKit and Chromium)', function () {
  before(function () {
    // Firefox runs over WebDriver BiDi here, which has no computed role or label.
    if (isFirefox) this.skip();
  });

  it('names the letter after its title, and gives the title and the sections as headings', async () => {
    const campaign = await demoCampaign();
    const parts = await accessibleParts(
      (await settled(mount({ src: DEMO_URL, attributes: { lang: 'en', 'heading-level': '3' } }))).el,
    );
    const title = textIn(campaign.title, 'en');
    expect(withRole(parts, 'article').map((part) => part.name)).to.deep.equal([title]);
    expect(withRole(parts, 'heading').map((part) => part.name)).to.deep.equal([
      title,
      'What we are asking for',
      `${campaign.signatories.length} signatories`,
      'Sources',
    ]);
  });

  it('gives the demands, signatories and sources as lists with every item counted', async () => {
    const campaign = await demoCampaign();
    const parts = await accessibleParts((await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }))).el);
    const items = withRole(parts, 'listitem');
    const counts = withRole(parts, 'list').map(
      (list) => items.filter((item) => item.element.parentElement === list.element).length,
    );
    expect(counts).to.deep.equal([
      campaign.letter.demands.length,
      campaign.signatories.length,
      campaign.sources!.length,
    ]);
  });

  it('names every link after its source and publisher', async () => {
    const campaign = await demoCampaign();
    const links = withRole(
      await accessibleParts((await settled(mount({ src: DEMO_URL, attributes: { lang: 'nl' } }))).el),
      'link',
    );
    expect(links).to.have.length(campaign.sources!.length);
    campaign.sources!.forEach((source, index) => {
      expect(links[index].name).to.contain(textIn(source.title, 'nl'));
      if (source.publisher) expect(links[index].name).to.contain(source.publisher);
    });
  });

  it('says "PDF" in the name of a link to a PDF', async () => {
    const campaign = await demoCampaign();
    campaign.sources = [{ title: 'De brief', url: 'https://example.org/brief.pdf', kind: 'pdf' }];
    const links = withRole(
      await accessibleParts((await settled(mount({ src: echoUrl(campaign), attributes: { lang: 'en' } }))).el),
      'link',
    );
    expect(links.map((link) => link.name)).to.deep.equal(['De brief (PDF)']);
  });

  it('offers the language switch as two buttons named after the languages', async () => {
    const buttons = withRole(
      await accessibleParts((await settled(mount({ src: DEMO_URL, attributes: { lang: 'en' } }))).el),
      'button',
    );
    expect(buttons.map((button) => button.name)).to.deep.equal(['Nederlands', 'English']);
  });

  it('says what failed in an alert, and offers a retry button', async () => {
    const parts = await accessibleParts(
      (await settled(mount({ src: '/api/not-found.json', attributes: { lang: 'nl' } }))).el,
    );
    expect(withRole(parts, 'button').map((button) => button.name)).to.deep.equal(['Opnieuw proberen']);
    const alerts = withRole(parts, 'alert');
    expect(alerts).to.have.length(1);
    expect(textOf(alerts[0].element)).to.contain('De brief kon niet worden geladen.');
  });

  it('names the button of a long list after the number of signatories it would show', async () => {
    const parts = await accessibleParts(
      (await settled(mount({ src: '/api/many.json?count=1234', attributes: { lang: 'nl' } }))).el,
    );
    expect(withRole(parts, 'button').map((button) => button.name)).to.include('Alle 1.234 ondertekenaars tonen');
    const [, signatories] = withRole(parts, 'list');
    expect(
      withRole(parts, 'listitem').filter((item) => item.element.parentElement === signatories.element),
    ).to.have.length(OpenLetter.signatoriesWhenFolded);
  });
});
