// What the page's longest task spends its time on, from a Chromium trace: the browser's
// own work by kind (style, layout, paint, garbage collection, HTML parsing) from the
// trace events, and the JavaScript by the source file it was written in, from the V8
// sampling profiler's stacks mapped back through the block's source map (so the minified
// `dist/open-letter.js` reads as src/checked-copy.ts, lit-html, …).
import { decodeMappings, shortName } from './source-map.mjs';

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/** Trace event names by the kind of work they are; anything else inside a task counts as "other". */
const KINDS = [
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/],
  ['layout', /^(Layout|UpdateLayout)$/],
  [
    'paint and compositing',
    /^(PrePaint|Paint|Layerize|UpdateLayer|UpdateLayerTree|Commit|CompositeLayers|RasterTask|PaintImage)$/,
  ],
  ['garbage collection', /^(MinorGC|MajorGC|V8\.GC|BlinkGC|ThreadState::)/],
  ['HTML parsing', /^ParseHTML$/],
  [
    'JavaScript',
    /^(FunctionCall|EvaluateScript|TimerFire|EventDispatch|RunMicrotasks|FireAnimationFrame|v8\.|V8\.|BlinkScheduler_PerformMicrotaskCheckpoint|v8\.compile)/,
  ],
];

const kindOf = (name) => KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';

/** How far before a function's parameter list its name may be (`async function name(`, `name = (`). */
const NAME_REACH = 64;

/**
 * Finds where a function of the minified script was written: `{ file, name }` for a
 * profiler frame, whose 0-based line and column point at the function's parameter list.
 * The original name is the last named token before that, as the source map records it.
 */
function sourceLocator(sourceMap) {
  const lines = decodeMappings(sourceMap.mappings);
  return ({ lineNumber, columnNumber, functionName }) => {
    let found;
    let named;
    for (const segment of lines[lineNumber] ?? []) {
      if (segment.column > columnNumber) break;
      if (segment.source === undefined) continue;
      found = segment;
      if (segment.name !== undefined && segment.column >= columnNumber - NAME_REACH) named = segment;
    }
    if (!found) return { file: 'open-letter.js (no mapping)', name: functionName };
    const name = named && named.source === found.source ? sourceMap.names[named.name] : functionName || '(anonymous)';
    return { file: shortName(sourceMap.sources[found.source]), name };
  };
}

const ms = (microseconds) => Math.round(microseconds / 100) / 10;

/** `map[key] += value`, for tallies. */
const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);
const largestFirst = (map, count) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, microseconds]) => ({ name, ms: ms(microseconds) }));

/**
 * The longest task on the page's main thread and where its time went: `{ ms, kinds,
 * javaScript }`, each a list of `{ name, ms }`, largest first. `scriptUrl` is the address
 * the block's script was served from; `sourceMap` its parsed source map.
 */
export function longestTaskBreakdown(traceEvents, { scriptUrl, sourceMap }) {
  // The page's renderer: the process that ran the block's script.
  const pid =
    traceEvents.find((event) => event.name === 'FunctionCall' && event.args?.data?.url === scriptUrl)?.pid ??
    traceEvents.find((event) => event.name === 'ParseHTML' && event.args?.beginData?.url?.startsWith('http'))?.pid;
  const mainThread = traceEvents.find(
    (event) =>
      event.ph === 'M' && event.name === 'thread_name' && event.pid === pid && event.args.name === 'CrRendererMain',
  )?.tid;
  const onMain = traceEvents.filter((event) => event.pid === pid && event.tid === mainThread && event.ph === 'X');
  // Only what the bench measures: tasks that ended before the harness began collecting its results.
  const collecting = traceEvents.find((event) => event.pid === pid && event.name === 'bench:collect')?.ts ?? Infinity;
  const task = onMain
    .filter((event) => event.name === 'RunTask' && event.ts + event.dur <= collecting)
    .sort((a, b) => b.dur - a.dur)[0];
  if (!task) return { error: 'no task found in the trace' };
  const end = task.ts + task.dur;

  // Self time of every event inside the task, by kind (nested events are subtracted from their parent).
  const inside = onMain
    .filter((event) => event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const kinds = new Map();
  const stack = [{ name: 'RunTask', ts: task.ts, end, self: task.dur }];
  const close = (until) => {
    while (stack.length > 1 && stack.at(-1).end <= until) {
      const done = stack.pop();
      add(kinds, kindOf(done.name), done.self);
    }
  };
  for (const event of inside) {
    close(event.ts);
    const dur = event.dur ?? 0;
    stack.at(-1).self -= dur;
    stack.push({ name: event.name, ts: event.ts, end: event.ts + dur, self: dur });
  }
  close(Infinity);
  add(kinds, 'other', stack[0].self);

  // JavaScript by source file: the sampling profiler's samples inside the task, each counted
  // for the innermost frame of the block's script (native DOM calls it made count as such).
  const locate = sourceLocator(sourceMap);
  const nodes = new Map();
  const javaScript = new Map();
  /** Per source file, its functions' time. */
  const functions = new Map();
  let sampled = 0;
  for (const chunk of traceEvents.filter((event) => event.pid === pid && event.name === 'ProfileChunk')) {
    for (const node of chunk.args.data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
  }
  const profile = traceEvents.find((event) => event.pid === pid && event.name === 'Profile');
  let time = profile?.args.data.startTime ?? 0;
  for (const chunk of traceEvents.filter((event) => event.pid === pid && event.name === 'ProfileChunk')) {
    const { samples = [] } = chunk.args.data.cpuProfile ?? {};
    const deltas = chunk.args.data.timeDeltas ?? [];
    samples.forEach((id, i) => {
      time += deltas[i] ?? 0;
      if (time < task.ts || time > end) return;
      const leaf = nodes.get(id);
      if (!leaf) return;
      const interval = deltas[i + 1] ?? deltas[i] ?? 0;
      sampled += interval;
      let frame = leaf;
      while (frame && frame.callFrame.url !== scriptUrl) frame = nodes.get(frame.parent);
      const leafName = leaf.callFrame.functionName;
      if (!frame) {
        add(
          javaScript,
          leafName.startsWith('(') ? leafName : `outside the block: ${leafName || '(anonymous)'}`,
          interval,
        );
        return;
      }
      const { file, name } = locate(frame.callFrame);
      // A built-in the block's code called (JSON.parse, a RegExp, insertBefore) is named beside its caller.
      const called = leaf !== frame && !leaf.callFrame.url && leafName ? ` → ${leafName}` : '';
      add(javaScript, file, interval);
      if (!functions.has(file)) functions.set(file, new Map());
      add(functions.get(file), `${name}${called}`, interval);
    });
  }
  return {
    ms: ms(task.dur),
    // Less than `ms` when the thread waited for a core: a busy machine, not the block's work.
    cpuMs: task.tdur === undefined ? undefined : ms(task.tdur),
    kinds: largestFirst(kinds, 8),
    javaScript: largestFirst(javaScript, 8).map((entry) => ({
      ...entry,
      ...(functions.has(entry.name) ? { functions: largestFirst(functions.get(entry.name), 3) } : {}),
    })),
    sampledMs: ms(sampled),
  };
}
