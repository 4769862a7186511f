import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  averageError,
  errorNorms,
  everyKth,
  gridMass,
  gridNodes,
  heaviest,
  weightedErrors,
} from '../../www/js/notebook/marginal/stats.js';

test('grid nodes run row by row from the lower left corner, edges included', () => {
  const { nodes, h } = gridNodes(3, { xmin: -1, xmax: 1, ymin: 0, ymax: 2 });
  assert.equal(h, 1);
  assert.deepEqual([...nodes], [-1, 0, 0, 0, 1, 0, -1, 1, 0, 1, 1, 1, -1, 2, 0, 2, 1, 2]);
});

test('errors weighted by a density: mean error, mean speed and their ratio', () => {
  // Two nodes with densities 3 : 1; u = (3, 4) and (0, 1); v off by (0, 1) and (2, 0).
  const u = [3, 4, 0, 1];
  const v = [3, 5, 2, 1];
  const logP = [Math.log(3), 0];
  assert.deepEqual([...errorNorms(v, u)], [1, 2]);
  const { error, speed, relative } = weightedErrors(v, u, logP);
  assert.ok(Math.abs(error - (3 * 1 + 1 * 2) / 4) < 1e-12);
  assert.ok(Math.abs(speed - (3 * 5 + 1 * 1) / 4) < 1e-12);
  assert.ok(Math.abs(relative - 5 / 16) < 1e-12);
  // No mass anywhere, or a NaN: no number.
  assert.ok(Number.isNaN(weightedErrors(v, u, [-Infinity, -Infinity]).error));
  assert.ok(Number.isNaN(weightedErrors([NaN, 0, 0, 0], u, logP).error));
  assert.ok(Number.isNaN(weightedErrors(u, [0, 0, 0, 0], logP).relative));
});

test('the mass of N(0, I) on a fine grid is 1', () => {
  const { nodes, h } = gridNodes(161, { xmin: -8, xmax: 8, ymin: -8, ymax: 8 });
  const logP = [];
  for (let i = 0; i < nodes.length; i += 2) logP.push(-(nodes[i] ** 2 + nodes[i + 1] ** 2) / 2 - Math.log(2 * Math.PI));
  assert.ok(Math.abs(gridMass(logP, h) - 1) < 1e-9, String(gridMass(logP, h)));
});

test('every k-th node, and the heaviest weights', () => {
  const { nodes } = gridNodes(5, { xmin: 0, xmax: 4, ymin: 0, ymax: 4 });
  assert.deepEqual([...everyKth(nodes, 5, 2)], [0, 0, 2, 0, 4, 0, 0, 2, 2, 2, 4, 2, 0, 4, 2, 4, 4, 4]);
  assert.deepEqual(heaviest([0.1, 0.5, 0.05, 0.35], 2), [1, 3]);
  assert.deepEqual(heaviest([0.1, 0.5, 0.05, 0.35], 9), [1, 3, 0, 2]);
  assert.deepEqual(heaviest([0.2, 0.3, 0.2, 0.3, 0.2], 3), [1, 3, 0], 'equal weights in index order');
  assert.deepEqual(heaviest([1, 2], 0), []);
  // Against a full sort on many weights.
  const many = Float64Array.from({ length: 5000 }, (_, i) => Math.abs(Math.sin(i * 12.9898) * 43758.5453) % 1);
  const sorted = Array.from(many.keys()).sort((a, b) => many[b] - many[a] || a - b);
  assert.deepEqual(heaviest(many, 12), sorted.slice(0, 12));
});

test('the standard error of a self-normalised average', () => {
  // n equal weights 1/n: the delta-method error is the plain one, sqrt(Σ (u_i − mean)²) / n.
  const targets = [1, 10, 3, 10, 5, 10, 7, 10];
  const weights = [0.25, 0.25, 0.25, 0.25];
  const [sx, sy] = averageError(weights, targets, [4, 10]);
  assert.ok(Math.abs(sx - Math.sqrt(9 + 1 + 1 + 9) / 4) < 1e-12, String(sx));
  assert.equal(sy, 0);
  // One line with all the weight: no spread to see (why the figure asks for RELIABLE lines first).
  assert.deepEqual(averageError([1, 0], [3, 4, 9, 9], [3, 4]), [0, 0]);
});
