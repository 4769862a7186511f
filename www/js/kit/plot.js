// Line plots of a few series (losses, errors against step count): nice ticks, a legend, log y.
import { formatTick, logTicks, niceTicks } from './ticks.js';
import { snap } from './view.js';
import { font } from './theme.js';
import { drawKeyRows, drawLegend, keyRowsHeight, pointsAlong } from './legend.js';
import { drawTitle } from './title.js';

const FONT_SIZE = 12;
const LINE = FONT_SIZE + 6;

/**
 * Draws `series` ([{ label, y, x?, color?, width?, alpha?, dash? }]: y and optional x array-likes, x
 * defaulting to the index 0, 1, ...; color defaulting to theme.series; the line's width (1.5) and
 * opacity (1); dash a canvas line-dash pattern) in `rect` (CSS pixels). Options: { theme, dpr,
 * title, xLabel, yLabel, logY, emptyText, keyAbove }: the key goes in the plot's emptiest corner,
 * or with keyAbove in rows between the title and the plot. Non-finite values (and, with logY, values <= 0) break
 * the line; with no data at all the axes are drawn with `emptyText` ('No data yet'). Returns
 * { area, px, py }: the plotting rectangle and the maps from data to pixels (for pointer
 * read-outs), or null when rect is too small to hold a plot.
 */
export function drawLinePlot(ctx, rect, series, options) {
  const { title = '', xLabel = '', yLabel = '', logY = false, keyAbove = false } = options;
  const entries = series
    .map((s, k) => ({ label: s.label, color: colorOf(s, k, options.theme), dash: s.dash }))
    .filter(hasLabel);
  const left = rect.x + 48 + (yLabel ? LINE : 0);
  const keyTop = rect.y + (title ? LINE + 4 : 8);
  const keyHeight = keyAbove ? keyRowsHeight(ctx, options.theme, rect.width - (left - rect.x) - 12, entries) : 0;
  const top = keyTop + keyHeight + (keyHeight ? 4 : 0);
  const area = { x: left, y: top, width: rect.width - (left - rect.x) - 12 };
  area.height = rect.height - (top - rect.y) - LINE - (xLabel ? LINE : 0);
  if (area.width < 20 || area.height < 20) return null;
  const valid = logY ? (v) => v > 0 && v < Infinity : Number.isFinite;
  const scales = fitScales(series, area, valid, logY);
  ctx.save();
  ctx.font = font(options.theme, FONT_SIZE);
  drawAxes(ctx, area, scales, options);
  drawLabels(ctx, rect, area, scales.empty, options);
  ctx.beginPath();
  ctx.rect(area.x, area.y, area.width, area.height);
  ctx.clip();
  ctx.lineJoin = 'round';
  series.forEach((s, k) => {
    ctx.lineWidth = s.width ?? 1.5;
    ctx.globalAlpha = s.alpha ?? 1;
    ctx.strokeStyle = ctx.fillStyle = colorOf(s, k, options.theme);
    ctx.setLineDash(s.dash ?? []);
    traceLine(ctx, s, valid, scales);
  });
  ctx.restore();
  if (keyAbove) drawKeyRows(ctx, { x: left, y: keyTop, width: area.width, height: keyHeight }, entries, options.theme);
  else drawLegend(ctx, area, entries, options.theme, linePixels(series, valid, scales));
  return { area, px: scales.px, py: scales.py };
}

/** Points every few pixels along the drawn lines of `series` (where a legend should not go). */
function linePixels(series, valid, { px, py }) {
  const lines = series.map((s) =>
    Array.from(s.y, (y, i) => {
      const x = s.x ? s.x[i] : i;
      return Number.isFinite(x) && valid(y) ? [px(x), py(y)] : [NaN, NaN];
    }),
  );
  return pointsAlong(lines);
}

