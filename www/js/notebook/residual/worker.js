// The residual-flow figure's worker: the only module of the figure that calls the WebAssembly core.
// It trains a small flow-matching model on the 8 Gaussians, then pushes the same base points through
// residual flows with K steps and through the ODE (DOPRI5), keeping the broken-line paths of a few.
import init, { FlowModel, residual_convergence } from '../../../../pkg/flowlab.js';
import { serveOps, yieldNow } from '../../kit/worker-loop.js';
import { rmsDistance, stepTimes } from './math.js';

const CHUNK = 50; // training steps between progress messages
const PATH_SAMPLES = 64; // times along each smooth ODE trajectory
const LEARNING_RATE = 3e-3; // 2000 steps reach a held-out NLL within 0.06 nats of the entropy

let model = null;
let base = null; // the n points at t = 0
let tracked = null; // the first few of them, whose paths are drawn
let exact = null; // where the ODE takes the base points at t = 1

function requireModel() {
  if (!model) throw new Error('no model yet');
  return model;
}

/** The path of `points` through the K residual steps (K rows), as Euler with one step per row. */
function brokenLines(k) {
  return requireModel().integrate(tracked, { method: 'euler', steps: k, times: stepTimes(k) }).positions;
}

const OPS = {
  async init() {
    await init();
    return {};
  },

  /** A fresh model and its base points (the first picture): { base }. */
  setup({ width, seed, n, paths }) {
    model?.free();
    model = new FlowModel({ target: '8gaussians', width, depth: 3, seed, lr: LEARNING_RATE });
    base = model.sample_base(n, seed + 1);
    tracked = base.slice(0, 2 * paths);
    exact = null;
    return { base: base.slice() };
  },

  /** Flow-matching steps in chunks, with progress { done, total, loss }; returns the last loss. */
  async train({ steps }, job) {
    const m = requireModel();
    let loss = NaN;
    for (let done = 0; done < steps && !job.cancelled(); ) {
      const losses = m.train_step(Math.min(CHUNK, steps - done));
      done += losses.length;
      loss = losses.reduce((a, b) => a + b, 0) / losses.length;
      job.progress({ done, total: steps, loss });
      await yieldNow();
    }
    return { loss, steps: m.steps(), cancelled: job.cancelled() };
  },

  /** The ODE's end points of all base points and the smooth trajectories of the tracked ones. */
  exact() {
    const m = requireModel();
    exact = m.integrate(base, { method: 'dopri5' }).positions;
    const times = stepTimes(PATH_SAMPLES);
    const paths = m.integrate(tracked, { method: 'dopri5', times }).positions;
    return { positions: exact.slice(), paths, times };
  },

  /**
   * Level K: { k, positions, paths, position_rms_error, log_density_mean_error, invertible }. When a
   * step folds the plane (det(I + h du/dx) <= 0 somewhere) the log-density is undefined: the points
   * still move (Euler) and their error is measured here against the ODE's.
   */
  level({ k }) {
    const m = requireModel();
    if (!exact) throw new Error('compute the exact flow first');
    const paths = brokenLines(k);
    try {
      const { levels } = residual_convergence(m, base, Uint32Array.of(k));
      const [l] = levels;
      return { ...l, paths, invertible: true };
    } catch (error) {
      if (!/not invertible/.test(error.message)) throw error;
      const positions = m.integrate(base, { method: 'euler', steps: k, times: [1] }).positions;
      return {
        k,
        positions,
        paths,
        position_rms_error: rmsDistance(positions, exact),
        log_density_mean_error: NaN,
        invertible: false,
      };
    }
  },
};

serveOps(OPS);
