// Axis ticks: round numbers by the 1-2-5 rule, powers of ten for log axes, and their labels.

/**
 * About `count` evenly spaced round values inside [min, max] (either order), ascending: the step is
 * 1, 2 or 5 times a power of ten, made finer if needed so that there are at least two ticks.
 * Returns [] for non-finite input or count < 1, and [min] if min == max.
 */
export function niceTicks(min, max, count = 5) {
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(count >= 1)) return [];
  if (min > max) [min, max] = [max, min];
  if (min === max) return [min];
  let step = niceStep((max - min) / count);
  let ticks = multiples(min, max, step);
  while (ticks.length < 2) {
    const { mantissa, exponent } = step;
    step = mantissa === 1 ? { mantissa: 5, exponent: exponent - 1 } : { mantissa: mantissa === 5 ? 2 : 1, exponent };
    ticks = multiples(min, max, step);
  }
  return ticks;
}

/** The multiples of mantissa * 10^exponent inside [min, max]. */
function multiples(min, max, { mantissa, exponent }) {
  // Integers times 10^e (or divided by 10^-e) so that 0.1 * 3 gives 0.3, not 0.30000000000000004.
  const scale = 10 ** Math.abs(exponent);
  const at = exponent >= 0 ? (i) => i * mantissa * scale : (i) => (i * mantissa) / scale;
  const step = at(1);
  const ticks = [];
  for (let i = Math.ceil(min / step - 1e-9); i <= Math.floor(max / step + 1e-9); i++) ticks.push(at(i) || 0);
  return ticks;
}

/** The 1-2-5 step closest to `rough`, as mantissa * 10^exponent. */
function niceStep(rough) {
  const exponent = Math.floor(Math.log10(rough));
  const fraction = rough / 10 ** exponent;
  // Thresholds at the geometric means of neighbouring candidates: sqrt(2), sqrt(10), sqrt(50).
  if (fraction < Math.SQRT2) return { mantissa: 1, exponent };
  if (fraction < Math.sqrt(10)) return { mantissa: 2, exponent };
  if (fraction < Math.sqrt(50)) return { mantissa: 5, exponent };
  return { mantissa: 1, exponent: exponent + 1 };
}

/**
 * Ticks for a log axis on [min, max] with 0 < min: powers of ten (every k-th decade when there are
 * more than about `count`); when fewer than three powers fall inside, 1, 2 and 5 times powers of
 * ten, or 1 and 3 times, or every power: the first of these whose closest two ticks are at least
 * 0.4 times the even spacing of `count` ticks apart (on an axis of about 40 px per `count`, as
 * drawLinePlot asks for, 16 px: their 12 px labels never touch), else the powers; within a range
 * too narrow even for that, the linear ticks, thinned alike. [] for an invalid range.
 */
export function logTicks(min, max, count = 5) {
  if (!(min > 0) || !Number.isFinite(max) || !(count >= 1)) return [];
  if (min > max) [min, max] = [max, min];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const decades = Math.max(1, Math.ceil((hi - lo) / count));
  const pick = (mantissas, every) => {
    const ticks = [];
    for (let e = lo; e <= hi; e++) {
      if (e % every !== 0) continue;
      for (const m of mantissas) {
        const value = Number(`${m}e${e}`);
        if (value >= min * (1 - 1e-12) && value <= max * (1 + 1e-12)) ticks.push(value);
      }
    }
    return ticks;
  };
  const powers = pick([1], decades);
  if (powers.length >= 3) return powers;
  const closest = (0.4 * Math.log10(max / min)) / count;
  const spaced = (ticks) => ticks.length >= 2 && smallestRatio(ticks) >= closest * (1 - 1e-9);
  const finer = [pick([1, 2, 5], 1), pick([1, 3], 1), pick([1], 1)];
  const found = finer.find(spaced) ?? [powers, finer[2]].find((ticks) => ticks.length >= 2);
  if (found) return found;
  // Within a factor of ten the axis is nearly linear: its round values, every second (third, ...)
  // one where the refinement to at least two of them crowds them.
  const linear = niceTicks(min, max, count);
  let ticks = linear;
  for (let stride = 2; !spaced(ticks) && linear.length > stride; stride++) {
    ticks = linear.filter((_, i) => i % stride === 0);
  }
  return ticks;
}

/** The smallest log10 ratio of neighbouring values (ascending, positive). */
function smallestRatio(ticks) {
  let smallest = Infinity;
  for (let i = 1; i < ticks.length; i++) smallest = Math.min(smallest, Math.log10(ticks[i] / ticks[i - 1]));
  return smallest;
}

/**
 * A short label for a tick at `value` on an axis whose ticks are `step` apart (default: a log axis,
 * step = |value|): as many decimals as the step needs (and the value: 1.5 on a log axis), or
 * exponent notation ('2e-5', '1e6') when the step is very small or very large.
 * @param {number} value @param {number} [step]
 */
export function formatTick(value, step = Math.abs(value)) {
  if (value === 0 || Math.abs(value) < Math.abs(step) * 1e-9) return '0';
  const magnitude = Math.abs(step);
  if (magnitude >= 1e6 || magnitude < 1e-4) {
    return Number(value.toPrecision(12)).toExponential().replace('e+', 'e');
  }
  let decimals = Math.min(12, Math.max(0, -Math.floor(Math.log10(magnitude) + 1e-9)));
  // Up to two more where the value needs them (1.5 on a log axis, where the step is the value).
  const most = Math.min(12, decimals + 2);
  while (decimals < most && Math.abs(Number(value.toFixed(decimals)) - value) > 1e-9 * magnitude) decimals++;
  return value.toFixed(decimals);
}
