// Colormaps (value in [0, 1] -> RGB bytes) and filling an image from a grid of values.
//
// Each map is a list of equally spaced control colours joined by linear interpolation in RGB:
//  - viridis: matplotlib's perceptually uniform map (van der Walt & Smith), sampled at 41 points;
//    every one of its 256 published entries is reproduced within 1/255.
//  - rdbu_r: ColorBrewer's 11-class RdBu reversed, as matplotlib's 'RdBu_r' (its definition):
//    blue for negative, near-white at the middle, red for positive; for signed differences.

// prettier-ignore
const VIRIDIS = [
  '#440154', '#460a5d', '#481466', '#481c6e', '#482575', '#472d7b', '#463480', '#433c84', '#414487',
  '#3e4b89', '#3b528b', '#38598c', '#345f8d', '#32668e', '#2f6c8e', '#2c728e', '#2a788e', '#277e8e',
  '#25848e', '#238a8d', '#21908c', '#1f968b', '#1e9c89', '#1fa287', '#22a884', '#28ae80', '#2fb47c',
  '#38b977', '#43bf71', '#4fc46a', '#5dc963', '#6bcd5a', '#7ad151', '#8ad547', '#9ad93d', '#abdc32',
  '#bcdf27', '#cde11d', '#dde318', '#eee51b', '#fde725',
];
// prettier-ignore
const RDBU_R = [
  '#053061', '#2166ac', '#4393c3', '#92c5de', '#d1e5f0', '#f7f7f7',
  '#fddbc7', '#f4a582', '#d6604d', '#b2182b', '#67001f',
];

/**
 * A colormap from equally spaced '#rrggbb' control colours: { name, rgb(t), css(t), lut } where
 * rgb(t) gives [r, g, b] bytes for t clamped to [0, 1] (null for NaN), css(t) a CSS colour, and
 * lut 256 precomputed RGB triples (entry i is rgb(i / 255)) for filling images fast.
 */
export function createColormap(name, hexStops) {
  const stops = hexStops.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const last = stops.length - 1;
  const rgb = (t) => {
    if (Number.isNaN(t)) return null;
    const s = Math.min(Math.max(t, 0), 1) * last;
    const k = Math.min(last - 1, Math.floor(s));
    const f = s - k;
    return stops[k].map((a, c) => Math.round(a + f * (stops[k + 1][c] - a)));
  };
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) lut.set(rgb(i / 255), 3 * i);
  const css = (t) => (Number.isNaN(t) ? 'rgba(0, 0, 0, 0)' : `rgb(${rgb(t).join(', ')})`);
  return Object.freeze({ name, rgb, css, lut });
}

export const COLORMAPS = Object.freeze({
  viridis: createColormap('viridis', VIRIDIS),
  rdbu_r: createColormap('rdbu_r', RDBU_R),
});

/**
 * The range [min, max] of the finite values of `grid`; with symmetric, [-m, m] with m the largest
 * |value| (for differences, so that zero sits at the middle colour). [0, 1] when nothing is finite.
 */
export function valueRange(grid, { symmetric = false } = {}) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of grid) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return [0, 1];
  if (!symmetric) return [min, max];
  const m = Math.max(-min, max);
  return [-m, m];
}

/**
 * Colours `image` ({ width, height, data: RGBA bytes }, e.g. an ImageData) from a row-major grid of
 * width x height values, one pixel per cell. Values are mapped linearly from [min, max] to the map
 * (clamped; all to the middle colour if min == max). NaN cells become transparent. With origin
 * 'bottom' (the default, FlowLab's convention) grid row 0 is y = ymin and lands on the image's
 * bottom row; with 'top' it lands on the top row.
 */
export function fillImageData(image, grid, { min, max, colormap = COLORMAPS.viridis, origin = 'bottom' }) {
  const { width, height, data } = image;
  if (grid.length !== width * height) {
    throw new Error(`the grid has ${grid.length} values, the image ${width} x ${height} pixels`);
  }
  const scale = 255 / (max - min);
  const { lut } = colormap;
  for (let row = 0; row < height; row++) {
    const target = origin === 'bottom' ? height - 1 - row : row;
    for (let col = 0; col < width; col++) {
      const v = grid[row * width + col];
      const p = 4 * (target * width + col);
      if (Number.isNaN(v)) {
        data.fill(0, p, p + 4);
        continue;
      }
      const t = max > min ? (v - min) * scale : 127.5;
      const i = 3 * Math.round(Math.min(Math.max(t, 0), 255));
      data[p] = lut[i];
      data[p + 1] = lut[i + 1];
      data[p + 2] = lut[i + 2];
      data[p + 3] = 255;
    }
  }
}
