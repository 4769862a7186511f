// A grid of values drawn as coloured cells over a world box (densities, log-densities, errors).
import { fillImageData } from './colormap.js';

function scratchCanvas(width, height) {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  return Object.assign(document.createElement('canvas'), { width, height });
}

/**
 * A heatmap drawer that keeps its nx x ny scratch image between frames. Its draw(ctx, view, grid,
 * options) colours the row-major grid (row 0 at ymin unless origin: 'top') and stretches it over
 * options.box, the outer edges of the cells in world coordinates, through `view` (view.js).
 * Options: { nx, ny, box, min, max, colormap, origin, smooth } — smooth blends neighbouring cells
 * (bilinear) instead of showing them as squares. NaN cells are left transparent.
 */
export function createHeatmap(makeCanvas = scratchCanvas) {
  let scratch = null;
  let image = null;
  /**
   * @param {CanvasRenderingContext2D} ctx @param {any} view @param {ArrayLike<number>} grid
   * @param {{ nx: number, ny: number, box: any, min: number, max: number, colormap: any,
   *   origin?: 'top' | 'bottom', smooth?: boolean }} options
   */
  const draw = (ctx, view, grid, { nx, ny, box, min, max, colormap, origin, smooth = false }) => {
    if (!scratch || scratch.width !== nx || scratch.height !== ny) {
      scratch = makeCanvas(nx, ny);
      image = scratch.getContext('2d').createImageData(nx, ny);
    }
    fillImageData(image, grid, { min, max, colormap, origin });
    scratch.getContext('2d').putImageData(image, 0, 0);
    const left = view.px(box.xmin);
    const top = view.py(box.ymax);
    ctx.save();
    ctx.imageSmoothingEnabled = smooth;
    ctx.drawImage(scratch, left, top, view.px(box.xmax) - left, view.py(box.ymin) - top);
    ctx.restore();
  };
  return { draw };
}

/**
 * The box of the cells around a grid of nx x ny nodes spread evenly from (xmin, ymin) to
 * (xmax, ymax) inclusive (as numpy's linspace): each node is the centre of its cell, so the box
 * grows by half a cell on every side.
 */
export function cellBox({ xmin, xmax, ymin, ymax }, nx, ny) {
  const hx = nx > 1 ? (xmax - xmin) / (nx - 1) / 2 : 0.5;
  const hy = ny > 1 ? (ymax - ymin) / (ny - 1) / 2 : 0.5;
  return { xmin: xmin - hx, xmax: xmax + hx, ymin: ymin - hy, ymax: ymax + hy };
}
