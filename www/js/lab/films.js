// Both density views of one network at every frame time, computed once on a pool of workers so
// that moving t never recomputes. The work splits without shared memory: each worker samples the
// grid's face velocities at a share of the time nodes and carries a band of the mesh's rows; the
// first worker joins the table and runs the grid through all frames; then both views are compared
// at the mesh's vertices, where the Lagrangian density is exact.

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
  const w = clients.length;
  const nodeParts = split(nodes.length, w);
  // The first worker also runs the grid's film, so the mesh goes to the others when there are any.
  const rowParts = w > 1 ? [[0, 0], ...split(mesh.n, w - 1)] : [[0, mesh.n]];
  const faces = clients.map((c, i) => ask(c, 'faceVelocities', { grid, nodes: nodes.slice(...nodeParts[i]) }));
  const bands = clients.map((c, i) => {
    const rows = rowParts[i];
    return rows[1] > rows[0] ? ask(c, 'meshFilm', { mesh, rows, times, solver }) : null;
  });
  const values = concat((await Promise.all(faces)).map((r) => r.values));
  const eulerian = await ask(clients[0], 'eulerianFilm', { grid, nodes, values, times });
  const joined = joinBands(
    (await Promise.all(bands.filter(Boolean))),
    times.length,
    mesh.n * mesh.n,
  );
  const compare = await ask(clients[w - 1], 'compareViews', {
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
