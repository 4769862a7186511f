// Pure helpers of the change-of-variables figure: histograms as density estimates, sample
// moments, the capping of curves that blow up (Gamma with k < 1 at y = 0), and clamped settings.

/**
 * A histogram of `values` over [lo, hi] in `bins` equal bins, scaled as a density: count /
 * (n · width) with n ALL the finite values (those outside the window count in n, so that the bars
 * estimate p itself, not p restricted to the window). Returns { edges (bins + 1), density (bins) }.
 */
export function histogram(values, lo, hi, bins) {
  if (!(hi > lo) || !(bins >= 1)) throw new Error(`histogram needs lo < hi and bins >= 1, got ${lo}, ${hi}, ${bins}`);
  const width = (hi - lo) / bins;
  const density = new Float64Array(bins);
  let n = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    n++;
    if (v < lo || v > hi) continue;
    density[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  }
  if (n > 0) for (let i = 0; i < bins; i++) density[i] /= n * width;
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  return { edges, density };
}

/** The outline of histogram bars as one line: { x, y } from (e0, 0) up, across and down to (en, 0). */
export function stepOutline({ edges, density }) {
  const x = [edges[0]];
  const y = [0];
  density.forEach((d, i) => {
    x.push(edges[i], edges[i + 1]);
    y.push(d, d);
  });
  x.push(edges[edges.length - 1]);
  y.push(0);
  return { x, y };
}

/** Mean and (population) variance of the finite values; NaN for none. */
export function moments(values) {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    n++;
    const d = v - mean;
    mean += d / n;
    m2 += d * (v - mean); // Welford: no cancellation for large means
  }
  return n ? { mean, variance: m2 / n } : { mean: NaN, variance: NaN };
}

/**
 * A top for a density plot that a spike at one end must not set: `factor` times the largest value
 * over the points whose index lies in the middle [skip, n - skip) (skip = a `fraction` of n).
 */
export function plotCap(values, { fraction = 0.03, factor = 1.2 } = {}) {
  const skip = Math.floor(values.length * fraction);
  let top = 0;
  for (let i = skip; i < values.length - skip; i++) if (values[i] > top) top = values[i];
  return top > 0 ? top * factor : 1;
}

/** Each value replaced by min(value, cap) (non-finite values kept). */
export function capValues(values, cap) {
  return Array.from(values, (v) => (v > cap ? cap : v));
}

/** `value` (string or number) as a number clamped to [min, max]; `fallback` when it is not a number. */
export function clampNumber(value, min, max, fallback) {
  const blank = value == null || (typeof value === 'string' && value.trim() === '');
  const v = blank ? NaN : Number(value);
  if (!Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, v));
}

/** A short number: exponent form for tiny or huge values, else `digits` significant digits. */
export function formatNumber(v, digits = 4) {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(1).replace('e+', 'e');
  return Number(v.toPrecision(digits)).toString();
}

/** The piecewise-linear interpolant of (xs, ys) at x (xs ascending; clamped at the ends). */
export function interpolate(xs, ys, x) {
  const n = xs.length;
  if (x <= xs[0]) return ys[0];
  if (x >= xs[n - 1]) return ys[n - 1];
  let [lo, hi] = [0, n - 1];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  const f = (x - xs[lo]) / (xs[hi] - xs[lo]);
  return ys[lo] + f * (ys[hi] - ys[lo]);
}
