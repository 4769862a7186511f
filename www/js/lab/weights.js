// The lab's shipped trained models (../kit/shipped.js): the lab's default model trained for the
// start-up steps on each built-in target, with its training history, so that a figure opens
// trained. A model is shipped for some settings only; for any other (another width, path,
// seed...) there is none and the lab trains from scratch.
import { MODEL_KEYS } from './config.js';
import { findShipped } from '../kit/shipped.js';

/** Whether a shipped entry was trained with exactly the model settings of `settings`. */
export function matches(entry, settings) {
  return MODEL_KEYS.every((key) => String(entry.settings[key]) === String(settings[key]));
}

/**
 * The training history of an entry: one loss per step (each block of `lossBlock` steps holds its
 * block's mean, the resolution index.json keeps) and the held-out scores.
 */
export function historyOf(entry) {
  const losses = new Float32Array(entry.losses.length * entry.lossBlock);
  entry.losses.forEach((mean, i) => losses.fill(mean ?? NaN, i * entry.lossBlock, (i + 1) * entry.lossBlock));
  return { losses, evaluations: entry.evaluations };
}

/**
 * The shipped model for `settings`: { bytes (a fresh copy, FlowModel.load's input), steps,
 * losses, evaluations }, or null when none is shipped for them or the files cannot be fetched.
 */
export async function shippedModel(settings) {
  const found = await findShipped('models', (m) => matches(m, settings));
  return found && { bytes: found.bytes, steps: found.entry.steps, ...historyOf(found.entry) };
}
