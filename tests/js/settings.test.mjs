import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaults, defineSettings, isRelevant, parseHash, parseValue, toHash } from '../../www/js/kit/settings.js';
import { LAB_SETTINGS } from '../../www/js/lab-settings.js';
import { random } from './random.mjs';

const TABLE = defineSettings([
  { key: 'shape', type: 'enum', label: 'Shape', default: 'moons', values: ['moons', 'rings', '2spirals'] },
  { key: 'show', type: 'set', label: 'Shown', default: ['a', 'c'], values: ['a', 'b', 'c'] },
  { key: 'n', type: 'int', label: 'Size', default: 64, min: 8, max: 256 },
  { key: 'rate', type: 'float', label: 'Rate', default: 1e-3, min: 1e-5, max: 0.1 },
  { key: 'on', type: 'bool', label: 'On', default: false },
  { key: 'seed', type: 'seed', label: 'Seed', default: 0 },
  {
    key: 'tol',
    type: 'float',
    label: 'Tol',
    default: 1e-6,
    min: 1e-12,
    max: 1,
    dependsOn: { shape: ['rings', 'moons'] },
  },
]);

test('an empty hash gives the defaults and no messages', () => {
  for (const hash of ['', '#', '#&&']) {
    assert.deepEqual(parseHash(TABLE, hash), { settings: defaults(TABLE), messages: [], given: new Set() });
  }
});

test('valid values are parsed with their types; unknown keys are ignored with a message', () => {
  const { settings, messages, given } = parseHash(
    TABLE,
    '#shape=rings&n=128&rate=2.5e-4&on=true&seed=2147483647&show=c,b&zoom=3',
  );
  assert.deepEqual(messages, ['zoom is not a setting; ignored']);
  assert.deepEqual([...given], ['shape', 'n', 'rate', 'on', 'seed', 'show']);
  assert.deepEqual(settings, {
    shape: 'rings',
    show: ['b', 'c'],
    n: 128,
    rate: 2.5e-4,
    on: true,
    seed: 2147483647,
    tol: 1e-6,
  });
});

test('invalid values fall back to the default with a message naming key, value and default', () => {
  const hash = '#n=abc&shape=square&rate=1&on=yes&seed=-1&show=a,z&tol=NaN&n=12.5';
  const { settings, messages } = parseHash(TABLE, hash);
  assert.deepEqual(settings, defaults(TABLE));
  assert.deepEqual(messages, [
    'n is given 2 times; using the last',
    'n=12.5 is not a whole number; using 64',
    'shape=square is not one of moons, rings, 2spirals; using moons',
    'rate=1 is above the maximum 0.1; using 0.001',
    'on=yes is not true or false; using false',
    'seed=-1 is below the minimum 0; using 0',
    'show=a,z names z, not one of a, b, c; using a,c',
    'tol=NaN is not a number; using 0.000001',
  ]);
});

test('numbers must be written in full: no hex, no empty string, no trailing text', () => {
  const n = TABLE.find((s) => s.key === 'n');
  for (const text of ['0x10', '', ' 16', '16px', '1e999', 'Infinity']) {
    assert.ok(parseValue(n, text).error, `${JSON.stringify(text)} should be rejected`);
  }
  assert.deepEqual(parseValue(n, '1.6e1'), { value: 16 });
});

test('percent-encoded keys and values are decoded; a plus sign is a plus sign', () => {
  const { settings } = parseHash(TABLE, '#sh%61pe=2spirals&show=a%2Cb&rate=1e+0&tol=1e%2B0');
  assert.equal(settings.shape, '2spirals');
  assert.deepEqual(settings.show, ['a', 'b']);
  assert.equal(settings.tol, 1);
  assert.deepEqual(parseHash(TABLE, '#rate=1e+0').messages, ['rate=1e+0 is above the maximum 0.1; using 0.001']);
  assert.deepEqual(parseHash(TABLE, '#n=%E0%A4%A').messages, ['n=%E0%A4%A is not a number; using 64']);
});

