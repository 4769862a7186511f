// A panel's title: bold, at its top left, made to fit the panel's width.
import { font } from './theme.js';

const SIZE = 13;
const SMALLEST = 10;

/**
 * Writes `title` with its top left corner at (x, y) in the theme's foreground, in a 13 px bold
 * font, or a smaller one (down to 10 px) where 13 px would be wider than `width`; below that the
 * canvas narrows the letters to fit. Leaves ctx's font, fill and alignment as it found them.
 */
export function drawTitle(ctx, title, theme, { x = 4, y = 2, width = Infinity, size = SIZE } = {}) {
  ctx.save();
  let px = size;
  ctx.font = font(theme, px, 600);
  while (px > SMALLEST && ctx.measureText(title).width > width) {
    px -= 1;
    ctx.font = font(theme, px, 600);
  }
  ctx.fillStyle = theme.foreground;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  if (Number.isFinite(width)) ctx.fillText(title, x, y, width);
  else ctx.fillText(title, x, y);
  ctx.restore();
}
