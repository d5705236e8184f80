// Summaries of repeated runs: the bench reports medians, with the spread beside them.

export const round = (value, digits = 0) =>
  typeof value === 'number' && Number.isFinite(value) ? Number(value.toFixed(digits)) : undefined;

const numbers = (values) =>
  values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);

export function median(values) {
  const sorted = numbers(values);
  if (!sorted.length) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The 25th and 75th percentiles (linear interpolation): how noisy the runs were. */
export function quartiles(values) {
  const sorted = numbers(values);
  if (!sorted.length) return undefined;
  const at = (q) => {
    const i = (sorted.length - 1) * q;
    return sorted[Math.floor(i)] + (sorted[Math.ceil(i)] - sorted[Math.floor(i)]) * (i - Math.floor(i));
  };
  return [round(at(0.25), 1), round(at(0.75), 1)];
}

/** The median of `key` (a field name or a function of a run) over `runs`. */
export const medianOf = (runs, key, digits = 1) =>
  round(median(runs.map((run) => (typeof key === 'function' ? key(run) : run[key]))), digits);

export const maxOf = (runs, key) => {
  const values = numbers(runs.map((run) => (typeof key === 'function' ? key(run) : run[key])));
  return values.length ? values[values.length - 1] : undefined;
};
