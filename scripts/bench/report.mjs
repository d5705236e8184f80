// The bench's printed report: markdown, so the README's "Performance" section can show
// the tables as they are. Every verdict is computed here from the results; nothing is
// asserted.

const ms = (value) => (value === undefined ? '—' : `${Math.round(value).toLocaleString('en')} ms`);
const bytes = (value) => `${value.toLocaleString('en')} B`;
const ratio = (value) => (value === undefined ? '—' : `${value.toFixed(2)}×`);
const verdict = (ok) => (ok ? '**met**' : '**missed**');
const plural = (count, one, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

export function report(results, { PAGES, quietLoad }) {
  const { bytes: b, timeToTitle: t, boundedWork: work, machine: m, config } = results;
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  const budgets = [];

  if (!results.final) {
    lines.push(
      `**NOT FINAL** — ${
        m.loadAverage.atStart[0] > quietLoad
          ? `the machine was busy (1-minute load average ${m.loadAverage.atStart[0]} at the start, above ${quietLoad}): every timing is slower and noisier than on a quiet machine.`
          : 'a part of the bench did not run.'
      }`,
      '',
    );
  }
  lines.push(
    `Measured ${results.date.slice(0, 10)} with ${results.name} ${results.version} on ${m.nproc} × ${m.cpu} (${m.memoryGiB} GiB), ` +
      `load average ${m.loadAverage.atStart.join(', ')} (1, 5, 15 min) at the start; Chromium ${m.chromium} headless via playwright-core ${m.playwrightCore}, Node ${m.node}. ` +
      `Pages served from 127.0.0.1, uncompressed; a fresh browser context (empty cache) per run; viewport ${config.viewport.width}×${config.viewport.height}; ` +
      `medians of ${config.runs} runs, the pages loaded in turn.`,
    '',
    '**Bytes**: what a Dutch page loads for one block',
    '',
  );
  row('file', 'raw', 'gzip -9', 'brotli');
  row('---', '---:', '---:', '---:');
  row('`dist/open-letter.js` (both languages)', bytes(b.script.raw), bytes(b.script.gzip), bytes(b.script.brotli));
  row('`dist/open-letter.css`', bytes(b.stylesheet.raw), bytes(b.stylesheet.gzip), bytes(b.stylesheet.brotli));
  row('**together**', bytes(b.total.raw), `**${bytes(b.total.gzip)}**`, bytes(b.total.brotli));
  row(
    'the demo campaign JSON (not in the budget)',
    bytes(b.campaign.raw),
    bytes(b.campaign.gzip),
    bytes(b.campaign.brotli),
  );
  const scriptCharacters = b.scriptBySource.reduce((sum, entry) => sum + entry.characters, 0);
  lines.push(
    '',
    'What the script is made of (share of its minified characters, from its source map): ' +
      b.scriptBySource
        .filter((entry) => entry.characters / scriptCharacters >= 0.01)
        .map((entry) => `${entry.file} ${Math.round((100 * entry.characters) / scriptCharacters)} %`)
        .join(', ') +
      '.',
  );
  budgets.push([
    `script + stylesheet ≤ ${bytes(b.budgetGzip)} gzip -9 (\`DOWNLOAD_BUDGET_GZIP\`)`,
    `${bytes(b.total.gzip)} (${b.withinBudget ? `${bytes(b.budgetGzip - b.total.gzip)} to spare` : `${bytes(b.total.gzip - b.budgetGzip)} over`})`,
    verdict(b.withinBudget),
  ]);

  if (t) timeTables(t, { row, lines, budgets, PAGES, runs: config.runs });
  if (work) workTables(work, { row, lines, budgets, budgetMs: config.taskBudgetMs, maxBytes: config.maxBytes });

  lines.push('', '**Budgets**', '');
  row('budget', 'measured', '');
  row('---', '---', '---');
  for (const budget of budgets) row(...budget);
  return lines.join('\n');
}

function timeTables(t, { row, lines, budgets, PAGES, runs }) {
  const latencies = Object.keys(t).map(Number);
  const at = (latency, name) => t[latency][name];
  lines.push(
    '',
    '**Time until the title is on screen**: navigation start → the paint of the letter’s title (Element Timing: the ' +
      'pre-rendered title, or the block’s own when it paints first). Latency: added by the server to every request, the page’s own included.',
    '',
  );
  row('page', ...latencies.flatMap((latency) => [`${latency} ms/request`, '÷ static']), 'budget', 'requests');
  row('---', ...latencies.flatMap(() => ['---:', '---:']), '---:', '---:');
  for (const name of Object.keys(PAGES)) {
    row(
      PAGES[name].label,
      ...latencies.flatMap((latency) => [
        ms(at(latency, name).medianTitleOnScreen),
        ratio(at(latency, name).ratioToStatic),
      ]),
      PAGES[name].budget ? `≤ ${PAGES[name].budget}×` : '',
      at(latencies[0], name).requests.length,
    );
  }

  const spread = latencies
    .map(
      (latency) =>
        `at ${latency} ms ${Object.keys(PAGES)
          .map((name) => `${name} ${at(latency, name).interquartileTitleOnScreen.map(Math.round).join('–')}`)
          .join(', ')} ms`,
    )
    .join('; ');
  lines.push('', `Run-to-run spread (25th–75th percentile): ${spread}.`);

  // (a): the title comes from the pre-rendered markup; the take-over must not move it.
  const pre = latencies.map((latency) => at(latency, 'prerendered'));
  const stat = latencies.map((latency) => at(latency, 'static'));
  const painted = pre
    .map((page, i) => `${page.runsWithPrerenderedTitlePainted}/${runs} at ${latencies[i]} ms`)
    .join(', ');
  const maxCls = Math.max(...pre.map((page) => page.maxCls));
  // The same letter, static and taken over: any difference in height moved what is below the block.
  const heights = (pages) => [...new Set(pages.flatMap((page) => page.finalHeights))];
  const preHeights = heights(pre);
  const staticHeights = heights(stat);
  const heightDifference = Math.max(...preHeights.flatMap((a) => staticHeights.map((b) => Math.abs(a - b))));
  lines.push(
    `(a) The pre-rendered title was painted before the block took over in ${painted}; its paint, median ` +
      latencies
        .map(
          (latency, i) =>
            `${ms(pre[i].medianPrerenderedTitle)} vs static ${ms(stat[i].medianTitleOnScreen)} at ${latency} ms`,
        )
        .join(', ') +
      `. The block’s own title followed at ${latencies.map((latency, i) => `${ms(pre[i].medianLiveTitle)} (${latency} ms)`).join(', ')}. ` +
      `Whole load: CLS ${maxCls} at most (static: ${Math.max(...stat.map((page) => page.maxCls))}). ` +
      `The block after the take-over is ${preHeights.join(' or ')} px tall, static ${staticHeights.join(' or ')} px: ` +
      (heightDifference < 1 ? 'nothing below it moves.' : `what is below it moves ${heightDifference.toFixed(1)} px.`),
  );
  // (c): is the preload reused? Counted at the server.
  const preload = latencies.map((latency) => at(latency, 'preload'));
  const jsonCounts = [...new Set(preload.flatMap((page) => page.jsonRequests))];
  const reused = jsonCounts.length === 1 && jsonCounts[0] === 1;
  const chromiumSays = [...new Set(preload.flatMap((page) => page.console))].filter((line) => /preload/i.test(line));
  lines.push(
    `(c) Requests for the campaign JSON per page, counted at the server: ${jsonCounts.join(' or ')} — ` +
      (reused ? 'the block reused the preload.' : 'the preload is NOT reused: the campaign is downloaded twice.') +
      (chromiumSays.length
        ? ` Chromium’s console: “${chromiumSays[0].replace(/^\w+: /, '').replace(/http:\/\/127\.0\.0\.1:\d+/g, '')}”`
        : ''),
  );
  const W = latencies.at(-1);
  const bd = at(W, 'link').medianBreakdown;
  const bp = at(W, 'preload').medianBreakdown;
  lines.push(
    `Where (b)’s time goes at ${W} ms/request (medians): page received ${ms(bd.documentResponseEnd)}, stylesheet ${ms(bd.stylesheetResponseEnd)}, ` +
      `script ${ms(bd.scriptResponseEnd)}, element defined ${ms(bd.defined)}, JSON requested ${ms(bd.jsonStart)} and received ${ms(bd.jsonResponseEnd)}, ` +
      `title painted ${ms(bd.liveTitle)}, \`open-letter-load\` ${ms(bd.loadEvent)}. With the preload (c): JSON requested ${ms(bp.jsonStart)} and received ${ms(bp.jsonResponseEnd)}, title painted ${ms(bp.liveTitle)}.`,
  );

  for (const name of Object.keys(PAGES).filter((key) => PAGES[key].budget)) {
    const worst = Math.max(...latencies.map((latency) => at(latency, name).ratioToStatic));
    const extra =
      name === 'prerendered'
        ? `, CLS ${maxCls}, height ${heightDifference < 1 ? 'as static' : `${heightDifference.toFixed(1)} px off static`}`
        : '';
    const ok = worst <= PAGES[name].budget && (name !== 'prerendered' || maxCls === 0);
    budgets.push([
      `${PAGES[name].label}: title ≤ ${PAGES[name].budget}× static${name === 'prerendered' ? ', CLS 0' : ''}`,
      latencies.map((latency) => `${ratio(at(latency, name).ratioToStatic)} at ${latency} ms`).join(', ') + extra,
      verdict(ok),
    ]);
  }
}

function workTables(work, { row, lines, budgets, budgetMs, maxBytes }) {
  lines.push(
    '',
    `**Bounded work**: the largest campaigns the format accepts within the block’s size limit (${bytes(maxBytes)}), one per shape (0 ms/request, link fallback).`,
  );
  if (work.missing) {
    lines.push('', `Not measured: ${work.missing}.`);
    budgets.push([
      `no task over ${budgetMs} ms for any campaign the format accepts`,
      'not measured',
      '**not measured**',
    ]);
    return;
  }
  lines.push(
    `Longest task: the Long Tasks API; longest frame: Long Animation Frames (script plus style, layout and paint); ` +
      'longest gap: the longest the page could not run a timer (what a reader’s input would wait). ' +
      `Medians of the runs (the worst run in brackets); “whole letter” is \`open-letter-load\` (fired once the last part is in) plus two frames.`,
    '',
  );
  row(
    'shape',
    'JSON',
    'longest task',
    'long tasks',
    'longest frame',
    'longest gap',
    'whole letter',
    `≤ ${budgetMs} ms`,
  );
  row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---');
  const shapes = Object.values(work);
  for (const shape of shapes) {
    const texts =
      `${shape.count.toLocaleString('en')} ${shape.label}${shape.count < shape.maxCount ? ` (of ${shape.maxCount.toLocaleString('en')} allowed)` : ''}, ` +
      `${shape.length.toLocaleString('en')} characters each${shape.englishLength ? ` + ${shape.englishLength.toLocaleString('en')} in English` : ''}`;
    const cells = (phase) => [
      `${ms(phase.medianLongestTask)} (${ms(phase.maxLongestTask)})`,
      `${phase.medianLongTasks} (${phase.maxLongTasks})`,
      ms(phase.medianLongestAnimationFrame),
      ms(phase.medianLongestGap),
    ];
    row(
      texts,
      `${(shape.bytes / 1024).toFixed(0)} KiB`,
      ...cells(shape.load),
      ms(shape.medianLetterOnScreen),
      verdict(shape.load.medianLongestTask <= budgetMs),
    );
    if (shape.fullList) {
      row(
        `↳ then opening the full list (click → all ${shape.count.toLocaleString('en')} shown)`,
        '',
        ...cells(shape.fullList),
        ms(shape.fullList.medianMs),
        verdict(shape.fullList.medianLongestTask <= budgetMs),
      );
    }
  }
  const traced = shapes.filter((shape) => shape.longestTaskBreakdown && !shape.longestTaskBreakdown.error);
  if (traced.length) {
    lines.push(
      '',
      `Where the longest task goes, for each shape over ${budgetMs} ms${process.env.BENCH_TRACE ? ' (BENCH_TRACE: every shape)' : ''} (one more run, traced: tracing slows it down; the shares are what counts):`,
      '',
    );
    const list = (items) =>
      items
        .filter((item) => item.ms >= 1)
        .map((item) => `${item.name} ${ms(item.ms)}${item.functions ? ` (${list(item.functions)})` : ''}`)
        .join(', ');
    for (const shape of traced) {
      const { ms: total, cpuMs, kinds, javaScript } = shape.longestTaskBreakdown;
      const waited =
        cpuMs !== undefined && cpuMs < total * 0.9
          ? `, ${ms(cpuMs)} of it on the CPU (the rest the thread waited for a core)`
          : '';
      lines.push(
        `- **${shape.name}**, a ${ms(total)} task${waited}: ${list(kinds)}. JavaScript by source file (function): ${list(javaScript)}.`,
      );
    }
  }
  const missed = shapes.filter((shape) => !shape.withinBudget);
  budgets.push([
    `no task over ${budgetMs} ms for any campaign the format accepts within ${bytes(maxBytes)}`,
    `longest (median): ${shapes
      .map(
        (shape) =>
          `${shape.name} ${ms(Math.max(shape.load.medianLongestTask, shape.fullList?.medianLongestTask ?? 0))}`,
      )
      .join(', ')}`,
    verdict(!missed.length) + (missed.length ? ` (${plural(missed.length, 'shape')} over)` : ''),
  ]);
}
