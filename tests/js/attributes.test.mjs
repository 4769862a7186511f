import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readIntegers } from '../../www/js/notebook/attributes.js';

const element = (attributes) => ({ getAttribute: (name) => attributes[name] ?? null });
const SPECS = { k: { value: 8, min: 1, max: 256 }, seed: { value: 0, min: 0, max: 100 } };

test('defaults, good values, clamped and rejected ones', () => {
  assert.deepEqual(readIntegers(element({}), SPECS), { values: { k: 8, seed: 0 }, notes: [] });
  assert.deepEqual(readIntegers(element({ k: ' 16 ', seed: '3' }), SPECS), { values: { k: 16, seed: 3 }, notes: [] });
  const clamped = readIntegers(element({ k: '1000', seed: '2.5' }), SPECS);
  assert.deepEqual(clamped.values, { k: 256, seed: 3 });
  assert.equal(clamped.notes.length, 2);
  assert.match(clamped.notes[0], /k="1000" must be a whole number in 1..256; using 256/);
  const bad = readIntegers(element({ k: 'many', seed: '' }), SPECS);
  assert.deepEqual(bad.values, { k: 8, seed: 0 });
  assert.match(bad.notes.join(), /k="many" is not a number; using 8/);
});
