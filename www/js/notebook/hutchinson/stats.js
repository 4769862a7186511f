// Plain statistics of the Hutchinson figure, on the estimates the worker returns: the core draws
// one probe per estimate, so the mean of k probes is the mean of a block of k of them.

/** The probe counts the figure offers: 1, 2, 4, ..., 64. */
export const LADDER = Object.freeze([1, 2, 4, 8, 16, 32, 64]);
/** Single probes per repeat at the point: each k of the ladder has probes of its own (1 + 2 + ... + 64). */
export const LADDER_PROBES = LADDER.reduce((sum, k) => sum + k, 0);

/**
 * The single-probe estimates behind the `repeats` k-probe estimates of `k`, out of `estimates`
 * holding, for each k of the ladder in turn, repeats x k of them. Disjoint for different k, so
 * the gaps at different k are independent draws, not one draw seen again and again.
 */
export function ladderBlock(estimates, repeats, k) {
  let start = 0;
  for (const j of LADDER) {
    if (j === k) return estimates.subarray(start, start + repeats * k);
    start += repeats * j;
  }
  throw new Error(`k = ${k} is not one of ${LADDER.join(', ')}`);
}

/** The means of consecutive blocks of `k` values (a trailing partial block is left out). */
export function blockMeans(values, k) {
  const out = new Float64Array(Math.floor(values.length / k));
  for (let b = 0; b < out.length; b++) {
    let sum = 0;
    for (let i = b * k; i < (b + 1) * k; i++) sum += values[i];
    out[b] = sum / k;
  }
  return out;
}

/** { mean, variance (divisor n - 1), se = sqrt(variance / n) } of at least two values. */
export function meanVariance(values) {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v / n;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  const variance = sq / (n - 1);
  return { mean, variance, se: Math.sqrt(variance / n) };
}

/**
 * Per cell the mean of its first k single-probe estimates: `estimates` holds `per` estimates for
 * each of the cells, cell after cell.
 */
export function firstKMeans(estimates, per, k) {
  const cells = estimates.length / per;
  const out = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += estimates[c * per + i];
    out[c] = sum / k;
  }
  return out;
}

/** Mean over cells of (estimate - exact)²: the mean squared error of a k-probe grid. */
export function meanSquaredError(estimate, exact) {
  let sum = 0;
  for (let i = 0; i < exact.length; i++) sum += (estimate[i] - exact[i]) ** 2;
  return sum / exact.length;
}

/** The mean of an array-like of numbers. */
export function mean(values) {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Counts of `values` in `bins` equal bins over [lo, hi] (values outside are left out). */
export function histogram(values, lo, hi, bins) {
  const counts = new Array(bins).fill(0);
  for (const v of values) {
    const b = Math.floor(((v - lo) / (hi - lo)) * bins);
    if (b >= 0 && b < bins) counts[b]++;
    else if (v === hi) counts[bins - 1]++;
  }
  return counts;
}

/**
 * The probability that a standard normal lands at least |z| from 0, erfc(|z| / √2): how often an
 * unbiased estimate's |mean − exact| / s.e. is at least |z| by chance alone (Abramowitz & Stegun
 * 7.1.26, absolute error below 2e-7).
 */
export function twoSided(z) {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return poly * Math.exp(-x * x);
}
