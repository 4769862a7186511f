import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawLinePlot } from '../../www/js/kit/plot.js';
import { drawLegend, pointsAlong, quietCorner } from '../../www/js/kit/legend.js';
import { drawTitle } from '../../www/js/kit/title.js';
import { FALLBACK_THEME as theme } from '../../www/js/kit/theme.js';
import { calls, drawnNumbers, fakeContext } from './fake-canvas.mjs';

const rect = { x: 0, y: 0, width: 400, height: 260 };
const texts = (ctx) => calls(ctx, 'fillText').map(([text]) => text);

test('the data range fills the plot: first and last points at the left and right edges', () => {
  const ctx = fakeContext();
  const { area, px, py } = drawLinePlot(ctx, rect, [{ label: 'loss', x: [10, 20, 30], y: [2, 1, 3] }], { theme });
  assert.equal(px(10), area.x);
  assert.equal(px(30), area.x + area.width);
  // y has a 5% margin: 1 and 3 map to 5% inside the bottom and top edges.
  assert.ok(Math.abs(py(1) - (area.y + area.height * (1 - 0.05 / 1.1))) < 1e-9);
  assert.ok(py(3) > area.y && py(3) < area.y + 0.05 * area.height);
  assert.ok(
    calls(ctx, 'moveTo').some(([x, y]) => x === px(10) && y === py(2)),
    'the line starts at (10, 2)',
  );
  assert.ok(
    calls(ctx, 'lineTo').some(([x, y]) => x === px(30) && y === py(3)),
    'and ends at (30, 3)',
  );
  assert.equal(calls(ctx, 'save').length, calls(ctx, 'restore').length);
});

test('ticks, title, axis labels and the legend are written', () => {
  const ctx = fakeContext();
  const series = [
    { label: 'train', y: [4, 3, 2, 1, 0] },
    { label: 'test', y: [4.5, 3.5, 2.5, 1.5, 0.5], color: 'red' },
  ];
  drawLinePlot(ctx, rect, series, { theme, title: 'Loss', xLabel: 'step', yLabel: 'MSE' });
  const written = texts(ctx);
  for (const t of ['Loss', 'step', 'MSE', 'train', 'test', '0', '1', '2', '3', '4']) {
    assert.ok(written.includes(t), `${t} in ${written}`);
  }
  assert.ok(ctx.log.some((e) => e.set === 'strokeStyle' && e.value === 'red'));
  assert.ok(ctx.log.some((e) => e.set === 'strokeStyle' && e.value === theme.series[0]));
});

test('log scale: powers of ten as ticks, and non-positive values break the line', () => {
  const ctx = fakeContext();
  const { py } = drawLinePlot(ctx, rect, [{ y: [1, 0.1, 0, 0.01, -1, 0.001] }], { theme, logY: true });
  const written = texts(ctx);
  for (const t of ['1', '0.1', '0.01', '0.001']) assert.ok(written.includes(t), `${t} in ${written}`);
  assert.ok(Math.abs(py(0.1) - py(1) - (py(0.01) - py(0.1))) < 1e-9, 'decades are evenly spaced');
  // Runs: [1, 0.1], [0.01], [0.001]: one moveTo per run, the single points drawn as dots.
  const moves = calls(ctx, 'moveTo').filter(([, y]) => [1, 0.1, 0.01, 0.001].some((v) => Math.abs(y - py(v)) < 1e-9));
  assert.ok(moves.length >= 3);
  assert.equal(calls(ctx, 'fillRect').filter(([, , w]) => w === 3).length, 2);
  assert.ok(drawnNumbers(ctx).every(Number.isFinite));
});

test('empty, all-NaN and single-point series draw axes without throwing or passing NaN', () => {
  for (const series of [
    [],
    [{ y: [] }],
    [{ y: [NaN, NaN] }],
    [{ y: [5] }],
    [{ y: [2, 2, 2] }],
    [{ x: [NaN, 1], y: [1, NaN] }],
  ]) {
    for (const logY of [false, true]) {
      const ctx = fakeContext();
      assert.ok(drawLinePlot(ctx, rect, series, { theme, logY }));
      assert.ok(drawnNumbers(ctx).every(Number.isFinite), JSON.stringify(series));
    }
  }
  const ctx = fakeContext();
  drawLinePlot(ctx, rect, [{ y: [NaN] }], { theme });
  assert.ok(texts(ctx).includes('No data yet'));
  const zh = fakeContext();
  drawLinePlot(zh, rect, [], { theme, emptyText: '尚無資料' });
  assert.ok(texts(zh).includes('尚無資料'));
  assert.ok(!texts(zh).includes('No data yet'));
});

test('a rectangle too small for a plot draws nothing', () => {
  const ctx = fakeContext();
  assert.equal(drawLinePlot(ctx, { x: 0, y: 0, width: 60, height: 300 }, [{ y: [1, 2] }], { theme }), null);
  assert.deepEqual(ctx.log, []);
});

