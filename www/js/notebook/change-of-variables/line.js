// The 1D panel: the pushed density on y above, the source N(0, 1) on x below, and between them the
// lines from equally spaced ticks x_i to their images y_i = φ(x_i) (the stretched grid).
import { drawLinePlot } from '../../kit/plot.js';
import { fitCanvas } from '../../kit/view.js';
import { capValues, histogram, interpolate, plotCap, stepOutline } from './stats.js';

const BINS = 50;
const TOP = 0.56; // fractions of the height: pushed plot, then the band of connecting lines
const BAND = 0.14;

/** Strokes `ys` against `xs` through the plot's maps, values above `cap` drawn at the cap. */
function trace(ctx, xs, ys, cap, { px, py }) {
  ctx.beginPath();
  xs.forEach((x, i) => {
    const y = Math.min(ys[i], cap);
    if (i === 0) ctx.moveTo(px(x), py(y));
    else ctx.lineTo(px(x), py(y));
  });
  ctx.stroke();
}

/** Vertical segments from the x axis up to the curve at each tick (a comb). */
function comb(ctx, ticks, xs, ys, cap, { area, px, py }) {
  ctx.beginPath();
  for (const t of ticks) {
    if (!(t >= xs[0] && t <= xs[xs.length - 1])) continue;
    ctx.moveTo(px(t), area.y + area.height);
    ctx.lineTo(px(t), py(Math.min(interpolate(xs, ys, t), cap)));
  }
  ctx.stroke();
}

/** Draws the panel `d` (a change_of_variables_1d result) with the words `s` on `canvas`. */
export function drawLinePanel(canvas, d, theme, s) {
  const { ctx, width, height, dpr } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  if (!d) return;
  const top = { x: 0, y: 0, width, height: Math.round(height * TOP) };
  const bandEnd = top.height + Math.round(height * BAND);
  const bottom = { x: 0, y: bandEnd, width, height: height - bandEnd };
  const n = d.y.length;
  const hi = d.y[n - 1] + (d.y[1] - d.y[0]) / 2; // the window [0, φ(tick_range)]
  const hist = histogram(d.samples, 0, hi, BINS);
  const cap = plotCap(d.gamma);
  const outline = stepOutline(hist);
  const series = [
    { x: outline.x, y: capValues(outline.y, cap), color: theme.muted },
    { x: d.y, y: capValues(d.pushed, cap), color: theme.series[0] },
  ];
  const up = drawLinePlot(ctx, top, series, { theme, dpr, title: s.topTitle });
  const down = drawLinePlot(ctx, bottom, [{ x: d.x, y: d.source, color: theme.series[2] }], {
    theme,
    dpr,
    xLabel: s.bottomAxis,
  });
  if (!up || !down) return;
  ctx.save();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = theme.series[1];
  ctx.setLineDash([5, 4]);
  ctx.save();
  ctx.beginPath();
  ctx.rect(up.area.x, up.area.y, up.area.width, up.area.height);
  ctx.clip();
  trace(ctx, d.y, d.gamma, cap, up);
  ctx.restore();
  ctx.setLineDash([]);
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.accent;
  ctx.globalAlpha = 0.75;
  comb(ctx, d.ticksY, d.y, d.pushed, cap, up);
  comb(ctx, d.ticksX, d.x, d.source, Infinity, down);
  ctx.beginPath();
  d.ticksX.forEach((x, i) => {
    // From just below the tick labels of y (they take 16 px under the axis).
    ctx.moveTo(up.px(d.ticksY[i]), up.area.y + up.area.height + 17);
    ctx.lineTo(down.px(x), down.area.y);
  });
  ctx.stroke();
  ctx.restore();
}
