// No JavaScript value breaks the core: 12,000 hostile calls of every export and method of
// pkg/flowlab.js (enumerated from the module, so new exports are covered without editing this
// test), including freed instances and instances of the wrong class, as arguments and as `this`.
// 0 traps, only Errors that name the call (the glue's own checks too: scripts/package/
// guard-glue.mjs), and every instance answers afterwards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fuzz, small } from './hostile.js';
import { loadCore } from './core.mjs';

const { api, memory } = await loadCore();

test('hostile calls of every export: no trap, only Errors, instances still answer', () => {
  const start = performance.now();
  const r = fuzz(api, { calls: 12_000, seed: 12, make: small, guarded: true });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  const names = [
    ...r.surface.functions.map((f) => f.name),
    ...r.surface.classes.map((c) => `${c.name}: ${[...c.statics, ...c.methods].join(' ')}`),
  ];
  console.log(`fuzz: ${r.calls} calls in ${seconds} s (${r.returned} returned, ${r.errors} errors, `
    + `${r.traps} traps, ${r.other} other, ${r.unnamed} naming nothing), ${r.instances} instances answered afterwards, `
    + `wasm memory ${memory.buffer.byteLength / 2 ** 20} MiB\n  ${names.join('\n  ')}`);
  assert.deepEqual(r.failures, []);
  assert.equal(r.traps, 0);
  assert.equal(r.unnamed, 0);
  assert.ok(r.calls >= 10_000 && r.errors > 1000 && r.returned > 100, JSON.stringify(r));
  // The enumeration found the exports the README documents (so the test cannot pass by seeing none).
  for (const name of ['change_of_variables_2d', 'sde_vs_ode', 'trajectory_check']) {
    assert.ok(r.surface.functions.some((f) => f.name === name), name);
  }
  for (const name of ['FlowModel', 'CouplingModel', 'EulerianView', 'LagrangianView']) {
    assert.ok(r.surface.classes.some((c) => c.name === name), name);
  }
  // A fresh model still trains after all this.
  const model = small(api.FlowModel);
  assert.equal(model.train_step(3).length, 3);
  model.free();
});

test('errors name the function and the argument', () => {
  const model = small(api.FlowModel);
  const freed = small(api.FlowModel);
  freed.free();
  const cases = [
    [() => api.change_of_variables_2d(NaN), /change_of_variables_2d: map must be a string, got NaN/],
    [() => api.change_of_variables_at({}), /change_of_variables_at: map must be a string, got an object/],
    [() => api.change_of_variables_2d(0, 0, 0), /change_of_variables_2d: map must be a string, got 0/],
    [() => model.train_step('5'), /FlowModel\.train_step: n must be a number, got a string/],
    [() => model.train_step(), /FlowModel\.train_step: n must be a number, got undefined/],
    [() => model.velocity(new Float32Array(4), 0), /FlowModel\.velocity: points must be a Float64Array or an array of numbers, got another typed array/],
    [() => model.integrate([0, 0], { times: new Proxy([1], { get() { throw new Error('trap'); } }) }), /FlowModel\.integrate: option 'times': reading it threw/],
    [() => model.integrate([0, 0], { tims: [1] }), /FlowModel\.integrate: unknown option 'tims'/],
    [() => api.sde_vs_ode(10, 0, 10, 2n), /sde_vs_ode: frames must be a number, got a bigint/],
    [() => new api.FlowModel({ width: Symbol('w') }), /FlowModel: bad options/],
    [() => new api.CouplingModel({ layers: 'many' }), /Error: CouplingModel: /],
    [() => new api.EulerianView({ cells: -1 }), /Error: EulerianView: /],
    [() => api.FlowModel.load('abc'), /Error: FlowModel\.load: bytes /],
    [() => model.log_density([0, 0], { estimator: 'guess' }), /Error: FlowModel\.log_density: .*unknown estimator 'guess'/],
    // The glue's checks (guard-glue.mjs): another class as an argument or as `this`, a freed one.
    [() => api.hutchinson_study({}, [0, 0], {}), /^Error: hutchinson_study: model: expected a live FlowModel$/],
    [() => api.FlowModel.prototype.steps.call(new api.EulerianView({ cells: 8 })), /^Error: FlowModel\.steps: this is not a live FlowModel$/],
    [() => api.EulerianView.prototype.mass.call(model), /^Error: EulerianView\.mass: this is not a live EulerianView$/],
    [() => freed.steps(), /^Error: FlowModel\.steps: this is not a live FlowModel$/],
    [() => new api.EulerianView({ cells: 8 }).advance_to(freed, 0.5), /^Error: EulerianView\.advance_to: model: expected a live FlowModel$/],
  ];
  for (const [call, message] of cases) assert.throws(call, message);
  assert.equal(model.train_step(2).length, 2);
  model.free();
});

test('pkg/flowlab.d.ts gives every parameter of every export a type', () => {
  const dts = readFileSync(new URL('../../pkg/flowlab.d.ts', import.meta.url), 'utf8');
  // The module's own declarations: not the raw wasm exports of InitOutput (`readonly f: (a: any) => ...`).
  const api = dts.slice(0, dts.indexOf('export type InitInput'));
  const untyped = api.split('\n').filter((line) => /\(([^)]*\b)?\w+: any\b/.test(line) && !/^\s*readonly /.test(line));
  assert.ok(/constructor\(options: ModelOptions\)/.test(api), 'no typed FlowModel constructor found');
  assert.deepEqual(untyped, [], 'parameters typed any: give them #[wasm_bindgen(unchecked_param_type = "...")]');
});

test('the fuzz reports traps, non-Errors and instances that stop answering', () => {
  class Broken {
    constructor() {
      this.dead = false;
    }
    poke(x) {
      if (x === undefined) this.dead = true;
      if (typeof x === 'symbol') throw new WebAssembly.RuntimeError('unreachable');
      if (typeof x === 'bigint') throw 'a string';
      if (x === null) throw new Error('something went wrong');
    }
    answer() {
      if (this.dead) throw new Error('recursive use of an object');
    }
    free() {}
  }
  const r = fuzz({ Broken }, { calls: 2000, seed: 3, make: (cls) => new cls() });
  assert.ok(r.traps > 0 && r.other > 0 && r.unnamed > 0, JSON.stringify(r));
  assert.ok(r.failures.some((f) => f.includes('threw an Error that names nothing: ')));
  assert.ok(r.failures.some((f) => f.includes('after the fuzz threw')));
});
