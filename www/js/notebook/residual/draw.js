// Drawing of the residual-flow figure: the point clouds with a few paths (K straight segments
// against the ODE's smooth curve), and the errors against K on log axes.
import { drawLegend, pointsAlong } from '../../kit/legend.js';
import { drawPoints } from '../../kit/particles.js';
import { drawLinePlot } from '../../kit/plot.js';
import { font } from '../../kit/theme.js';
import { drawTitle } from '../../kit/title.js';
import { createView, fitCanvas } from '../../kit/view.js';
import { firstOrderReference } from './math.js';

const BOX = { xmin: -4, xmax: 4, ymin: -4, ymax: 4 };

/** A polyline from point i of `start` through row j = 0.. of `rows` (rows of 2m values). */
function tracePath(ctx, view, start, rows, m, i) {
  ctx.moveTo(view.px(start[2 * i]), view.py(start[2 * i + 1]));
  for (let j = 0; j < rows.length / (2 * m); j++) {
    ctx.lineTo(view.px(rows[j * 2 * m + 2 * i]), view.py(rows[j * 2 * m + 2 * i + 1]));
  }
}

/**
 * Pixel points along the paths of points 0..m-1 (as tracePath draws them), for the legend to keep
 * off.
 */
function pathPixels(view, start, rows, m) {
  const steps = rows.length / (2 * m);
  const lines = Array.from({ length: m }, (_, i) => [
    [view.px(start[2 * i]), view.py(start[2 * i + 1])],
    ...Array.from({ length: steps }, (_, j) => [view.px(rows[j * 2 * m + 2 * i]), view.py(rows[j * 2 * m + 2 * i + 1])]),
  ]);
  return pointsAlong(lines);
}

/**
 * @param {CanvasRenderingContext2D} ctx @param {any} view @param {ArrayLike<number>} start
 * @param {ArrayLike<number>} rows @param {number} m
 * @param {{ color: string, width: number, vertices?: boolean }} options
 */
function strokePaths(ctx, view, start, rows, m, { color, width, vertices }) {
  ctx.save();
  ctx.strokeStyle = ctx.fillStyle = color;
  ctx.lineWidth = width;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  for (let i = 0; i < m; i++) tracePath(ctx, view, start, rows, m, i);
  ctx.stroke();
  if (vertices) {
    ctx.beginPath();
    for (let j = 0; j < rows.length; j += 2) {
      ctx.moveTo(view.px(rows[j]) + 2.2, view.py(rows[j + 1]));
      ctx.arc(view.px(rows[j]), view.py(rows[j + 1]), 2.2, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  ctx.restore();
}

/**
 * The clouds: `state` { base, exact: { positions, paths } | null, level: { k, positions, paths } |
 * null, k, tracked (number of paths) }; `words` the figure's strings.
 */
export function drawCloud(canvas, state, theme, words) {
  const { ctx, width, height } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  if (width < 40 || height < 40) return;
  const view = createView(BOX, { x: 0, y: 0, width, height });
  const { base, exact, level, k, tracked } = state;
  const [odeColor, residualColor] = [theme.series[0], theme.series[1]];
  const entries = [];
  if (base && !exact) {
    drawPoints(ctx, view, base, { color: theme.muted, size: 2, alpha: 0.6 });
    entries.push({ label: words.base, color: theme.muted });
  }
  if (exact) {
    drawPoints(ctx, view, exact.positions, { color: odeColor, size: 2, alpha: 0.4 });
    entries.push({ label: words.ode, color: odeColor });
  }
  if (level) {
    drawPoints(ctx, view, level.positions, { color: residualColor, size: 2, alpha: 0.45 });
    entries.push({ label: words.residual(level.k), color: residualColor });
  }
  if (exact) strokePaths(ctx, view, base, exact.paths, tracked, { color: odeColor, width: 2 });
  if (level) {
    strokePaths(ctx, view, base, level.paths, tracked, { color: residualColor, width: 1.5, vertices: level.k <= 64 });
  }
  if (exact) {
    ctx.save();
    ctx.strokeStyle = theme.foreground;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let i = 0; i < tracked; i++) {
      const [x, y] = [view.px(base[2 * i]), view.py(base[2 * i + 1])];
      ctx.moveTo(x + 4, y);
      ctx.arc(x, y, 4, 0, 2 * Math.PI);
    }
    ctx.stroke();
    ctx.restore();
  }
  // The corner title (and, for a map that folds the plane, a second line) at the top left, as
  // wide as the panel allows; the legend keeps off it and off the drawn paths.
  const room = width - 16;
  const title = exact ? (level ? words.corner(k) : words.pending(k)) : '';
  const note = exact && level && !level.invertible ? words.foldedShort : '';
  const avoid = [
    ...(exact ? pathPixels(view, base, exact.paths, tracked) : []),
    ...(level ? pathPixels(view, base, level.paths, tracked) : []),
  ];
  const keepOff = [];
  if (title) {
    ctx.save();
    ctx.font = font(theme, 13, 600);
    let textWidth = ctx.measureText(title).width;
    ctx.font = font(theme, 12);
    if (note) textWidth = Math.max(textWidth, ctx.measureText(note).width);
    ctx.restore();
    keepOff.push({ x: 8, y: 8, width: Math.min(room, textWidth), height: note ? 32 : 16 });
  }
  drawLegend(ctx, { x: 0, y: 0, width, height }, entries, theme, avoid, keepOff);
  if (!title) return;
  drawTitle(ctx, title, theme, { x: 8, y: 8, width: room });
  if (note) {
    ctx.save();
    ctx.font = font(theme, 12);
    ctx.fillStyle = theme.series[1];
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillText(note, 8, 26, room);
    ctx.restore();
  }
}

/**
 * The errors against log2 K: `levels` [{ k, positionRmsError, logDensityMeanError }] in
 * ascending K, with the chosen `k` marked. Returns the plot's maps (or null).
 */
export function drawErrors(canvas, levels, k, theme, words) {
  const { ctx, width, height, dpr } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  const ks = levels.map((l) => l.k);
  const x = ks.map(Math.log2);
  const position = levels.map((l) => l.positionRmsError);
  const density = levels.map((l) => l.logDensityMeanError);
  const series = [
    { label: words.position, x, y: position, color: theme.series[2] },
    { label: words.density, x, y: density, color: theme.series[3] },
    { label: words.reference, x, y: firstOrderReference(ks, position), color: theme.muted },
  ];
  const options = { theme, dpr, logY: true, title: words.plotTitle, xLabel: words.xLabel, yLabel: words.yLabel };
  const plot = drawLinePlot(ctx, { x: 0, y: 0, width: width - 14, height }, series, options);
  const chosen = levels.findIndex((l) => l.k === k);
  if (!plot || chosen < 0) return plot;
  const { area, px, py } = plot;
  ctx.save();
  ctx.strokeStyle = theme.foreground;
  ctx.globalAlpha = 0.5;
  ctx.setLineDash([4, 4]);
  ctx.beginPath();
  ctx.moveTo(px(x[chosen]), area.y);
  ctx.lineTo(px(x[chosen]), area.y + area.height);
  ctx.stroke();
  ctx.restore();
  for (const s of series.slice(0, 2)) {
    const v = s.y[chosen];
    if (!(v > 0)) continue;
    ctx.fillStyle = s.color;
    ctx.beginPath();
    ctx.arc(px(x[chosen]), py(v), 4, 0, 2 * Math.PI);
    ctx.fill();
  }
  return plot;
}
