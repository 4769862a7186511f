import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLORMAPS, createColormap, fillImageData, valueRange } from '../../www/js/kit/colormap.js';

const { viridis, rdbu_r: rdbu } = COLORMAPS;
const bytes = (rgb) => rgb.map((c) => Math.round(c * 255));

// Entries i of matplotlib's 256-entry viridis table (lib/matplotlib/_cm_listed.py, _viridis_data),
// chosen between our control points.
const VIRIDIS_TABLE = [
  [0, [0.267004, 0.004874, 0.329415]],
  [3, [0.271305, 0.019942, 0.347269]],
  [37, [0.274128, 0.199721, 0.498911]],
  [100, [0.166617, 0.463708, 0.558119]],
  [128, [0.127568, 0.566949, 0.550556]],
  [150, [0.128087, 0.647749, 0.523491]],
  [203, [0.468053, 0.818921, 0.323998]],
  [233, [0.772852, 0.877868, 0.131109]],
  [250, [0.945636, 0.899815, 0.112838]],
  [255, [0.993248, 0.906157, 0.143936]],
];

test('viridis reproduces the published table within one byte', () => {
  for (const [i, rgb] of VIRIDIS_TABLE) {
    const expected = bytes(rgb);
    const actual = viridis.rgb(i / 255);
    for (let c = 0; c < 3; c++) {
      assert.ok(Math.abs(actual[c] - expected[c]) <= 1, `entry ${i}: ${actual} vs ${expected}`);
    }
    assert.deepEqual(Array.from(viridis.lut.subarray(3 * i, 3 * i + 3)), actual);
  }
});

test('rdbu_r runs from ColorBrewer dark blue through near-white to dark red', () => {
  assert.deepEqual(rdbu.rgb(0), [5, 48, 97]);
  assert.deepEqual(rdbu.rgb(0.5), [247, 247, 247]);
  assert.deepEqual(rdbu.rgb(1), [103, 0, 31]);
  assert.deepEqual(rdbu.rgb(0.1), [33, 102, 172]);
  // Halfway between the control colours #f7f7f7 (0.5) and #fddbc7 (0.6).
  assert.deepEqual(rdbu.rgb(0.55), [250, 233, 223]);
});

test('values outside [0, 1] are clamped; NaN has no colour', () => {
  assert.deepEqual(viridis.rgb(-3), viridis.rgb(0));
  assert.deepEqual(viridis.rgb(7), viridis.rgb(1));
  assert.equal(viridis.rgb(NaN), null);
  assert.equal(viridis.css(NaN), 'rgba(0, 0, 0, 0)');
  assert.equal(viridis.css(0), 'rgb(68, 1, 84)');
});

test('viridis lightness increases monotonically (the point of a sequential map)', () => {
  const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
  for (let i = 1; i < 256; i++) {
    assert.ok(luminance(viridis.rgb(i / 255)) >= luminance(viridis.rgb((i - 1) / 255)) - 0.5, `at ${i}`);
  }
});

test('createColormap interpolates linearly between equally spaced stops', () => {
  const grey = createColormap('grey', ['#000000', '#ffffff']);
  assert.deepEqual(grey.rgb(0.5), [128, 128, 128]);
  assert.deepEqual(grey.rgb(0.25), [64, 64, 64]);
  const three = createColormap('rgb', ['#ff0000', '#00ff00', '#0000ff']);
  assert.deepEqual(three.rgb(0.75), [0, 128, 128]);
});

const image = (width, height) => ({ width, height, data: new Uint8ClampedArray(4 * width * height).fill(9) });
const pixel = (img, x, y) => Array.from(img.data.subarray(4 * (y * img.width + x), 4 * (y * img.width + x) + 4));
const grey = createColormap('grey', ['#000000', '#ffffff']);

test('fillImageData puts grid row 0 (y = ymin) at the bottom by default, and at the top with origin top', () => {
  // 3 x 2 grid: row 0 = [0, 1, 2], row 1 = [3, 4, 5].
  const grid = Float64Array.from([0, 1, 2, 3, 4, 5]);
  const bottom = image(3, 2);
  fillImageData(bottom, grid, { min: 0, max: 5, colormap: grey });
  assert.deepEqual(pixel(bottom, 0, 1), [0, 0, 0, 255]);
  assert.deepEqual(pixel(bottom, 2, 0), [255, 255, 255, 255]);
  assert.deepEqual(pixel(bottom, 1, 1), [51, 51, 51, 255]);
  const top = image(3, 2);
  fillImageData(top, Float32Array.from(grid), { min: 0, max: 5, colormap: grey, origin: 'top' });
  assert.deepEqual(pixel(top, 0, 0), [0, 0, 0, 255]);
  assert.deepEqual(pixel(top, 2, 1), [255, 255, 255, 255]);
});

test('fillImageData clamps, makes NaN transparent, and uses the middle colour for an empty range', () => {
  const img = image(4, 1);
  fillImageData(img, [NaN, -10, 10, Infinity], { min: 0, max: 1, colormap: grey, origin: 'top' });
  assert.deepEqual(pixel(img, 0, 0), [0, 0, 0, 0]);
  assert.deepEqual(pixel(img, 1, 0), [0, 0, 0, 255]);
  assert.deepEqual(pixel(img, 2, 0), [255, 255, 255, 255]);
  assert.deepEqual(pixel(img, 3, 0), [255, 255, 255, 255]);
  const flat = image(2, 1);
  fillImageData(flat, [3, Infinity], { min: 3, max: 3, colormap: grey });
  assert.deepEqual(pixel(flat, 0, 0), [128, 128, 128, 255]);
  assert.deepEqual(pixel(flat, 1, 0), [128, 128, 128, 255]);
  fillImageData(flat, [0, 1], { min: 0, max: 1 });
  assert.deepEqual(pixel(flat, 0, 0), [...viridis.rgb(0), 255]);
});

test('fillImageData refuses a grid of the wrong size', () => {
  assert.throws(() => fillImageData(image(2, 2), [1, 2, 3], { min: 0, max: 1 }), /3 values, the image 2 x 2/);
});

test('valueRange ignores non-finite values and can be made symmetric about zero', () => {
  assert.deepEqual(valueRange([NaN, 2, -1, Infinity, 0.5]), [-1, 2]);
  assert.deepEqual(valueRange(Float32Array.from([-1, 3]), { symmetric: true }), [-3, 3]);
  assert.deepEqual(valueRange([-4, 1], { symmetric: true }), [-4, 4]);
  assert.deepEqual(valueRange([NaN, NaN]), [0, 1]);
  assert.deepEqual(valueRange([]), [0, 1]);
});
