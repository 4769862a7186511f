// Two samples of one coordinate compared: means and variances with their standard errors, and
// normalised histograms. Pure functions for the diffusion figure (SDE samples against ODE samples).

/** Coordinate `axis` (0 = x, 1 = y) of the points of row `frame` of `rows` (rows of 2n values). */
export function coordinate(rows, n, frame, axis) {
  const out = new Float64Array(n);
  const start = frame * 2 * n + axis;
  for (let i = 0; i < n; i++) out[i] = rows[start + 2 * i];
  return out;
}

/** Mean, unbiased variance and fourth central moment of `values` (at least two). */
export function moments(values) {
  const n = values.length;
  if (n < 2) throw new Error(`need at least two values, got ${n}`);
  let mean = 0;
  for (const v of values) mean += v / n;
  let [m2, m4] = [0, 0];
  for (const v of values) {
    const d2 = (v - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { n, mean, variance: m2 / (n - 1), m4: m4 / n };
}

/**
 * Differences b - a of the means and variances of two samples, each with its standard error for
 * independent samples (SE of a mean: sqrt(s^2 / n); of a variance: sqrt((m4 - s^4) / n)) and the
 * difference in standard errors, z. Returns { mean: { diff, se, z }, variance: { diff, se, z } }.
 */
export function compareSamples(a, b) {
  const [p, q] = [moments(a), moments(b)];
  const term = (diff, se) => ({ diff, se, z: se > 0 ? diff / se : NaN });
  const varSe = (m) => Math.max(0, m.m4 - m.variance ** 2) / m.n;
  return {
    mean: term(q.mean - p.mean, Math.sqrt(p.variance / p.n + q.variance / q.n)),
    variance: term(q.variance - p.variance, Math.sqrt(varSe(p) + varSe(q))),
  };
}

/**
 * A histogram of `values` over [lo, hi) with `bins` bins, normalised as a density (the bars'
 * area is the fraction of values inside). Returns { edges (bins + 1), density (bins) }.
 */
export function histogram(values, lo, hi, bins) {
  if (!(hi > lo) || !(Number.isInteger(bins) && bins >= 1)) {
    throw new Error(`a histogram needs lo < hi and a whole number of bins, got [${lo}, ${hi}), ${bins}`);
  }
  const width = (hi - lo) / bins;
  const density = new Float64Array(bins);
  for (const v of values) {
    const k = Math.floor((v - lo) / width);
    if (k >= 0 && k < bins) density[k] += 1;
  }
  for (let k = 0; k < bins; k++) density[k] /= values.length * width;
  const edges = Float64Array.from({ length: bins + 1 }, (_, k) => lo + k * width);
  return { edges, density };
}

/** The outline of a histogram as a line: x and y arrays going up and across each bar. */
export function histogramOutline({ edges, density }) {
  const x = [edges[0]];
  const y = [0];
  density.forEach((d, k) => {
    x.push(edges[k], edges[k + 1]);
    y.push(d, d);
  });
  x.push(edges[edges.length - 1]);
  y.push(0);
  return { x, y };
}
