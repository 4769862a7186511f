// Both density views of one network at every frame time, computed once on a pool of workers so
// that moving t never recomputes. The work splits without shared memory into small tasks that the
// workers take from one queue as they become free: the grid's face velocities one time node at a
// time, then bands of the mesh's rows; as soon as every node is in, the next free worker runs the
// grid through all frames (the one long task). Last, both views are compared at the mesh's
// vertices, where the Lagrangian density is exact.

/**
 * `count` items in `parts` contiguous ranges of nearly equal length: [[start, end], ...].
 * @param {number} count
 * @param {number} parts
 * @returns {Array<[number, number]>}
 */
export function split(count, parts) {
  return Array.from({ length: parts }, (_, i) => [
    Math.round((i * count) / parts),
    Math.round(((i + 1) * count) / parts),
  ]);
}

/**
 * Joins bands of mesh rows (each with `positions`, frame-major, 2 per vertex, and `logDensity`, 1
 * per vertex) into whole frames of `vertices` vertices. Bands are given in row order.
 * @param {Array<{ positions: Float32Array, logDensity: Float32Array }>} bands
 * @param {number} frames
 * @param {number} vertices
 */
export function joinBands(bands, frames, vertices) {
  const positions = new Float32Array(frames * 2 * vertices);
  const logDensity = new Float32Array(frames * vertices);
  let first = 0;
  for (const band of bands) {
    const size = band.logDensity.length / frames;
    for (let k = 0; k < frames; k++) {
      logDensity.set(band.logDensity.subarray(k * size, (k + 1) * size), k * vertices + first);
      positions.set(band.positions.subarray(2 * k * size, 2 * (k + 1) * size), 2 * (k * vertices + first));
    }
    first += size;
  }
  if (first !== vertices) throw new Error(`the bands hold ${first} vertices, the mesh ${vertices}`);
  return { positions, logDensity };
}

/**
 * Joins Float32Arrays end to end.
 * @param {Float32Array[]} parts
 */
function concat(parts) {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Rows per band of the mesh: small enough that the bands balance the workers' loads. */
const BAND_ROWS = 4;

/**
 * The films of the network saved as `bytes`, on `clients` (kit/client.js, each running worker.js):
 * resolves to { eulerian: { density, mass, outflow, steps }, mesh: { positions, logDensity },
 * compare: { l1, maxRelative, difference }, times, ms }. `grid` ({ cells, box, cfl }) and `mesh`
 * ({ n, box }) are the core's options; `nodes` the face-velocity time nodes; `solver` the mesh's
 * fixed-step method.
 */
export async function computeFilms(clients, { bytes, grid, mesh, nodes, times, solver }) {
  const start = performance.now();
  const ask = (client, op, args) => client.request(op, args).promise;
  await Promise.all(clients.map((c) => ask(c, 'adopt', { bytes })));
  const values = new Array(nodes.length);
  const bands = split(mesh.n, Math.ceil(mesh.n / BAND_ROWS));
  const bandFilms = new Array(bands.length);
  /** @type {any} */
  let eulerian = null;
  // The queue: nodes first, then the bands; the grid's film goes first once every node is in.
  const queue = [
    ...nodes.map((t, i) => ({
      node: true,
      run: async (c) => {
        values[i] = (await ask(c, 'faceVelocities', { grid, nodes: [t] })).values;
      },
    })),
    ...bands.map((rows, i) => ({
      node: false,
      run: async (c) => {
        bandFilms[i] = await ask(c, 'meshFilm', { mesh, rows, times, solver });
      },
    })),
  ];
  let nodesLeft = nodes.length;
  const gridFilm = {
    node: false,
    run: async (c) => {
      eulerian = await ask(c, 'eulerianFilm', { grid, nodes, values: concat(values), times });
    },
  };
  let gridTaken = false;
  const work = async (c) => {
    for (;;) {
      const task = nodesLeft === 0 && !gridTaken ? gridFilm : queue.shift();
      if (!task) return;
      if (task === gridFilm) gridTaken = true;
      await task.run(c);
      if (task.node) nodesLeft--;
    }
  };
  await Promise.all(clients.map(work));
  const joined = joinBands(bandFilms, times.length, mesh.n * mesh.n);
  const compare = await ask(clients[0], 'compareViews', {
    mesh,
    positions: joined.positions,
    logDensity: joined.logDensity,
    grid,
    density: eulerian.density,
  });
  return { eulerian, mesh: joined, compare, times, ms: performance.now() - start };
}

/**
 * The frame of `films` nearest to t, as the density figure draws it: the grid's cell averages,
 * the mesh's positions and log-densities, the differences at the vertices and the numbers.
 */
export function frameAt(films, t) {
  const { times } = films;
  const k = Math.max(0, Math.min(times.length - 1, Math.round(t * (times.length - 1))));
  const frames = times.length;
  const cells = films.eulerian.density.length / frames;
  const vertices = films.mesh.logDensity.length / frames;
  return {
    k,
    t: times[k],
    step: films.step,
    eulerian: films.eulerian.density.subarray(k * cells, (k + 1) * cells),
    mesh: films.mesh.positions.subarray(2 * k * vertices, 2 * (k + 1) * vertices),
    logDensity: films.mesh.logDensity.subarray(k * vertices, (k + 1) * vertices),
    difference: films.compare.difference.subarray(k * vertices, (k + 1) * vertices),
    mass: films.eulerian.mass[k],
    outflow: films.eulerian.outflow[k],
    l1: films.compare.l1[k],
    maxRelative: films.compare.maxRelative[k],
  };
}
