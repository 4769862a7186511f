// Hostile calls at the WebAssembly boundary: every export and method of a module namespace (the
// generated pkg/flowlab.js), called with values no export expects. Used by the Node test
// (fuzz.test.mjs) and, through wasm-bindgen-test, in Firefox (tests/wasm.rs; a .js name, because
// the test server serves .mjs files with a MIME type browsers refuse for modules).
//
// A call may return or throw an Error that names the function ("FlowModel.train_step: n must be
// ..."); what it must never do is trap (WebAssembly.RuntimeError), throw something that is not an
// Error, throw an Error that names nothing, or leave an instance that no longer answers.

// Messages of wasm-bindgen's generated glue, thrown before any of the core's code runs, which the
// core cannot name: a freed instance (as `this` or as an argument; the debug build used by
// wasm-pack test says "Attempt to use a moved value"), an object of another class where a class is
// expected. pkg/ is built with scripts/package/guard-glue.mjs, which names these; the glue that
// wasm-bindgen-test builds for Firefox is not. A call re-entering an instance in use is refused by
// the core's borrow of it, also before any code of ours.
const GLUE = [/^null pointer passed to rust$/, /^Attempt to use a moved value$/, /^expected instance of \w+$/];
const REENTRY = /^recursive use of an object detected/;

/**
 * Whether `error`, thrown by calling `name`, says which function it comes from; with `guarded`
 * (pkg/'s glue), the glue's own checks must name it too.
 */
export function named(name, error, guarded = false) {
  const callee = name.replace(/^new /, '').replace('.prototype.', '.');
  if (error.message.startsWith(`${callee}: `) || REENTRY.test(error.message)) return true;
  if (!guarded && GLUE.some((glue) => glue.test(error.message))) return true;
  // The caller's own values throwing when the glue looks at them (`instanceof` runs a Proxy's
  // traps): this test's hostile getter, a revoked Proxy (worded differently by each engine).
  return error.message === 'hostile getter' || /proxy.*revoked|revoked.*proxy/i.test(error.message);
}

/** The public callables of `api`: free functions, and classes with their methods. */
export function surface(api) {
  const isClass = (f) => /^class\b/.test(Function.prototype.toString.call(f));
  const internal = (name) => name.startsWith('__') || ['constructor', 'free'].includes(name);
  // The loader, and what wasm-bindgen-test adds to the module it builds around the tests.
  const harness = (name) => ['default', 'initSync'].includes(name) || name.startsWith('WasmBindgenTest');
  const functions = [];
  const classes = [];
  for (const [name, value] of Object.entries(api)) {
    if (typeof value !== 'function' || internal(name) || harness(name)) continue;
    if (!isClass(value)) {
      functions.push({ name, fn: value });
      continue;
    }
    const methods = Object.getOwnPropertyNames(value.prototype).filter(
      (m) => !internal(m) && typeof value.prototype[m] === 'function',
    );
    const statics = Object.getOwnPropertyNames(value).filter(
      (m) => !internal(m) && typeof value[m] === 'function',
    );
    classes.push({ name, cls: value, methods, statics });
  }
  return { functions, classes };
}

/** A small, cheap instance of each class (the fuzz calls its methods thousands of times). */
export function small(cls) {
  const options = {
    FlowModel: { width: 4, depth: 1, batch: 4 },
    CouplingModel: { layers: 1, width: 2, depth: 1, batch: 4 },
    EulerianView: { cells: 8 },
    LagrangianView: { n: 4 },
  };
  return new cls(options[cls.name]);
}

/**
 * The fuzz inside wasm-bindgen-test's browser runner (tests/wasm.rs): over the module the runner
 * loaded (the same instance, imported again by its URL). Returns the summary as JSON.
 */
