// Test-runner commands beyond the stock ones (browser side: test/commands.ts).
// Portable, for Chromium and Firefox (puppeteer) and WebKit (WebDriver classic), where the
// stock commands are puppeteer/playwright-only:
// - `viewport-size`: the size of the page's viewport;
// - `press-keys`: a key chord such as Shift+Tab (the stock sendKeys cannot hold a modifier
//   over WebDriver);
// - `computed-accessibility`: the role and accessible name an engine gives each element
//   (WebDriver's computed role and label; in Chromium the same from its accessibility
//   tree). Firefox runs over WebDriver BiDi here, which has neither: it throws there.
// Chromium only, through its DevTools protocol (they throw in other engines; tests that
// use them skip every engine that is not Chromium and say why):
// - `accessibility-tree`: the full tree a screen reader receives (the stock a11ySnapshot
//   prunes lists and list items, so their counts cannot be checked there);
// - `emulate-forced-colors`: Windows high-contrast mode (the stock emulateMedia ignores
//   forcedColors with this launcher).
// The WebDriver commands act on the top-level page, which is the test page because the
// runner runs one test file at a time (concurrency 1).

function chromiumPage(session) {
  if (session.browser.type !== 'puppeteer' || !/chrom/i.test(session.browser.name)) {
    throw new Error(`needs Chromium's DevTools protocol, not ${session.browser.name}`);
  }
  return session.browser.getPage(session.id);
}

const sessions = new WeakMap();

/** A DevTools session per page: emulation lasts as long as the session that set it. */
async function devTools(page) {
  if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
  return sessions.get(page);
}

/** Where the browser side of `computed-accessibility` leaves the elements to look at. */
const TARGETS = '__computedAccessibilityTargets';

/** WebDriver's key values (the specification's table) for the keys tests press. */
const webDriverKeys = {
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Space: ' ',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

function webDriverKey(key) {
  if (key in webDriverKeys) return webDriverKeys[key];
  if ([...key].length === 1) return key;
  throw new Error(`press-keys: no WebDriver value for "${key}"; add it to webDriverKeys`);
}

async function setViewportSize(session, { width, height }) {
  if (session.browser.type === 'puppeteer') {
    await session.browser.getPage(session.id).setViewport({ width, height });
    return;
  }
  // WebDriver sets the size of the window, frame included: add what the frame takes.
  const driver = session.browser.driver;
  const inner = () => driver.execute('return [window.innerWidth, window.innerHeight]');
  const [innerWidth, innerHeight] = await inner();
  const outer = await driver.getWindowRect();
  await driver.setWindowRect(null, null, outer.width + width - innerWidth, outer.height + height - innerHeight);
  const [newWidth, newHeight] = await inner();
  if (newWidth !== width || newHeight !== height) {
    // MiniBrowser (WebKitGTK) will not make its viewport narrower than about 447 px: a test
    // that needs 320 px uses a frame of that width instead (openPage in test/helpers.ts).
    throw new Error(`viewport-size: asked for ${width}×${height}, the browser gives ${newWidth}×${newHeight}`);
  }
}

async function pressKeys(session, keys) {
  if (session.browser.type === 'puppeteer') {
    const { keyboard } = session.browser.getPage(session.id);
    const names = keys.map((key) => (key === 'Space' ? ' ' : key));
    for (const key of names.slice(0, -1)) await keyboard.down(key);
    await keyboard.press(names.at(-1));
    for (const key of names.slice(0, -1).reverse()) await keyboard.up(key);
    return;
  }
  const values = keys.map(webDriverKey);
  const down = values.map((value) => ({ type: 'keyDown', value }));
  const up = values.reverse().map((value) => ({ type: 'keyUp', value }));
  const driver = session.browser.driver;
  await driver.performActions([{ type: 'key', id: 'keyboard', actions: [...down, ...up] }]);
  await driver.releaseActions();
}

/** WebDriver's reference to an element, as webdriverio returns it from a script. */
function elementId(reference) {
  return reference.elementId ?? reference['element-6066-11e4-a52e-4f735466cecf'];
}

async function computedAccessibility(session) {
  if (session.browser.type === 'webdriver') {
    session.browser.accessibilityTreeSwitchedOn?.();
    const driver = session.browser.driver;
    const elements = await driver.execute(`return window.${TARGETS}`);
    const computed = [];
    for (const element of elements) {
      computed.push({
        role: await driver.getElementComputedRole(elementId(element)),
        name: await driver.getElementComputedLabel(elementId(element)),
      });
    }
    return computed;
  }
  const client = await devTools(chromiumPage(session));
  // Object ids belong to the DevTools session that made them: look the elements up here.
  const objectGroup = 'computed-accessibility';
  const { result } = await client.send('Runtime.evaluate', { expression: `window.${TARGETS}`, objectGroup });
  try {
    const { result: items } = await client.send('Runtime.getProperties', {
      objectId: result.objectId,
      ownProperties: true,
    });
    const elements = items.filter((item) => /^\d+$/.test(item.name)).sort((a, b) => a.name - b.name);
    const computed = [];
    for (const { value } of elements) {
      const { nodes } = await client.send('Accessibility.getPartialAXTree', {
        objectId: value.objectId,
        fetchRelatives: false,
      });
      const [node] = nodes;
      computed.push({
        role: node.ignored ? 'none' : String(node.role?.value ?? ''),
        name: String(node.name?.value ?? ''),
      });
    }
    return computed;
  } finally {
    await client.send('Runtime.releaseObjectGroup', { objectGroup });
  }
}

export function browserCommandsPlugin() {
  return {
    name: 'open-letter-browser-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'viewport-size') {
        await setViewportSize(session, payload);
        return true;
      }
      if (command === 'press-keys') {
        await pressKeys(session, payload.keys);
        return true;
      }
      if (command === 'computed-accessibility') {
        return computedAccessibility(session);
      }
      if (command === 'accessibility-tree') {
        const page = chromiumPage(session);
        const root = payload?.selector ? await page.$(payload.selector) : null;
        if (payload?.selector && !root) throw new Error(`no element matches ${payload.selector}`);
        return page.accessibility.snapshot({ interestingOnly: false, root: root ?? undefined });
      }
      if (command === 'emulate-forced-colors') {
        await (
          await devTools(chromiumPage(session))
        ).send('Emulation.setEmulatedMedia', {
          features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
        });
        return true;
      }
      return undefined;
    },
  };
}
