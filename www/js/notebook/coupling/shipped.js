// The trained flow <flow-coupling> opens with (../../kit/shipped.js, list 'couplings'): the
// figure's default flow trained by examples/train_weights.rs for the figure's steps, and the
// training curves of that run, so that the figure opens at the end of the learning with its plot.
import { findShipped } from '../../kit/shipped.js';
import { NO_CURVES, appendCurves } from './data.js';

/** Whether `entry` was trained with exactly `settings` (the same keys and values) for `steps`. */
export function sameRun(entry, settings, steps) {
  const keys = Object.keys(settings);
  return (
    entry.steps === steps &&
    Object.keys(entry.settings).length === keys.length &&
    keys.every((key) => String(entry.settings[key]) === String(settings[key]))
  );
}

/**
 * The training curves of an entry, as the worker reports them: after each chunk of `chunk` steps,
 * the chunk's means of the two terms (`base`, `logDet`) and their sum.
 */
export function curvesOf(entry) {
  const steps = entry.base.map((_, i) => (i + 1) * entry.chunk);
  const nan = (/** @type {number | null} */ v) => v ?? NaN;
  return appendCurves(NO_CURVES, { steps, base: entry.base.map(nan), logdet: entry.logDet.map(nan) });
}

/**
 * The shipped flow trained with `settings` for `steps` steps: { bytes (CouplingModel.load's
 * input), steps, curves }, or null when none is shipped for them or the files cannot be fetched.
 */
export async function shippedFlow(settings, steps) {
  const found = await findShipped('couplings', (entry) => sameRun(entry, settings, steps));
  return found && { bytes: found.bytes, steps: found.entry.steps, curves: curvesOf(found.entry) };
}
