// Drawing of the marginal-field figure: the pairs with their lines and targets and, at the chosen
// point, the lines through it; a density with a field over it (exact or learned); the error map
// with its colour bar below it.
import { COLORMAPS } from '../../kit/colormap.js';
import { drawColorbar } from '../../kit/colorbar.js';
import { drawPoints } from '../../kit/particles.js';
import { drawQuiver } from '../../kit/quiver.js';
import { createView, fitCanvas } from '../../kit/view.js';
import { BOX, RELIABLE } from './stats.js';

/** Every arrow of the pairs panel is drawn at this fraction of its length (the caption says so). */
export const ARROW = 0.2;
/** The band under the error map that holds its colour bar and tick labels (CSS pixels). */
export const COLORBAR = 34;

/** The view of BOX on a panel `width` x `height` (CSS pixels) above a band `reserve` pixels high. */
export function boxView(width, height, reserve = 0) {
  return createView(BOX, { x: 0, y: 0, width, height: height - reserve });
}

/**
 * A fitted, cleared canvas and the view of BOX on it above a band `reserve` pixels high (see
 * boxView), or null if the canvas is too small to draw on.
 */
export function panelView(canvas, reserve = 0) {
  const { ctx, width, height, dpr } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  if (width < 40 || height < 40 + reserve) return null;
  return { ctx, width, height, dpr, view: boxView(width, height, reserve) };
}

/** Arrows from (x, y) along each of `vectors` (interleaved pairs), scaled by ARROW. */
function arrows(ctx, view, x, y, vectors, color, lineWidth) {
  const positions = new Float64Array(vectors.length);
  for (let i = 0; i < vectors.length; i += 2) [positions[i], positions[i + 1]] = [x, y];
  drawQuiver(ctx, view, positions, vectors, { spacing: 1, scale: ARROW, color, lineWidth });
}

/** A ring around the chosen point, light on dark, seen on any background. */
function marker(ctx, view, point, theme) {
  if (!point) return;
  ctx.save();
  ctx.beginPath();
  ctx.arc(view.px(point[0]), view.py(point[1]), 5, 0, 2 * Math.PI);
  ctx.strokeStyle = theme.background;
  ctx.lineWidth = 3.5;
  ctx.stroke();
  ctx.strokeStyle = theme.foreground;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.restore();
}

/**
 * The pairs panel: `x0`, `x1` (interleaved), time t, the chosen `point` and `pick` { exact,
 * average: { velocity, effective, weights, targets } } (or null while it is computed), where
 * weights and targets are those of the heaviest lines. An average of too few effective lines
 * (below RELIABLE) is drawn faint: it estimates nothing.
 */
export function drawPairs(canvas, { x0, x1, t, point, pick }, theme) {
  const panel = panelView(canvas);
  if (!panel || !x0) return;
  const { ctx, view } = panel;
  const [noise, data, moving, chosen] = [theme.muted, theme.series[2], theme.series[0], theme.series[1]];
  const n = x0.length / 2;
  const xt = new Float64Array(2 * n);
  const targets = new Float64Array(2 * n);
  for (let k = 0; k < 2 * n; k++) {
    xt[k] = (1 - t) * x0[k] + t * x1[k];
    targets[k] = x1[k] - x0[k];
  }
  ctx.save();
  ctx.strokeStyle = noise;
  ctx.globalAlpha = 0.22;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    ctx.moveTo(view.px(x0[2 * i]), view.py(x0[2 * i + 1]));
    ctx.lineTo(view.px(x1[2 * i]), view.py(x1[2 * i + 1]));
  }
  ctx.stroke();
  ctx.restore();
  drawPoints(ctx, view, x0, { color: noise, size: 3, alpha: 0.7 });
  drawPoints(ctx, view, x1, { color: data, size: 3, alpha: 0.8 });
  drawQuiver(ctx, view, xt, targets, { spacing: 1, scale: ARROW, color: moving, lineWidth: 1 });
  drawPoints(ctx, view, xt, { color: moving, size: 3.5 });
  if (point && pick) {
    const { weights, targets: through, velocity, effective } = pick.average;
    const [x, y] = point;
    ctx.save();
    ctx.strokeStyle = chosen;
    ctx.lineWidth = 1.5;
    // The worker sends only the heaviest lines, heaviest first.
    for (let i = 0; i < weights.length; i++) {
      // The line through x with target u_i runs from x − t u_i (noise) to x + (1 − t) u_i (data).
      const [ux, uy] = [through[2 * i], through[2 * i + 1]];
      ctx.globalAlpha = 0.15 + 0.75 * (weights[i] / weights[0]);
      ctx.beginPath();
      ctx.moveTo(view.px(x - t * ux), view.py(y - t * uy));
      ctx.lineTo(view.px(x + (1 - t) * ux), view.py(y + (1 - t) * uy));
      ctx.stroke();
    }
    ctx.restore();
    ctx.save();
    if (!(effective >= RELIABLE)) ctx.globalAlpha = 0.35;
    arrows(ctx, view, x, y, velocity, chosen, 3);
    ctx.restore();
    arrows(ctx, view, x, y, pick.exact, theme.foreground, 1.5);
  }
  marker(ctx, view, point, theme);
}

/**
 * A density panel: `density` (n x n nodes of the grid, row 0 at ymin) coloured from 0 to `max`, the
 * field `vectors` at `positions` (spacing `spacing`, arrows scaled by `scale`), the chosen point.
 */
export function drawField(canvas, { heatmap, density, n, box, max, positions, vectors, spacing, scale, point }, theme) {
  const panel = panelView(canvas);
  if (!panel || !density) return;
  const { ctx, view } = panel;
  heatmap.draw(ctx, view, density, { nx: n, ny: n, box, min: 0, max, colormap: COLORMAPS.viridis, smooth: true });
  drawQuiver(ctx, view, positions, vectors, { spacing, scale, color: '#ffffff', lineWidth: 1.1 });
  marker(ctx, view, point, theme);
}

/**
 * The error map |v_θ − u_t| from 0 to `max` (NaN cells transparent) and, in a band of its own
 * below it (COLORBAR pixels), its colour bar as wide as the map; the panel's title names it.
 */
export function drawError(canvas, { heatmap, errors, n, box, max, point }, theme) {
  const panel = panelView(canvas, COLORBAR);
  if (!panel || !errors) return;
  const { ctx, view, height, dpr } = panel;
  const colormap = COLORMAPS.viridis;
  const [left, right] = [view.px(BOX.xmin), view.px(BOX.xmax)];
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, 0, right - left, view.py(BOX.ymin)); // the cells' outer halves stay off the bar's band
  ctx.clip();
  heatmap.draw(ctx, view, errors, { nx: n, ny: n, box, min: 0, max, colormap, smooth: true });
  ctx.restore();
  marker(ctx, view, point, theme);
  const bar = { x: left, y: height - COLORBAR + 6, width: right - left, height: COLORBAR - 6 };
  drawColorbar(ctx, bar, { colormap, min: 0, max, theme, dpr });
}