test('toHash writes only non-default values, in table order', () => {
  assert.equal(toHash(TABLE, defaults(TABLE)), '');
  const settings = { ...defaults(TABLE), seed: 7, shape: 'rings', show: [] };
  assert.equal(toHash(TABLE, settings), '#shape=rings&show=&seed=7');
  assert.deepEqual(parseHash(TABLE, '#show=').settings.show, []);
});

test('isRelevant follows dependsOn', () => {
  const tol = TABLE.find((s) => s.key === 'tol');
  assert.equal(isRelevant(tol, { shape: 'rings' }), true);
  assert.equal(isRelevant(tol, { shape: '2spirals' }), false);
  assert.equal(isRelevant(TABLE[0], {}), true);
});

test('defineSettings rejects duplicate keys and invalid defaults', () => {
  assert.throws(() => defineSettings([TABLE[0], TABLE[0]]), /defined twice/);
  assert.throws(() => defineSettings([{ ...TABLE[2], default: 300 }]), /default of n is invalid/);
  assert.throws(() => defineSettings([{ key: 'x', type: 'colour', default: 'red' }]), /unknown type/);
});

function randomValue(spec, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  switch (spec.type) {
    case 'enum':
      return pick(spec.values);
    case 'set':
      return spec.values.filter(() => rand() < 0.5);
    case 'bool':
      return rand() < 0.5;
    case 'seed':
      return Math.floor(rand() * 2 ** 31);
    case 'int':
      return spec.min + Math.floor(rand() * (spec.max - spec.min + 1));
    default: {
      // Log-uniform when the range spans decades, so that tiny tolerances are exercised too.
      const u = rand();
      return spec.min > 0 ? spec.min * (spec.max / spec.min) ** u : spec.min + u * (spec.max - spec.min);
    }
  }
}

test('property: parseHash(toHash(s)) == s for random valid settings of both tables', () => {
  const rand = random(12345);
  for (const table of [TABLE, LAB_SETTINGS]) {
    for (let trial = 0; trial < 500; trial++) {
      const settings = Object.fromEntries(
        table.map((spec) => [spec.key, rand() < 0.3 ? spec.default : randomValue(spec, rand)]),
      );
      const hash = toHash(table, settings);
      const parsed = parseHash(table, hash);
      assert.deepEqual({ settings: parsed.settings, messages: parsed.messages }, { settings, messages: [] }, hash);
      assert.equal(toHash(table, parseHash(table, hash).settings), hash);
    }
  }
});

test('the FlowLab table has the documented keys and defaults', () => {
  const d = defaults(LAB_SETTINGS);
  assert.deepEqual(Object.keys(d), [
    'target',
    'path',
    'coupling',
    'width',
    'depth',
    'activation',
    'lr',
    'batch',
    'solver',
    'steps',
    'rtol',
    'atol',
    'cells',
    'seed',
    't',
    'trails',
    'views',
  ]);
  assert.equal(d.target, '8gaussians');
  assert.equal(d.trails, true);
  assert.equal(d.width, 64);
  assert.equal(d.depth, 3);
  assert.equal(d.lr, 1e-3);
  assert.equal(d.batch, 256);
  assert.equal(d.solver, 'rk4');
  assert.equal(d.steps, 20);
  assert.equal(d.cells, '128');
  assert.equal(d.seed, 0);
  for (const spec of LAB_SETTINGS.filter((s) => s.type === 'enum' || s.type === 'set')) {
    assert.deepEqual(Object.keys(spec.labels), spec.values, `labels of ${spec.key}`);
  }
  const steps = LAB_SETTINGS.find((s) => s.key === 'steps');
  assert.equal(isRelevant(steps, { solver: 'dopri5' }), false);
  assert.equal(isRelevant(steps, { solver: 'euler' }), true);
});
