// Drawing of the steps figure: a model's samples at one budget over the held-out data with a few
// reference paths, and the two plots against NFE (energy distance; errors on v = A x).
import { drawLegend, legendHeight } from '../../kit/legend.js';
import { drawPoints } from '../../kit/particles.js';
import { drawLinePlot, drawVerticalMark } from '../../kit/plot.js';
import { drawTitle } from '../../kit/title.js';
import { createView, fitCanvas } from '../../kit/view.js';

const TITLE = 22;

/**
 * One model's panel: `data` (grey), `samples` (in `color`) and the tracked reference `paths`
 * (`frames` rows by time of 2 m values), over `box` [xmin, xmax, ymin, ymax], titled `title`.
 */
export function drawSamples(canvas, { box, data, samples, paths, frames, title, color }, theme, words) {
  const { ctx, width, height } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  if (width < 60 || height < 60) return;
  drawTitle(ctx, title, theme, { width: width - 8 });
  if (!box) return;
  // The key below the points, so that it never covers them in a narrow panel.
  const keyHeight = legendHeight([data, samples?.length, paths?.length].filter(Boolean).length);
  const rect = { x: 0, y: TITLE, width, height: height - TITLE - keyHeight };
  const view = createView({ xmin: box[0], xmax: box[1], ymin: box[2], ymax: box[3] }, rect);
  const entries = [];
  if (data) {
    drawPoints(ctx, view, data, { color: theme.muted, size: 2, alpha: 0.35 });
    entries.push({ label: words.data, color: theme.muted });
  }
  if (samples?.length) {
    drawPoints(ctx, view, samples, { color, size: 2, alpha: 0.6 });
    entries.push({ label: words.samples, color });
  }
  if (paths?.length) {
    const m = paths.length / (2 * frames);
    ctx.save();
    ctx.strokeStyle = theme.foreground;
    ctx.globalAlpha = 0.7;
    ctx.lineWidth = 1.2;
    ctx.beginPath();
    for (let i = 0; i < m; i++) {
      for (let f = 0; f * 2 * m < paths.length; f++) {
        const [x, y] = [view.px(paths[f * 2 * m + 2 * i]), view.py(paths[f * 2 * m + 2 * i + 1])];
        if (f === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
    }
    ctx.stroke();
    ctx.restore();
    entries.push({ label: words.paths, color: theme.foreground });
  }
  drawLegend(ctx, { x: 0, y: height - keyHeight, width, height: keyHeight }, entries, theme);
}

/** A plot of `series` against log₂ NFE on a log y axis, with a dotted line at `nfe` (keyAbove: kit/plot). */
export function drawAgainstNfe(canvas, series, { nfe, title, yLabel, keyAbove = false }, theme, words) {
  const { ctx, width, height } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  if (width < 80 || height < 80) return;
  const plot = drawLinePlot(ctx, { x: 0, y: 0, width, height }, series, {
    theme,
    title,
    xLabel: words.nfeAxis,
    yLabel,
    logY: true,
    keyAbove,
  });
  if (plot) drawVerticalMark(ctx, plot, Math.log2(nfe), theme.foreground);
}
