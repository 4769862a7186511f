import { test } from 'node:test';
import assert from 'node:assert/strict';
import { particlesAt } from '../../www/js/lab/flow-figure.js';
import { createLossHistory } from '../../www/js/lab/plots.js';
import { sig } from '../../www/js/lab/readouts.js';
import { arrowGrid, filmSolver, filmTimes, frameTimes, modelOptions, solverOptions } from '../../www/js/lab/config.js';

test('particles between frames are linear in t; before the first frame they start at the base', () => {
  const base = Float64Array.from([0, 0, 1, 1]);
  const frames = { times: [0.5, 1], positions: Float64Array.from([2, 0, 1, 3, 4, 4, 5, 5]) };
  const out = new Float64Array(4);
  assert.equal(particlesAt(base, frames, 0, out), 0);
  assert.deepEqual([...out], [0, 0, 1, 1]);
  particlesAt(base, frames, 0.25, out);
  assert.deepEqual([...out], [1, 0, 1, 2]);
  assert.equal(particlesAt(base, frames, 0.75, out), 1);
  assert.deepEqual([...out], [3, 2, 3, 4]);
  assert.equal(particlesAt(base, frames, 1, out), 2);
  assert.deepEqual([...out], [4, 4, 5, 5]);
});

test('the loss history bins means so that at most 600 points are drawn', () => {
  const history = createLossHistory();
  history.add(Float32Array.from([4, 2]));
  assert.deepEqual(history.series(), { x: [1, 2], y: [4, 2], k: 1 });
  for (let i = 0; i < 10; i++) history.add(new Float32Array(1000).fill(1));
  const { x, y, k } = history.series();
  assert.equal(k, Math.ceil(10002 / 600));
  assert.ok(x.length <= 600);
  assert.equal(y[0], (4 + 2 + (k - 2)) / k);
  assert.equal(history.last(50), 1);
  assert.equal(history.count, 10002);
  history.clear();
  assert.ok(Number.isNaN(history.last(50)));
});

test('numbers are shown with significant digits, tiny and huge ones in exponent form', () => {
  assert.equal(sig(0.99994, 4), '0.9999');
  assert.equal(sig(1.23456), '1.23');
  assert.equal(sig(2.5e-5), '2.50e-5');
  assert.equal(sig(0), '0');
  assert.equal(sig(NaN), '–');
});

test('settings become core options: custom targets are points, adaptive solvers take tolerances', () => {
  const settings = { target: 'drawn', path: 'vp', coupling: 'ot', width: 32, depth: 2, activation: 'tanh' };
  const points = Float64Array.from([1, 2, 3, 4]);
  const options = modelOptions({ ...settings, lr: 0.01, batch: 64, seed: 7 }, points);
  assert.equal(options.target, 'points');
  assert.equal(options.points, points);
  assert.equal(modelOptions({ ...settings, target: 'moons' }).points, undefined);
  assert.deepEqual(solverOptions({ solver: 'dopri5', steps: 20, rtol: 1e-4, atol: 1e-6 }), {
    method: 'dopri5',
    rtol: 1e-4,
    atol: 1e-6,
  });
  assert.deepEqual(solverOptions({ solver: 'euler', steps: 7, rtol: 1, atol: 1 }), { method: 'euler', steps: 7 });
  assert.deepEqual(frameTimes(4), [0.25, 0.5, 0.75, 1]);
  // The mesh film keeps a fixed-step choice and uses RK4 x 20 in place of the adaptive method.
  assert.deepEqual(filmSolver({ solver: 'midpoint', steps: 30 }), { method: 'midpoint', steps: 30 });
  assert.deepEqual(filmSolver({ solver: 'dopri5', steps: 30 }), { method: 'rk4', steps: 20 });
  const times = filmTimes(101);
  assert.equal(times.length, 101);
  assert.equal(times[37], 0.37);
  assert.equal(times[100], 1);
  const { points: grid, spacing } = arrowGrid(3);
  assert.deepEqual([...grid], [-4, -4, 0, -4, 4, -4, -4, 0, 0, 0, 4, 0, -4, 4, 0, 4, 4, 4]);
  assert.equal(spacing, 4);
});

test('a rasterised mesh fills the pixels inside its triangles, interpolating the vertex values', async () => {
  const { rasterizeMesh } = await import('../../www/js/lab/mesh.js');
  const { COLORMAPS } = await import('../../www/js/kit/colormap.js');
  const lut = COLORMAPS.viridis.lut;
  const image = { width: 8, height: 8, data: new Uint8ClampedArray(8 * 8 * 4) };
  // One right triangle with its corners at pixel (0, 0), (8, 0), (0, 8): the pixels whose centres
  // have x + y < 8 are inside. The value is x (0 at the left, 1 at x = 8 pixels).
  const mesh = { positions: [0, 0, 8, 0, 0, 8], triangles: [0, 1, 2], values: [0, 1, 0] };
  rasterizeMesh(image, (x, y) => [x, y], mesh, { min: 0, max: 1, colormap: COLORMAPS.viridis });
  const pixel = (x, y) => [...image.data.subarray(4 * (y * 8 + x), 4 * (y * 8 + x) + 4)];
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const inside = x + 0.5 + y + 0.5 <= 8;
      if (!inside) {
        assert.deepEqual(pixel(x, y), [0, 0, 0, 0], `pixel ${x}, ${y} should be transparent`);
        continue;
      }
      const i = 3 * Math.round(((x + 0.5) / 8) * 255);
      assert.deepEqual(pixel(x, y), [lut[i], lut[i + 1], lut[i + 2], 255], `pixel ${x}, ${y}`);
    }
  }
  // A vertex at NaN removes its triangles, and leaves nothing behind from an earlier frame.
  rasterizeMesh(
    image,
    (x, y) => [x, y],
    { ...mesh, values: [0, NaN, 0] },
    { min: 0, max: 1, colormap: COLORMAPS.viridis },
  );
  assert.ok(image.data.every((b) => b === 0));
});
