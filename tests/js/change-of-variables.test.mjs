import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  capValues,
  clampNumber,
  formatNumber,
  histogram,
  interpolate,
  moments,
  plotCap,
  stepOutline,
} from '../../www/js/notebook/change-of-variables/stats.js';

test('the histogram is a density: bars times widths sum to the fraction inside the window', () => {
  const values = [0.1, 0.2, 0.6, 0.9, 1.5, NaN, -3]; // 6 finite, 4 inside [0, 1]
  const { edges, density } = histogram(values, 0, 1, 2);
  assert.deepEqual(Array.from(edges), [0, 0.5, 1]);
  // 2 values per bin of width 0.5 among 6: 2 / (6 · 0.5).
  assert.deepEqual(Array.from(density), [2 / 3, 2 / 3]);
  assert.ok(Math.abs((density[0] + density[1]) * 0.5 - 4 / 6) < 1e-15);
  // The right end belongs to the last bin.
  assert.deepEqual(Array.from(histogram([1], 0, 1, 4).density), [0, 0, 0, 4]);
  assert.throws(() => histogram([1], 1, 1, 4), /lo < hi/);
});

test('uniform samples give a flat histogram near 1', () => {
  const n = 100_000;
  const values = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
  const { density } = histogram(values, 0, 1, 10);
  for (const d of density) assert.ok(Math.abs(d - 1) < 1e-9, String(d));
});

test('the step outline runs up, across and down each bar', () => {
  const { x, y } = stepOutline({ edges: [0, 1, 2], density: [3, 5] });
  assert.deepEqual(x, [0, 0, 1, 1, 2, 2]);
  assert.deepEqual(y, [0, 3, 3, 5, 5, 0]);
});

test('moments are the mean and population variance, stable for large offsets', () => {
  assert.deepEqual(moments([1, 2, 3, 4]), { mean: 2.5, variance: 1.25 });
  const shifted = moments([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, NaN]);
  assert.equal(shifted.mean, 1e9 + 2.5);
  assert.ok(Math.abs(shifted.variance - 1.25) < 1e-6, String(shifted.variance));
  assert.ok(Number.isNaN(moments([]).mean));
});

test('a spike at the end does not set the plot cap; capping keeps the rest', () => {
  const values = Array.from({ length: 100 }, (_, i) => (i === 0 ? 1e6 : 1));
  assert.equal(plotCap(values), 1.2);
  assert.deepEqual(capValues([0.5, 3, NaN], 1.2), [0.5, 1.2, NaN]);
  assert.equal(plotCap([0, 0, 0]), 1);
});

test('settings are clamped, and text that is no number falls back', () => {
  assert.equal(clampNumber('20', 0.5, 10, 2), 10);
  assert.equal(clampNumber('0.1', 0.5, 10, 2), 0.5);
  assert.equal(clampNumber('3.5', 0.5, 10, 2), 3.5);
  for (const bad of ['abc', '', null, undefined, 'NaN', Infinity]) assert.equal(clampNumber(bad, 0.5, 10, 2), 2);
});

test('interpolation is linear between nodes and clamped outside', () => {
  const xs = [0, 1, 3];
  const ys = [0, 10, 30];
  assert.equal(interpolate(xs, ys, 0.25), 2.5);
  assert.equal(interpolate(xs, ys, 2), 20);
  assert.equal(interpolate(xs, ys, -1), 0);
  assert.equal(interpolate(xs, ys, 9), 30);
});

test('numbers are short: exponents for tiny values, a dash for none', () => {
  assert.equal(formatNumber(2.5e-16), '2.5e-16');
  assert.equal(formatNumber(2.01234567), '2.012');
  assert.equal(formatNumber(0), '0');
  assert.equal(formatNumber(NaN), '—');
  assert.equal(formatNumber(123456), '1.2e5');
});
