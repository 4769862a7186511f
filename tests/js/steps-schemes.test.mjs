import { test } from 'node:test';
import assert from 'node:assert/strict';
import { observedOrder, spendsExactly, stepsFor } from '../../www/js/notebook/steps/schemes.js';

test('steps a budget pays for, and budgets spent exactly', () => {
  assert.equal(stepsFor('euler', 7), 7);
  assert.equal(stepsFor('rk4', 7), 1);
  assert.equal(stepsFor('dopri5', 5), 0);
  assert.equal(stepsFor('dopri5', 64), 10);
  assert.ok(spendsExactly('dopri5', 48) && !spendsExactly('dopri5', 64) && !spendsExactly('midpoint', 0));
});

test('observed order recovers p from c NFE^-p over the last budgets', () => {
  const nfes = [1, 2, 4, 8, 16, 32];
  for (const p of [1, 2, 4, 5]) {
    const errors = nfes.map((n, i) => (i < 2 ? 1 : 7 * n ** -p)); // a pre-asymptotic start is left out
    assert.ok(Math.abs(observedOrder(nfes, errors) - p) < 1e-12, `p = ${p}`);
  }
  // Errors at rounding level and missing ones are skipped; fewer than two points give NaN.
  assert.ok(Math.abs(observedOrder([4, 8, 16, 32], [0.5, 0.25, 1e-13, NaN]) - 1) < 1e-12);
  assert.ok(Number.isNaN(observedOrder([4, 8], [NaN, 1])));
});
