// Pure numbers behind the residual-flow figure: the K values, Euler's output times and the
// observed order of convergence e(K/2) / e(K) = 2^p.

/** 1, 2, 4, ..., up to `maxK` (at least [1]). */
export function powersOfTwo(maxK) {
  const ks = [1];
  while (ks[ks.length - 1] * 2 <= maxK) ks.push(ks[ks.length - 1] * 2);
  return ks;
}

/** The K output times k / K, k = 1..K: one residual step between two of them. */
export function stepTimes(k) {
  return Float64Array.from({ length: k }, (_, i) => (i + 1) / k);
}

/**
 * The observed order at each level of `ks` (ascending, each twice the one before), from the
 * errors e: p_i = log2(e_{i-1} / e_i), so that e ∝ K^-p. NaN for the first level and wherever an
 * error is missing or not positive.
 */
export function observedOrders(ks, errors) {
  return ks.map((k, i) => {
    if (i === 0 || ks[i - 1] * 2 !== k) return NaN;
    const [a, b] = [errors[i - 1], errors[i]];
    return a > 0 && b > 0 && Number.isFinite(a / b) ? Math.log2(a / b) : NaN;
  });
}

/**
 * A first-order reference C / K through the geometric mean of the positive errors (in log space
 * the line of slope -1 that passes through the middle of the data); NaN everywhere without data.
 */
export function firstOrderReference(ks, errors) {
  let [sum, count] = [0, 0];
  ks.forEach((k, i) => {
    if (errors[i] > 0 && Number.isFinite(errors[i])) [sum, count] = [sum + Math.log(errors[i] * k), count + 1];
  });
  const c = count ? Math.exp(sum / count) : NaN;
  return ks.map((k) => c / k);
}
