// The training loop of a figure's worker: flow-matching steps of a FlowModel in chunks, with a
// progress message after each chunk and a chance to be cancelled between them.
import { yieldNow } from '../kit/worker-loop.js';

const CHUNK = 50; // training steps between progress messages

/**
 * Runs `steps` training steps of `model` (a FlowModel) for the worker request `job`, posting
 * { done, total, loss } (the chunk's mean loss) after each chunk. Resolves to { loss, steps (the
 * model's total), cancelled }.
 * @param {any} model @param {number} steps @param {any} job
 */
export async function trainInChunks(model, steps, job) {
  let loss = NaN;
  for (let done = 0; done < steps && !job.cancelled(); ) {
    const losses = model.train_step(Math.min(CHUNK, steps - done));
    done += losses.length;
    loss = losses.reduce((a, b) => a + b, 0) / losses.length;
    job.progress({ done, total: steps, loss });
    await yieldNow();
  }
  return { loss, steps: model.steps(), cancelled: job.cancelled() };
}
