#!/usr/bin/env node
// `npm run bench`: what <open-letter> costs a page, against the same letter written
// as static HTML (the physical limit). Builds nothing itself (`npm run bench` builds
// first), serves the pages from a loopback server, drives Debian's Chromium with
// playwright-core, prints the tables (markdown) and writes
// scripts/bench/results/latest.json and a copy named by version and date.
//
// Environment: BENCH_RUNS (measured runs per page, at least 7), CHROME_PATH.
// Timings are only reported, never asserted: machines are noisy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { harness } from './harness.mjs';
import { embedPage, inlineDataPage, markTitle, staticPage } from './pages.mjs';
import { startServer } from './server.mjs';
import { chromiumFlags, chromiumPath } from '../chromium.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = join(ROOT, 'scripts/bench/results');
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS) || 7);
const LATENCIES = [0, 40];
/**
 * The pages measured at each latency. Without latency there is no waterfall to remove,
 * so the waterfall variants are measured only with it.
 */
const PAGES_AT = {
  0: ['embed', 'static', 'snapshot'],
  40: ['embed', 'static', 'modulepreload', 'inline', 'snapshot'],
};
/** Opening the full list of 10,000 takes seconds: measured in the first few runs only. */
const FULL_LIST_RUNS = 3;
const SIGNATORIES = 10_000;
const VIEWPORT = { width: 1280, height: 720 };
/** Longest wait for one page to show its letter; a run that takes longer fails the bench. */
const PAGE_TIMEOUT = 20_000;
/** The whole bench takes about two minutes; past this something hangs. */
const WATCHDOG_MS = 10 * 60_000;
const CHROMIUM_PATH = chromiumPath;
const CHROMIUM_ARGS = chromiumFlags;

const SCRIPT = '/open-letter.js';
const CAMPAIGN = '/campaigns/brandbrief-samen-veilig.json';
const CAMPAIGN_10K = '/campaigns/10000-signatories.json';

/**
 * The pages, by what they show. `waitFor`: `letter` = the block's open-letter-load and
 * two frames; `title` = the Element Timing of the title in the page's own HTML.
 */
const PAGES = {
  static: { path: '/static.html', waitFor: ['title'], label: 'static HTML (the snapshot in the page)' },
  embed: { path: '/embed.html', waitFor: ['letter'], label: 'embed (the README snippet, link fallback)' },
  modulepreload: {
    path: '/embed-modulepreload.html',
    waitFor: ['letter'],
    label: 'embed + `<link rel="modulepreload">` in the head (the script tag stays in the body)',
  },
  inline: {
    path: '/embed-inline.html',
    waitFor: ['letter'],
    label: 'embed, campaign inlined in the page (`campaign` property, no JSON request)',
  },
  snapshot: {
    path: '/embed-snapshot.html',
    // The snapshot's title may never be painted: when the block renders before the
    // first paint, the visitor sees the block's letter first. So wait for the block.
    waitFor: ['letter'],
    label: 'embed with the snapshot as fallback',
  },
  preloadJson: {
    path: '/embed-preload-json.html',
    waitFor: ['letter'],
    label: 'embed + `<link rel="preload" as="fetch" crossorigin>` for the JSON',
  },
  static10k: { path: '/static-10k.html', waitFor: ['title'], label: 'static HTML, all 10,000 signatories' },
  embed10k: { path: '/embed-10k.html', waitFor: ['letter'], label: 'embed, 10,000 signatories' },
};

// ——— Small helpers ———

const median = (values) => {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
/** The 25th and 75th percentiles (linear interpolation): how noisy the runs were. */
const quartiles = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => {
    const i = (sorted.length - 1) * q;
    return sorted[Math.floor(i)] + (sorted[Math.ceil(i)] - sorted[Math.floor(i)]) * (i - Math.floor(i));
  };
  return [round(at(0.25), 1), round(at(0.75), 1)];
};
const round = (value, digits = 0) => (value === undefined ? undefined : Number(value.toFixed(digits)));
const ms = (value) => (value === undefined ? '—' : `${Math.round(value)} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a, b) => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`);
const sizes = (buffer) => ({
  raw: buffer.length,
  gzip: gzipSync(buffer, { level: 9 }).length,
  brotli: brotliCompressSync(buffer).length,
});

