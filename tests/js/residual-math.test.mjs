import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  firstOrderReference,
  observedOrders,
  powersOfTwo,
  stepTimes,
} from '../../www/js/notebook/residual/math.js';

test('powers of two up to a bound', () => {
  assert.deepEqual(powersOfTwo(256), [1, 2, 4, 8, 16, 32, 64, 128, 256]);
  assert.deepEqual(powersOfTwo(300), [1, 2, 4, 8, 16, 32, 64, 128, 256]);
  assert.deepEqual(powersOfTwo(1), [1]);
  assert.deepEqual(powersOfTwo(0), [1]);
});

test('step times are k / K', () => {
  assert.deepEqual([...stepTimes(4)], [0.25, 0.5, 0.75, 1]);
  assert.deepEqual([...stepTimes(1)], [1]);
});

test('observed orders recover the exponent of c K^-p', () => {
  const ks = [1, 2, 4, 8, 16];
  for (const p of [1, 2, 0.5]) {
    const orders = observedOrders(ks, ks.map((k) => 3 * k ** -p));
    assert.ok(Number.isNaN(orders[0]));
    for (const o of orders.slice(1)) assert.ok(Math.abs(o - p) < 1e-12, `${o} vs ${p}`);
  }
  // Missing errors and gaps in K give NaN.
  const orders = observedOrders([1, 2, 4, 16], [1, NaN, 0.25, 0.1]);
  assert.ok(orders.every(Number.isNaN), String(orders));
});

test('the first-order reference passes through exact 1/K data and has slope -1', () => {
  const ks = [1, 2, 4, 8];
  const exact = ks.map((k) => 2 / k);
  firstOrderReference(ks, exact).forEach((v, i) => assert.ok(Math.abs(v - exact[i]) < 1e-12));
  // Second-order data: the line still halves per doubling, through the geometric mean.
  const ref = firstOrderReference(ks, ks.map((k) => 1 / k ** 2));
  for (let i = 1; i < ks.length; i++) assert.ok(Math.abs(ref[i - 1] / ref[i] - 2) < 1e-12);
  // c = geometric mean of e_i K_i = (1 · 1/2 · 1/4 · 1/8)^(1/4) = 2^-1.5.
  assert.ok(Math.abs(ref[0] - 2 ** -1.5) < 1e-12, String(ref[0]));
  assert.ok(firstOrderReference(ks, [NaN, 0, -1, NaN]).every(Number.isNaN));
});
