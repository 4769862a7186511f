// The key of a figure with several lines: a colour swatch and a label per entry.
import { font } from './theme.js';

const FONT_SIZE = 12;
const LINE = FONT_SIZE + 6;

/** The height drawLegend takes for `n` entries, with its margin above (CSS pixels). */
export const legendHeight = (n) => (n ? n * LINE + 12 : 0);

/**
 * Points every `spacing` pixels along the polylines `lines` (each an array of [x, y] vertices; a
 * non-finite vertex breaks its line): what a key placed by quietCorner should keep off.
 */
export function pointsAlong(lines, spacing = 4) {
  const points = [];
  for (const line of lines) {
    let last = null;
    for (const next of line) {
      if (!next.every(Number.isFinite)) {
        last = null;
        continue;
      }
      const pieces = last ? Math.min(200, Math.ceil(Math.hypot(next[0] - last[0], next[1] - last[1]) / spacing)) || 1 : 1;
      for (let j = 1; j <= pieces; j++) {
        const f = j / pieces;
        points.push(last ? [last[0] + f * (next[0] - last[0]), last[1] + f * (next[1] - last[1])] : next);
      }
      last = next;
    }
  }
  return points;
}

/**
 * The corner of `area` for a `width` x `height` box that covers the fewest of the pixel points
 * `avoid` ([x, y] pairs), among the corners that do not overlap a rectangle of `keepOff` ({ x, y,
 * width, height }; all four if every one does); on a tie the first of top right, top left, bottom
 * right, bottom left. Returns the box's top left corner.
 */
export function quietCorner(area, width, height, avoid = [], keepOff = []) {
  const [left, right] = [area.x + 6, area.x + area.width - width - 6];
  const [top, bottom] = [area.y + 6, area.y + area.height - height - 6];
  const all = [[right, top], [left, top], [right, bottom], [left, bottom]];
  /** @param {number[]} corner */
  const overlaps = ([x, y]) => keepOff.some((r) => x < r.x + r.width && r.x < x + width && y < r.y + r.height && r.y < y + height);
  const free = all.filter((corner) => !overlaps(corner));
  const corners = free.length ? free : all;
  const covered = ([x, y]) => avoid.filter(([u, v]) => u >= x && u <= x + width && v >= y && v <= y + height).length;
  const counts = corners.map(covered);
  return corners[counts.indexOf(Math.min(...counts))];
}

/**
 * Draws `entries` ([{ label, color, dash? }]) in a box in a corner of `area` (CSS pixels): the top
 * right one, or the one that covers fewest of the pixel points `avoid` and none of the rectangles
 * `keepOff` (see quietCorner), on a translucent background so that the lines below stay visible.
 * Does nothing for no entries.
 */
export function drawLegend(ctx, area, entries, theme, avoid = [], keepOff = []) {
  if (entries.length === 0) return;
  ctx.save();
  ctx.font = font(theme, FONT_SIZE);
  const width = 32 + Math.max(...entries.map((e) => ctx.measureText(e.label).width));
  const [x, y] = quietCorner(area, width, entries.length * LINE + 6, avoid, keepOff);
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = theme.background;
  ctx.fillRect(x, y, width, entries.length * LINE + 6);
  ctx.globalAlpha = 1;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 2;
  entries.forEach((e, i) => {
    const cy = y + 3 + LINE * (i + 0.5);
    ctx.strokeStyle = e.color;
    ctx.setLineDash(e.dash ?? []);
    ctx.beginPath();
    ctx.moveTo(x + 6, cy);
    ctx.lineTo(x + 22, cy);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = theme.foreground;
    ctx.fillText(e.label, x + 28, cy);
  });
  ctx.restore();
}

/** `entries` laid out left to right in rows no wider than `width`: [[{ entry, x }]] (x from the left). */
function keyRows(ctx, theme, width, entries) {
  ctx.save();
  ctx.font = font(theme, FONT_SIZE);
  const rows = [[]];
  let x = 0;
  for (const entry of entries) {
    const w = 28 + ctx.measureText(entry.label).width;
    if (x > 0 && x + w > width) {
      rows.push([]);
      x = 0;
    }
    rows.at(-1).push({ entry, x });
    x += w + 14;
  }
  ctx.restore();
  return entries.length ? rows : [];
}

/** The height drawKeyRows takes for `entries` in `width` (CSS pixels). */
export const keyRowsHeight = (ctx, theme, width, entries) => keyRows(ctx, theme, width, entries).length * LINE;

/**
 * Draws `entries` ([{ label, color, dash? }]) as a key of rows at the top of `rect`, left to right,
 * wrapping at its width: for a panel whose lines fill every corner (nothing is drawn over them).
 */
export function drawKeyRows(ctx, rect, entries, theme) {
  const rows = keyRows(ctx, theme, rect.width, entries);
  ctx.save();
  ctx.font = font(theme, FONT_SIZE);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 2;
  rows.forEach((row, r) => {
    const cy = rect.y + LINE * (r + 0.5);
    for (const { entry, x } of row) {
      ctx.strokeStyle = entry.color;
      ctx.setLineDash(entry.dash ?? []);
      ctx.beginPath();
      ctx.moveTo(rect.x + x, cy);
      ctx.lineTo(rect.x + x + 18, cy);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = theme.foreground;
      ctx.fillText(entry.label, rect.x + x + 24, cy);
    }
  });
  ctx.restore();
}