/** A campaign with `count` signatories: the demo letter, names made up deterministically. */
function campaignWithSignatories(campaign, count) {
  const first = ['Anne', 'Bram', 'Carla', 'Daan', 'Eva', 'Fatima', 'Gert', 'Hanna', 'Ilse', 'Joost', 'Karim', 'Lotte', 'Mehmet', 'Noor', 'Pieter', 'Sanne'];
  const last = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Yilmaz', 'El Amrani'];
  const parties = campaign.signatories.map((signatory) => signatory.party);
  const places = ['Houten', 'De Bilt', 'Utrecht', 'Montfoort', 'Stichtse Vecht', 'Zeist', 'Nieuwegein'];
  const signatories = Array.from({ length: count }, (_, i) => ({
    name: `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i + 1}`,
    party: parties[i % parties.length],
    ...(i % 3 === 0 ? {} : { place: places[i % places.length] }),
  }));
  return { ...campaign, signatories };
}

/** The real `snapshot` command: the same letter as static HTML. */
function snapshot(file) {
  try {
    return execFileSync(process.execPath, [join(ROOT, 'bin/open-letter.js'), 'snapshot', file, '--lang', 'nl'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
  } catch (error) {
    throw new Error(`open-letter snapshot ${file} failed (exit ${error.status}):\n${error.stderr ?? error.message}`);
  }
}

function machine(browserVersion) {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let nproc;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    nproc = cpus().length;
  }
  return {
    nproc,
    cpu: model.trim(),
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    chromium: browserVersion,
    node: process.version,
    // Other work on the machine while the bench ran makes every figure slower and noisier.
    loadAverage: { atStart: loadavg().map((value) => round(value, 2)) },
    playwrightCore: JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version,
  };
}

// ——— One visit ———

/**
 * Loads one page in a fresh browser context (no cache), waits until its letter is on
 * screen, and returns what the page and the server saw.
 */
async function visit(browser, server, name, { fullList = false } = {}) {
  const spec = PAGES[name];
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    const messages = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    await page.addInitScript(harness);
    server.takeLog();
    await page.goto(server.origin + spec.path, { timeout: PAGE_TIMEOUT });
    const waited = await page.evaluate(
      ([waitFor, timeout]) =>
        Promise.race([
          Promise.all(waitFor.map((what) => window.__bench[what])),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${waitFor.join(' and ')} within ${timeout} ms`)), timeout)),
        ]),
      [spec.waitFor, PAGE_TIMEOUT],
    ).catch((error) => {
      throw new Error(`${spec.path}: ${error.message}\n${messages.join('\n')}`);
    });
    const times = Object.fromEntries(spec.waitFor.map((what, i) => [what, waited[i]]));
    let list;
    if (fullList) {
      await page.evaluate((total) => window.__bench.armFullList(total), SIGNATORIES);
      await page.locator('open-letter button[aria-expanded="false"]').click({ timeout: PAGE_TIMEOUT });
      list = await page.evaluate(() => window.__bench.fullList);
      list.items = await page.evaluate(
        () => document.querySelector('open-letter').shadowRoot.querySelectorAll('#signatory-list > li').length,
      );
    }
    const recorded = await page.evaluate(() => window.__bench.collect());
    if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${name} ${JSON.stringify(times)}\n`);
    return summarize(name, times, recorded, server.takeLog(), messages, list);
  } finally {
    await context.close().catch(() => {});
  }
}

function summarize(name, times, m, requests, messages, list) {
  // The letter is on screen: the static title's paint, or the block's render committed.
  // The snapshot's title inside the block, if it was painted before the block rendered.
  const fallbackTitle = times.title ?? m.elements.find((entry) => entry.id === 'letter-title')?.renderTime;
  const onScreen = Math.min(...[times.letter, fallbackTitle].filter((time) => time !== undefined));
  const before = m.longTasks.filter((task) => task.start < onScreen);
  const letterPaint = m.loadEvent === undefined ? undefined : m.lcp.find((entry) => entry.start >= m.loadEvent)?.start;
  const resource = (path) => m.resources.find((entry) => entry.name === path);
  const run = {
    page: name,
    onScreen: round(onScreen, 1),
    title: round(fallbackTitle, 1),
    letter: round(times.letter, 1),
    // Cross-check of the block's time by the same clock as the static page's: the paint
    // of the letter as Largest Contentful Paint reports it (its largest text).
    letterPaint: round(letterPaint, 1),
    firstContentfulPaint: round(m.paint['first-contentful-paint'], 1),
    longTasks: before.length,
    totalBlockingTime: round(before.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0), 1),
    longestTask: round(Math.max(0, ...before.map((task) => task.duration)), 1),
    cls: round(m.layoutShifts.reduce((sum, shift) => sum + shift.value, 0), 5),
    belowMovedPx:
      m.belowTop === undefined || m.belowTopAtDomContentLoaded === undefined
        ? undefined
        : round(m.belowTop - m.belowTopAtDomContentLoaded, 1),
    largestContentfulPaints: m.lcp.map((entry) => ({ start: round(entry.start, 1), size: entry.size })),
    requests: requests.length,
    requestPaths: requests.map((request) => request.path),
    scriptBytes: requests.filter((request) => request.path.endsWith('.js')).reduce((sum, request) => sum + request.bytes, 0),
    breakdown: {
      documentResponseEnd: round(m.navigationResponseEnd, 1),
      domContentLoaded: round(m.domContentLoaded, 1),
      scriptResponseEnd: round(resource(SCRIPT)?.responseEnd, 1),
      defined: round(m.defined, 1),
      jsonStart: round((resource(CAMPAIGN) ?? resource(CAMPAIGN_10K))?.start, 1),
      jsonResponseEnd: round((resource(CAMPAIGN) ?? resource(CAMPAIGN_10K))?.responseEnd, 1),
      loadEvent: round(m.loadEvent, 1),
      firstFrameAfterLoad: round(m.firstFrameAfterLoad, 1),
      letterOnScreen: round(times.letter, 1),
    },
  };
  if (list) {
    const overlapping = (entry) => entry.start < list.end && entry.start + entry.duration > list.start;
    const tasks = m.longTasks.filter(overlapping);
    const frames = m.animationFrames.filter(overlapping);
    run.fullList = {
      ms: round(list.end - list.start, 1),
      items: list.items,
      longTasks: tasks.length,
      longTaskDurations: tasks.map((task) => round(task.duration, 1)),
      longAnimationFrames: frames.length,
    };
  }
  const warnings = messages.filter((line) => !line.startsWith('log:'));
  if (warnings.length) run.console = warnings;
  return run;
}

/**
 * Loads the pages one after the other, round after round (a, b, c, a, b, c, …), a
 * warm-up round first that is not kept.
 */
async function alternate(browser, server, names, runs, options) {
  const results = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round <= runs; round++) {
    for (const name of names) {
      const run = await visit(browser, server, name, options?.[name]?.(round));
      if (round > 0) results[name].push(run);
    }
  }
  return results;
}

