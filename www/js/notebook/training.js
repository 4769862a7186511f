// Flow-matching training inside a figure's worker: steps in chunks, a progress message after each
// chunk and a yield so that 'cancel' is read (protocol of ../kit/worker-loop.js).
import { yieldNow } from '../kit/worker-loop.js';

const CHUNK = 50; // training steps between progress messages

/**
 * Takes `steps` steps of `model` (a FlowModel) for the worker request `job`; after each chunk
 * calls report(done, loss) with the chunk's mean loss (by default, posts { done, total, loss }).
 * Stops early when `job` is cancelled. Resolves to { loss (the last chunk's mean), steps (the
 * model's total), cancelled }.
 * @param {any} model @param {number} steps @param {any} job
 * @param {(done: number, loss: number) => void} [report]
 */
export async function trainInChunks(model, steps, job, report = (done, loss) => job.progress({ done, total: steps, loss })) {
  let loss = NaN;
  for (let done = 0; done < steps && !job.cancelled(); ) {
    const losses = model.train_step(Math.min(CHUNK, steps - done));
    done += losses.length;
    loss = losses.reduce((a, b) => a + b, 0) / losses.length;
    report(done, loss);
    await yieldNow();
  }
  return { loss, steps: model.steps(), cancelled: job.cancelled() };
}
