import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finalAgreement } from '../../www/js/notebook/diffusion/readouts.js';

test('the agreement at t_max reads the last frame of both samplers', () => {
  // Two frames of three points; only the last frame counts.
  const ode = Float64Array.of(9, 9, 9, 9, 9, 9, 0, 0, 1, 2, 2, 4);
  const sde = Float64Array.of(0, 0, 0, 0, 0, 0, 1, 0, 2, 2, 3, 4);
  const { x, y } = finalAgreement({ sde, ode, times: [0, 1] }, 3);
  // x: ODE 0, 1, 2 and SDE 1, 2, 3: means differ by 1 with SE sqrt(1/3 + 1/3); equal variances.
  assert.ok(Math.abs(x.mean - 1 / Math.sqrt(2 / 3)) < 1e-12, String(x.mean));
  assert.equal(y.mean, 0);
  assert.ok(x.variance === 0 || Number.isNaN(x.variance));
});
