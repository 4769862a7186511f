// The numbers under the diffusion figure: means and variances of one coordinate for the SDE, the
// ODE and the exact marginal, and the SDE - ODE differences in standard errors.
import { compareSamples, coordinate, moments } from './stats.js';
import { setReadout } from '../figure-parts.js';
import { marginalMoments } from './vp-mixture.js';

/** Fills the readouts of `host` for coordinate `axis` at flow time t, with data-* for tests. */
export function showComparison(host, words, { sde, ode, t, axis }) {
  const [a, b] = [moments(sde), moments(ode)];
  const exact = marginalMoments(t, axis);
  const cmp = compareSamples(ode, sde);
  const triple = (key, field) =>
    setReadout(host, key, words.triple(a[field], b[field], exact[field]), { sde: a[field], ode: b[field], exact: exact[field] });
  triple('means', 'mean');
  triple('variances', 'variance');
  /** @type {[string, { diff: number, se: number, z: number }][]} */
  const differences = [['dmean', cmp.mean], ['dvar', cmp.variance]];
  for (const [key, d] of differences) {
    setReadout(host, key, words.difference(d), { value: d.z, diff: d.diff, se: d.se });
  }
}

/**
 * The agreement at t_max (the last frame of `data` { sde, ode, times }, n points): for x and y, the
 * SDE - ODE differences of the means and variances in standard errors, { x: { mean, variance }, y }.
 */
export function finalAgreement({ sde, ode, times }, n) {
  const last = times.length - 1;
  const [x, y] = [0, 1].map((axis) => {
    const cmp = compareSamples(coordinate(ode, n, last, axis), coordinate(sde, n, last, axis));
    return { mean: cmp.mean.z, variance: cmp.variance.z };
  });
  return { x, y };
}
