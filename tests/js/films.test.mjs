import assert from 'node:assert/strict';
import test from 'node:test';
import { frameAt, joinBands, split } from '../../www/js/lab/films.js';

test('work splits into contiguous, nearly equal ranges that cover everything', () => {
  assert.deepEqual(split(13, 2), [[0, 7], [7, 13]]);
  assert.deepEqual(split(64, 3), [[0, 21], [21, 43], [43, 64]]);
  assert.deepEqual(split(5, 1), [[0, 5]]);
  for (const [count, parts] of [[101, 4], [3, 4], [0, 2]]) {
    const ranges = split(count, parts);
    assert.equal(ranges[0][0], 0);
    assert.equal(ranges[parts - 1][1], count);
    for (let i = 1; i < parts; i++) assert.equal(ranges[i][0], ranges[i - 1][1]);
  }
});

test('bands of rows join into whole frames in row order', () => {
  // Two frames of a mesh of 3 vertices: band A holds vertex 0, band B vertices 1 and 2.
  const a = { positions: Float32Array.from([0, 0, 10, 10]), logDensity: Float32Array.from([-1, -11]) };
  const b = {
    positions: Float32Array.from([1, 1, 2, 2, 11, 11, 12, 12]),
    logDensity: Float32Array.from([-2, -3, -12, -13]),
  };
  const whole = joinBands([a, b], 2, 3);
  assert.deepEqual([...whole.logDensity], [-1, -2, -3, -11, -12, -13]);
  assert.deepEqual([...whole.positions], [0, 0, 1, 1, 2, 2, 10, 10, 11, 11, 12, 12]);
  assert.throws(() => joinBands([a], 2, 3), /bands hold 1 vertices/);
});

test('the frame at t is the nearest of the evenly spaced frame times, with its slices', () => {
  const times = [0, 0.5, 1];
  const films = {
    step: 40,
    times,
    eulerian: { density: Float32Array.from([1, 1, 2, 2, 3, 3]), mass: [1, 0.9, 0.8], outflow: [0, 0.1, 0.2] },
    mesh: { positions: Float32Array.from([0, 0, 5, 5, 9, 9]), logDensity: Float32Array.from([0, -5, -9]) },
    compare: { l1: [0, 0.01, 0.02], maxRelative: [0, 0.1, 0.2], difference: Float32Array.from([0, 0.5, 0.9]) },
  };
  const f = frameAt(films, 0.7);
  assert.equal(f.k, 1);
  assert.equal(f.t, 0.5);
  assert.equal(f.step, 40);
  assert.deepEqual([...f.eulerian], [2, 2]);
  assert.deepEqual([...f.mesh], [5, 5]);
  assert.deepEqual([f.logDensity[0], f.difference[0], f.mass, f.outflow, f.l1], [-5, 0.5, 0.9, 0.1, 0.01]);
  assert.equal(frameAt(films, 1.4).k, 2);
  assert.equal(frameAt(films, -1).k, 0);
});
