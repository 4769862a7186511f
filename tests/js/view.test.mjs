import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createView, fitCanvas, snap } from '../../www/js/kit/view.js';

const close = (a, b, msg) => assert.ok(Math.abs(a - b) < 1e-9, `${msg ?? ''} ${a} vs ${b}`);

test('createView maps the box corners to the rectangle corners, y up', () => {
  const view = createView({ xmin: -4, xmax: 4, ymin: -2, ymax: 2 }, { x: 10, y: 20, width: 400, height: 200 });
  close(view.px(-4), 10);
  close(view.px(4), 410);
  close(view.py(2), 20);
  close(view.py(-2), 220);
  close(view.px(0), 210);
  close(view.py(0), 120);
  assert.deepEqual(view.scale, [50, 50]);
});

test('with equalAspect the box grows along the spare axis, centred', () => {
  const view = createView({ xmin: -1, xmax: 1, ymin: -1, ymax: 1 }, { x: 0, y: 0, width: 300, height: 100 });
  assert.deepEqual(view.box, { xmin: -3, xmax: 3, ymin: -1, ymax: 1 });
  assert.deepEqual(view.scale, [50, 50]);
  close(view.px(0), 150);
  const tall = createView({ xmin: 0, xmax: 2, ymin: 0, ymax: 2 }, { x: 0, y: 0, width: 100, height: 200 });
  assert.deepEqual(tall.box, { xmin: 0, xmax: 2, ymin: -1, ymax: 3 });
  const free = createView(
    { xmin: -1, xmax: 1, ymin: -1, ymax: 1 },
    { x: 0, y: 0, width: 300, height: 100 },
    { equalAspect: false },
  );
  assert.deepEqual(free.scale, [150, 50]);
  assert.deepEqual(free.box, { xmin: -1, xmax: 1, ymin: -1, ymax: 1 });
});

test('toWorld inverts px and py', () => {
  const view = createView(
    { xmin: -3, xmax: 5, ymin: 1, ymax: 2 },
    { x: 7, y: 3, width: 123, height: 77 },
    { equalAspect: false },
  );
  for (const [x, y] of [
    [-3, 1],
    [0.25, 1.5],
    [5, 2],
    [10, -4],
  ]) {
    const [wx, wy] = view.toWorld(view.px(x), view.py(y));
    close(wx, x);
    close(wy, y);
  }
});

test('createView refuses empty boxes and rectangles', () => {
  const rect = { x: 0, y: 0, width: 10, height: 10 };
  assert.throws(() => createView({ xmin: 1, xmax: 1, ymin: 0, ymax: 1 }, rect), /cannot map/);
  assert.throws(() => createView({ xmin: 0, xmax: 1, ymin: 0, ymax: NaN }, rect), /cannot map/);
  assert.throws(() => createView({ xmin: 0, xmax: 1, ymin: 0, ymax: 1 }, { ...rect, width: 0 }), /cannot map/);
});

test('snap puts 1-CSS-pixel lines on device-pixel boundaries', () => {
  // dpr 1: centre at k + 0.5 so the line covers exactly pixel k.
  assert.equal(snap(10, 1), 10.5);
  assert.equal(snap(10.7, 1), 10.5);
  assert.equal(snap(11.2, 1), 11.5);
  // dpr 2: the line is 2 device pixels wide; its centre sits on a device-pixel edge.
  for (const v of [10, 10.3, 10.74, 11.1]) {
    const c = snap(v, 2);
    assert.ok(Number.isInteger((c - 0.5) * 2) && Number.isInteger((c + 0.5) * 2), `${v} -> ${c}`);
    assert.ok(Math.abs(c - v) <= 0.25 + 1e-12);
  }
  // dpr 3: edges at multiples of 1/3.
  const c = snap(7.05, 3);
  close((c - 0.5) * 3, Math.round((c - 0.5) * 3));
});

test('fitCanvas sizes the backing store to CSS size x dpr and scales the context', () => {
  const calls = [];
  const canvas = {
    width: 300,
    height: 150,
    getBoundingClientRect: () => ({ width: 320.4, height: 200 }),
    getContext: () => ({ setTransform: (...args) => calls.push(args) }),
  };
  const fitted = fitCanvas(canvas, 2);
  assert.equal(canvas.width, 641);
  assert.equal(canvas.height, 400);
  assert.deepEqual(calls, [[2, 0, 0, 2, 0, 0]]);
  assert.equal(fitted.width, 320.4);
  assert.equal(fitted.dpr, 2);
});
