// The pictures of <flow-coupling>: points through the layers, data against model samples, the
// learned density, and the two terms of the log-likelihood over training. Each function redraws
// one canvas from scratch with the kit (view, particles, heatmap, colour bar, line plot).
import { createView, fitCanvas } from '../../kit/view.js';
import { drawPoints } from '../../kit/particles.js';
import { cellBox } from '../../kit/heatmap.js';
import { drawColorbar } from '../../kit/colorbar.js';
import { COLORMAPS, valueRange } from '../../kit/colormap.js';
import { drawLinePlot } from '../../kit/plot.js';
import { font } from '../../kit/theme.js';
import { coverBox, densityOf, sectorColours, splitBySector, stageRow } from './data.js';

/** The data are coloured in this many sectors by their angle (data.js sectorsOf). */
export const SECTORS = 8;

const KEY = 44; // CSS pixels under the square for a key or a colour bar

/** Clears the canvas and returns its context, a square view of `box` on top, and the key strip. */
function panel(canvas, box, theme) {
  const { ctx, width, height, dpr } = fitCanvas(canvas);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  const side = Math.max(10, Math.min(width, height - KEY));
  const rect = { x: (width - side) / 2, y: 0, width: side, height: side };
  const view = createView(box, rect);
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(rect.x + 0.5, rect.y + 0.5, side - 1, side - 1);
  ctx.beginPath();
  ctx.moveTo(view.px(0), rect.y);
  ctx.lineTo(view.px(0), rect.y + side);
  ctx.moveTo(rect.x, view.py(0));
  ctx.lineTo(rect.x + side, view.py(0));
  ctx.stroke();
  const key = { x: rect.x + 4, y: side + 8, width: side - 8, height: KEY - 10 };
  return { ctx, view, key, dpr };
}

/** Swatches and labels in one row of the key strip. */
function drawKey(ctx, key, entries, theme) {
  ctx.font = font(theme, 12);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  let x = key.x;
  for (const { label, color } of entries) {
    ctx.fillStyle = color;
    ctx.fillRect(x, key.y + 6, 8, 8);
    ctx.fillStyle = theme.foreground;
    ctx.fillText(label, x + 12, key.y + 10);
    x += 24 + ctx.measureText(label).width;
  }
}

/** The points after some layers, each sector of the data in its colour; rings of radius 1-3. */
export function drawStages(canvas, box, parts, colours, { rings, theme }) {
  const { ctx, view } = panel(canvas, box, theme);
  if (rings) {
    ctx.save();
    ctx.strokeStyle = theme.muted;
    ctx.setLineDash([4, 4]);
    for (const r of [1, 2, 3]) {
      ctx.beginPath();
      ctx.arc(view.px(0), view.py(0), r * view.scale[0], 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.restore();
  }
  parts.forEach((xs, k) => drawPoints(ctx, view, xs, { color: colours[k], size: 2.5, alpha: 0.85 }));
}

/** The data in grey under the model's samples in the accent colour. */
export function drawSamples(canvas, box, data, samples, { theme, labels }) {
  const { ctx, view, key } = panel(canvas, box, theme);
  drawPoints(ctx, view, data, { color: theme.muted, size: 2.5, alpha: 0.45 });
  drawPoints(ctx, view, samples, { color: theme.accent, size: 2.5, alpha: 0.8 });
  drawKey(
    ctx,
    key,
    [
      { label: labels.data, color: theme.muted },
      { label: labels.model, color: theme.accent },
    ],
    theme,
  );
}

/** The density on the grid's nodes (n x n over box) as a heat map, with its colour bar. */
export function drawDensity(canvas, box, density, n, heatmap, { theme, label }) {
  const { ctx, view, key, dpr } = panel(canvas, box, theme);
  const [, max] = valueRange(density);
  const colormap = COLORMAPS.viridis;
  heatmap.draw(ctx, view, density, { nx: n, ny: n, box: cellBox(box, n, n), min: 0, max, colormap, smooth: true });
  drawColorbar(ctx, { ...key, y: key.y - 4, height: KEY - 2 }, { colormap, min: 0, max, label, theme, dpr, ticks: 4 });
}

/** The keys of the curves (labels from the strings `s`), in the order of their colours. */
export const CURVE_KEYS = ['seriesLoglik', 'seriesBase', 'seriesLogdet', 'seriesBound'];

/**
 * The two terms of the mean log-likelihood and their sum over training, and −H when known; curve
 * k in theme.series[k] (the figure shows the key under the canvas, in HTML).
 */
export function drawCurves(canvas, curves, entropy, { theme, s }) {
  const { ctx, width, height, dpr } = fitCanvas(canvas);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  const { steps } = curves;
  if (steps.length === 0) return; // nothing yet (and no English 'No data yet' from the kit)
  /** @type {Array<{ x: ArrayLike<number>, y: ArrayLike<number>, color: string, width?: number, alpha?: number }>} */
  const series = [curves.loglik, curves.base, curves.logdet].map((y, k) => ({ x: steps, y, color: theme.series[k] }));
  if (Number.isFinite(entropy) && steps.length > 1) {
    // −H is drawn first and wide, a band under the curves: the base term often runs along it.
    const ends = [steps[0], steps[steps.length - 1]];
    series.unshift({ x: ends, y: [-entropy, -entropy], color: theme.series[3], width: 8, alpha: 0.4 });
  }
  // Room on the right for the last x tick's label, which the plot centres on the axis's end.
  drawLinePlot(ctx, { x: 0, y: 0, width: width - 16, height }, series, {
    theme,
    dpr,
    xLabel: s.step,
    yLabel: s.nats,
  });
}

/**
 * Redraws all four canvases: `model` (from the worker's 'create': info, data, sector, grid, layers),
 * `latest` (the last snapshot), the layer `k` shown, the training `curves`, the heat map drawer.
 */
export function drawFigure(canvases, { model, latest, k, curves, heatmap }, { theme, s, dark }) {
  const { box } = model.info;
  const row = stageRow(latest.stages, k, model.data.length / 2);
  const parts = splitBySector(row, model.sector, SECTORS);
  const colours = sectorColours(SECTORS, dark);
  drawStages(canvases.layers, coverBox(box, row), parts, colours, { rings: k === model.layers, theme });
  const labels = { data: s.legendData, model: s.legendModel };
  drawSamples(canvases.samples, box, model.data, latest.samples, { theme, labels });
  drawDensity(canvases.density, box, densityOf(latest.density), model.grid, heatmap, { theme, label: 'p(x)' });
  drawCurves(canvases.curves, curves, model.info.entropy, { theme, s });
}
