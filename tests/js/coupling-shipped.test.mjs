// <flow-coupling>'s shipped flow: which index.json entry fits the figure's settings, the curves of
// that run as the worker would report them, and the entry the site ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { curvesOf, sameRun } from '../../www/js/notebook/coupling/shipped.js';
import { FIXED } from '../../www/js/notebook/coupling/data.js';

// The figure's default attributes and its fixed settings.
const SETTINGS = { target: '8gaussians', layers: 8, seed: 0, ...FIXED };
const ENTRY = { file: 'x.coupling', steps: 3000, settings: { ...SETTINGS, lr: 0.005 }, chunk: 25, base: [-3, null, -2.9], logDet: [0.5, 0.25, -0.5] };

test('an entry fits only the same settings, keys and steps', () => {
  assert.ok(sameRun(ENTRY, SETTINGS, 3000));
  assert.ok(!sameRun(ENTRY, SETTINGS, 5000));
  assert.ok(!sameRun(ENTRY, { ...SETTINGS, target: 'moons' }, 3000));
  assert.ok(!sameRun(ENTRY, { ...SETTINGS, layers: 4 }, 3000));
  assert.ok(!sameRun(ENTRY, { ...SETTINGS, extra: 1 }, 3000));
  const fewer = Object.fromEntries(Object.entries(SETTINGS).filter(([key]) => key !== 'seed'));
  assert.ok(!sameRun(ENTRY, fewer, 3000));
});

test('the curves of an entry: one point per chunk, the sum of the two terms, null as NaN', () => {
  const c = curvesOf(ENTRY);
  assert.deepEqual(c.steps, [25, 50, 75]);
  assert.deepEqual(c.base.slice(0, 1).concat(c.base.slice(2)), [-3, -2.9]);
  assert.ok(Number.isNaN(c.base[1]) && Number.isNaN(c.loglik[1]));
  assert.deepEqual(c.logdet, [0.5, 0.25, -0.5]);
  assert.equal(c.loglik[0], -2.5);
  assert.ok(Math.abs(c.loglik[2] + 3.4) < 1e-12);
});

test('the site ships one coupling flow, for the figure default settings, with a curve per chunk', () => {
  const index = JSON.parse(readFileSync(new URL('../../www/weights/index.json', import.meta.url), 'utf8'));
  const [entry, ...others] = index.couplings;
  assert.equal(others.length, 0);
  assert.ok(sameRun(entry, SETTINGS, 3000), JSON.stringify(entry.settings));
  assert.equal(entry.base.length, entry.steps / entry.chunk);
  assert.equal(entry.logDet.length, entry.base.length);
});
