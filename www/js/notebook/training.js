// Flow-matching training inside a figure's worker: steps in chunks, a progress message after each
// chunk and a yield so that 'cancel' is read (protocol of ../kit/worker-loop.js).
import { yieldNow } from '../kit/worker-loop.js';

const CHUNK = 50; // training steps between progress messages

/**
 * Takes `steps` steps of `model` (a FlowModel); after each chunk calls report(done, loss) with the
 * chunk's mean loss. Stops early when `job` is cancelled. Returns the last chunk's mean loss.
 */
export async function trainInChunks(model, steps, job, report) {
  let loss = NaN;
  for (let done = 0; done < steps && !job.cancelled(); ) {
    const losses = model.train_step(Math.min(CHUNK, steps - done));
    done += losses.length;
    loss = losses.reduce((a, b) => a + b, 0) / losses.length;
    report(done, loss);
    await yieldNow();
  }
  return loss;
}