/** Data ranges (x exact, y with a 5% margin, in log10 for logY), pixel maps and ticks. */
function fitScales(series, area, valid, logY) {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const s of series) {
    for (let i = 0; i < s.y.length; i++) {
      const x = s.x ? s.x[i] : i;
      if (!Number.isFinite(x) || !valid(s.y[i])) continue;
      const y = logY ? Math.log10(s.y[i]) : s.y[i];
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  const empty = x0 > x1;
  if (empty) [x0, x1, y0, y1] = [0, 1, 0, 1];
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  const pad = y1 > y0 ? 0.05 * (y1 - y0) : logY ? 0.5 : Math.abs(y0) * 0.1 || 1;
  [y0, y1] = [y0 - pad, y1 + pad];
  const px = (x) => area.x + ((x - x0) / (x1 - x0)) * area.width;
  const ly = (l) => area.y + area.height - ((l - y0) / (y1 - y0)) * area.height;
  const yCount = Math.max(2, Math.floor(area.height / 40));
  return {
    empty,
    px,
    py: logY ? (y) => ly(Math.log10(y)) : ly,
    xTicks: niceTicks(x0, x1, Math.max(2, Math.floor(area.width / 70))),
    yTicks: logY ? logTicks(10 ** y0, 10 ** y1, yCount) : niceTicks(y0, y1, yCount),
  };
}

function drawAxes(ctx, area, { px, py, xTicks, yTicks }, { theme, dpr = 1, logY = false }) {
  const [right, bottom] = [area.x + area.width, area.y + area.height];
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.grid;
  ctx.beginPath();
  for (const x of xTicks.map((v) => snap(px(v), dpr))) {
    ctx.moveTo(x, area.y);
    ctx.lineTo(x, bottom);
  }
  for (const y of yTicks.map((v) => snap(py(v), dpr))) {
    ctx.moveTo(area.x, y);
    ctx.lineTo(right, y);
  }
  ctx.stroke();
  ctx.strokeStyle = theme.muted;
  ctx.beginPath();
  ctx.moveTo(snap(area.x, dpr), area.y);
  ctx.lineTo(snap(area.x, dpr), snap(bottom, dpr));
  ctx.lineTo(right, snap(bottom, dpr));
  ctx.stroke();
  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of xTicks) ctx.fillText(formatTick(v, xTicks[1] - xTicks[0]), px(v), bottom + 4);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of yTicks) ctx.fillText(formatTick(v, logY ? v : yTicks[1] - yTicks[0]), area.x - 6, py(v));
}

function drawLabels(ctx, rect, area, empty, options) {
  const { theme, title = '', xLabel = '', yLabel = '', emptyText = 'No data yet' } = options;
  ctx.fillStyle = theme.foreground;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  if (xLabel) ctx.fillText(xLabel, area.x + area.width / 2, area.y + area.height + LINE + 2);
  if (yLabel) {
    // Centred on its line: fonts disagree on where the top of a glyph is (CJK ones stick out).
    ctx.save();
    ctx.translate(rect.x + LINE / 2, area.y + area.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(yLabel, 0, 0);
    ctx.restore();
  }
  if (title) drawTitle(ctx, title, theme, { x: rect.x, y: rect.y, width: rect.width - 4 });
  if (empty) {
    ctx.fillStyle = theme.muted;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(emptyText, area.x + area.width / 2, area.y + area.height / 2);
  }
}

/** Strokes the valid runs of a series; a run of a single point is drawn as a dot. */
function traceLine(ctx, s, valid, { px, py }) {
  const dots = [];
  let run = 0;
  ctx.beginPath();
  for (let i = 0; i <= s.y.length; i++) {
    const x = s.x ? s.x[i] : i;
    if (i === s.y.length || !Number.isFinite(x) || !valid(s.y[i])) {
      if (run === 1) dots.push(i - 1);
      run = 0;
    } else if (run++ === 0) {
      ctx.moveTo(px(x), py(s.y[i]));
    } else {
      ctx.lineTo(px(x), py(s.y[i]));
    }
  }
  ctx.stroke();
  for (const i of dots) ctx.fillRect(px(s.x ? s.x[i] : i) - 1.5, py(s.y[i]) - 1.5, 3, 3);
}

function hasLabel(entry) {
  return Boolean(entry.label);
}

function colorOf(s, k, theme) {
  return s.color ?? theme.series[k % theme.series.length];
}

/** A dotted vertical line in `color` at data x `x` across the area of `plot` (drawLinePlot's result). */
export function drawVerticalMark(ctx, plot, x, color) {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(plot.px(x), plot.area.y);
  ctx.lineTo(plot.px(x), plot.area.y + plot.area.height);
  ctx.stroke();
  ctx.restore();
}
