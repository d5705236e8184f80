#!/usr/bin/env node
// `npm run bench`: what <open-letter> costs a page (issue 10's budgets) and how long the
// main thread is busy with the largest campaigns the format accepts (issue 13's bounded
// work). `npm run bench` builds the files first; this serves the pages from a loopback
// server, drives Debian's Chromium with playwright-core (a fresh browser context per
// run), prints markdown tables and writes scripts/bench/results/latest.json and a copy
// named by version and date — only when the machine was quiet (see QUIET_LOAD).
//
// Environment: BENCH_RUNS (runs per page, at least 7), BENCH_WAIT_QUIET (minutes to wait
// for a quiet machine before starting), BENCH_ONLY (`time` or `work`: one part only),
// BENCH_SHAPES (comma-separated: only these shapes in the work part), BENCH_TRACE (trace
// every shape, not only those over budget), CHROME_PATH. Timings are only reported, never asserted: machines are noisy.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumFlags, chromiumPath } from '../chromium.mjs';
import { harness } from './harness.mjs';
import { largestCampaigns } from './largest-campaigns.mjs';
import { embedPage, markTitle, staticPage } from './pages.mjs';
import { report } from './report.mjs';
import { startServer } from './server.mjs';
import { charactersBySource } from './source-map.mjs';
import { maxOf, medianOf, quartiles, round } from './stats.mjs';
import { TRACE_CATEGORIES, longestTaskBreakdown } from './trace.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = join(ROOT, 'scripts/bench/results');
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS) || 7);
const LATENCIES = [0, 40];
/** Above this 1-minute load average other work slows and scatters every figure: the results are not final. */
const QUIET_LOAD = 2;
const WAIT_QUIET_MINUTES = Number(process.env.BENCH_WAIT_QUIET) || 0;
const ONLY = process.env.BENCH_ONLY;
/** Issue 13: no task over this many milliseconds for any campaign the format accepts. */
const TASK_BUDGET_MS = 100;
const VIEWPORT = { width: 1280, height: 720 };
/** Longest wait for one page; a 1 MiB campaign on a busy machine takes seconds. */
const PAGE_TIMEOUT = 60_000;
/** The bench takes about five minutes; past this something hangs. */
const WATCHDOG_MS = 20 * 60_000;

const SCRIPT = '/open-letter.js';
const STYLESHEET = '/open-letter.css';
const CAMPAIGN = '/campaigns/brandbrief-samen-veilig.json';
const DEMO_FILE = join(ROOT, 'demo/campaigns/brandbrief-samen-veilig.json');

/**
 * Issue 10's pages, by how the letter gets there. `waitFor`: `title` = the static title's
 * paint (Element Timing); `letter` = the block's open-letter-load and two frames.
 * `budget`: the most time until the title is on screen, as a multiple of static HTML's.
 */
const PAGES = {
  static: {
    path: '/static.html',
    waitFor: 'title',
    label: 'static HTML (the snapshot in the page, with the stylesheet)',
  },
  prerendered: {
    path: '/snippet-prerendered.html',
    waitFor: 'letter',
    label: '(a) the snippet with the pre-rendered letter',
    budget: 1.1,
  },
  link: {
    path: '/snippet-link.html',
    waitFor: 'letter',
    label: '(b) the snippet with a link as fallback',
    budget: 1.8,
  },
  preload: { path: '/snippet-preload.html', waitFor: 'letter', label: '(c) (b) plus the JSON preload', budget: 1.8 },
};

// ——— The machine ———

/** The 1-minute load average, after waiting up to BENCH_WAIT_QUIET minutes for it to drop below QUIET_LOAD. */
async function quietEnough(progress) {
  const deadline = Date.now() + WAIT_QUIET_MINUTES * 60_000;
  while (loadavg()[0] > QUIET_LOAD && Date.now() < deadline) {
    progress(`load average ${loadavg()[0].toFixed(2)}: waiting for it to drop below ${QUIET_LOAD}`);
    await sleep(30_000);
  }
  return loadavg()[0];
}

function machine(browserVersion) {
  let cpuinfo = '';
  try {
    cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    // Not Linux: os.cpus() names the model.
  }
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    nproc: cpus().length,
    cpu: model.trim(),
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    chromium: browserVersion,
    node: process.version,
    playwrightCore: JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version,
  };
}

// ——— Inputs ———

const sizes = (buffer) => ({
  raw: buffer.length,
  gzip: gzipSync(buffer, { level: 9 }).length,
  brotli: brotliCompressSync(buffer).length,
});

