// A drawn target in the link (lab/drawing-link.js): the points come back within half a
// quantisation step, the text is 4 characters a point, and bad texts give reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_POINTS, decodeDrawing, encodeDrawing, splitDrawing, withDrawing } from '../../www/js/lab/drawing-link.js';
import { random as seeded } from './random.mjs';

test('points survive the link within half a step of the 4096 levels over [-4.5, 4.5]', () => {
  const random = seeded(7);
  const points = Float64Array.from({ length: 2 * 300 }, () => -4.5 + 9 * random());
  points.set([-4.5, -4.5, 4.5, 4.5], 0); // the corners are levels themselves
  const text = encodeDrawing(points);
  assert.equal(text.length, 4 * 300);
  assert.match(text, /^[A-Za-z0-9_-]+$/);
  const { points: back, error } = decodeDrawing(text);
  assert.equal(error, undefined);
  const half = 9 / 4095 / 2;
  for (let i = 0; i < points.length; i++) assert.ok(Math.abs(back[i] - points[i]) <= half + 1e-12, `${i}: ${points[i]} -> ${back[i]}`);
  assert.deepEqual([...back.slice(0, 4)], [-4.5, -4.5, 4.5, 4.5]);
});

test('points outside the box are clamped to its edge; too many points give no text', () => {
  const { points } = decodeDrawing(encodeDrawing([10, -10]));
  assert.deepEqual([...points], [4.5, -4.5]);
  assert.equal(encodeDrawing(new Float64Array(2 * (MAX_POINTS + 1))), null);
  assert.equal(encodeDrawing(new Float64Array(2 * MAX_POINTS)).length, 4 * MAX_POINTS);
});

test('bad texts are refused with a reason', () => {
  assert.match(decodeDrawing('AAA').error, /not a whole number of points/);
  assert.match(decodeDrawing('AA=A').error, /"=" is not base64url/);
  assert.match(decodeDrawing('A'.repeat(4 * (MAX_POINTS + 1))).error, /more than 1000 points/);
});

test('the drawing rides beside the settings in the hash', () => {
  assert.deepEqual(splitDrawing('#target=drawn&drawing=AAAA&width=32'), { hash: '#target=drawn&width=32', drawing: 'AAAA' });
  assert.deepEqual(splitDrawing('#drawing=AAAA'), { hash: '', drawing: 'AAAA' });
  assert.deepEqual(splitDrawing('#target=moons'), { hash: '#target=moons', drawing: null });
  assert.equal(withDrawing('#target=drawn', 'AAAA'), '#target=drawn&drawing=AAAA');
  assert.equal(withDrawing('', 'AAAA'), '#drawing=AAAA');
  assert.equal(withDrawing('#target=moons', null), '#target=moons');
});
