// What the lab computes and how much of it: sizes chosen so that the worker answers within a few
// hundred milliseconds and the main thread only draws. Also the map from settings to core options.

/** The world box of every figure: the Eulerian grid's box, which holds the targets and N(0, I). */
export const BOX = Object.freeze({ xmin: -4.5, xmax: 4.5, ymin: -4.5, ymax: 4.5 });

export const BUDGET = Object.freeze({
  particles: 600, // moved by the flow, drawn every frame
  trails: 200, // of them drawn with their trajectory
  frames: 20, // times at which the particles are integrated; frames in between are interpolated
  block: 150, // particles integrated per worker chunk
  targetSamples: 1500, // the faint background
  chunk: 50, // at most this many training steps per worker chunk (a cancel waits one chunk)
  chunkMs: 60, // and about this long
  round: 250, // steps between refreshes of the particles while training
  autoSteps: 3000, // training started on page load stops here (Play continues)
  evalEvery: 500, // steps between held-out NLL evaluations
  // The same held-out points every time, so that the curve shows the network change, not noise;
  // RK4 with 10 steps gives the NLL of a trained network within 1e-4 nats of 40 steps.
  evaluation: Object.freeze({ n: 500, seed: 12345, method: 'rk4', steps: 10 }),
  // Both density views are computed as films: one frame per step of the t slider (0.01), so the
  // views show exactly the slider's t. The grid's face velocities come from a table at `nodes`
  // times (quintic in t; 19 keep the grid within 1.5% of the exact density on every tested target,
  // tests/eulerian_agreement.rs); the mesh moves by `solver` (when the chosen one is adaptive)
  // with frames between its steps by Hermite dense output.
  films: Object.freeze({ frames: 101, nodes: 19, solver: Object.freeze({ method: 'rk4', steps: 20 }) }),
  eulerian: Object.freeze({ cells: 128, box: [BOX.xmin, BOX.xmax, BOX.ymin, BOX.ymax], cfl: 0.2 }),
  lagrangian: Object.freeze({ n: 64, box: [BOX.xmin, BOX.xmax, BOX.ymin, BOX.ymax] }),
  densityWorkers: 4, // at most; fewer on a machine with fewer cores
  arrows: 17, // per side, over [-4, 4]
  checkSamples: 101,
  drawnMin: 20, // points needed before a drawing can be learned
});

/** The FlowModel options for `settings`, with `points` for a drawn or loaded target. */
export function modelOptions(settings, points) {
  const custom = settings.target === 'drawn' || settings.target === 'csv';
  return {
    target: custom ? 'points' : settings.target,
    ...(custom ? { points } : {}),
    path: settings.path,
    coupling: settings.coupling,
    width: settings.width,
    depth: settings.depth,
    activation: settings.activation,
    lr: settings.lr,
    batch: settings.batch,
    seed: settings.seed,
  };
}

/** The integrate / log_density options of the chosen solver. */
export function solverOptions({ solver, steps, rtol, atol }) {
  return solver === 'dopri5' ? { method: solver, rtol, atol } : { method: solver, steps };
}

/**
 * The mesh film's solver: the chosen fixed-step method and steps, or RK4 with the films' steps
 * when the adaptive method is chosen (the film reads its frames off a fixed-step dense output).
 */
export function filmSolver({ solver, steps }) {
  return solver === 'dopri5' ? { ...BUDGET.films.solver } : { method: solver, steps };
}

/** The settings whose change needs a new model (and so new training). */
export const MODEL_KEYS = Object.freeze([
  'target',
  'path',
  'coupling',
  'width',
  'depth',
  'activation',
  'batch',
  'seed',
]);
/** The settings whose change needs new density films (and new particles). */
export const SOLVER_KEYS = Object.freeze(['solver', 'steps', 'rtol', 'atol', 'cells']);

/**
 * The density films' frame times 0, 1/(F - 1), ..., 1.
 * @param {number} [count]
 */
export function filmTimes(count = BUDGET.films.frames) {
  return Array.from({ length: count }, (_, k) => k / (count - 1));
}

/**
 * The face-velocity time nodes 0, 1/(K - 1), ..., 1.
 * @param {number} [count]
 */
export const filmNodes = (count = BUDGET.films.nodes) => filmTimes(count);

/** The frame times 1/K, 2/K, ..., 1 (t = 0 is the particles' start). */
export function frameTimes(count = BUDGET.frames) {
  return Array.from({ length: count }, (_, k) => (k + 1) / count);
}

/** The arrows' positions: a square grid over [-4, 4]^2, interleaved. */
export function arrowGrid(n = BUDGET.arrows) {
  const points = new Float64Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      points[2 * (j * n + i)] = -4 + (8 * i) / (n - 1);
      points[2 * (j * n + i) + 1] = -4 + (8 * j) / (n - 1);
    }
  }
  return { points, spacing: 8 / (n - 1) };
}
