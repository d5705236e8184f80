// Measurement code the browser runs in every bench page before the page's own
// scripts (Playwright's addInitScript). It only observes: it records what the
// performance timeline reports, when the title is painted and how long the main thread
// was busy, in window.__bench.
//
// Times are milliseconds from performance.timeOrigin, the start of the navigation.

export function harness() {
  const m = {
    longTasks: [],
    animationFrames: [],
    layoutShifts: [],
    elements: [],
    lcp: [],
    paint: {},
    /** The main thread's silences: gaps of over 50 ms between two runs of a timer chain. */
    gaps: [],
  };
  window.__bench = m;

  const observe = (type, record) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(record)).observe({ type, buffered: true });
    } catch {
      m[`unsupported:${type}`] = true;
    }
  };
  observe('longtask', (entry) => m.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  observe('long-animation-frame', (entry) =>
    m.animationFrames.push({
      start: entry.startTime,
      duration: entry.duration,
      blocking: entry.blockingDuration,
      // Where the frame's time went: script, then style and layout (the rest is the frame's own work).
      renderStart: entry.renderStart,
      styleAndLayoutStart: entry.styleAndLayoutStart,
      scripts: entry.scripts?.map((script) => ({
        invoker: script.invoker,
        duration: script.duration,
        forcedStyleAndLayout: script.forcedStyleAndLayoutDuration,
      })),
    }),
  );
  observe('layout-shift', (entry) => {
    if (!entry.hadRecentInput) m.layoutShifts.push({ start: entry.startTime, value: entry.value });
  });
  observe('largest-contentful-paint', (entry) => m.lcp.push({ start: entry.startTime, size: entry.size }));
  observe('paint', (entry) => (m.paint[entry.name] = entry.startTime));

  // Titles: the pre-rendered or static one carries elementtiming="letter-title" in the HTML
  // (pages.mjs); the block's own gets "live-title" here, before it is first painted
  // (mutation records are delivered before the next rendering).
  let titlePainted;
  m.title = new Promise((resolve) => (titlePainted = resolve));
  observe('element', (entry) => {
    const time = entry.renderTime || entry.loadTime;
    m.elements.push({ id: entry.identifier, time });
    if (entry.identifier === 'letter-title' || entry.identifier === 'live-title') titlePainted(time);
  });
  // Once the block's title is marked the observer stops: it runs in the measured page, and a
  // long list adds thousands of items.
  const titles = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.localName !== 'article' && !/^h[1-6]$/.test(node.localName ?? '')) continue;
        const title = node.matches('.open-letter__title') ? node : node.querySelector('.open-letter__title');
        if (title && !title.hasAttribute('elementtiming')) {
          title.setAttribute('elementtiming', 'live-title');
          titles.disconnect();
          return;
        }
      }
    }
  });
  titles.observe(document, { childList: true, subtree: true });

  // The gap monitor: a timer chain that runs whenever the main thread is free. A gap
  // between two runs is a task (and any rendering) that kept the page from responding;
  // it catches what the Long Tasks API attributes coarsely or not at all.
  let last = performance.now();
  let monitoring = true;
  const tick = () => {
    const now = performance.now();
    if (now - last > 50) m.gaps.push({ start: last, duration: now - last });
    last = now;
    if (monitoring) setTimeout(tick);
  };
  setTimeout(tick);

  const twoFrames = () =>
    new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));

  // The whole letter is in the page: open-letter-load (the block fires it once the last
  // part of a long letter is in), then two animation frames (the render committed).
  m.letter = new Promise((resolve, reject) => {
    document.addEventListener(
      'open-letter-load',
      () => {
        m.loadEvent = performance.now();
        twoFrames().then((time) => resolve((m.letterOnScreen = time)));
      },
      { once: true },
    );
    document.addEventListener(
      'open-letter-error',
      (event) => reject(new Error(`open-letter-error: ${event.detail.reason}`)),
      {
        once: true,
      },
    );
  });

  customElements.whenDefined('open-letter').then(() => (m.defined = performance.now()));
  document.addEventListener('DOMContentLoaded', () => (m.domContentLoaded = performance.now()));

  /**
   * Opens the full list of signatories: clicks the block's disclosure button and waits
   * until all `total` items are in the list (the block adds them a part per task), then
   * two frames. Returns the click's and the end's time.
   */
  m.openFullList = (total) =>
    new Promise((resolve) => {
      const list = document.querySelector('.open-letter__signatories');
      const start = performance.now();
      document.querySelector('.open-letter__disclosure[aria-expanded="false"]').click();
      const check = () => {
        if (list.childElementCount >= total)
          twoFrames().then((end) => resolve({ start, end, items: list.childElementCount }));
        else setTimeout(check, 4);
      };
      check();
    });

  /** Everything recorded, after the timeline has delivered its last entries. */
  m.collect = async () => {
    // The end of what is measured, in a trace too: collecting and handing over the results is not the block's work.
    performance.mark('bench:collect');
    await twoFrames();
    await new Promise((resolve) => setTimeout(resolve, 100));
    monitoring = false;
    const resources = performance.getEntriesByType('resource').map((entry) => ({
      name: new URL(entry.name).pathname,
      start: entry.startTime,
      responseEnd: entry.responseEnd,
    }));
    const [navigation] = performance.getEntriesByType('navigation');
    const { title, letter, collect, openFullList, ...plain } = m;
    return {
      ...plain,
      navigationResponseEnd: navigation?.responseEnd,
      resources,
      blockHeight: document.querySelector('open-letter')?.getBoundingClientRect().height,
    };
  };
}
