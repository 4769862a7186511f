// The worker of <flow-coupling>: the only place that calls the wasm core for this figure. It owns
// one CouplingModel, trains it in chunks and sends snapshots: model samples, the data pushed
// through each layer, the learned density on a grid, and held-out scores.
import { CouplingModel, loadCore } from '../../core.js';
import { serveOps, yieldNow } from '../../kit/worker-loop.js';
import { gridPoints } from './data.js';

const POINTS = 1000; // data points followed through the layers, and model samples
const GRID = 64; // density grid nodes per side
const CHUNK = 25; // steps per train_step call (one point of the training curves)
const HELD_OUT = { n: 2000, seed: 12345 };

let state = null; // { model, data, grid, box }

function snapshot({ model, data, grid }) {
  const stages = model.stages(data);
  return {
    step: model.steps(),
    samples: model.sample(POINTS, 7),
    stages: stages.positions,
    density: model.log_density(grid),
    evaluation: model.evaluate(HELD_OUT),
  };
}

const OPS = {
  /**
   * A model: the flow saved in `weights` (CouplingModel.save bytes, shipped for `settings`), else,
   * or if they are refused (`weightsError` says why), a fresh one with `settings`. Returns
   * `{ info, layers, params, data, weightsError, ...snapshot }`.
   */
  async create({ settings, weights = null }) {
    await loadCore();
    state?.model.free();
    state = null;
    let model = null;
    let weightsError = null;
    if (weights) {
      try {
        model = CouplingModel.load(weights);
      } catch (error) {
        weightsError = error.message;
      }
    }
    model ??= new CouplingModel(settings);
    const info = model.target_info();
    const [xmin, xmax, ymin, ymax] = info.bounds;
    const box = { xmin, xmax, ymin, ymax };
    state = { model, data: model.sample_target(POINTS, settings.seed + 1), grid: gridPoints(box, GRID) };
    return {
      info: { name: info.name, entropy: info.entropy, box },
      grid: GRID,
      layers: model.layers(),
      params: model.n_params(),
      data: state.data.slice(),
      weightsError,
      ...snapshot(state),
    };
  },

  /**
   * Trains until `until` steps (or cancel). Progress messages carry the training curves of the new
   * chunks ({ steps, loglik, base, logdet }: chunk means) and, about every `every` ms, a snapshot.
   */
  async train({ until = 3000, every = 400 }, job) {
    if (!state) throw new Error('no model yet');
    const mine = state; // a 'create' during training replaces (and frees) the model: stop then
    const { model } = mine;
    const alive = () => state === mine && !job.cancelled();
    let curves = emptyCurves();
    let last = performance.now();
    let rate = { steps: 0, ms: 0 };
    while (alive() && model.steps() < until) {
      const n = Math.min(CHUNK, until - model.steps());
      const t0 = performance.now();
      const { base, logDet } = model.train_step(n);
      rate = { steps: rate.steps + n, ms: rate.ms + performance.now() - t0 };
      curves.steps.push(model.steps());
      curves.base.push(mean(base));
      curves.logdet.push(mean(logDet));
      if (performance.now() - last > every || model.steps() >= until) {
        job.progress({ curves, rate: (1000 * rate.steps) / rate.ms, ...snapshot(mine) });
        curves = emptyCurves();
        rate = { steps: 0, ms: 0 };
        last = performance.now();
      }
      await yieldNow();
    }
    if (state !== mine) return { step: -1 };
    if (curves.steps.length) job.progress({ curves, ...snapshot(mine) });
    return { step: model.steps() };
  },
};

function emptyCurves() {
  return { steps: [], base: [], logdet: [] };
}

function mean(values) {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

serveOps(OPS);