const medianOf = (runs, key, digits = 1) =>
  round(median(runs.map((run) => (typeof key === 'function' ? key(run) : run[key]))), digits);

// ——— The bench ———

async function main() {
  const started = performance.now();
  const progress = (what) => process.stderr.write(`bench: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const scratch = mkdtempSync(join(tmpdir(), 'open-letter-bench-'));
  // Also on process.exit() (the watchdog below, or Playwright's own handling of Ctrl-C,
  // which closes the browser): the server goes with the process, the scratch files here.
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  process.once('exit', removeScratch);
  const watchdog = setTimeout(() => {
    console.error(`bench: stopped after ${WATCHDOG_MS / 60_000} minutes`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  let server;
  let browser;
  try {
    const script = readFileSync(join(ROOT, 'dist/open-letter.js'));
    const demoFile = join(ROOT, 'demo/campaigns/brandbrief-samen-veilig.json');
    const campaignJson = readFileSync(demoFile, 'utf8');
    const campaign10k = `${JSON.stringify(campaignWithSignatories(JSON.parse(campaignJson), SIGNATORIES))}\n`;
    const file10k = join(scratch, '10000-signatories.json');
    writeFileSync(file10k, campaign10k);
    if (Buffer.byteLength(campaign10k) > 1024 * 1024) throw new Error('the 10,000-signatory campaign is over the block’s 1 MiB limit');

    progress('snapshots');
    const snapshotHtml = markTitle(snapshot(demoFile));
    const snapshot10k = markTitle(snapshot(file10k));
    const files = new Map([
      [SCRIPT, script],
      [CAMPAIGN, campaignJson],
      [CAMPAIGN_10K, campaign10k],
      ['/static.html', staticPage({ snapshot: snapshotHtml })],
      ['/embed.html', embedPage({ script: SCRIPT, campaign: CAMPAIGN })],
      [
        '/embed-modulepreload.html',
        embedPage({ script: SCRIPT, campaign: CAMPAIGN, head: `<link rel="modulepreload" href="${SCRIPT}">` }),
      ],
      ['/embed-inline.html', inlineDataPage({ script: SCRIPT, campaignJson })],
      ['/embed-snapshot.html', embedPage({ script: SCRIPT, campaign: CAMPAIGN, fallback: snapshotHtml })],
      [
        '/embed-preload-json.html',
        embedPage({ script: SCRIPT, campaign: CAMPAIGN, head: `<link rel="preload" as="fetch" href="${CAMPAIGN}" crossorigin>` }),
      ],
      ['/static-10k.html', staticPage({ snapshot: snapshot10k })],
      ['/embed-10k.html', embedPage({ script: SCRIPT, campaign: CAMPAIGN_10K })],
    ]);

    server = await startServer(files);
    progress('starting Chromium');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const results = {
      name: packageJson.name,
      version: packageJson.version,
      date: new Date().toISOString(),
      machine: machine(browser.version()),
      config: { runs: RUNS, warmUpRounds: 1, latenciesMs: LATENCIES, viewport: VIEWPORT, chromiumArgs: CHROMIUM_ARGS, headless: true },
    };

    // Time to letter, main-thread cost and layout shift, at each latency.
    const timeToLetter = {};
    for (const latency of LATENCIES) {
      progress(`time to letter, ${latency} ms per request`);
      server.setLatency(latency);
      timeToLetter[latency] = await alternate(browser, server, PAGES_AT[latency], RUNS);
    }

    // The JSON preload: does the block's fetch (credentials: 'omit') reuse it?
    progress('JSON preload check');
    server.setLatency(40);
    const preloadRuns = [];
    for (let i = 0; i < 2; i++) preloadRuns.push(await visit(browser, server, 'preloadJson'));

    // 10,000 signatories, at 0 ms.
    progress(`${SIGNATORIES} signatories`);
    server.setLatency(0);
    const scale = await alternate(browser, server, ['embed10k', 'static10k'], RUNS, {
      embed10k: (round) => ({ fullList: round >= 1 && round <= FULL_LIST_RUNS }),
    });

    // ——— Figures ———
    const embedRun = timeToLetter[0].embed[0];
    const bytes = {
      script: { file: 'dist/open-letter.js', ...sizes(script), servedToEmbedPage: embedRun.scriptBytes },
      campaign: { file: 'demo/campaigns/brandbrief-samen-veilig.json', ...sizes(Buffer.from(campaignJson)) },
      campaign10k: { signatories: SIGNATORIES, ...sizes(Buffer.from(campaign10k)) },
      staticPage: sizes(Buffer.from(files.get('/static.html'))),
      staticPage10k: sizes(Buffer.from(files.get('/static-10k.html'))),
      requests: Object.fromEntries(
        Object.entries({ ...timeToLetter[0], ...timeToLetter[40], preloadJson: preloadRuns, ...scale }).map(([name, runs]) => [
          name,
          runs[0].requestPaths,
        ]),
      ),
    };
    const byLatency = {};
    for (const latency of LATENCIES) {
      const runs = timeToLetter[latency];
      const staticMedian = medianOf(runs.static, 'onScreen');
      const pages = {};
      for (const [name, pageRuns] of Object.entries(runs)) {
        pages[name] = {
          label: PAGES[name].label,
          medianOnScreen: medianOf(pageRuns, 'onScreen'),
          interquartileOnScreen: quartiles(pageRuns.map((run) => run.onScreen)),
          ratioToStatic: round(medianOf(pageRuns, 'onScreen') / staticMedian, 2),
          medianTitle: medianOf(pageRuns, 'title'),
          runsWithTitleFromFallback: pageRuns.filter((run) => run.title !== undefined && run.letter !== undefined).length,
          medianLetter: medianOf(pageRuns, 'letter'),
          medianLetterPaint: medianOf(pageRuns, 'letterPaint'),
          medianLongTasks: medianOf(pageRuns, 'longTasks'),
          medianTotalBlockingTime: medianOf(pageRuns, 'totalBlockingTime'),
          medianCls: medianOf(pageRuns, 'cls', 5),
          runsWithShift: pageRuns.filter((run) => run.cls > 0).length,
          maxCls: Math.max(...pageRuns.map((run) => run.cls)),
          medianBelowMovedPx: medianOf(pageRuns, 'belowMovedPx'),
          requests: pageRuns[0].requests,
          medianBreakdown: Object.fromEntries(
            Object.keys(pageRuns[0].breakdown).map((key) => [key, medianOf(pageRuns, (run) => run.breakdown[key])]),
          ),
          runs: pageRuns,
        };
      }
      byLatency[latency] = {
        latencyMsPerRequest: latency,
        pages,
        gainMs: Object.fromEntries(
          ['modulepreload', 'inline']
            .filter((name) => pages[name])
            .map((name) => [name, round(pages.embed.medianOnScreen - pages[name].medianOnScreen, 1)]),
        ),
      };
    }
    const jsonRequests = preloadRuns.map((run) => run.requestPaths.filter((path) => path === CAMPAIGN).length);
    const preloadJson = {
      jsonRequestsPerPage: jsonRequests,
      reused: jsonRequests.every((count) => count === 1),
      chromiumSays: [...new Set(preloadRuns.flatMap((run) => run.console ?? []).filter((line) => /preload/i.test(line)))],
      medianOnScreen: medianOf(preloadRuns, 'onScreen'),
      runs: preloadRuns,
    };
    const staticScale = medianOf(scale.static10k, 'onScreen');
    const listRuns = scale.embed10k.filter((run) => run.fullList);
    const scaleFigures = {
      signatories: SIGNATORIES,
      embed: {
        medianOnScreen: medianOf(scale.embed10k, 'onScreen'),
        medianLongTasks: medianOf(scale.embed10k, 'longTasks'),
        medianTotalBlockingTime: medianOf(scale.embed10k, 'totalBlockingTime'),
      },
      static: {
        medianOnScreen: staticScale,
        medianLongTasks: medianOf(scale.static10k, 'longTasks'),
        medianTotalBlockingTime: medianOf(scale.static10k, 'totalBlockingTime'),
      },
      ratioToStatic: round(medianOf(scale.embed10k, 'onScreen') / staticScale, 2),
      fullList: {
        runs: listRuns.length,
        medianMs: medianOf(listRuns, (run) => run.fullList.ms),
        medianLongTasks: medianOf(listRuns, (run) => run.fullList.longTasks),
        maxLongTasks: Math.max(...listRuns.map((run) => run.fullList.longTasks)),
        medianLongestTask: medianOf(listRuns, (run) => Math.max(0, ...run.fullList.longTaskDurations)),
        medianLongAnimationFrames: medianOf(listRuns, (run) => run.fullList.longAnimationFrames),
        itemsAfter: listRuns.map((run) => run.fullList.items),
      },
      runs: scale,
    };
    for (const items of scaleFigures.fullList.itemsAfter) {
      if (items !== SIGNATORIES) throw new Error(`the full list showed ${items} signatories, not ${SIGNATORIES}`);
    }

    Object.assign(results, {
      bytes,
      timeToLetter: byLatency,
      preloadJson,
      scale: scaleFigures,
      durationSeconds: round((performance.now() - started) / 1000, 1),
    });
    results.machine.loadAverage.atEnd = loadavg().map((value) => round(value, 2));
    const table = report(results);
    results.table = table;
    mkdirSync(RESULTS, { recursive: true });
    const body = `${JSON.stringify(results, null, 2)}\n`;
    const named = join(RESULTS, `${packageJson.name}-${packageJson.version}-${results.date.slice(0, 10)}.json`);
    writeFileSync(join(RESULTS, 'latest.json'), body);
    writeFileSync(named, body);
    process.stdout.write(`${table}\n`);
    process.stdout.write(`\nWritten: ${join('scripts/bench/results', 'latest.json')} and ${named.slice(ROOT.length)} (${results.durationSeconds} s)\n`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    clearTimeout(watchdog);
    removeScratch();
  }
}

// ——— The table ———

/** The printed report: markdown, so the README's performance section can show it as it is. */
function report(results) {
  const { bytes, timeToLetter: t, preloadJson, scale, machine: m, config } = results;
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  const at = (latency, name) => t[latency].pages[name];
  const verdict = (ok) => (ok ? '**met**' : '**missed**');
  const W = 40; // the latency with a waterfall

  lines.push(
    `Measured ${results.date.slice(0, 10)} with ${results.name} ${results.version} on ${m.nproc} × ${m.cpu} (nproc ${m.nproc}, ${m.memoryGiB} GiB), ` +
      `load average ${m.loadAverage.atStart[0]} at the start; Chromium ${m.chromium} headless via playwright-core ${m.playwrightCore}, Node ${m.node}. ` +
      `Pages served from 127.0.0.1, uncompressed; a fresh browser context (empty cache) per run; viewport ${config.viewport.width}×${config.viewport.height}; ` +
      `medians of ${config.runs} runs per page after a warm-up round, the pages loaded alternately.`,
    '',
    '**Bytes**',
    '',
  );
  row('', 'raw', 'gzip -9', 'brotli');
  row('---', '---:', '---:', '---:');
  row('JavaScript for one block (`dist/open-letter.js`, both languages)', kb(bytes.script.raw), `${kb(bytes.script.gzip)} (${bytes.script.gzip} B)`, kb(bytes.script.brotli));
  row('the demo campaign JSON', kb(bytes.campaign.raw), kb(bytes.campaign.gzip), kb(bytes.campaign.brotli));
  row(`a campaign JSON with ${SIGNATORIES.toLocaleString('en')} signatories`, kb(bytes.campaign10k.raw), kb(bytes.campaign10k.gzip), kb(bytes.campaign10k.brotli));
  lines.push(
    '',
    `Requests per page, counted at the server: static HTML ${bytes.requests.static.length}; the embed ${bytes.requests.embed.length} ` +
      `(page → script → JSON, a waterfall); the embed with the campaign inlined ${bytes.requests.inline.length}; ` +
      `the embed with a JSON preload ${bytes.requests.preloadJson.length}.`,
    '',
    '**Time to letter**: navigation start → the letter’s title on screen. Static title: Element Timing; the block: `open-letter-load` + two animation frames. ' +
      'Latency: added by the server to every request, the page’s own included.',
    '',
  );
  row('page', ...LATENCIES.flatMap((latency) => [`${latency} ms/request`, '÷ static']), 'requests');
  row('---', ...LATENCIES.flatMap(() => ['---:', '---:']), '---:');
  const timeRow = (label, name, key = 'medianOnScreen') => {
    const cells = LATENCIES.flatMap((latency) => {
      const page = t[latency].pages[name];
      return page ? [ms(page[key]), ratio(page[key], at(latency, 'static').medianOnScreen)] : ['—', '—'];
    });
    const any = LATENCIES.map((latency) => t[latency].pages[name]).find(Boolean);
    row(label, ...cells, any.requests);
  };
  timeRow(PAGES.static.label, 'static');
  timeRow(PAGES.embed.label, 'embed');
  timeRow('↳ cross-check: the letter’s paint as Largest Contentful Paint reports it', 'embed', 'medianLetterPaint');
  timeRow(PAGES.modulepreload.label, 'modulepreload');
  timeRow(PAGES.inline.label, 'inline');
  const painted = LATENCIES.map((latency) => `${at(latency, 'snapshot').runsWithTitleFromFallback}/${config.runs} at ${latency} ms`).join(', ');
  timeRow(`${PAGES.snapshot.label}: snapshot or block, whichever is on screen first (the snapshot was, in ${painted})`, 'snapshot');
  timeRow(`${PAGES.snapshot.label}: the block’s letter`, 'snapshot', 'medianLetter');
  const b = at(W, 'embed').medianBreakdown;
  lines.push(
    '',
    `Where the embed’s time goes (medians, ${W} ms/request): page received ${ms(b.documentResponseEnd)}, script received ${ms(b.scriptResponseEnd)}, ` +
      `element defined ${ms(b.defined)}, JSON requested ${ms(b.jsonStart)} and received ${ms(b.jsonResponseEnd)}, ` +
      `\`open-letter-load\` ${ms(b.loadEvent)}, first frame after it ${ms(b.firstFrameAfterLoad)}, letter on screen ${ms(b.letterOnScreen)}.`,
    `Gain at ${W} ms/request over the plain embed: modulepreload ${ms(t[W].gainMs.modulepreload)}; inlining the campaign ${ms(t[W].gainMs.inline)}. ` +
      `Run-to-run spread (25th–75th percentile): ` +
      LATENCIES.map(
        (latency) =>
          `at ${latency} ms static ${at(latency, 'static').interquartileOnScreen.map(Math.round).join('–')} ms, ` +
          `embed ${at(latency, 'embed').interquartileOnScreen.map(Math.round).join('–')} ms`,
      ).join('; ') +
      '.',
    `JSON preload (\`<link rel="preload" as="fetch" crossorigin>\`, ${W} ms/request): the server saw ${preloadJson.jsonRequestsPerPage.join(' and ')} requests for the JSON per page: ` +
      (preloadJson.reused
        ? 'the block reused the preload.'
        : 'not reused, because the block fetches with credentials mode `omit` and the preload uses `same-origin`.'),
  );
  if (preloadJson.chromiumSays.length) {
    lines.push(`Chromium’s console: “${preloadJson.chromiumSays[0].replace(/^\w+: /, '').replace(/http:\/\/127\.0\.0\.1:\d+/, '')}”`);
  }
  lines.push('', '**Main thread**: long tasks from navigation until the letter is on screen (total blocking time = Σ (duration − 50 ms))', '');
  row('page', ...LATENCIES.flatMap((latency) => [`long tasks, ${latency} ms`, `blocking time, ${latency} ms`]));
  row('---', ...LATENCIES.flatMap(() => ['---:', '---:']));
  for (const name of ['static', 'embed']) {
    row(PAGES[name].label, ...LATENCIES.flatMap((latency) => [at(latency, name).medianLongTasks, ms(at(latency, name).medianTotalBlockingTime)]));
  }
  lines.push('', `**Scale: ${SIGNATORIES.toLocaleString('en')} signatories** (0 ms/request; the block shows 20 and a button for the rest)`, '');
  row('', 'static HTML (all listed)', 'embed', '÷ static');
  row('---', '---:', '---:', '---:');
  row('title on screen', ms(scale.static.medianOnScreen), ms(scale.embed.medianOnScreen), ratio(scale.embed.medianOnScreen, scale.static.medianOnScreen));
  row('long tasks / blocking time until then', `${scale.static.medianLongTasks} / ${ms(scale.static.medianTotalBlockingTime)}`, `${scale.embed.medianLongTasks} / ${ms(scale.embed.medianTotalBlockingTime)}`, '');
  row(
    `open the full list: click → all items → two frames (${scale.fullList.runs} runs)`,
    '—',
    `${ms(scale.fullList.medianMs)}; ${scale.fullList.medianLongTasks} long task(s), at most ${scale.fullList.maxLongTasks}; longest ${ms(scale.fullList.medianLongestTask)}`,
    '',
  );
  lines.push('', '**Layout shift**: a paragraph below the block; CLS = Σ layout-shift values without recent input, both latencies', '');
  row('fallback inside `<open-letter>`', 'CLS, median (max)', 'runs with a shift', 'the paragraph below moved');
  row('---', '---:', '---:', '---:');
  const shift = (name) => {
    const runs = LATENCIES.flatMap((latency) => at(latency, name).runs);
    return {
      median: medianOf(runs, 'cls', 5),
      max: Math.max(...runs.map((run) => run.cls)),
      shifted: runs.filter((run) => run.cls > 0).length,
      runs: runs.length,
      moved: medianOf(runs, 'belowMovedPx', 0),
    };
  };
  const cls = { link: shift('embed'), snapshot: shift('snapshot') };
  row('one link (the README snippet)', `${cls.link.median} (${cls.link.max})`, `${cls.link.shifted}/${cls.link.runs}`, `${cls.link.moved} px`);
  row('the snapshot (`open-letter snapshot --lang nl`)', `${cls.snapshot.median} (${cls.snapshot.max})`, `${cls.snapshot.shifted}/${cls.snapshot.runs}`, `${cls.snapshot.moved} px`);

  const worst = (name) => Math.max(...LATENCIES.map((latency) => at(latency, name).ratioToStatic));
  lines.push('', '**Budgets** (issue 7)', '');
  row('budget', 'measured', '');
  row('---', '---', '---');
  row('JavaScript ≤ 14 KB gzip (aim 11 KB)', `${kb(bytes.script.gzip)} (${bytes.script.gzip} of ${14 * 1024} B)`, verdict(bytes.script.gzip <= 14 * 1024));
  row(
    'time to letter ≤ 2× static (aim 1.5×)',
    LATENCIES.map((latency) => `${ratio(at(latency, 'embed').medianOnScreen, at(latency, 'static').medianOnScreen)} at ${latency} ms`).join(', '),
    verdict(worst('embed') <= 2) + (worst('embed') <= 1.5 ? ', aim met' : ''),
  );
  row(`${SIGNATORIES.toLocaleString('en')} signatories: title no later than static`, `${ms(scale.embed.medianOnScreen)} vs ${ms(scale.static.medianOnScreen)}`, verdict(scale.embed.medianOnScreen <= scale.static.medianOnScreen));
  // The budget: one long task at most, or chunked (every task short enough to keep input responsive).
  row(`${SIGNATORIES.toLocaleString('en')} signatories: full list within one long task, or chunked`, `${scale.fullList.maxLongTasks} long task(s), longest ${ms(scale.fullList.medianLongestTask)}`, verdict(scale.fullList.maxLongTasks <= 1 || scale.fullList.medianLongestTask < 200));
  row('CLS 0 with the snapshot', `${cls.snapshot.max} (max of ${cls.snapshot.runs} runs)`, verdict(cls.snapshot.max === 0));
  return lines.join('\n');
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
