// Pure helpers of <flow-coupling>: the density grid, layer rows, colour sectors, curves, strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NO_CURVES,
  appendCurves,
  coverBox,
  densityOf,
  formatNats,
  gridPoints,
  sectorColours,
  sectorsOf,
  splitBySector,
  stageRow,
} from '../../www/js/notebook/coupling/data.js';
import { STRINGS, TARGETS, fill } from '../../www/js/notebook/coupling/strings.js';

test('gridPoints spans the box row by row from ymin, like linspace', () => {
  const g = gridPoints({ xmin: -1, xmax: 3, ymin: 0, ymax: 2 }, 3);
  assert.deepEqual(Array.from(g), [-1, 0, 1, 0, 3, 0, -1, 1, 1, 1, 3, 1, -1, 2, 1, 2, 3, 2]);
  assert.throws(() => gridPoints({ xmin: 0, xmax: 1, ymin: 0, ymax: 1 }, 1), /at least 2/);
});

test('densityOf exponentiates and leaves no density where the log-density is not finite', () => {
  const d = densityOf(new Float64Array([0, Math.log(0.25), -Infinity, NaN]));
  assert.equal(d[0], 1);
  assert.ok(Math.abs(d[1] - 0.25) < 1e-15);
  assert.ok(Number.isNaN(d[2]) && Number.isNaN(d[3]));
});

test('stageRow picks row k of the stacked positions, clamped to the rows there are', () => {
  // 3 rows (data, after layer 1, after layer 2) of 2 points.
  const positions = Float64Array.from({ length: 12 }, (_, i) => i);
  assert.deepEqual(Array.from(stageRow(positions, 0, 2)), [0, 1, 2, 3]);
  assert.deepEqual(Array.from(stageRow(positions, 2, 2)), [8, 9, 10, 11]);
  assert.deepEqual(Array.from(stageRow(positions, 7, 2)), [8, 9, 10, 11]);
  assert.deepEqual(Array.from(stageRow(positions, -1, 2)), [0, 1, 2, 3]);
});

test('sectors follow the angle of the data points, and splitting keeps every point once', () => {
  // Angles just under π (left), -π/2 (down), 0 (right), π/2 (up); the sector is of angle + π,
  // in quarters of [0, 2π): 3.99.. -> 3, π/2 -> 1, π -> 2, 3π/2 -> 3.
  const xs = new Float64Array([-1, 1e-9, 0, -1, 1, 0, 0, 1]);
  const sector = sectorsOf(xs, 4);
  assert.deepEqual(Array.from(sector), [3, 1, 2, 3]);
  const moved = xs.map((v) => 10 * v);
  const parts = splitBySector(moved, sector, 4);
  assert.equal(parts[0].length, 0);
  assert.deepEqual(Array.from(parts[1]), [0, -10]);
  assert.deepEqual(Array.from(parts[2]), [10, 0]);
  assert.deepEqual(Array.from(parts[3]), [-10, 1e-8, 0, 10]);
  const colours = sectorColours(4);
  assert.equal(new Set(colours).size, 4);
  assert.notDeepEqual(sectorColours(4, true), colours);
});

test('appendCurves adds the log-likelihood as the sum of its two terms', () => {
  const c = appendCurves(NO_CURVES, { steps: [25, 50], base: [-4, -3], logdet: [-1, 0.5] });
  assert.deepEqual(c, { steps: [25, 50], base: [-4, -3], logdet: [-1, 0.5], loglik: [-5, -2.5] });
  const d = appendCurves(c, { steps: [75], base: [-2.9], logdet: [0.25] });
  assert.deepEqual(d.steps, [25, 50, 75]);
  assert.ok(Math.abs(d.loglik[2] + 2.65) < 1e-12);
  assert.deepEqual(NO_CURVES.steps, []);
});

test('numbers and strings: nats with a true minus, both languages complete, placeholders filled', () => {
  assert.equal(formatNats(-2.8319), '−2.832');
  assert.equal(formatNats(null), '—');
  assert.equal(formatNats(NaN), '—');
  const keys = (o) => Object.keys(o).sort();
  assert.deepEqual(keys(STRINGS['zh-Hant']), keys(STRINGS.en));
  for (const lang of Object.keys(STRINGS)) {
    assert.deepEqual(keys(STRINGS[lang].targets), [...TARGETS].sort());
  }
  assert.equal(fill('after layers 1–{k} of {L}', { k: 3, L: 8 }), 'after layers 1–3 of 8');
  assert.equal(fill('{missing}', {}), '{missing}');
});

test('coverBox keeps the box when the points fit and grows it evenly when they do not', () => {
  const box = { xmin: -4, xmax: 4, ymin: -2, ymax: 2 };
  assert.deepEqual(coverBox(box, new Float64Array([1, 1, -3, -1.5])), box);
  // 100 points with |y| up to 3.0 (q = 0.99 picks the largest): grow by 1.05 * 3 / 2 in both axes.
  const xs = Float64Array.from({ length: 200 }, (_, i) => (i % 2 ? (3 * (i - 1)) / 198 : 0));
  const grown = coverBox(box, xs);
  assert.ok(Math.abs(grown.ymax - 3.15) < 1e-12 && Math.abs(grown.xmax - 4 * 1.575) < 1e-12, JSON.stringify(grown));
  assert.equal(coverBox(box, new Float64Array([0, 1e9])).ymax, 6, 'at most 3 times the box');
  assert.deepEqual(coverBox(box, new Float64Array([NaN, NaN])), box);
});
