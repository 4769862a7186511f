import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createColormap } from '../../www/js/kit/colormap.js';
import { cellBox, createHeatmap } from '../../www/js/kit/heatmap.js';
import { createView } from '../../www/js/kit/view.js';
import { calls, fakeContext } from './fake-canvas.mjs';

const grey = createColormap('grey', ['#000000', '#ffffff']);

function fakeScratch() {
  const made = [];
  const make = (width, height) => {
    const ctx = fakeContext();
    const canvas = { width, height, ctx, getContext: () => ctx };
    made.push(canvas);
    return canvas;
  };
  return { made, make };
}

test('draw colours the scratch image and stretches it over the box through the view', () => {
  const { made, make } = fakeScratch();
  const heatmap = createHeatmap(make);
  const view = createView({ xmin: -2, xmax: 2, ymin: -2, ymax: 2 }, { x: 0, y: 0, width: 200, height: 200 });
  const ctx = fakeContext();
  const box = { xmin: -1, xmax: 2, ymin: -2, ymax: 0 };
  heatmap.draw(ctx, view, [0, 1, 2, 3, 4, 5], { nx: 3, ny: 2, box, min: 0, max: 5, colormap: grey });
  assert.equal(made.length, 1);
  const [[image]] = calls(made[0].ctx, 'putImageData');
  assert.deepEqual(
    Array.from(image.data.subarray(0, 4)),
    [153, 153, 153, 255],
    'top-left pixel is row 1 (y max), value 3',
  );
  const [[source, x, y, w, h]] = calls(ctx, 'drawImage');
  assert.equal(source, made[0]);
  assert.deepEqual([x, y, w, h], [50, 100, 150, 100]);
  assert.ok(ctx.log.some((e) => e.set === 'imageSmoothingEnabled' && e.value === false));
  assert.equal(calls(ctx, 'save').length, calls(ctx, 'restore').length);
});

test('the scratch canvas is reused while the grid size stays the same', () => {
  const { made, make } = fakeScratch();
  const heatmap = createHeatmap(make);
  const view = createView({ xmin: 0, xmax: 1, ymin: 0, ymax: 1 }, { x: 0, y: 0, width: 10, height: 10 });
  const options = { nx: 2, ny: 2, box: view.box, min: 0, max: 1, colormap: grey, smooth: true };
  heatmap.draw(fakeContext(), view, [0, 0, 0, 0], options);
  heatmap.draw(fakeContext(), view, [1, 1, 1, 1], options);
  assert.equal(made.length, 1);
  heatmap.draw(fakeContext(), view, [1, 1, 1], { ...options, nx: 3, ny: 1 });
  assert.equal(made.length, 2);
});

test('cellBox grows a node grid by half a cell on each side', () => {
  assert.deepEqual(cellBox({ xmin: -4, xmax: 4, ymin: 0, ymax: 1 }, 9, 3), {
    xmin: -4.5,
    xmax: 4.5,
    ymin: -0.25,
    ymax: 1.25,
  });
  assert.deepEqual(cellBox({ xmin: 0, xmax: 0, ymin: 0, ymax: 0 }, 1, 1), {
    xmin: -0.5,
    xmax: 0.5,
    ymin: -0.5,
    ymax: 0.5,
  });
});
