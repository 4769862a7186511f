// The legend of a heatmap: a horizontal colour bar with round tick values and a label.
import { niceTicks, formatTick } from './ticks.js';
import { snap } from './view.js';
import { font } from './theme.js';

const STOPS = 32;
const FONT_SIZE = 12;
const ALL_VALUES = (text) => `all values ${text}`;

/**
 * Draws in `rect` ({ x, y, width, height }, CSS pixels): the label on the first line, then a bar
 * coloured from min (left) to max (right), then tick marks and labels below it. Options:
 * { colormap, min, max, label, theme, dpr, ticks: about how many, allValues(text): the words
 * under a bar of one value ('all values 0') }. Returns the tick values.
 */
export function drawColorbar(ctx, rect, options) {
  const { colormap, min, max, label = '', theme, dpr = 1, ticks = 5, allValues = ALL_VALUES } = options;
  const line = FONT_SIZE + 4;
  const barTop = rect.y + (label ? line : 0);
  const barHeight = Math.max(4, rect.height - (label ? line : 0) - line - 4);
  const span = max - min;
  const values =
    Number.isFinite(span) && span > 0 ? niceTicks(min, max, Math.min(ticks, Math.floor(rect.width / 60) || 1)) : [];
  ctx.save();
  ctx.font = font(theme, FONT_SIZE);
  ctx.textBaseline = 'top';
  if (label) {
    ctx.fillStyle = theme.foreground;
    ctx.textAlign = 'left';
    ctx.fillText(label, rect.x, rect.y);
  }
  const gradient = ctx.createLinearGradient(rect.x, 0, rect.x + rect.width, 0);
  for (let i = 0; i <= STOPS; i++) gradient.addColorStop(i / STOPS, colormap.css(i / STOPS));
  ctx.fillStyle = gradient;
  ctx.fillRect(rect.x, barTop, rect.width, barHeight);
  ctx.strokeStyle = theme.muted;
  ctx.fillStyle = theme.foreground;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const step = values.length > 1 ? values[1] - values[0] : Math.abs(min);
  const positions = values.map((v) => snap(rect.x + ((v - min) / span) * rect.width, dpr));
  for (const x of positions) {
    ctx.moveTo(x, barTop + barHeight);
    ctx.lineTo(x, barTop + barHeight + 4);
  }
  ctx.stroke();
  // Labels at the ends are aligned inwards so that they stay inside the rectangle. If labels would
  // touch, only every second (third, ...) one is written; every tick keeps its mark.
  const labels = values.map((v, i) => {
    const x = positions[i];
    const text = formatTick(v, step);
    const width = ctx.measureText(text).width;
    const align = x - rect.x < 20 ? 'left' : rect.x + rect.width - x < 20 ? 'right' : 'center';
    const left = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
    return { x, text, align, left, right: left + width };
  });
  const fits = (stride) =>
    labels.every((l, i) => i < stride || i % stride !== 0 || l.left >= labels[i - stride].right + 4);
  let stride = 1;
  while (stride < labels.length && !fits(stride)) stride++;
  labels.forEach((l, i) => {
    if (i % stride !== 0) return;
    ctx.textAlign = l.align;
    ctx.fillText(l.text, l.x, barTop + barHeight + 6);
  });
  if (values.length === 0 && Number.isFinite(min)) {
    ctx.textAlign = 'left';
    ctx.fillText(allValues(formatTick(min)), rect.x, barTop + barHeight + 6);
  }
  ctx.restore();
  return values;
}
