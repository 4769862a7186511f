// The exact marginals of the diffusion figure: FFJORD's 8 Gaussians carried along the VP path of
// Song et al. (β from 0.1 to 20), in flow time t (t = 0 noise, t = 1 data; diffusion time s = 1 - t).
// Same constants as src/target/gaussians.rs and src/path/vp.rs; written independently of the core,
// so that the figure (and its tests) check the core's samplers against a closed form.
//
// X_t = α X + σ ε with α = exp(-T/2), σ² = 1 - exp(-T), T(s) = β_min s + (β_max - β_min) s²/2.
// Each coordinate of p_t is a mixture of 1D Gaussians N(α μ_k, α² σ_data² + σ²).

export const RADIUS = 4 / 1.414;
export const SIGMA = 0.5 / 1.414;
export const BETA = Object.freeze({ min: 0.1, max: 20 });
export const T_MAX = 1 - 1e-5;
const SQRT_HALF = Math.SQRT1_2;
/** Unit directions of the eight centres. */
const DIRECTIONS = [
  [1, 0], [-1, 0], [0, 1], [0, -1],
  [SQRT_HALF, SQRT_HALF], [SQRT_HALF, -SQRT_HALF], [-SQRT_HALF, SQRT_HALF], [-SQRT_HALF, -SQRT_HALF],
];

/** α and σ at flow time t (clamped to [0, T_MAX]). */
export function schedule(t) {
  const s = 1 - Math.min(Math.max(t, 0), T_MAX);
  const integrated = s * (BETA.min + 0.5 * s * (BETA.max - BETA.min));
  return { alpha: Math.exp(-0.5 * integrated), sigma: Math.sqrt(-Math.expm1(-integrated)) };
}

/** The density of coordinate `axis` (0 = x, 1 = y) of p_t at each of `xs`. */
export function marginalDensity(t, axis, xs) {
  const { alpha, sigma } = schedule(t);
  const variance = alpha * alpha * SIGMA * SIGMA + sigma * sigma;
  const norm = 1 / (DIRECTIONS.length * Math.sqrt(2 * Math.PI * variance));
  return Array.from(xs, (x) => {
    let sum = 0;
    for (const d of DIRECTIONS) sum += Math.exp(-((x - alpha * RADIUS * d[axis]) ** 2) / (2 * variance));
    return norm * sum;
  });
}

/** Mean and variance of coordinate `axis` of p_t (the mean is 0 by symmetry). */
export function marginalMoments(t, axis) {
  const { alpha, sigma } = schedule(t);
  let second = 0;
  for (const d of DIRECTIONS) second += (alpha * RADIUS * d[axis]) ** 2 / DIRECTIONS.length;
  return { mean: 0, variance: second + alpha * alpha * SIGMA * SIGMA + sigma * sigma };
}
