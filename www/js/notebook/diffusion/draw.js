// Drawing of the diffusion figure: one sampler's cloud at a frame with a few whole paths up to it,
// and the histograms of one coordinate against the exact marginal density.
import { drawPoints } from '../../kit/particles.js';
import { drawLinePlot } from '../../kit/plot.js';
import { font } from '../../kit/theme.js';
import { drawTitle } from '../../kit/title.js';
import { createView, fitCanvas } from '../../kit/view.js';
import { histogram, histogramOutline } from './stats.js';
import { marginalDensity } from './vp-mixture.js';

const BOX = { xmin: -4, xmax: 4, ymin: -4, ymax: 4 };
export const RANGE = [-4.5, 4.5];
const BINS = 45;
const HEADROOM = 1.5;

/** The height of the band at the top of a panel that holds its title and time (CSS pixels). */
const TITLE_BAND = 44;

/**
 * One panel: `paths` { rows (frames x 2n), n }, the cloud at `frame`, and the paths of points 0..m-1
 * from frame 0 to `frame`, in `color`, titled `title` with the time `label` below.
 */
export function drawPanel(canvas, { rows, n, frame, tracked, color, title, label }, theme) {
  const { ctx, width, height } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  if (width < 40 || height < 40 || !rows) return;
  // The title has a band of its own: points and paths are drawn below it, clipped to their box.
  const plot = { x: 0, y: TITLE_BAND, width, height: height - TITLE_BAND };
  const view = createView(BOX, plot);
  const row = rows.subarray(frame * 2 * n, (frame + 1) * 2 * n);
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.width, plot.height);
  ctx.clip();
  drawPoints(ctx, view, row, { color, size: 2, alpha: 0.45 });
  ctx.strokeStyle = ctx.fillStyle = theme.foreground;
  ctx.lineWidth = 1;
  ctx.lineJoin = 'round';
  ctx.globalAlpha = 0.6;
  ctx.beginPath();
  for (let i = 0; i < Math.min(tracked, n); i++) {
    ctx.moveTo(view.px(rows[2 * i]), view.py(rows[2 * i + 1]));
    for (let f = 1; f <= frame; f++) ctx.lineTo(view.px(rows[f * 2 * n + 2 * i]), view.py(rows[f * 2 * n + 2 * i + 1]));
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.beginPath();
  for (let i = 0; i < Math.min(tracked, n); i++) {
    const [x, y] = [view.px(row[2 * i]), view.py(row[2 * i + 1])];
    ctx.moveTo(x + 4, y);
    ctx.arc(x, y, 4, 0, 2 * Math.PI);
  }
  ctx.fillStyle = color;
  ctx.fill();
  ctx.stroke();
  ctx.restore();
  drawHeading(ctx, theme, title, label, width);
}

/** The panel's title (made to fit the panel's width) and time in the band at its top. */
function drawHeading(ctx, theme, title, label, width) {
  drawTitle(ctx, title, theme, { x: 8, y: 8, width: width - 16 });
  ctx.save();
  ctx.textBaseline = 'top';
  ctx.font = font(theme, 12);
  ctx.fillStyle = theme.muted;
  ctx.fillText(label, 8, 26);
  ctx.restore();
}

/**
 * Histograms of coordinate values `sde` and `ode` at flow time t with the exact marginal density of
 * coordinate `axis` (0 = x, 1 = y); `words` gives the labels.
 */
export function drawHistograms(canvas, { sde, ode, t, axis }, theme, words) {
  const { ctx, width, height, dpr } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  const name = axis === 0 ? 'x' : 'y';
  const series = [];
  if (sde) series.push({ label: 'SDE', ...histogramOutline(histogram(sde, ...RANGE, BINS)), color: theme.series[1] });
  if (ode) series.push({ label: 'ODE', ...histogramOutline(histogram(ode, ...RANGE, BINS)), color: theme.series[0] });
  const xs = Array.from({ length: 181 }, (_, i) => RANGE[0] + ((RANGE[1] - RANGE[0]) * i) / 180);
  const exact = marginalDensity(t, axis, xs);
  series.push({ label: words.exact, x: xs, y: exact, color: theme.foreground });
  // Headroom above the curves for the legend: an unlabelled, invisible point.
  const top = Math.max(...exact, ...series.flatMap((s) => s.y));
  series.push({ label: '', x: [RANGE[0]], y: [HEADROOM * top], color: 'transparent' });
  const options = { theme, dpr, title: words.histTitle(name, t), xLabel: name, yLabel: words.density };
  return drawLinePlot(ctx, { x: 0, y: 8, width: width - 14, height: height - 8 }, series, options);
}
