// The marginal-field figure's worker: the only module of the figure that calls the WebAssembly core.
// It trains a flow-matching model on the 8 Gaussians (straight path, independent pairs), then, at a
// time t, evaluates on a grid the exact marginal field and density (closed forms of the mixture) and
// the learned ones (the network, and its log-density by the ODE backward to t = 0); at a point, the
// exact field, the network and the average of the conditional targets of the lines through it,
// with its standard error and only the heaviest lines (the page draws no more).
import { FlowModel, conditional_average_at, loadCore, marginal_field } from '../../core.js';
import { serveOps } from '../../kit/worker-loop.js';
import { trainInChunks } from '../training.js';
import { averageError, heaviest, SHOWN_LINES } from './stats.js';

const LEARNING_RATE = 3e-3;

let model = null;
let lines = null; // data samples x1: one line through the chosen point ends at each

function requireModel() {
  if (!model) throw new Error('no model yet');
  return model;
}

const OPS = {
  async init() {
    await loadCore();
    return {};
  },

  /** A fresh model and the samples it shows: { x0, x1 } (the drawn pairs). */
  setup({ width, seed, pairs, lines: n }) {
    model?.free();
    model = new FlowModel({ target: '8gaussians', path: 'linear', sigma_min: 0, width, depth: 3, seed, lr: LEARNING_RATE });
    lines = model.sample_target(n, seed + 3);
    return { x0: model.sample_base(pairs, seed + 1), x1: model.sample_target(pairs, seed + 2) };
  },

  /** Flow-matching steps in chunks, with progress { done, total, loss }; returns the last loss. */
  train({ steps }, job) {
    return trainInChunks(requireModel(), steps, job);
  },

  /** On the grid `nodes` at time t: exact { velocity, logDensity } and learned ones. */
  grid({ nodes, t }) {
    const m = requireModel();
    const exact = marginal_field(nodes, t);
    const learned = { velocity: m.velocity(nodes, t), logDensity: m.log_density(nodes, { t }) };
    return { exact, learned };
  },

  /**
   * At the point [x, y] and time t: exact u_t, learned v_θ and the lines' average { velocity, se
   * (per coordinate), effective, weights and targets of the SHOWN_LINES heaviest, heaviest first }.
   */
  point({ point, t }) {
    const m = requireModel();
    const a = conditional_average_at(lines, t, point);
    const top = heaviest(a.weights, SHOWN_LINES);
    return {
      exact: marginal_field(point, t).velocity,
      learned: m.velocity(point, t),
      average: {
        velocity: a.velocity,
        se: averageError(a.weights, a.targets, a.velocity),
        effective: a.effective,
        weights: Float64Array.from(top, (i) => a.weights[i]),
        targets: Float64Array.from(top.flatMap((i) => [a.targets[2 * i], a.targets[2 * i + 1]])),
      },
    };
  },
};

serveOps(OPS);
