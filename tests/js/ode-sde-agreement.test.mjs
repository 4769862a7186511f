// The ODE-as-SDE figure's numbers: moments against exact values in standard errors, and distances.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { againstExact, meanDistance } from '../../www/js/notebook/ode-sde/agreement.js';

test('againstExact measures differences in standard errors of the sample', () => {
  // Row 1 of two holds x = y = 0, 0, 0, 4: mean 1, variance 12/3 = 4, m4 = 84/4 = 21, so the
  // standard errors are sqrt(4/4) = 1 for the mean and sqrt((21 - 16)/4) = sqrt(5)/2 for the variance.
  const rows = [9, 9, 9, 9, 9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 4, 4];
  const same = againstExact(rows, 4, 1, [1, 1, 4, 0, 4]);
  assert.deepEqual(same.mean, [1, 1]);
  assert.deepEqual(same.variance, [4, 4]);
  assert.deepEqual(same.z, [0, 0, 0, 0]);
  assert.equal(same.worst, 0);
  const off = againstExact(rows, 4, 1, [0.5, 1, 3, 0, 4]);
  assert.ok(Math.abs(off.z[0] - 0.5) < 1e-12, `${off.z}`);
  assert.equal(off.z[1], 0);
  assert.ok(Math.abs(off.z[2] - 2 / Math.sqrt(5)) < 1e-12, `${off.z}`);
  assert.equal(off.worst, off.z[2]);
});

test('meanDistance averages the distances of matching points', () => {
  const a = [0, 0, 3, 4];
  const b = [0, 0, 0, 0];
  assert.equal(meanDistance(a, b, 1, 1), 5);
  assert.equal(meanDistance(a, b, 1, 0), 0);
  assert.equal(meanDistance([0, 0, 1, 0], [3, 4, 1, 0], 2, 0), 2.5);
});
