// The residual-flow figure's worker: the only module of the figure that calls the WebAssembly core.
// It trains a small flow-matching model on the 8 Gaussians, then pushes the same base points through
// residual flows with K steps and through the ODE (DOPRI5), keeping the broken-line paths of a few.
import { FlowModel, loadCore, residual_convergence } from '../../core.js';
import { serveOps } from '../../kit/worker-loop.js';
import { trainInChunks } from '../training.js';
import { stepTimes } from './math.js';

const PATH_SAMPLES = 64; // times along each smooth ODE trajectory
const LEARNING_RATE = 3e-3; // 2000 steps reach a held-out NLL within 0.06 nats of the entropy

let model = null;
let base = null; // the n points at t = 0
let tracked = null; // the first few of them, whose paths are drawn

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
    await loadCore();
    return {};
  },

  /** A fresh model and its base points (the first picture): { base }. */
  setup({ width, seed, n, paths }) {
    model?.free();
    model = new FlowModel({ target: '8gaussians', width, depth: 3, seed, lr: LEARNING_RATE });
    base = model.sample_base(n, seed + 1);
    tracked = base.slice(0, 2 * paths);
    return { base: base.slice() };
  },

  /** Flow-matching steps in chunks, with progress { done, total, loss }; returns the last loss. */
  train({ steps }, job) {
    return trainInChunks(requireModel(), steps, job);
  },

  /**
   * One call for every K of `ks`: the ODE's end points (DOPRI5) and the smooth trajectories of the
   * tracked points, and for each K { k, positions, paths, positionRmsError,
   * logDensityMeanError, folded, invertible }. A level whose steps fold the plane at some points
   * (det(I + h du/dx) <= 0) still moves them, but has no density there (NaN error, folded > 0).
   */
  levels({ ks }) {
    const m = requireModel();
    const result = residual_convergence(m, base, Uint32Array.from(ks));
    const times = stepTimes(PATH_SAMPLES);
    const exact = {
      positions: result.exact.positions,
      paths: m.integrate(tracked, { method: 'dopri5', times }).positions,
      times,
    };
    const levels = result.levels.map((level) => ({
      ...level,
      paths: brokenLines(level.k),
      invertible: level.folded === 0,
    }));
    return { exact, levels };
  },
};

serveOps(OPS);
