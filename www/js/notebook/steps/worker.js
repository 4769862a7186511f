// The steps-against-quality figure's worker: the only module of the figure that calls the
// WebAssembly core. It trains three flow-matching models on the 8 Gaussians: one with independent
// pairs, one with minibatch optimal-transport pairs, and a copy of the first reflowed once (trained
// on to its own ODE pairs (x₀, φ₁(x₀))). It samples each by Euler, midpoint, RK4 and DOPRI5 at
// every budget of function evaluations, and runs the same schemes on v = A x.
import { FlowModel, linear_errors, loadCore, steps_study } from '../../core.js';
import { serveOps, yieldNow } from '../../kit/worker-loop.js';
import { trainInChunks } from '../training.js';
import { COUPLINGS, SCHEMES } from './schemes.js';

const LEARNING_RATE = 3e-3;
/** The linear field of the order check: a damped rotation, e^{tA} has no special structure. */
const LINEAR_A = [-0.3, 1.2, -0.8, 0.1];

const models = {};

/**
 * A new model for `coupling`. Reflow starts from the trained independent model (so it needs that
 * one first): the same weights, now trained on the pairs its own ODE makes.
 */
function newModel(coupling, options) {
  if (coupling !== 'reflow') return new FlowModel({ ...options, coupling });
  const model = FlowModel.load(models.independent.save());
  model.start_reflow();
  return model;
}

const OPS = {
  async init() {
    await loadCore();
    return {};
  },

  /** Trains the models for `steps` steps each, in COUPLINGS' order, with progress { done, total, loss }. */
  async train({ steps, width, seed }, job) {
    const total = steps * COUPLINGS.length;
    const losses = {};
    for (const [c, coupling] of COUPLINGS.entries()) {
      models[coupling]?.free();
      const model = newModel(coupling, { target: '8gaussians', width, depth: 3, seed, lr: LEARNING_RATE });
      models[coupling] = model;
      const report = (done, loss) => job.progress({ done: c * steps + done, total, loss });
      losses[coupling] = (await trainInChunks(model, steps, job, report)).loss;
    }
    return { losses, box: Array.from(models.independent.target_info().bounds) };
  },

  /**
   * Every coupling x scheme at the budgets `nfes`: { studies: { coupling: { scheme: study } },
   * linear: { scheme: errors } }, with progress { done, total }.
   */
  async study({ nfes, n, tracked, seed }, job) {
    const studies = {};
    const total = COUPLINGS.length * SCHEMES.length;
    let done = 0;
    for (const coupling of COUPLINGS) {
      studies[coupling] = {};
      for (const scheme of SCHEMES) {
        studies[coupling][scheme] = steps_study(models[coupling], { scheme, nfes, n, tracked, seed });
        job.progress({ done: ++done, total });
        await yieldNow();
        if (job.cancelled()) return { cancelled: true };
      }
    }
    const linear = linear_errors(LINEAR_A, [1, -0.5], 1, Uint32Array.from(nfes));
    return { studies, linear };
  },
};

serveOps(OPS);
