// The trained weights the site ships (../../weights/, written by examples/train_weights.rs): the
// lab's default model trained for the start-up steps on each built-in target, with its training
// history, so that a figure opens trained. A model is shipped for some settings only; for any
// other (another width, path, seed...) there is none and the lab trains from scratch. The files
// are fetched relative to this module, so they are found under any sub-path and from another
// origin; each is fetched once per page, however many labs use it.
import { MODEL_KEYS } from './config.js';

const INDEX = new URL('../../weights/index.json', import.meta.url);

/** @type {Promise<any> | null} */
let index = null;
/** @type {Map<string, Promise<ArrayBuffer>>} */
const files = new Map();

async function fetchOk(url, read) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return read(response);
}

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
  let entry;
  try {
    index ??= fetchOk(INDEX, (r) => r.json());
    entry = (await index).models.find((/** @type {any} */ m) => matches(m, settings));
  } catch {
    index = null; // try again next time
    return null;
  }
  if (!entry) return null;
  const url = new URL(entry.file, INDEX).href;
  if (!files.has(url)) files.set(url, fetchOk(url, (r) => r.arrayBuffer()));
  try {
    const bytes = new Uint8Array((await files.get(url)).slice(0));
    return { bytes, steps: entry.steps, ...historyOf(entry) };
  } catch {
    files.delete(url);
    return null;
  }
}
