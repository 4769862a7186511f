import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  blockMeans,
  firstKMeans,
  histogram,
  LADDER,
  LADDER_PROBES,
  ladderBlock,
  mean,
  meanSquaredError,
  meanVariance,
  twoSided,
} from '../../www/js/notebook/hutchinson/stats.js';

test('the probe ladder is 1, 2, ..., 64', () => {
  assert.deepEqual([...LADDER], [1, 2, 4, 8, 16, 32, 64]);
  assert.equal(LADDER_PROBES, 127);
});

test('each k of the ladder has probes of its own', () => {
  const repeats = 3;
  const estimates = Float64Array.from({ length: repeats * LADDER_PROBES }, (_, i) => i);
  let next = 0;
  for (const k of LADDER) {
    const block = ladderBlock(estimates, repeats, k);
    assert.equal(block.length, repeats * k);
    assert.equal(block[0], next, `k = ${k} starts after the blocks before it`);
    next += repeats * k;
  }
  assert.equal(next, estimates.length);
  assert.throws(() => ladderBlock(estimates, repeats, 3), /not one of/);
});

test('block means average consecutive blocks and drop a partial one', () => {
  assert.deepEqual([...blockMeans([1, 3, 5, 7, 9], 2)], [2, 6]);
  assert.deepEqual([...blockMeans([4, 5], 1)], [4, 5]);
});

test('mean, unbiased variance and standard error by hand', () => {
  const { mean: m, variance, se } = meanVariance([1, 2, 3, 4]);
  assert.equal(m, 2.5);
  assert.ok(Math.abs(variance - 5 / 3) < 1e-15);
  assert.ok(Math.abs(se - Math.sqrt(5 / 12)) < 1e-15);
});

test('per-cell means of the first k estimates, and the grid error', () => {
  // Two cells with four estimates each.
  const estimates = [1, 3, 100, 100, 10, 20, 30, 40];
  assert.deepEqual([...firstKMeans(estimates, 4, 2)], [2, 15]);
  assert.deepEqual([...firstKMeans(estimates, 4, 4)], [51, 25]);
  assert.equal(meanSquaredError([2, 15], [1, 17]), 2.5);
  assert.equal(mean([1, 2, 6]), 3);
});

test('histogram counts, the right edge included', () => {
  assert.deepEqual(histogram([0, 0.1, 0.5, 0.99, 1, 2, -1], 0, 1, 2), [2, 3]);
});

test('the two-sided normal tail: P(|Z| ≥ z)', () => {
  for (const [z, p] of [
    [0, 1],
    [1, 0.3173105],
    [1.959964, 0.05],
    [2.52, 0.0117355],
    [3, 0.0026998],
    [-2, 0.0455003],
  ]) {
    assert.ok(Math.abs(twoSided(z) - p) < 3e-7, `z = ${z}: ${twoSided(z)} vs ${p}`);
  }
});
