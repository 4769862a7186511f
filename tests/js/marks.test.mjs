// Quiver arrows and particles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawQuiver, quiverScale } from '../../www/js/kit/quiver.js';
import { drawPoints } from '../../www/js/kit/particles.js';
import { createView } from '../../www/js/kit/view.js';
import { calls, drawnNumbers, fakeContext } from './fake-canvas.mjs';

// 100 pixels per world unit, origin at the centre of a 400 x 400 canvas.
const view = createView({ xmin: -2, xmax: 2, ymin: -2, ymax: 2 }, { x: 0, y: 0, width: 400, height: 400 });

test('quiverScale makes the longest arrow a fraction of the spacing and ignores NaN', () => {
  assert.equal(quiverScale([3, 4, 0, 1, NaN, 0], 0.5), (0.9 * 0.5) / 5);
  assert.equal(quiverScale([3, 4], 1, 0.5), 0.1);
  assert.equal(quiverScale([0, 0, NaN, NaN, Infinity, 0], 1), 0);
  assert.equal(quiverScale([], 1), 0);
});

test('drawQuiver draws each shaft from the position along the scaled vector, y up', () => {
  const ctx = fakeContext();
  const scale = drawQuiver(ctx, view, [0, 0, 1, 1], [1, 0, 0, 2], { spacing: 0.5, color: 'black' });
  assert.equal(scale, (0.9 * 0.5) / 2);
  const lines = calls(ctx, 'lineTo');
  assert.deepEqual(calls(ctx, 'moveTo')[0], [200, 200]);
  // (0, 0) + 0.225 * (1, 0) -> 22.5 pixels to the right.
  assert.deepEqual(lines[0], [222.5, 200]);
  // (1, 1) + 0.225 * (0, 2) -> 45 pixels up from (300, 100).
  assert.ok(lines.some(([x, y]) => x === 300 && Math.abs(y - 55) < 1e-9));
  // Barbs point back from the tip: both end left of it for the rightward arrow.
  const barbs = lines.slice(1, 3);
  for (const [x] of barbs) assert.ok(x < 222.5 && x > 216);
  assert.equal(calls(ctx, 'stroke').length, 1, 'one stroke for every arrow');
});

test('drawQuiver skips NaN vectors and zero-length heads without passing NaN to the canvas', () => {
  const ctx = fakeContext();
  drawQuiver(ctx, view, [0, 0, 1, 1, NaN, 0], [NaN, 1, 0, 0, 1, 1], { spacing: 1, color: 'black' });
  assert.ok(drawnNumbers(ctx).every(Number.isFinite));
  assert.equal(calls(ctx, 'moveTo').length, 1, 'only the zero vector at (1, 1) remains, as a point');
});

test('drawPoints draws visible points in one fill and skips NaN and far-away ones', () => {
  const ctx = fakeContext();
  const drawn = drawPoints(ctx, view, Float64Array.from([0, 0, 1.5, -1, NaN, 0, 10, 0, 2, 2]), {
    color: 'blue',
    size: 3,
  });
  assert.equal(drawn, 3);
  assert.deepEqual(calls(ctx, 'rect'), [
    [198.5, 198.5, 3, 3],
    [348.5, 298.5, 3, 3],
    [398.5, -1.5, 3, 3],
  ]);
  assert.equal(calls(ctx, 'fill').length, 1);
  assert.equal(calls(ctx, 'save').length, calls(ctx, 'restore').length);
});
