// The numbers under the ODE-as-SDE figure: a sample's means and variances against the exact
// moments of p_t, in standard errors, and how far apart two samplers' points from the same start are.
import { coordinate, moments } from '../diffusion/stats.js';

/**
 * Row `frame` of `rows` (2n values a row) against the exact [mean x, mean y, var x, cov xy, var y]:
 * for x and y the sample mean and variance and their differences from exact in standard errors of
 * the sample (mean: s/√n; variance: √((m4 − s⁴)/n)). Returns { mean: [x, y], variance: [x, y],
 * z: [mean x, mean y, var x, var y], worst: max |z| }.
 */
export function againstExact(rows, n, frame, exact) {
  const [mx, my] = [0, 1].map((axis) => moments(coordinate(rows, n, frame, axis)));
  const exactMean = [exact[0], exact[1]];
  const exactVar = [exact[2], exact[4]];
  const z = [mx, my].flatMap((m, i) => [
    (m.mean - exactMean[i]) / Math.sqrt(m.variance / m.n),
    (m.variance - exactVar[i]) / Math.sqrt(Math.max(0, m.m4 - m.variance ** 2) / m.n),
  ]);
  return {
    mean: [mx.mean, my.mean],
    variance: [mx.variance, my.variance],
    z: [z[0], z[2], z[1], z[3]],
    worst: Math.max(...z.map(Math.abs)),
  };
}

/** Mean distance between point i of `a` and point i of `b` in row `frame` (2n values a row). */
export function meanDistance(a, b, n, frame) {
  const start = frame * 2 * n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const [dx, dy] = [a[start + 2 * i] - b[start + 2 * i], a[start + 2 * i + 1] - b[start + 2 * i + 1]];
    sum += Math.hypot(dx, dy);
  }
  return sum / n;
}
