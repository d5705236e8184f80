// Measurement code the browser runs in every bench page before the page's own
// scripts (Playwright's addInitScript). It only observes: it records what the
// performance timeline reports and when the letter is on screen, in window.__bench.
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
    m.animationFrames.push({ start: entry.startTime, duration: entry.duration, blocking: entry.blockingDuration }),
  );
  observe('layout-shift', (entry) => {
    if (!entry.hadRecentInput) m.layoutShifts.push({ start: entry.startTime, value: entry.value });
  });
  observe('largest-contentful-paint', (entry) => m.lcp.push({ start: entry.startTime, size: entry.size }));
  observe('paint', (entry) => (m.paint[entry.name] = entry.startTime));

  // The static title: Element Timing reports when it was painted. Where the browser has
  // no Element Timing, the first animation frame after DOMContentLoaded stands in.
  m.title = new Promise((resolve) => {
    observe('element', (entry) => {
      m.elements.push({ id: entry.identifier, renderTime: entry.renderTime, loadTime: entry.loadTime });
      if (entry.identifier === 'letter-title') resolve(entry.renderTime || entry.loadTime);
    });
    if (m['unsupported:element']) {
      document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => resolve(performance.now())));
    }
  });

  const twoFrames = () =>
    new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));

  // The block's letter: open-letter-load, then two animation frames (the render committed).
  m.letter = new Promise((resolve, reject) => {
    document.addEventListener(
      'open-letter-load',
      () => {
        m.loadEvent = performance.now();
        requestAnimationFrame(() => {
          m.firstFrameAfterLoad = performance.now();
          requestAnimationFrame(() => resolve((m.letterOnScreen = performance.now())));
        });
      },
      { once: true },
    );
    document.addEventListener('open-letter-error', (event) => reject(new Error(`open-letter-error: ${event.detail.reason}`)), {
      once: true,
    });
  });

  customElements.whenDefined('open-letter').then(() => (m.defined = performance.now()));

  const belowTop = () => {
    const below = document.getElementById('below');
    return below ? below.getBoundingClientRect().top + scrollY : undefined;
  };
  document.addEventListener('DOMContentLoaded', () => {
    m.domContentLoaded = performance.now();
    m.belowTopAtDomContentLoaded = belowTop();
  });

  /** Everything recorded, after the timeline has delivered its last entries. */
  m.collect = async () => {
    await twoFrames();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const resources = performance.getEntriesByType('resource').map((entry) => ({
      name: new URL(entry.name).pathname,
      start: entry.startTime,
      responseEnd: entry.responseEnd,
    }));
    const [navigation] = performance.getEntriesByType('navigation');
    const { title, letter, collect, fullList, armFullList, ...plain } = m;
    return {
      ...plain,
      belowTop: belowTop(),
      navigationResponseEnd: navigation?.responseEnd,
      resources,
    };
  };

  /**
   * Arms the measurement of opening the full list: from the next click until all
   * `total` items are in the list (the block adds them in chunks), then two frames.
   */
  m.armFullList = (total) => {
    const items = () => document.querySelector('open-letter').shadowRoot.querySelectorAll('#signatory-list > li').length;
    m.fullList = new Promise((resolve) => {
      document.addEventListener(
        'click',
        () => {
          const start = performance.now();
          const check = () => (items() >= total ? twoFrames().then((end) => resolve({ start, end })) : setTimeout(check, 4));
          setTimeout(check, 4);
        },
        { capture: true, once: true },
      );
    });
  };
}
