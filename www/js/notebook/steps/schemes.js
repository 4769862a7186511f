// The steps figure's fixed choices and its one piece of arithmetic: the observed order of a
// scheme, the slope of log error against log NFE.

/** The three models: independent pairs, minibatch-OT pairs, and the independent model reflowed once. */
export const COUPLINGS = Object.freeze(/** @type {const} */ (['independent', 'ot', 'reflow']));
export const SCHEMES = Object.freeze(/** @type {const} */ (['euler', 'midpoint', 'rk4', 'dopri5']));
/** Evaluations a step costs (the core's Scheme::evaluations_per_step). */
export const PER_STEP = Object.freeze({ euler: 1, midpoint: 2, rk4: 4, dopri5: 6 });
/** The budgets of function evaluations offered. */
export const LADDER = Object.freeze([1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64]);

/** The steps `nfe` evaluations pay for with `scheme`. */
export const stepsFor = (scheme, nfe) => Math.floor(nfe / PER_STEP[scheme]);

/**
 * Least-squares slope of -log(error) against log(nfe) over the last `count` budgets at which
 * the error is finite and above `floor` (below it, rounding dominates); NaN with fewer than two.
 */
export function observedOrder(nfes, errors, { count = 3, floor = 1e-11 } = {}) {
  const points = [];
  nfes.forEach((nfe, i) => {
    if (Number.isFinite(errors[i]) && errors[i] > floor) points.push([Math.log(nfe), Math.log(errors[i])]);
  });
  const used = points.slice(-count);
  if (used.length < 2) return NaN;
  const mx = used.reduce((a, p) => a + p[0], 0) / used.length;
  const my = used.reduce((a, p) => a + p[1], 0) / used.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of used) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return -sxy / sxx;
}

/** Whether `scheme` spends exactly `nfe` evaluations (a whole number of its steps). */
export const spendsExactly = (scheme, nfe) => nfe > 0 && nfe % PER_STEP[scheme] === 0;