test('narrow plots get fewer x ticks', () => {
  const count = (width) => {
    const ctx = fakeContext();
    const { py } = drawLinePlot(ctx, { ...rect, width }, [{ y: Array.from({ length: 1001 }, (_, i) => i) }], { theme });
    const bottom = Math.max(...calls(ctx, 'fillText').map(([, , y]) => y));
    assert.ok(bottom > py(0));
    return calls(ctx, 'fillText').filter(([, , y]) => y === bottom).length;
  };
  assert.ok(count(200) < count(800), `${count(200)} vs ${count(800)}`);
  assert.ok(count(200) >= 2);
});

test('drawLegend lists each entry with its colour and sizes its box to the longest label', () => {
  const ctx = fakeContext();
  const area = { x: 0, y: 0, width: 300, height: 200 };
  drawLegend(
    ctx,
    area,
    [
      { label: 'a', color: 'red' },
      { label: 'longer label', color: 'blue' },
    ],
    theme,
  );
  assert.deepEqual(texts(ctx), ['a', 'longer label']);
  const [[x, , width]] = calls(ctx, 'fillRect');
  assert.equal(width, 32 + 6 * 'longer label'.length);
  assert.equal(x + width, 294);
  const none = fakeContext();
  drawLegend(none, area, [], theme);
  assert.deepEqual(none.log, []);
});

test('the legend goes to the corner that covers the fewest drawn points, top right on a tie', () => {
  const area = { x: 0, y: 0, width: 200, height: 100 };
  // Nothing to avoid: top right (6 px in from the edges).
  assert.deepEqual(quietCorner(area, 50, 20), [144, 6]);
  // A line along the top: a bottom corner, the right one first.
  const top = Array.from({ length: 50 }, (_, i) => [4 * i, 10]);
  assert.deepEqual(quietCorner(area, 50, 20, top), [144, 74]);
  // A line along the top and down the right edge: bottom left.
  const right = Array.from({ length: 25 }, (_, i) => [190, 4 * i]);
  assert.deepEqual(quietCorner(area, 50, 20, [...top, ...right]), [6, 74]);
});

test('a line plot keeps its key off a line that fills the top right', () => {
  const ctx = fakeContext();
  // Falling from the top left and flat along the bottom: the key belongs at the top right;
  // rising to the top right: it moves to another corner.
  const { area } = drawLinePlot(ctx, rect, [{ label: 'a', y: [10, 1, 1, 1, 1] }], { theme });
  const box = (c) => calls(c, 'fillRect').at(-1);
  assert.ok(box(ctx)[0] > area.x + area.width / 2 && box(ctx)[1] < area.y + area.height / 2, `${box(ctx)}`);
  const rising = fakeContext();
  drawLinePlot(rising, rect, [{ label: 'a', y: [1, 1, 1, 1, 10] }], { theme });
  const [x, y] = box(rising);
  assert.ok(!(x > area.x + area.width / 2 && y < area.y + area.height / 2), `key at ${x}, ${y} covers the line`);
});

test('a title wider than its panel is written smaller and squeezed to the width', () => {
  const short = fakeContext();
  drawTitle(short, 'Loss', theme, { width: 100 });
  assert.deepEqual(calls(short, 'fillText')[0], ['Loss', 4, 2, 100]);
  assert.match(short.log.filter((e) => e.set === 'font').at(-1).value, /^600 13px/);
  const long = fakeContext();
  drawTitle(long, 'x'.repeat(40), theme, { x: 8, y: 8, width: 100 });
  assert.deepEqual(calls(long, 'fillText')[0], ['x'.repeat(40), 8, 8, 100]);
  assert.match(long.log.filter((e) => e.set === 'font').at(-1).value, /^600 10px/);
});

test('keyAbove writes the key in rows above the plot, which starts below them', () => {
  const series = ['first line', 'second line', 'third line'].map((label, i) => ({ label, y: [i, i + 1] }));
  const corner = fakeContext();
  const inCorner = drawLinePlot(corner, rect, series, { theme, title: 'T' });
  const above = fakeContext();
  const withRows = drawLinePlot(above, rect, series, { theme, title: 'T', keyAbove: true });
  // The fake measures 6 px a character: 3 entries of 28 + 60-66 px fit one row of 340 px.
  assert.equal(withRows.area.y, inCorner.area.y + 18 + 4);
  for (const label of ['first line', 'second line', 'third line']) {
    const [, , y] = calls(above, 'fillText').find(([text]) => text === label);
    assert.ok(y < withRows.area.y, `${label} at y ${y}, plot from ${withRows.area.y}`);
  }
  // No translucent box over the plot.
  assert.equal(calls(above, 'fillRect').length, 0);
});

test('pointsAlong samples each polyline every few pixels and breaks at a non-finite vertex', () => {
  const points = pointsAlong([[[0, 0], [8, 0], [NaN, NaN], [20, 0], [20, 8]]], 4);
  assert.deepEqual(points, [[0, 0], [4, 0], [8, 0], [20, 0], [20, 4], [20, 8]]);
});

test('quietCorner leaves out a corner over a rectangle to keep off, unless all four are', () => {
  const area = { x: 0, y: 0, width: 200, height: 100 };
  assert.deepEqual(quietCorner(area, 50, 20, [], [{ x: 150, y: 0, width: 50, height: 20 }]), [6, 6]);
  assert.deepEqual(quietCorner(area, 50, 20, [], [area]), [144, 6]);
});