/** The real `snapshot` command: the letter as static HTML, in Dutch. */
function snapshot(file) {
  try {
    return execFileSync(process.execPath, [join(ROOT, 'bin/open-letter.js'), 'snapshot', file, '--lang', 'nl'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
  } catch (error) {
    throw new Error(`open-letter snapshot ${file} failed (exit ${error.status}):\n${error.stderr ?? error.message}`, {
      cause: error,
    });
  }
}

const fromBuild = (file) => import(pathToFileURL(join(ROOT, 'dist/npm', file)).href);

// ——— One visit ———

/**
 * Loads `path` in a fresh browser context (empty cache), waits for `waitFor` (and with
 * `openFullList`, opens the full list of that many signatories), and returns what the
 * page recorded and the server saw; with `trace`, Chromium's trace of the visit too.
 */
async function visit(browser, server, path, { waitFor, openFullList, trace = false }) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    const messages = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    await page.addInitScript(harness);
    server.takeLog();
    if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(server.origin + path, { timeout: PAGE_TIMEOUT });
    await page
      .evaluate(
        ([what, timeout]) =>
          Promise.race([
            window.__bench[what],
            new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${timeout} ms`)), timeout)),
          ]),
        [waitFor, PAGE_TIMEOUT],
      )
      .catch((error) => {
        throw new Error(`${path}: ${error.message}\n${messages.join('\n')}`);
      });
    const fullList = openFullList
      ? await page.evaluate((total) => window.__bench.openFullList(total), openFullList)
      : undefined;
    const recorded = await page.evaluate(() => window.__bench.collect());
    const traceEvents = trace ? JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents : undefined;
    if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${path} ${JSON.stringify(recorded.elements)}\n`);
    return { recorded, fullList, requests: server.takeLog(), messages, traceEvents };
  } finally {
    await context.close().catch(() => {});
  }
}

/** Entries of `list` ({ start, duration }) that overlap [from, to]. */
const during = (list, from, to) => list.filter((entry) => entry.start < to && entry.start + entry.duration > from);
const longest = (list, key = 'duration') => round(Math.max(0, ...list.map((entry) => entry[key])), 1);

/** Issue 10: when the title is on screen, whether anything moved, what was requested. */
function titleRun({ recorded: m, requests, messages }) {
  const timeOf = (id) => m.elements.find((entry) => entry.id === id)?.time;
  const prerenderedTitle = timeOf('letter-title');
  const liveTitle = timeOf('live-title');
  const titleOnScreen = Math.min(...[prerenderedTitle, liveTitle].filter((time) => time !== undefined));
  const resource = (path) => m.resources.find((entry) => entry.name === path);
  const before = m.longTasks.filter((task) => task.start < titleOnScreen);
  const warnings = messages.filter((line) => !line.startsWith('log:'));
  return {
    titleOnScreen: round(titleOnScreen, 1),
    prerenderedTitle: round(prerenderedTitle, 1),
    liveTitle: round(liveTitle, 1),
    letterOnScreen: round(m.letterOnScreen, 1),
    firstContentfulPaint: round(m.paint['first-contentful-paint'], 1),
    cls: round(
      m.layoutShifts.reduce((sum, shift) => sum + shift.value, 0),
      5,
    ),
    // The block's height once everything is in: the live letter's against the static one's.
    finalHeight: round(m.blockHeight, 1),
    longTasksBeforeTitle: before.length,
    longestTaskBeforeTitle: longest(before),
    requests: requests.map((request) => request.path),
    jsonRequests: requests.filter((request) => request.path === CAMPAIGN).length,
    breakdown: {
      documentResponseEnd: round(m.navigationResponseEnd, 1),
      stylesheetResponseEnd: round(resource(STYLESHEET)?.responseEnd, 1),
      scriptResponseEnd: round(resource(SCRIPT)?.responseEnd, 1),
      defined: round(m.defined, 1),
      jsonStart: round(resource(CAMPAIGN)?.start, 1),
      jsonResponseEnd: round(resource(CAMPAIGN)?.responseEnd, 1),
      liveTitle: round(liveTitle, 1),
      loadEvent: round(m.loadEvent, 1),
    },
    ...(warnings.length ? { console: warnings } : {}),
  };
}

/** Issue 13: the main thread's longest busy stretches while a large campaign loads and renders. */
function workRun({ recorded: m, fullList, messages }) {
  const busy = (from, to) => {
    const tasks = during(m.longTasks, from, to);
    return {
      longTasks: tasks.length,
      longestTask: longest(tasks),
      longTaskDurations: tasks.map((task) => round(task.duration, 1)),
      longestAnimationFrame: longest(during(m.animationFrames, from, to)),
      longestBlocking: longest(during(m.animationFrames, from, to), 'blocking'),
      longestGap: longest(during(m.gaps, from, to)),
    };
  };
  const run = {
    loadEvent: round(m.loadEvent, 1),
    letterOnScreen: round(m.letterOnScreen, 1),
    load: busy(0, m.letterOnScreen),
  };
  if (fullList) {
    run.fullList = {
      ms: round(fullList.end - fullList.start, 1),
      items: fullList.items,
      ...busy(fullList.start, fullList.end),
    };
  }
  const warnings = messages.filter((line) => !line.startsWith('log:'));
  if (warnings.length) run.console = warnings;
  return run;
}

/** Visits the pages in turn, round after round (a, b, c, a, b, c, …); with `warmUp`, a first round not kept. */
async function alternate(names, runs, visitOne, { warmUp = false } = {}) {
  const results = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = warmUp ? 0 : 1; round <= runs; round++) {
    for (const name of names) {
      const run = await visitOne(name);
      if (round > 0) results[name].push(run);
    }
  }
  return results;
}

// ——— The three parts ———

function bytesPart(script, stylesheet, campaignJson, limits, sourceMap) {
  const both = { raw: 0, gzip: 0, brotli: 0 };
  const files = {
    script: { file: 'dist/open-letter.js', ...sizes(script) },
    stylesheet: { file: 'dist/open-letter.css', ...sizes(stylesheet) },
  };
  for (const key of Object.keys(both)) both[key] = files.script[key] + files.stylesheet[key];
  return {
    ...files,
    total: both,
    budgetGzip: limits.DOWNLOAD_BUDGET_GZIP,
    withinBudget: both.gzip <= limits.DOWNLOAD_BUDGET_GZIP,
    campaign: { file: 'demo/campaigns/brandbrief-samen-veilig.json', ...sizes(Buffer.from(campaignJson)) },
    // Where to look for bytes: what each source file became in the minified script.
    scriptBySource: charactersBySource(script.toString('utf8'), sourceMap),
  };
}

async function timePart(browser, server, progress) {
  const byLatency = {};
  for (const latency of LATENCIES) {
    progress(`time until the title is on screen, ${latency} ms per request`);
    server.setLatency(latency);
    const runs = await alternate(
      Object.keys(PAGES),
      RUNS,
      async (name) => titleRun(await visit(browser, server, PAGES[name].path, { waitFor: PAGES[name].waitFor })),
      { warmUp: true },
    );
    const staticMedian = medianOf(runs.static, 'titleOnScreen');
    byLatency[latency] = Object.fromEntries(
      Object.entries(runs).map(([name, pageRuns]) => {
        const onScreen = medianOf(pageRuns, 'titleOnScreen');
        return [
          name,
          {
            label: PAGES[name].label,
            medianTitleOnScreen: onScreen,
            interquartileTitleOnScreen: quartiles(pageRuns.map((run) => run.titleOnScreen)),
            ratioToStatic: round(onScreen / staticMedian, 2),
            budget: PAGES[name].budget,
            medianPrerenderedTitle: medianOf(pageRuns, 'prerenderedTitle'),
            runsWithPrerenderedTitlePainted: pageRuns.filter((run) => run.prerenderedTitle !== undefined).length,
            medianLiveTitle: medianOf(pageRuns, 'liveTitle'),
            medianLetterOnScreen: medianOf(pageRuns, 'letterOnScreen'),
            medianFirstContentfulPaint: medianOf(pageRuns, 'firstContentfulPaint'),
            medianCls: medianOf(pageRuns, 'cls', 5),
            maxCls: maxOf(pageRuns, 'cls'),
            finalHeights: [...new Set(pageRuns.map((run) => run.finalHeight))],
            medianLongTasksBeforeTitle: medianOf(pageRuns, 'longTasksBeforeTitle'),
            requests: pageRuns[0].requests,
            jsonRequests: pageRuns.map((run) => run.jsonRequests),
            medianBreakdown: Object.fromEntries(
              Object.keys(pageRuns[0].breakdown).map((key) => [key, medianOf(pageRuns, (run) => run.breakdown[key])]),
            ),
            console: [...new Set(pageRuns.flatMap((run) => run.console ?? []))],
            runs: pageRuns,
          },
        ];
      }),
    );
  }
  return byLatency;
}

async function workPart(browser, server, shapes, sourceMap, progress) {
  server.setLatency(0);
  progress(`bounded work: ${shapes.map((shape) => shape.name).join(', ')}, ${RUNS} runs each`);
  const visitShape = async (name) => {
    const shape = shapes.find((candidate) => candidate.name === name);
    const run = workRun(
      await visit(browser, server, `/work-${name}.html`, {
        waitFor: 'letter',
        openFullList: shape.openFullList ? shape.count : undefined,
      }),
    );
    if (run.fullList && run.fullList.items !== shape.count) {
      throw new Error(`${name}: the full list showed ${run.fullList.items} signatories, not ${shape.count}`);
    }
    return run;
  };
  const runs = await alternate(
    shapes.map((shape) => shape.name),
    RUNS,
    visitShape,
  );
  const phase = (shapeRuns, key) =>
    shapeRuns[0][key] && {
      medianLongestTask: medianOf(shapeRuns, (run) => run[key].longestTask),
      maxLongestTask: maxOf(shapeRuns, (run) => run[key].longestTask),
      medianLongTasks: medianOf(shapeRuns, (run) => run[key].longTasks),
      maxLongTasks: maxOf(shapeRuns, (run) => run[key].longTasks),
      medianLongestAnimationFrame: medianOf(shapeRuns, (run) => run[key].longestAnimationFrame),
      medianLongestGap: medianOf(shapeRuns, (run) => run[key].longestGap),
      ...(key === 'fullList' ? { medianMs: medianOf(shapeRuns, (run) => run.fullList.ms) } : {}),
    };
  const results = {};
  for (const shape of shapes) {
    const shapeRuns = runs[shape.name];
    const { json, ...description } = shape;
    const load = phase(shapeRuns, 'load');
    const fullList = phase(shapeRuns, 'fullList');
    const worst = Math.max(load.medianLongestTask, fullList?.medianLongestTask ?? 0);
    results[shape.name] = {
      ...description,
      medianLoadEvent: medianOf(shapeRuns, 'loadEvent'),
      medianLetterOnScreen: medianOf(shapeRuns, 'letterOnScreen'),
      load,
      fullList,
      withinBudget: worst <= TASK_BUDGET_MS,
      console: [...new Set(shapeRuns.flatMap((run) => run.console ?? []))],
      runs: shapeRuns,
    };
  }
  // What takes the time where a shape misses: one more visit, traced.
  for (const shape of shapes.filter((candidate) => process.env.BENCH_TRACE || !results[candidate.name].withinBudget)) {
    progress(`tracing ${shape.name}: what its longest task spends its time on`);
    const traced = await visit(browser, server, `/work-${shape.name}.html`, {
      waitFor: 'letter',
      openFullList: shape.openFullList ? shape.count : undefined,
      trace: true,
    });
    results[shape.name].longestTaskBreakdown = longestTaskBreakdown(traced.traceEvents, {
      scriptUrl: server.origin + SCRIPT,
      sourceMap,
    });
  }
  return results;
}

// ——— The bench ———

async function main() {
  const started = performance.now();
  const progress = (what) =>
    process.stderr.write(`bench: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  const watchdog = setTimeout(() => {
    console.error(`bench: stopped after ${WATCHDOG_MS / 60_000} minutes`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();

  const loadAtStart = await quietEnough(progress);
  const loadAverageAtStart = loadavg().map((value) => round(value, 2));
  progress(`load average at start: ${loadAverageAtStart.join(', ')} (1, 5, 15 minutes)`);
  if (loadAtStart > QUIET_LOAD) {
    process.stderr.write(
      `\n*** WARNING: the 1-minute load average is ${loadAtStart.toFixed(2)}, above ${QUIET_LOAD}: other work is running. ***\n` +
        '*** Every timing below is slower and noisier than on a quiet machine; these results are NOT FINAL. ***\n' +
        '*** Run again when `uptime` shows a load below 2 (BENCH_WAIT_QUIET=60 waits up to an hour). ***\n\n',
    );
  }

  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const limits = await fromBuild('limits.js');
  const { checkCampaign } = await fromBuild('campaign-schema.js');
  const script = readFileSync(join(ROOT, 'dist/open-letter.js'));
  const stylesheet = readFileSync(join(ROOT, 'dist/open-letter.css'));
  const sourceMap = JSON.parse(readFileSync(join(ROOT, 'dist/open-letter.js.map'), 'utf8'));
  const campaignJson = readFileSync(DEMO_FILE, 'utf8');

  let shapes = [];
  let noLimits;
  if (ONLY !== 'time') {
    progress('the largest campaigns the format accepts');
    try {
      const only = process.env.BENCH_SHAPES?.split(',');
      shapes = largestCampaigns(limits, JSON.parse(campaignJson)).filter((shape) => !only || only.includes(shape.name));
    } catch (error) {
      noLimits = error.message;
      process.stderr.write(`\n*** WARNING: no bounded-work figures: ${noLimits}. ***\n\n`);
    }
    for (const shape of shapes) {
      const check = checkCampaign(JSON.parse(shape.json));
      if (!check.valid) {
        throw new Error(
          `the largest "${shape.name}" campaign is not valid: ${JSON.stringify(check.problems.slice(0, 3))}`,
        );
      }
    }
  }

  const integrity = (buffer) => `sha384-${createHash('sha384').update(buffer).digest('base64')}`;
  const snippet = {
    script: { href: SCRIPT, integrity: integrity(script) },
    stylesheet: { href: STYLESHEET, integrity: integrity(stylesheet) },
    campaign: CAMPAIGN,
  };
  const files = new Map([
    [SCRIPT, script],
    [STYLESHEET, stylesheet],
    [CAMPAIGN, campaignJson],
  ]);
  if (ONLY !== 'work') {
    progress('snapshot');
    const snapshotHtml = markTitle(snapshot(DEMO_FILE));
    files.set(PAGES.static.path, staticPage({ stylesheet: snippet.stylesheet, snapshot: snapshotHtml }));
    files.set(PAGES.prerendered.path, embedPage({ ...snippet, fallback: snapshotHtml }));
    files.set(PAGES.link.path, embedPage(snippet));
    files.set(PAGES.preload.path, embedPage({ ...snippet, preload: true }));
  }
  for (const shape of shapes) {
    files.set(`/campaigns/largest-${shape.name}.json`, shape.json);
    files.set(`/work-${shape.name}.html`, embedPage({ ...snippet, campaign: `/campaigns/largest-${shape.name}.json` }));
  }

  let server;
  let browser;
  try {
    server = await startServer(files);
    progress('starting Chromium');
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
    const results = {
      name: packageJson.name,
      version: packageJson.version,
      date: new Date().toISOString(),
      machine: { ...machine(browser.version()), loadAverage: { atStart: loadAverageAtStart } },
      config: {
        runs: RUNS,
        latenciesMs: LATENCIES,
        viewport: VIEWPORT,
        chromiumArgs: chromiumFlags,
        headless: true,
        taskBudgetMs: TASK_BUDGET_MS,
        maxBytes: limits.DEFAULT_MAX_BYTES,
      },
      bytes: bytesPart(script, stylesheet, campaignJson, limits, sourceMap),
    };
    if (ONLY !== 'work') results.timeToTitle = await timePart(browser, server, progress);
    if (ONLY !== 'time')
      results.boundedWork = noLimits
        ? { missing: noLimits }
        : await workPart(browser, server, shapes, sourceMap, progress);
    results.machine.loadAverage.atEnd = loadavg().map((value) => round(value, 2));
    // A record of the version only when the machine was quiet and every part ran.
    const final = loadAtStart <= QUIET_LOAD && !ONLY && !process.env.BENCH_SHAPES && !noLimits;
    results.final = final;
    results.durationSeconds = round((performance.now() - started) / 1000, 1);
    results.table = report(results, { PAGES, quietLoad: QUIET_LOAD });

    mkdirSync(RESULTS, { recursive: true });
    const body = `${JSON.stringify(results, null, 2)}\n`;
    let written;
    if (final) {
      const named = `${packageJson.name}-${packageJson.version}-${results.date.slice(0, 10)}.json`;
      writeFileSync(join(RESULTS, 'latest.json'), body);
      writeFileSync(join(RESULTS, named), body);
      written = `scripts/bench/results/latest.json and scripts/bench/results/${named}`;
    } else {
      // Not a record of the version: kept out of latest.json (and out of git, see results/.gitignore).
      writeFileSync(join(RESULTS, 'not-final.json'), body);
      const why = ONLY
        ? `only the ${ONLY} part`
        : process.env.BENCH_SHAPES
          ? 'only some shapes'
          : noLimits
            ? 'no bounded-work figures'
            : 'the machine was busy';
      written = `scripts/bench/results/not-final.json (NOT FINAL: ${why})`;
    }
    process.stdout.write(`${results.table}\n`);
    process.stdout.write(`\nWritten: ${written} (${results.durationSeconds} s)\n`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    clearTimeout(watchdog);
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
