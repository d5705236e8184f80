import { expect } from '@open-wc/testing';
import { DEMO_URL, loaded, shadow, textOf } from './helpers.js';

describe('smoke', () => {
  it('renders the demo letter', async () => {
    const el = await loaded(DEMO_URL, { lang: 'nl' });
    expect(textOf(shadow(el).querySelector('h2'))).to.equal('Brandbrief Datalek Samen Veilig');
  });
});
