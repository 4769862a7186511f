// Pure helpers of the marginal-field figure: the grid of nodes, the error map, the weighted relative
// error of the learned field and the mass of a density on the grid (tests in tests/js/marginal.test.mjs).

/** The world box the figure shows. */
export const BOX = Object.freeze({ xmin: -4, xmax: 4, ymin: -4, ymax: 4 });

/**
 * n x n nodes spread evenly over `box` edges included, interleaved, row-major with row 0 at ymin
 * (the kit's grid order), and their spacing h.
 */
export function gridNodes(n, box = BOX) {
  const h = (box.xmax - box.xmin) / (n - 1);
  const nodes = new Float64Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      nodes[2 * (j * n + i)] = box.xmin + i * h;
      nodes[2 * (j * n + i) + 1] = box.ymin + j * h;
    }
  }
  return { nodes, h };
}

/** |v_i − u_i| for each interleaved pair. */
export function errorNorms(v, u) {
  const out = new Float64Array(u.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Math.hypot(v[2 * i] - u[2 * i], v[2 * i + 1] - u[2 * i + 1]);
  return out;
}

/**
 * The mean error and the mean speed under p_i = exp(logP_i) (normalised over the nodes):
 * { error: Σ p_i |v_i − u_i| / Σ p_i, speed: Σ p_i |u_i| / Σ p_i, relative: error / speed }.
 * Regions without mass do not count. NaN where a sum is 0 or not finite.
 */
export function weightedErrors(v, u, logP) {
  let [mass, error, speed] = [0, 0, 0];
  for (let i = 0; i < logP.length; i++) {
    const p = Math.exp(logP[i]);
    mass += p;
    error += p * Math.hypot(v[2 * i] - u[2 * i], v[2 * i + 1] - u[2 * i + 1]);
    speed += p * Math.hypot(u[2 * i], u[2 * i + 1]);
  }
  const ok = mass > 0 && Number.isFinite(error) && Number.isFinite(speed);
  return ok ? { error: error / mass, speed: speed / mass, relative: speed > 0 ? error / speed : NaN } : { error: NaN, speed: NaN, relative: NaN };
}

/** Σ exp(logP_i) h²: the mass of the density on the grid of spacing h (a Riemann sum over the nodes). */
export function gridMass(logP, h) {
  let total = 0;
  for (const l of logP) total += Math.exp(l);
  return total * h * h;
}

/** exp of every value (densities from log-densities). */
export function exponentials(logP) {
  return Float64Array.from(logP, Math.exp);
}

/** The pairs of every k-th node in both directions of an n x n grid (the arrows' positions). */
export function everyKth(values, n, k) {
  const out = [];
  for (let j = 0; j < n; j += k) for (let i = 0; i < n; i += k) out.push(values[2 * (j * n + i)], values[2 * (j * n + i) + 1]);
  return Float64Array.from(out);
}

/** The indices of the `m` largest weights, largest first. */
export function heaviest(weights, m) {
  return Array.from(weights.keys())
    .sort((a, b) => weights[b] - weights[a])
    .slice(0, m);
}
