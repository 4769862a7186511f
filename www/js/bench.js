// Times the wasm core on the standard workloads (see bench/README.md); one JSON line per figure.
// Opened as bench.html?auto it runs at once and sets <html data-ready> when done (bench/browser.mjs).
import { EulerianView, FlowModel, LagrangianView, loadCore } from './core.js';
import { createClient } from './kit/client.js';
import { BUDGET, filmNodes, filmTimes } from './lab/config.js';
import { computeFilms } from './lab/films.js';

const out = document.getElementById('results');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wait = () => new Promise((done) => setTimeout(done, 0));

function report(figure) {
  out.textContent += `${JSON.stringify(figure)}\n`;
  return figure;
}

/** The median of `reps` timings of fn(), in ms. */
async function time(fn, reps) {
  const ms = [];
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
    await wait();
  }
  return median(ms);
}

async function trainingSpeed(model, windows, windowMs) {
  model.train_step(50); // warm-up
  const rates = [];
  for (let w = 0; w < windows; w++) {
    let steps = 0;
    const start = performance.now();
    while (performance.now() - start < windowMs) {
      model.train_step(10);
      steps += 10;
    }
    rates.push((steps * 1000) / (performance.now() - start));
    await wait();
  }
  return median(rates);
}

function grid(n, lo, hi) {
  const xs = new Float64Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      xs[2 * (j * n + i)] = lo + ((hi - lo) * i) / (n - 1);
      xs[2 * (j * n + i) + 1] = lo + ((hi - lo) * j) / (n - 1);
    }
  }
  return xs;
}

async function run({ quick }) {
  await loadCore();
  const reps = quick ? 2 : 5;
  const model = new FlowModel({});
  report({ bench: 'wasm_train', steps_per_s: await trainingSpeed(model, quick ? 2 : 7, quick ? 300 : 1000) });
  const base = model.sample_base(10_000, 1);
  /** @type {import('./core.js').MethodOptions} */
  const rk4 = { method: 'rk4', steps: 20 };
  report({ bench: 'wasm_sample_10k_rk4x20', ms: await time(() => model.integrate(base, rk4), reps) });
  const points = grid(64, -4, 4);
  report({ bench: 'wasm_logdensity_64x64_rk4x20', ms: await time(() => model.log_density(points, rk4), reps) });
  for (const cells of [128, 256]) {
    const view = new EulerianView({ cells });
    view.advance_to(model, 0.25); // warm-up
    const before = view.steps();
    const start = performance.now();
    view.advance_to(model, 0.5);
    const ms = performance.now() - start;
    const steps = view.steps() - before;
    report({ bench: `wasm_eulerian_step_${cells}`, ms_per_step: ms / steps, steps });
    view.free();
  }
  const mesh = new LagrangianView({ n: 64 });
  let t = 0;
  const frame = () => {
    t = Math.min(1, t + 1 / 60);
    mesh.advance_to(model, t, { method: 'rk4', steps: 2 });
  };
  report({ bench: 'wasm_lagrangian_frame_64x64_rk4x2', ms: await time(frame, quick ? 10 : 40) });
  mesh.free();
  await densityViews(model, { quick });
  model.free();
}

/**
 * A full refresh of the lab's density films (128 x 128 grid, 64 x 64 mesh, 101 frames) for the
 * model trained further, on pools of 1, 2 and 4 workers (films.js, as the lab runs it).
 */
async function densityViews(model, { quick }) {
  model.train_step(quick ? 500 : 4000);
  const bytes = model.save();
  const job = {
    bytes,
    grid: BUDGET.eulerian,
    mesh: BUDGET.lagrangian,
    nodes: filmNodes(),
    times: filmTimes(),
    solver: BUDGET.films.solver,
  };
  for (const workers of [1, 2, 4]) {
    const clients = Array.from({ length: workers }, () => createClient(new URL('./lab/worker.js', import.meta.url)));
    await Promise.all(clients.map((c) => c.request('init').promise));
    const ms = [];
    let l1 = NaN;
    for (let r = 0; r < (quick ? 2 : 5); r++) {
      const films = await computeFilms(clients, job);
      ms.push(films.ms);
      l1 = films.compare.l1[films.times.length - 1];
    }
    report({
      bench: 'wasm_views_refresh',
      workers,
      cores: navigator.hardwareConcurrency,
      ms: median(ms),
      grid: 128,
      mesh: 64,
      frames: 101,
      l1_t1: l1,
    });
    clients.forEach((c) => c.terminate());
  }
}

const auto = new URLSearchParams(location.search).has('auto');
const quick = new URLSearchParams(location.search).has('quick');
const start = () =>
  run({ quick })
    .then(() => (document.documentElement.dataset.ready = 'true'))
    .catch((err) => {
      out.textContent += `error: ${err.message}\n`;
      document.documentElement.dataset.ready = 'error';
    });
document.getElementById('run').addEventListener('click', start);
if (auto) start();
