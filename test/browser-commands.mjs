// Test-runner commands that need Chromium's DevTools protocol, beyond the stock ones:
// - `accessibility-tree`: the full tree a screen reader receives (the stock a11ySnapshot
//   prunes lists and list items, so their counts cannot be checked there);
// - `emulate-forced-colors`: Windows high-contrast mode (the stock emulateMedia ignores
//   forcedColors with this launcher).
// Both throw in Firefox; tests that use them skip Firefox and say why.

function chromiumPage(session) {
  if (session.browser.type !== 'puppeteer' || !/chrom/i.test(session.browser.name)) {
    throw new Error(`needs Chromium's DevTools protocol, not ${session.browser.name}`);
  }
  return session.browser.getPage(session.id);
}

const sessions = new WeakMap();

export function browserCommandsPlugin() {
  return {
    name: 'open-letter-browser-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'accessibility-tree') {
        const page = chromiumPage(session);
        const root = payload?.selector ? await page.$(payload.selector) : null;
        if (payload?.selector && !root) throw new Error(`no element matches ${payload.selector}`);
        return page.accessibility.snapshot({ interestingOnly: false, root: root ?? undefined });
      }
      if (command === 'emulate-forced-colors') {
        const page = chromiumPage(session);
        // Emulation lasts as long as the DevTools session that set it: keep one per page.
        if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
        await sessions.get(page).send('Emulation.setEmulatedMedia', {
          features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
        });
        return true;
      }
      return undefined;
    },
  };
}