export async function fuzzTestModule(calls, seed) {
  const api = await import(new URL('wasm-bindgen-test', location.href).href);
  const total = { calls: 0, returned: 0, errors: 0, traps: 0, other: 0, unnamed: 0, instances: 0, failures: [] };
  let names = 0;
  // In chunks of 250 calls with a yield between them: the runner's WebDriver polls the page, and
  // a page busy for 20 s on end fails the run.
  for (let done = 0, k = 0; done < calls; k++) {
    const n = Math.min(250, calls - done);
    const r = fuzz(api, { calls: n, seed: seed + k, make: small });
    for (const key of ['calls', 'returned', 'errors', 'traps', 'other', 'unnamed', 'instances']) total[key] += r[key];
    total.failures.push(...r.failures);
    names = r.surface.functions.length + r.surface.classes.length;
    done += n;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return JSON.stringify({ ...total, surface: names });
}

/** A small deterministic generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const thrower = () => {
  throw new Error('hostile getter');
};

/** Values nobody should pass, and a few plausible ones so that later arguments are reached. */
export function hostileValues(reentrant) {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const detached = new Float64Array(8);
  try {
    structuredClone(detached.buffer, { transfer: [detached.buffer] });
  } catch {
    // no transfer here: the array stays attached
  }
  const traps = {
    get: thrower,
    has: thrower,
    ownKeys: thrower,
    getOwnPropertyDescriptor: thrower,
    getPrototypeOf: thrower,
  };
  return [
    undefined, null, NaN, Infinity, -Infinity, -1, 0, 1, 2, 3, 0.5, 2.5, -0.0, 1e308, -1e308,
    2 ** 31, 2 ** 32, 2 ** 53, 2 ** 64, 10_000, 1 << 20, (1 << 20) + 1,
    '', 'abc', '8gaussians', 'rk4', 'dopri5', 'swirl', 'points', '1', '\u0000', 'x'.repeat(10_000),
    true, false, Symbol('hostile'), 10n, -1n, 2n ** 70n,
    {}, [], [1, 2], [0, 0, 1, 1], [NaN, 1], ['1', '2'], [1, 2, 3], [1, [2]], [Symbol('s'), 1],
    Object.create(null), { length: 1e12 }, { length: -1 }, new Array(5),
    { n: 4 }, { n: 1e9 }, { seed: -1 }, { method: 'euler', steps: 1 }, { method: 'rk5' },
    { steps: 1e9 }, { times: [0.5, 1] }, { times: 'abc' }, { times: { length: 1e9 } },
    { width: 4, depth: 1, batch: 4 }, { width: 'wide' }, { widht: 64 }, { box: [1, 0, 1, 0] },
    { cells: 4 }, { cells: 1e9 }, { layers: 1, width: 2, depth: 1, batch: 4 }, { target: 'points' },
    { target: 'points', points: new Float64Array([0, 0, 1, 1]) }, { points: 'abc' },
    { samples: 5 }, { threshold: NaN }, { log_det: 'yes' }, { estimator: 'hutchinson' },
    { get width() { return thrower(); } }, { get method() { return reentrant(); } },
    { times: new Proxy([1], traps) }, { box: new Proxy([1, 2, 3, 4], traps) },
    new Float64Array(0), new Float64Array([0, 0]), new Float64Array([0.5, -0.5, 1, 1]),
    new Float64Array(7), new Float64Array([NaN, 0]), new Float64Array([Infinity, 0]),
    new Float64Array(200), detached, new Float32Array(4), new Uint8Array(3), new Uint8Array(64),
    new Uint32Array([1, 2]), new Uint32Array([0]), new Int32Array(2), new BigInt64Array(2),
    new DataView(new ArrayBuffer(8)), new ArrayBuffer(16),
    () => 1, class {}, Math, new Date(0), /x/, new Map(), Promise.resolve(1), new Error('e'),
    new Proxy({}, traps), new Proxy([], traps), new Proxy(new Float64Array(4), traps),
    revoked.proxy, globalThis,
  ];
}

/**
 * `calls` calls of random public callables of `api` with random arguments drawn from the hostile
 * values, live instances of every class (the wrong class for most parameters), and freed ones.
 * `make(cls)` creates a small live instance of a class. With `guarded` (pkg/, whose glue checks
 * `this`), methods are also called on freed instances and on instances of another class, and the
 * glue's errors must name the call. Returns counts and a list of failures.
 */
export function fuzz(api, { calls, seed = 1, make = small, onError = () => {}, guarded = false }) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const { functions, classes } = surface(api);
  const live = new Map(classes.map(({ name, cls }) => [name, [make(cls)]]));
  const freed = classes.map(({ cls }) => {
    const dead = make(cls);
    dead.free();
    return dead;
  });
  const reentrant = () => {
    // Called from a getter while an export runs: another call into the same instances.
    for (const list of live.values()) for (const o of list) o.free === undefined || touch(o);
    return 'rk4';
  };
  const pool = hostileValues(reentrant);
  const argument = () => {
    const r = rand();
    if (r < 0.12) return pick([...live.values()].flat());
    if (r < 0.16) return pick(freed);
    return pick(pool);
  };
  const counts = { calls: 0, returned: 0, errors: 0, traps: 0, other: 0, unnamed: 0 };
  const failures = [];
  const record = (name, args, thrown) => {
    if (thrown === undefined) {
      counts.returned++;
      return;
    }
    if (thrown instanceof WebAssembly.RuntimeError) {
      counts.traps++;
      failures.push(`${name}(${args.map(show).join(', ')}) trapped: ${thrown.message}`);
    } else if (thrown instanceof Error && thrown.message) {
      counts.errors++;
      onError(name, thrown);
      if (!named(name, thrown, guarded)) {
        counts.unnamed++;
        if (counts.unnamed <= 20) failures.push(`${name}(${args.map(show).join(', ')}) threw an Error that names nothing: ${thrown.message}`);
      }
    } else {
      counts.other++;
      failures.push(`${name}(${args.map(show).join(', ')}) threw a non-Error: ${show(thrown)}`);
    }
  };
  const call = (name, f, self, arity) => {
    const args = Array.from({ length: arity + (rand() < 0.2 ? 1 : 0) }, argument);
    if (rand() < 0.1) args.length = Math.floor(rand() * arity); // missing arguments
    counts.calls++;
    let thrown;
    try {
      const out = self === null ? new f(...args) : f.apply(self, args);
      // A constructor's or a static method's new instance joins the pool (a few of them).
      if (out && typeof out === 'object' && typeof out.free === 'function') {
        const list = live.get(out.constructor.name);
        if (list && list.length < 4) list.push(out);
        else out.free();
      }
    } catch (e) {
      thrown = e ?? new Error('undefined was thrown');
      if (e === undefined) thrown = undefined;
    }
    record(name, args, thrown);
  };
  for (let i = 0; i < calls; i++) {
    const r = rand();
    if (r < 0.2 && functions.length) {
      const { name, fn } = pick(functions);
      call(name, fn, undefined, fn.length);
      continue;
    }
    const { name, cls, methods, statics } = pick(classes);
    if (r < 0.3) {
      call(`new ${name}`, cls, null, cls.length);
    } else if (r < 0.35 && statics.length) {
      const m = pick(statics);
      call(`${name}.${m}`, cls[m], cls, cls[m].length);
    } else {
      const m = pick(methods);
      const r2 = rand();
      const others = [...live.values()].flat().filter((o) => !(o instanceof cls));
      // A freed instance as `this`; with `guarded`, any freed one or one of another class too.
      const self =
        r2 < 0.1
          ? pick(guarded ? freed : freed.filter((o) => o instanceof cls))
          : guarded && r2 < 0.2 && others.length
            ? pick(others)
            : pick(live.get(name));
      call(`${name}.prototype.${m}`, cls.prototype[m], self, cls.prototype[m].length);
    }
  }
  // Every instance still answers: each argument-free method returns without throwing.
  let answered = 0;
  for (const { name, cls, methods } of classes) {
    for (const o of live.get(name)) {
      for (const m of methods.filter((m) => cls.prototype[m].length === 0)) {
        try {
          o[m]();
        } catch (e) {
          failures.push(`${name}.${m}() on a live instance after the fuzz threw: ${e?.message ?? e}`);
        }
      }
      answered++;
    }
  }
  for (const list of live.values()) for (const o of list) o.free();
  return { ...counts, instances: answered, failures, surface: { functions, classes } };
}

/** Touches an instance from inside another call (a getter): any method without arguments. */
function touch(o) {
  const proto = Object.getPrototypeOf(o);
  for (const m of Object.getOwnPropertyNames(proto)) {
    if (m !== 'constructor' && m !== 'free' && !m.startsWith('__') && proto[m].length === 0) {
      try {
        o[m]();
      } catch {
        // borrowed by the running call: an error, which is fine
      }
      return;
    }
  }
}

function show(v) {
  try {
    if (typeof v === 'symbol' || typeof v === 'bigint') return String(v);
    if (typeof v === 'function') return 'function';
    if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${v.length ?? v.byteLength})`;
    if (typeof v === 'string') return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}...` : v);
    if (v && typeof v === 'object') return v.constructor?.name ?? 'object';
    return String(v);
  } catch {
    return '(unprintable)';
  }
}
