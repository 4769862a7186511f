import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareSamples,
  coordinate,
  histogram,
  histogramOutline,
  moments,
} from '../../www/js/notebook/diffusion/stats.js';

/** Seeded standard normal samples (a linear congruential generator and Box-Muller). */
function normals(n, seed) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  return Float64Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
}

test('a coordinate of one frame', () => {
  // Two frames of two points: rows [x0, y0, x1, y1].
  const rows = [1, 2, 3, 4, 5, 6, 7, 8];
  assert.deepEqual([...coordinate(rows, 2, 1, 0)], [5, 7]);
  assert.deepEqual([...coordinate(rows, 2, 0, 1)], [2, 4]);
});

test('moments of a small sample', () => {
  const m = moments([1, 2, 3, 4]);
  assert.equal(m.mean, 2.5);
  assert.ok(Math.abs(m.variance - 5 / 3) < 1e-15);
  // Deviations ±1.5, ±0.5: mean of the fourth powers (2 * 5.0625 + 2 * 0.0625) / 4.
  assert.ok(Math.abs(m.m4 - 2.5625) < 1e-15);
  assert.throws(() => moments([1]), /two/);
});

test('standard errors of the differences', () => {
  const c = compareSamples([0, 2], [1, 5]);
  // Means 1 and 3, variances 2 and 8: SE = sqrt(2/2 + 8/2).
  assert.equal(c.mean.diff, 2);
  assert.ok(Math.abs(c.mean.se - Math.sqrt(5)) < 1e-15);
  assert.ok(Math.abs(c.mean.z - 2 / Math.sqrt(5)) < 1e-15);
  assert.equal(c.variance.diff, 6);
  // Two points each: m4 = 1 and 16 are below s^4 = 4 and 64, so both (m4 - s^4) / n are negative,
  // clamped to 0: the variance SE is 0 and z is NaN.
  assert.equal(c.variance.se, 0);
  assert.ok(Number.isNaN(c.variance.z));
});

test('samples of one law agree; a shift or a scale shows', () => {
  const [a, b] = [normals(4000, 1), normals(4000, 2)];
  const same = compareSamples(a, b);
  assert.ok(Math.abs(same.mean.z) < 4 && Math.abs(same.variance.z) < 4, JSON.stringify(same));
  // SE of a variance of N(0, 1): sqrt(2/n) each, so sqrt(4/n) for the difference.
  assert.ok(Math.abs(same.variance.se - Math.sqrt(4 / 4000)) < 0.005, String(same.variance.se));
  const shifted = compareSamples(a, b.map((v) => v + 0.3));
  assert.ok(shifted.mean.z > 8, String(shifted.mean.z));
  const wider = compareSamples(a, b.map((v) => 1.2 * v));
  assert.ok(wider.variance.z > 8, String(wider.variance.z));
});

test('a histogram is a density', () => {
  const h = histogram([0.1, 0.2, 1.5, 7], 0, 2, 2);
  assert.deepEqual([...h.edges], [0, 1, 2]);
  // Two of four values in [0, 1), one in [1, 2), one outside: 2/4 and 1/4 per unit width.
  assert.deepEqual([...h.density], [0.5, 0.25]);
  const all = histogram(normals(1000, 3), -10, 10, 40);
  const area = all.density.reduce((s, d) => s + d * 0.5, 0);
  assert.ok(Math.abs(area - 1) < 1e-12);
  assert.throws(() => histogram([1], 1, 1, 3), /lo < hi/);
  assert.throws(() => histogram([1], 0, 1, 0.5), /whole number/);
  assert.deepEqual(histogramOutline(h), { x: [0, 0, 1, 1, 2, 2], y: [0, 0.5, 0.5, 0.25, 0.25, 0] });
});
