// Memory stays flat: 200 create/use/free cycles of every class, and 50,000 training steps in one
// model, with the wasm memory (which never shrinks: growth is the high-water mark) measured.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCore } from './core.mjs';
import { surface } from './hostile.js';

const { api, memory } = await loadCore();
const MiB = 2 ** 20;
const size = () => memory.buffer.byteLength / MiB;

/** One create, use, free cycle of each class, as the figures use them. */
function cycle() {
  const model = new api.FlowModel({ width: 16, depth: 2, batch: 64 });
  model.train_step(20);
  const x = model.sample_base(256, 1);
  model.integrate(x, { times: [0.5, 1], log_det: true });
  model.log_density(x.subarray(0, 64), { steps: 10 });
  const saved = api.FlowModel.load(model.save());
  const grid = new api.EulerianView({ cells: 32 });
  grid.advance_to(saved, 0.25);
  grid.compare(saved, { steps: 5 });
  const mesh = new api.LagrangianView({ n: 16 });
  mesh.advance_to(saved, 0.5, { steps: 5 });
  api.trajectory_check(saved, [0.5, -0.5], { samples: 11, steps: 10 });
  api.residual_convergence(saved, x.subarray(0, 64), [1, 4]);
  const coupling = new api.CouplingModel({ layers: 4, width: 16, batch: 64 });
  coupling.train_step(10);
  coupling.stages(x.subarray(0, 64));
  coupling.evaluate({ n: 200 });
  api.change_of_variables_1d(2, 1, { samples: 1000 });
  api.change_of_variables_2d('swirl', 0.5, { cells: 32, samples: 200 });
  api.sde_vs_ode(50, 1, 20);
  api.marginal_field(x.subarray(0, 64), 0.5);
  api.conditional_average_at(x.subarray(0, 64), 0.5, [0.5, -0.5]);
  for (const o of [model, saved, grid, mesh, coupling]) o.free();
}

test('200 create/use/free cycles of every class keep the wasm memory flat', () => {
  // The cycle covers every class of the module (a new class fails here until it is added).
  const classes = surface(api).classes.map((c) => c.name).sort();
  assert.deepEqual(classes, ['CouplingModel', 'EulerianView', 'FlowModel', 'LagrangianView']);
  for (let i = 0; i < 10; i++) cycle();
  const warm = size();
  for (let i = 0; i < 200; i++) cycle();
  const after = size();
  console.log(`memory: ${warm} MiB after 10 warm-up cycles, ${after} MiB after 200 more`);
  assert.ok(after <= warm + 1, `grew from ${warm} to ${after} MiB`);
});

test('50,000 training steps in one model keep the wasm memory flat', () => {
  const model = new api.FlowModel({ width: 16, depth: 2, batch: 64 });
  model.train_step(1000);
  const warm = size();
  const start = performance.now();
  while (model.steps() < 50_000) model.train_step(1000);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  const after = size();
  console.log(`training: 50,000 steps (49,000 timed in ${seconds} s), memory ${warm} -> ${after} MiB`);
  assert.equal(model.steps(), 50_000);
  assert.ok(after <= warm + 1, `grew from ${warm} to ${after} MiB`);
  const losses = model.train_step(10);
  assert.ok(losses.every(Number.isFinite));
  model.free();
});
