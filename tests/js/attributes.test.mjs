import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAttributes } from '../../www/js/notebook/attributes.js';

const element = (attributes) => ({ getAttribute: (name) => attributes[name] ?? null });
const SPECS = {
  k: { value: 8, min: 1, max: 256 },
  seed: { value: 0, min: 0, max: 100 },
  scale: { value: 1, min: 0.2, max: 3, real: true },
  map: { value: 'swirl', values: ['swirl', 'radial'] },
};
const DEFAULTS = { k: 8, seed: 0, scale: 1, map: 'swirl' };

test('defaults, good values, clamped and rejected ones', () => {
  assert.deepEqual(readAttributes(element({}), SPECS), { values: DEFAULTS, notes: [] });
  const good = readAttributes(element({ k: ' 16 ', seed: '3', scale: '2.5e-1', map: 'radial' }), SPECS);
  assert.deepEqual(good, { values: { k: 16, seed: 3, scale: 0.25, map: 'radial' }, notes: [] });
  const clamped = readAttributes(element({ k: '1000', seed: '2.5', scale: '-7' }), SPECS);
  assert.deepEqual(clamped.values, { k: 256, seed: 3, scale: 0.2, map: 'swirl' });
  assert.deepEqual(clamped.notes, [
    'k="1000" must be a whole number in 1..256; using 256',
    'seed="2.5" must be a whole number in 0..100; using 3',
    'scale="-7" must be a number in 0.2..3; using 0.2',
  ]);
  const bad = readAttributes(element({ k: 'many', seed: '', scale: 'NaN', map: 'Swirl' }), SPECS);
  assert.deepEqual(bad.values, DEFAULTS);
  assert.deepEqual(bad.notes, [
    'k="many" is not a number; using 8',
    'seed="" is not a number; using 0',
    'scale="NaN" is not a number; using 1',
    'map="Swirl" is not one of swirl, radial; using swirl',
  ]);
});

test('hostile texts: no hex, no Infinity, no overflow; long values are cut in the note', () => {
  for (const text of ['0x10', '0b1', 'Infinity', '-Infinity', '1e400', '1_0', '１６', '16px', '\u0000', '[]']) {
    const { values, notes } = readAttributes(element({ k: text }), SPECS);
    assert.equal(values.k, 8, text);
    assert.equal(notes.length, 1, text);
  }
  assert.deepEqual(readAttributes(element({ k: '1e9' }), SPECS).values.k, 256);
  assert.deepEqual(readAttributes(element({ k: '-1e9' }), SPECS).values.k, 1);
  const [note] = readAttributes(element({ map: 'x'.repeat(100_000) }), SPECS).notes;
  assert.ok(note.length < 120, note);
});
