import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marginalDensity, marginalMoments, RADIUS, schedule, SIGMA, T_MAX } from '../../www/js/notebook/diffusion/vp-mixture.js';

const GRID = Array.from({ length: 4001 }, (_, i) => -10 + i * 0.005);
const integrate = (ys) => ys.reduce((s, y, i) => s + (i === 0 || i === ys.length - 1 ? 0.5 : 1) * y, 0) * 0.005;

test('the VP schedule keeps alpha^2 + sigma^2 = 1 and runs from noise to data', () => {
  for (const t of [0, 0.3, 0.9, T_MAX]) {
    const { alpha, sigma } = schedule(t);
    assert.ok(Math.abs(alpha ** 2 + sigma ** 2 - 1) < 1e-12);
  }
  // T(1) = 0.1 + 19.9 / 2 = 10.05.
  assert.ok(Math.abs(schedule(0).alpha - Math.exp(-10.05 / 2)) < 1e-15);
  assert.ok(schedule(T_MAX).sigma < 0.002 && schedule(1).alpha === schedule(T_MAX).alpha);
});

test('the marginals are densities with the closed-form moments', () => {
  for (const t of [0, 0.5, 0.8, T_MAX]) {
    for (const axis of [0, 1]) {
      const p = marginalDensity(t, axis, GRID);
      assert.ok(Math.abs(integrate(p) - 1) < 1e-6, `mass at t = ${t}`);
      const mean = integrate(p.map((v, i) => v * GRID[i]));
      const variance = integrate(p.map((v, i) => v * GRID[i] ** 2)) - mean ** 2;
      const m = marginalMoments(t, axis);
      assert.ok(Math.abs(mean - m.mean) < 1e-6 && Math.abs(variance - m.variance) < 1e-5, `t = ${t}: ${variance} vs ${m.variance}`);
    }
  }
  // Noise: nearly N(0, 1). Data: variance r^2 / 2 + sigma^2 (the centres' x are ±r, 0, 0, ±r/√2 ×4).
  assert.ok(Math.abs(marginalDensity(0, 0, [0])[0] - 1 / Math.sqrt(2 * Math.PI)) < 1e-3);
  assert.ok(Math.abs(marginalMoments(T_MAX, 0).variance - (RADIUS ** 2 / 2 + SIGMA ** 2)) < 1e-3);
});
