// The lab's worker: the only module that calls the WebAssembly core. It owns one FlowModel and
// answers the messages of client.js. A lab runs one that trains and moves the particles, and a pool
// of density workers that adopt a saved copy of the network and compute parts of the density films
// (films.js), so that training never waits for them. The protocol is kit/worker-loop.js.
//
// Long jobs run in chunks and yield between them, so that 'cancel' and quick requests (the field
// at a new t) get through; a cancelled job ends with 'done' and what it finished ({ cancelled }).
import {
  FlowModel,
  LagrangianView,
  compare_views,
  eulerian_film,
  face_velocities,
  lagrangian_film,
  loadCore,
  target_names,
  trajectory_check,
  version,
} from '../core.js';
import { serveOps, yieldNow } from '../kit/worker-loop.js';

let model = null;
let base = null; // the particles at t = 0 of the current model
let generation = 0; // counts models, so that a job outliving its model stops
const free = (object) => object?.free?.();

function requireModel() {
  if (!model) throw new Error('no model yet: choose a target first');
  return model;
}

/** Whether `job`, started with the model of generation `g`, should go on after a yield. */
const live = (job, g) => !job.cancelled() && g === generation;

const OPS = {
  async init() {
    await loadCore();
    return { version: version(), targets: target_names() };
  },

  /**
   * A new model; the previous one is kept if the options are rejected. With `weights` (bytes of
   * FlowModel.save, shipped for these options: weights.js), the model starts from them, unless
   * the core refuses them or they are of another target or size: then it starts untrained and
   * `weightsError` says why.
   */
  configure({ options, particles, targetSamples, density, weights }) {
    let next = new FlowModel(options);
    let weightsError = null;
    if (weights) {
      try {
        const loaded = FlowModel.load(weights);
        const same = loaded.target_info().name === options.target && loaded.n_params() === next.n_params();
        if (!same) {
          loaded.free();
          throw new Error(`they are of another model than target ${options.target}`);
        }
        loaded.set_learning_rate(options.lr);
        next.free();
        next = loaded;
      } catch (error) {
        weightsError = error.message;
      }
    }
    free(model);
    model = next;
    generation++;
    const mesh = new LagrangianView(density.lagrangian); // for its triangles
    const triangles = mesh.triangles();
    mesh.free();
    base = model.sample_base(particles, options.seed + 1);
    return {
      info: model.target_info(),
      params: model.n_params(),
      base: base.slice(),
      target: model.sample_target(targetSamples, options.seed + 2),
      triangles,
      steps: model.steps(),
      weightsError,
    };
  },

  /** `n` samples of the built-in target `name` (for its thumbnail), from a model built and freed. */
  async targetSamples({ name, n, seed }) {
    await loadCore();
    const m = new FlowModel({ target: name });
    try {
      return { points: m.sample_target(n, seed) };
    } finally {
      m.free();
    }
  },

  /** The model as bytes (FlowModel.save), for another worker to adopt. */
  save() {
    const m = requireModel();
    return { step: m.steps(), bytes: m.save() };
  },

  /** Takes over a saved model: the density workers follow the trainer. */
  adopt({ bytes }) {
    const next = FlowModel.load(bytes);
    free(model);
    model = next;
    generation++;
    return { step: model.steps() };
  },

  setLearningRate({ lr }) {
    requireModel().set_learning_rate(lr);
    return { lr };
  },

  /**
   * `steps` flow-matching steps in chunks of at most `chunk`, sized to last about `chunkMs` (a big
   * network takes fewer steps per chunk, so that a cancel still gets through quickly); the
   * held-out NLL every `evalEvery` steps.
   */
  async train({ steps, chunk, chunkMs, evalEvery, evaluation }, job) {
    const m = requireModel();
    const g = generation;
    let done = 0;
    let size = 1;
    while (done < steps) {
      const n = Math.min(size, steps - done);
      const start = performance.now();
      const before = m.steps();
      let losses;
      try {
        losses = m.train_step(n);
      } catch (error) {
        // Diverged: the core keeps the weights of the last good step; its losses are lost.
        const lost = m.steps() - before;
        job.progress({ losses: new Float32Array(lost).fill(NaN), step: m.steps() });
        throw error;
      }
      const elapsed = performance.now() - start;
      size = Math.max(1, Math.min(chunk, Math.round((n * chunkMs) / Math.max(elapsed, 1e-3))));
      done += n;
      const step = m.steps();
      const data = { losses, step };
      if (evalEvery > 0 && Math.floor(step / evalEvery) > Math.floor((step - n) / evalEvery)) {
        data.evaluation = { step, ...m.evaluate(evaluation) };
      }
      job.progress(data);
      await yieldNow();
      if (!live(job, g)) return { cancelled: true };
    }
    return { step: m.steps(), cancelled: false };
  },

  evaluate({ evaluation }) {
    const m = requireModel();
    return { step: m.steps(), ...m.evaluate(evaluation) };
  },

  /**
   * The particles' positions at `times` (row-major by time), integrated from t = 0 in blocks of
   * `block` particles with a yield (and a progress message) after each.
   */
  async frames({ times, solver, block }, job) {
    const m = requireModel();
    const g = generation;
    const n = base.length / 2;
    const out = new Float64Array(times.length * 2 * n);
    for (let start = 0; start < n; start += block) {
      if (!live(job, g)) return { cancelled: true };
      const end = Math.min(n, start + block);
      const { positions } = m.integrate(base.subarray(2 * start, 2 * end), { ...solver, times });
      const width = 2 * (end - start);
      for (let k = 0; k < times.length; k++) {
        out.set(positions.subarray(k * width, (k + 1) * width), k * 2 * n + 2 * start);
      }
      job.progress({ fraction: end / n });
      await yieldNow();
    }
    return { cancelled: false, step: m.steps(), times: Float64Array.from(times), positions: out };
  },

  /** v(x, t) at `points`. */
  field({ points, t }) {
    return { t, velocity: requireModel().velocity(points, t) };
  },

  /** log p_t at `points` by the core's log_density (the divergence integrated back to t = 0). */
  logDensity({ points, t, solver }) {
    const m = requireModel();
    return { step: m.steps(), logDensity: m.log_density(Float64Array.from(points), { t, ...solver }) };
  },

  /** The grid's face velocities at the time `nodes` (a share of the table, films.js). */
  faceVelocities({ grid, nodes }) {
    return { values: face_velocities(requireModel(), grid, Float64Array.from(nodes)) };
  },

  /** Rows `rows` of the Lagrangian mesh at every frame time: { positions, logDensity }. */
  meshFilm({ mesh, rows, times, solver }) {
    return lagrangian_film(requireModel(), mesh, rows[0], rows[1], Float64Array.from(times), solver);
  },

  /** The Eulerian grid at every frame time, from the joined table: { density, mass, outflow, steps }. */
  eulerianFilm({ grid, nodes, values, times }) {
    return eulerian_film(grid, Float64Array.from(nodes), values, Float64Array.from(times));
  },

  /** Both films compared at the mesh's vertices, frame by frame: { l1, maxRelative, difference }. */
  compareViews({ mesh, positions, logDensity, grid, density }) {
    return compare_views(mesh, positions, logDensity, grid, density);
  },

  /** d/dt log det J (from the Jacobian ODE) against div v along the trajectory from x0. */
  trajectory({ x0, samples, solver }) {
    const { times, dlogdetDt, divergence, positions, maxGap } = trajectory_check(
      requireModel(),
      Float64Array.from(x0),
      { samples, ...solver },
    );
    return { times, dlogdetDt, divergence, positions, maxGap };
  },
};

serveOps(OPS);
