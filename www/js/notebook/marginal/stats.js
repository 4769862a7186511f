// Pure helpers of the marginal-field figure: the grid of nodes, the error map, the weighted relative
// error of the learned field, the mass of a density on the grid, and the standard error of the
// average of the lines through a point (tests in tests/js/marginal-stats.test.mjs).

/**
 * The world box every panel shows: the 8 Gaussians' centres are at radius 2.83, and the arrows of
 * the pairs panel (a fifth of x₁ − x₀, from x_t) reach about 4.6 at t = 0.95.
 */
export const BOX = Object.freeze({ xmin: -4.8, xmax: 4.8, ymin: -4.8, ymax: 4.8 });
/** The heaviest lines through the chosen point the pairs panel draws. */
export const SHOWN_LINES = 12;
/**
 * Below this effective number of lines the average through a point is not an estimate of u_t(x)
 * worth comparing (its standard error, too, is then unreliable): the figure says so instead.
 */
export const RELIABLE = 50;

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

/**
 * The indices of the `m` largest weights, largest first (equal weights in index order), in one pass
 * (the figure has 100 000 of them).
 */
export function heaviest(weights, m) {
  /** @type {number[]} */
  const top = [];
  if (m < 1) return top;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (top.length === m && !(w > weights[top[m - 1]])) continue;
    let j = Math.min(top.length, m - 1);
    for (; j > 0 && weights[top[j - 1]] < w; j--) top[j] = top[j - 1];
    top[j] = i;
  }
  return top;
}

/**
 * The standard error, per coordinate, of the self-normalised average `velocity` = Σ w_i u_i of the
 * interleaved targets u_i with weights w_i summing to 1: sqrt(Σ w_i² (u_i − velocity)²), the delta
 * method for a ratio of sums. It means something only when many lines share the weight (RELIABLE).
 */
export function averageError(weights, targets, velocity) {
  const sums = [0, 0];
  for (let i = 0; i < weights.length; i++) {
    for (let d = 0; d < 2; d++) sums[d] += weights[i] ** 2 * (targets[2 * i + d] - velocity[d]) ** 2;
  }
  return sums.map(Math.sqrt);
}
