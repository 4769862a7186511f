// The Hutchinson figure's worker: the only module of the figure that calls the WebAssembly core.
// It holds either the linear field v = A x (closed forms known) or a small flow-matching model
// trained here, and asks the core for exact log-densities and single-probe Hutchinson estimates
// at one point and on a grid (the page averages blocks of them into k-probe estimates).
import { FlowModel, hutchinson_study, hutchinson_study_linear, loadCore } from '../../core.js';
import { serveOps } from '../../kit/worker-loop.js';
import { trainInChunks } from '../training.js';

/** The linear field's matrix (row-major): tr A = 0.2, A12 + A21 = 0.4. */
const LINEAR_A = [0.4, 1.0, -0.6, -0.2];
const LINEAR_BOX = [-4, 4, -4, 4];
const LEARNING_RATE = 3e-3;
const METHOD = /** @type {const} */ ({ method: 'rk4', steps: 16 });

let trained = null; // the FlowModel, once trained
let kind = 'linear'; // which field the studies use
const boxOf = () => (kind === 'trained' ? Array.from(trained.target_info().bounds) : LINEAR_BOX);

/** The centres of a side x side grid over `box` [xmin, xmax, ymin, ymax], row 0 at ymin. */
function gridPoints(box, side) {
  const [x0, x1, y0, y1] = box;
  const out = new Float64Array(2 * side * side);
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      out[2 * (j * side + i)] = x0 + ((i + 0.5) / side) * (x1 - x0);
      out[2 * (j * side + i) + 1] = y0 + ((j + 0.5) / side) * (y1 - y0);
    }
  }
  return out;
}

/** Exact log p_1 and `repeats` single-probe estimates at each of `points`. */
function study(points, { probe, repeats, seed }) {
  const options = { ...METHOD, t: 1, probe, probes: 1, repeats, seed };
  return kind === 'trained'
    ? hutchinson_study(trained, points, options)
    : hutchinson_study_linear(LINEAR_A, points, options);
}

const OPS = {
  async init() {
    await loadCore();
    return {};
  },

  /**
   * Chooses the field: the linear one, or the model (trained for `trainSteps` the first time,
   * with progress). Returns { box, steps, loss }.
   */
  async setup({ field, trainSteps, width, seed }, job) {
    kind = field;
    if (field === 'linear') return { box: boxOf(), steps: 0, loss: NaN };
    let loss = NaN;
    if (!trained) {
      const model = new FlowModel({ target: '8gaussians', width, depth: 3, seed, lr: LEARNING_RATE });
      ({ loss } = await trainInChunks(model, trainSteps, job));
      trained = model;
    }
    return { box: boxOf(), steps: trained.steps(), loss };
  },

  /** At `point`: { exact, oneProbeVariance, estimates (`repeats` single probes), evaluations }. */
  point({ point, probe, repeats, seed }) {
    const s = study(Float64Array.from(point), { probe, repeats, seed });
    return { exact: s.exact[0], oneProbeVariance: s.oneProbeVariance[0], estimates: s.estimates, evaluations: s.evaluations };
  },

  /** On a side x side grid: { exact, estimates (`repeats` a cell), variance (one probe) }. */
  grid({ side, probe, repeats, seed }) {
    const s = study(gridPoints(boxOf(), side), { probe, repeats, seed });
    return { exact: s.exact, estimates: s.estimates, variance: s.oneProbeVariance };
  },
};

serveOps(OPS);
