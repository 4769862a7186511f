import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTick, logTicks, niceTicks } from '../../www/js/kit/ticks.js';

test('niceTicks on simple ranges gives the round values a person would pick', () => {
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0, 10, 5), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(niceTicks(-3.7, 12.1, 4), [0, 5, 10]);
  assert.deepEqual(niceTicks(0.001, 0.0093, 5), [0.002, 0.004, 0.006, 0.008]);
  assert.deepEqual(niceTicks(0, 0.3, 3), [0, 0.1, 0.2, 0.3]);
  assert.deepEqual(niceTicks(-4, 4, 8), [-4, -3, -2, -1, 0, 1, 2, 3, 4]);
  assert.deepEqual(niceTicks(1200, 5300, 4), [2000, 3000, 4000, 5000]);
});

test('niceTicks gives at least two ticks even when count is 1', () => {
  assert.deepEqual(niceTicks(0.55, 0.95, 1), [0.6, 0.8]);
});

test('niceTicks accepts reversed ranges and handles degenerate input without throwing', () => {
  assert.deepEqual(niceTicks(1, 0, 5), niceTicks(0, 1, 5));
  assert.deepEqual(niceTicks(2, 2, 5), [2]);
  assert.deepEqual(niceTicks(NaN, 1, 5), []);
  assert.deepEqual(niceTicks(0, Infinity, 5), []);
  assert.deepEqual(niceTicks(0, 1, 0), []);
  assert.ok(!Object.is(niceTicks(-1, 1, 2)[1], -0), 'zero is +0');
});

test('property: ticks lie in the range, are evenly spaced by 1, 2 or 5 x 10^k, and about count many', () => {
  let seed = 1;
  const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let trial = 0; trial < 2000; trial++) {
    const a = (rand() - 0.5) * 10 ** (rand() * 12 - 6);
    const b = a + rand() * 10 ** (rand() * 12 - 6);
    const count = 1 + Math.floor(rand() * 10);
    const ticks = niceTicks(a, b, count);
    if (a === b) continue;
    assert.ok(
      ticks.length >= 2 && ticks.length <= Math.max(5, 2.5 * count + 2),
      `${ticks.length} ticks for count ${count}`,
    );
    const tol = (b - a) * 1e-9;
    for (const t of ticks) assert.ok(t >= a - tol && t <= b + tol, `${t} outside [${a}, ${b}]`);
    if (ticks.length < 2) continue;
    // Differences of large ticks lose digits: compare with a tolerance scaled by the tick size.
    const step = (ticks.at(-1) - ticks[0]) / (ticks.length - 1);
    const rel = 1e-9 + (1e-13 * Math.max(Math.abs(a), Math.abs(b))) / step;
    const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
    assert.ok(
      [1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < m * rel),
      `step ${step}`,
    );
    for (let i = 1; i < ticks.length; i++) assert.ok(Math.abs(ticks[i] - ticks[i - 1] - step) <= step * rel);
    // Nothing fits outside: the next tick on either side leaves the range.
    assert.ok(ticks[0] - step < a + tol && ticks.at(-1) + step > b - tol);
  }
});

test('logTicks gives powers of ten, thinned on wide ranges and refined on narrow ones', () => {
  assert.deepEqual(logTicks(1e-4, 3), [1e-4, 1e-3, 1e-2, 0.1, 1]);
  assert.deepEqual(logTicks(1e-10, 1e10, 4), [1e-10, 1e-5, 1, 1e5, 1e10]);
  assert.deepEqual(logTicks(1e-10, 1e10, 5), [1e-8, 1e-4, 1, 1e4, 1e8]);
  assert.deepEqual(logTicks(0.15, 3), [0.2, 0.5, 1, 2]);
  assert.deepEqual(logTicks(0.015, 2.5), [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2]);
  assert.deepEqual(logTicks(0.005, 2.5), [0.01, 0.1, 1]);
  assert.deepEqual(logTicks(0.31, 0.48, 4), niceTicks(0.31, 0.48, 4));
  assert.deepEqual(logTicks(0, 1), []);
  assert.deepEqual(logTicks(-1, 1), []);
  assert.deepEqual(logTicks(1, NaN), []);
});

test('logTicks on a short axis (small count) never crowds its ticks, so their labels cannot touch', () => {
  // Two decades on an axis asked for 2 ticks (about 80 px): 1-2-5 would put 7 labels 10 px apart.
  assert.deepEqual(logTicks(0.015, 2.5, 2), [0.03, 0.1, 0.3, 1]);
  assert.deepEqual(logTicks(0.3, 3, 2), [0.5, 1, 2]);
  assert.deepEqual(logTicks(0.05, 40, 2), [0.1, 1, 10]);
  // Closest neighbours at least 0.4 times the even spacing of `count` ticks, on many ranges.
  for (let count = 2; count <= 6; count++) {
    for (let lo = -3; lo <= 1; lo += 0.37) {
      for (let span = 0.2; span <= 4; span += 0.23) {
        const [min, max] = [10 ** lo, 10 ** (lo + span)];
        const ticks = logTicks(min, max, count);
        assert.ok(ticks.length >= 2, `${min}..${max}: ${ticks}`);
        for (let i = 1; i < ticks.length; i++) {
          const gap = Math.log10(ticks[i] / ticks[i - 1]);
          assert.ok(gap >= (0.4 * span) / count - 1e-9, `${min}..${max} count ${count}: ${ticks}`);
        }
      }
    }
  }
});

test('formatTick uses the decimals the step needs and exponents at the extremes', () => {
  assert.equal(formatTick(0.30000000000000004, 0.1), '0.3');
  assert.equal(formatTick(1.5, 0.5), '1.5');
  assert.equal(formatTick(2000, 1000), '2000');
  assert.equal(formatTick(-2, 1), '-2');
  assert.equal(formatTick(1e-17, 0.1), '0');
  assert.equal(formatTick(4e-5, 2e-5), '4e-5');
  assert.equal(formatTick(1.2e-4, 2e-5), '1.2e-4');
  assert.equal(formatTick(3e6, 1e6), '3e6');
  assert.equal(formatTick(0.01), '0.01');
  assert.equal(formatTick(1e-5), '1e-5');
  assert.equal(formatTick(100), '100');
  // A log axis's linear ticks (narrow ranges): the value's own decimals, not rounded to '2'.
  assert.equal(formatTick(1.5), '1.5');
  assert.equal(formatTick(0.35), '0.35');
});
