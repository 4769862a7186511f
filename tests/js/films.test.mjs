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

/** A fake worker pool: answers the films' requests with small synthetic arrays and logs them. */
function fakeClients(count, log) {
  const frames = 2;
  return Array.from({ length: count }, (_, w) => ({
    request(op, args) {
      log.push({ w, op, args });
      const answer = () => {
        if (op === 'faceVelocities') return { values: Float32Array.from(args.nodes.map((t) => 10 * t)) };
        if (op === 'meshFilm') {
          const rows = args.rows[1] - args.rows[0];
          const size = rows * args.mesh.n;
          const logDensity = new Float32Array(frames * size);
          for (let k = 0; k < frames; k++)
            for (let v = 0; v < size; v++) logDensity[k * size + v] = args.rows[0] * args.mesh.n + v;
          return { positions: new Float32Array(2 * frames * size), logDensity };
        }
        if (op === 'eulerianFilm') return { density: Float32Array.from(args.values), mass: [1, 1], outflow: [0, 0] };
        if (op === 'compareViews') return { l1: [0, 0], maxRelative: [0, 0], difference: args.logDensity };
        return {};
      };
      return { promise: new Promise((done) => setTimeout(() => done(answer()), (w + 1) * 2)) };
    },
  }));
}

test('the films take every node and band once, and the grid only after all the nodes', async () => {
  const { computeFilms } = await import('../../www/js/lab/films.js');
  for (const workers of [1, 2, 3]) {
    const log = [];
    const nodes = [0, 0.25, 0.5, 0.75, 1];
    const films = await computeFilms(fakeClients(workers, log), {
      bytes: new Uint8Array(1),
      grid: { cells: 2 },
      mesh: { n: 10 },
      nodes,
      times: [0, 1],
      solver: { method: 'rk4', steps: 4 },
    });
    const ops = log.map((e) => e.op);
    assert.equal(ops.filter((op) => op === 'adopt').length, workers);
    const sampled = log.filter((e) => e.op === 'faceVelocities').flatMap((e) => e.args.nodes);
    assert.deepEqual(sampled.sort(), nodes);
    const gridAt = ops.indexOf('eulerianFilm');
    assert.ok(gridAt > ops.lastIndexOf('faceVelocities'), `${workers} workers: the grid ran before the last node`);
    // The table reaches the grid in node order, whichever worker sampled which node.
    assert.deepEqual([...films.eulerian.density], [0, 2.5, 5, 7.5, 10]);
    // The bands cover the 10 rows, and join into vertex order in both frames.
    const rows = log.filter((e) => e.op === 'meshFilm').map((e) => e.args.rows);
    assert.equal(rows.reduce((n, [a, b]) => n + b - a, 0), 10);
    assert.deepEqual([...films.mesh.logDensity.subarray(100, 200)], Array.from({ length: 100 }, (_, v) => v));
    assert.equal(ops[ops.length - 1], 'compareViews');
  }
});
