// Watches the block take over its pre-rendered letter, for test/take-over.test.ts. A plain
// script at the end of the page: it runs after the stylesheet has loaded and before the
// block's module script, so it sees the pre-rendered letter as laid out and every change
// the script makes. Results in window.takeOver.
(() => {
  const block = document.querySelector('open-letter');
  const below = document.getElementById('below');

  function duplicateIds() {
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
  }

  const record = {
    /** The pre-rendered letter as laid out before any script: the block's height and the top of the text below it, in page coordinates. */
    before: {
      blockHeight: block.getBoundingClientRect().height,
      belowTop: below.getBoundingClientRect().top + scrollY,
    },
    /** After every batch of DOM changes: how many letters and titles the document has, and which ids are on more than one element. */
    batches: [],
    /** Layout shift scores (without recent input), where the engine reports them (Chromium); null elsewhere. */
    layoutShifts: null,
    /** The block fired open-letter-load. */
    loaded: false,
  };
  window.takeOver = record;

  new MutationObserver(() => {
    record.batches.push({
      letters: document.querySelectorAll('.open-letter__letter').length,
      titles: document.querySelectorAll('.open-letter__title').length,
      duplicateIds: duplicateIds(),
    });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  if (PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
    record.layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) record.layoutShifts.push(entry.value);
    }).observe({ type: 'layout-shift' });
  }

  document.addEventListener('open-letter-load', () => (record.loaded = true));
})();
