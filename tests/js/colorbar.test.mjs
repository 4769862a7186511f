import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLORMAPS } from '../../www/js/kit/colormap.js';
import { drawColorbar } from '../../www/js/kit/colorbar.js';
import { FALLBACK_THEME } from '../../www/js/kit/theme.js';
import { calls, drawnNumbers, fakeContext } from './fake-canvas.mjs';

const rect = { x: 10, y: 0, width: 300, height: 44 };
const options = { colormap: COLORMAPS.viridis, theme: FALLBACK_THEME, label: 'log density' };

test('the bar runs from the first to the last colour of the map, with the label and tick labels', () => {
  const ctx = fakeContext();
  const ticks = drawColorbar(ctx, rect, { ...options, min: -3.2, max: 1.1 });
  assert.deepEqual(ticks, [-3, -2, -1, 0, 1]);
  const [[x0, , x1]] = calls(ctx, 'createLinearGradient');
  assert.deepEqual([x0, x1], [10, 310]);
  const texts = calls(ctx, 'fillText').map(([text]) => text);
  assert.deepEqual(texts, ['log density', '-3', '-2', '-1', '0', '1']);
  // The tick for 0 sits at the fraction 3.2 / 4.3 of the bar.
  const zero = calls(ctx, 'fillText').find(([text]) => text === '0');
  assert.ok(Math.abs(zero[1] - (10 + (300 * 3.2) / 4.3)) <= 0.5);
  assert.equal(calls(ctx, 'save').length, calls(ctx, 'restore').length);
});

test('gradient stops are the colormap at evenly spaced values', () => {
  const ctx = fakeContext();
  drawColorbar(ctx, rect, { ...options, min: 0, max: 1 });
  const gradient = ctx.log.find((e) => e.set === 'fillStyle' && typeof e.value === 'object').value;
  assert.deepEqual(gradient.stops[0], [0, 'rgb(68, 1, 84)']);
  assert.deepEqual(gradient.stops.at(-1), [1, 'rgb(253, 231, 37)']);
});

test('a narrow bar gets fewer ticks', () => {
  const narrow = drawColorbar(fakeContext(), { ...rect, width: 130 }, { ...options, min: 0, max: 10 });
  assert.ok(narrow.length <= 3, `${narrow}`);
});

test('an empty or invalid range draws no ticks and never passes NaN to the canvas', () => {
  for (const [min, max] of [
    [2, 2],
    [NaN, 1],
    [0, Infinity],
  ]) {
    const ctx = fakeContext();
    assert.deepEqual(drawColorbar(ctx, rect, { ...options, min, max }), []);
    assert.ok(drawnNumbers(ctx).every(Number.isFinite), `${min}, ${max}`);
  }
  const ctx = fakeContext();
  drawColorbar(ctx, rect, { ...options, min: 2, max: 2 });
  assert.ok(calls(ctx, 'fillText').some(([text]) => text === 'all values 2'));
  // The words under a bar of one value are an option (another language).
  const zh = fakeContext();
  drawColorbar(zh, rect, { ...options, min: 2, max: 2, allValues: (v) => `所有值皆為 ${v}` });
  assert.ok(calls(zh, 'fillText').some(([text]) => text === '所有值皆為 2'));
});

test('tick labels that would touch are left out, their marks kept', () => {
  // Seven ticks on 100 pixels: labels of 7 characters (42 px in the fake font) cannot all fit.
  const ctx = fakeContext();
  const narrow = { x: 0, y: 0, width: 100, height: 44 };
  const ticks = drawColorbar(ctx, narrow, { ...options, label: '', min: -0.0006, max: 0.0006, ticks: 7 });
  const labels = calls(ctx, 'fillText').map(([text]) => text);
  assert.ok(labels.length < ticks.length, `${labels.length} labels for ${ticks.length} ticks`);
  assert.ok(labels.length >= 2);
  assert.equal(calls(ctx, 'moveTo').length, ticks.length, 'every tick keeps its mark');
});
