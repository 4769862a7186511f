// Drawing of the Hutchinson figure: log-density maps with the chosen point, the histogram of the
// estimates at that point, and their variance against the number of probes.
import { COLORMAPS } from '../../kit/colormap.js';
import { drawColorbar } from '../../kit/colorbar.js';
import { drawKeyRows, keyRowsHeight } from '../../kit/legend.js';
import { drawLinePlot, drawVerticalMark } from '../../kit/plot.js';
import { font } from '../../kit/theme.js';
import { drawTitle } from '../../kit/title.js';
import { niceTicks, formatTick } from '../../kit/ticks.js';
import { createView, fitCanvas } from '../../kit/view.js';
import { histogram } from './stats.js';

const TITLE = 22;
const BAR = 30; // height of the colour bar with its tick labels

/**
 * A log-density map: `grid` (side x side, row 0 at ymin) over `box` [xmin, xmax, ymin, ymax] in
 * the colour range `range`, the chosen `point` ringed. Returns the view (for clicks) or null.
 */
export function drawMap(canvas, heatmap, { grid, side, box, range, point, title }, theme) {
  const { ctx, width, height } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  if (width < 60 || height < 80) return null;
  drawTitle(ctx, title, theme, { width: width - 8 });
  const world = { xmin: box[0], xmax: box[1], ymin: box[2], ymax: box[3] };
  const rect = { x: 0, y: TITLE, width, height: height - TITLE - BAR - 6 };
  const view = createView(world, rect);
  if (grid) {
    heatmap.draw(ctx, view, grid, { nx: side, ny: side, box: world, min: range[0], max: range[1], colormap: COLORMAPS.viridis });
    drawColorbar(ctx, { x: 8, y: height - BAR, width: width - 16, height: BAR }, {
      min: range[0],
      max: range[1],
      colormap: COLORMAPS.viridis,
      theme,
    });
  }
  if (point) {
    const [x, y] = [view.px(point[0]), view.py(point[1])];
    ctx.lineWidth = 2;
    for (const [color, r] of [[theme.background, 7], [theme.foreground, 5.5]]) {
      ctx.strokeStyle = color;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }
  return view;
}

/**
 * The histogram of `estimates` over [lo, hi] with the exact value and the mean ± standard error
 * (`stats` { mean, se }) marked.
 */
export function drawHistogram(canvas, { estimates, exact, stats, lo, hi, title }, theme, words) {
  const { ctx, width, height } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  if (width < 80 || height < 80) return;
  drawTitle(ctx, title, theme, { width: width - 8 });
  if (!estimates) return;
  // The key in rows above the bars: the bars are tall and narrow, no corner is free of them.
  const entries = [
    { label: words.exactLine, color: theme.foreground },
    { label: words.meanLine, color: theme.series[1] },
  ];
  const keyHeight = keyRowsHeight(ctx, theme, width - 24, entries);
  drawKeyRows(ctx, { x: 12, y: TITLE + 2, width: width - 24, height: keyHeight }, entries, theme);
  const area = { x: 12, y: TITLE + 6 + keyHeight, width: width - 24, height: height - TITLE - 50 - keyHeight };
  const bins = 48;
  const counts = histogram(estimates, lo, hi, bins);
  const top = Math.max(1, ...counts);
  const px = (v) => area.x + ((v - lo) / (hi - lo)) * area.width;
  ctx.fillStyle = theme.series[0];
  ctx.globalAlpha = 0.7;
  counts.forEach((c, b) => {
    const h = (c / top) * area.height;
    ctx.fillRect(px(lo + (b * (hi - lo)) / bins), area.y + area.height - h, area.width / bins - 0.5, h);
  });
  ctx.globalAlpha = 1;
  const bottom = area.y + area.height;
  ctx.fillStyle = theme.series[1];
  ctx.globalAlpha = 0.25;
  ctx.fillRect(px(stats.mean - stats.se), area.y, Math.max(1, px(stats.mean + stats.se) - px(stats.mean - stats.se)), area.height);
  ctx.globalAlpha = 1;
  const vline = (v, color, dash) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.setLineDash(dash);
    ctx.beginPath();
    ctx.moveTo(px(v), area.y);
    ctx.lineTo(px(v), bottom);
    ctx.stroke();
    ctx.setLineDash([]);
  };
  vline(exact, theme.foreground, []);
  vline(stats.mean, theme.series[1], [5, 3]);
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(area.x, bottom + 0.5);
  ctx.lineTo(area.x + area.width, bottom + 0.5);
  ctx.stroke();
  ctx.font = font(theme, 12);
  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const ticks = niceTicks(lo, hi, Math.max(2, Math.floor(area.width / 70)));
  for (const v of ticks) ctx.fillText(formatTick(v, ticks[1] - ticks[0]), px(v), bottom + 4);
  ctx.fillStyle = theme.foreground;
  ctx.fillText(words.histX, area.x + area.width / 2, bottom + 22);
}

/** Variance against log₂ k: `rows` [{ k, point, grid }] measured, with the closed forms. */
export function drawVariance(canvas, { rows, k }, theme, words) {
  const { ctx, width, height } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  if (width < 80 || height < 80) return;
  const x = rows.map((r) => Math.log2(r.k));
  const series = [
    { label: words.measuredPoint, x, y: rows.map((r) => r.point), color: theme.series[0] },
    { label: words.predictedPoint, x, y: rows.map((r) => r.pointPredicted), color: theme.muted },
    { label: words.measuredGrid, x, y: rows.map((r) => r.grid), color: theme.series[2] },
    { label: words.predictedGrid, x, y: rows.map((r) => r.gridPredicted), color: theme.series[3] },
  ];
  const plot = drawLinePlot(ctx, { x: 0, y: 0, width, height }, series, {
    theme,
    title: words.varianceTitle,
    xLabel: words.varianceX,
    yLabel: words.varianceY,
    logY: true,
  });
  if (plot) drawVerticalMark(ctx, plot, Math.log2(k), theme.foreground);
}
