// The 2D panel: p_1 as a heat map over the box, the square grid of x (dashed) and its image under φ,
// the pushed samples, and a marker joining the point y under the pointer to its preimage x.
import { COLORMAPS, valueRange } from '../../kit/colormap.js';
import { drawColorbar } from '../../kit/colorbar.js';
import { createHeatmap } from '../../kit/heatmap.js';
import { drawPoints } from '../../kit/particles.js';
import { createView, fitCanvas } from '../../kit/view.js';

// Overlays on the viridis map (the same in light and dark schemes), so fixed colours.
const GRID = 'rgba(255, 255, 255, 0.45)';
const IMAGE = 'rgba(255, 255, 255, 0.95)';
export const SAMPLE_COLOR = '#ff6a3d';

/** Polylines of `count` points each, read from interleaved `xs`. */
function polylines(ctx, view, xs, count) {
  ctx.beginPath();
  for (let i = 0; i < xs.length; i += 2) {
    const [x, y] = [view.px(xs[i]), view.py(xs[i + 1])];
    if ((i / 2) % count === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
}

/** The straight grid over [-g, g]² with `lines` lines each way. */
function squareGrid(ctx, view, g, lines) {
  ctx.beginPath();
  for (let i = 0; i < lines; i++) {
    const v = -g + (2 * g * i) / (lines - 1);
    ctx.moveTo(view.px(v), view.py(-g));
    ctx.lineTo(view.px(v), view.py(g));
    ctx.moveTo(view.px(-g), view.py(v));
    ctx.lineTo(view.px(g), view.py(v));
  }
  ctx.stroke();
}

function marker(ctx, view, { y, x }) {
  const [a, b] = [view.px(y[0]), view.py(y[1])];
  const [c, d] = [view.px(x[0]), view.py(x[1])];
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#ffffff';
  ctx.lineWidth = 1.5;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(a, b);
  ctx.lineTo(c, d);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.arc(c, d, 5, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(a, b, 4, 0, 2 * Math.PI);
  ctx.fill();
}

/** A painter keeping its heat map scratch image; draw() returns the view (for the pointer). */
export function createPlanePainter() {
  const heatmap = createHeatmap();
  const draw = (canvas, bar, d, theme, s, point) => {
    const { ctx, width, height, dpr } = fitCanvas(canvas);
    ctx.clearRect(0, 0, width, height);
    if (!d || !(width > 0 && height > 0)) return null;
    const box = { xmin: -d.view, xmax: d.view, ymin: -d.view, ymax: d.view };
    const view = createView(box, { x: 0, y: 0, width, height }, { equalAspect: false });
    const [, max] = valueRange(d.density);
    const scale = { min: 0, max, colormap: COLORMAPS.viridis };
    heatmap.draw(ctx, view, d.density, { nx: d.cells, ny: d.cells, box, smooth: true, ...scale });
    const lines = d.lines.length / (4 * d.lineSamples);
    ctx.save();
    ctx.lineWidth = 1;
    ctx.strokeStyle = GRID;
    ctx.setLineDash([4, 4]);
    squareGrid(ctx, view, d.grid, lines);
    ctx.setLineDash([]);
    ctx.strokeStyle = IMAGE;
    ctx.lineWidth = 1.2;
    polylines(ctx, view, d.lines, d.lineSamples);
    drawPoints(ctx, view, d.samples, { color: SAMPLE_COLOR, size: 2.5, alpha: 0.85 });
    if (point) marker(ctx, view, point);
    ctx.restore();
    const b = fitCanvas(bar);
    b.ctx.clearRect(0, 0, b.width, b.height);
    drawColorbar(b.ctx, { x: 6, y: 2, width: b.width - 12, height: b.height - 4 }, { ...scale, label: s.colorbar, theme, dpr });
    return view;
  };
  return { draw };
}
