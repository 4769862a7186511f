// The lab's line plots: the training loss (log y), the held-out NLL against the target's entropy,
// and the trajectory check of one particle (d/dt log det J and div v along its path).
import { drawLinePlot } from '../kit/plot.js';
import { fitCanvas } from '../kit/view.js';

const MAX_POINTS = 600;

/**
 * The loss history: add(losses) appends a chunk; series() gives the means over bins of k steps
 * (k growing so that at most MAX_POINTS points are drawn) as { x: step at the bin's end, y, k }.
 */
export function createLossHistory() {
  let values = new Float32Array(4096);
  let count = 0;
  const add = (losses) => {
    if (count + losses.length > values.length) {
      const grown = new Float32Array(2 * (count + losses.length));
      grown.set(values.subarray(0, count));
      values = grown;
    }
    values.set(losses, count);
    count += losses.length;
  };
  const series = () => {
    const k = Math.max(1, Math.ceil(count / MAX_POINTS));
    const x = [];
    const y = [];
    for (let start = 0; start + k <= count; start += k) {
      let sum = 0;
      for (let i = start; i < start + k; i++) sum += values[i];
      x.push(start + k);
      y.push(sum / k);
    }
    return { x, y, k };
  };
  /** The mean of the finite losses among the last n (NaN marks the lost steps of a divergence). */
  const last = (n) => {
    let sum = 0;
    let finite = 0;
    for (let i = Math.max(0, count - n); i < count; i++) {
      if (Number.isFinite(values[i])) [sum, finite] = [sum + values[i], finite + 1];
    }
    return finite ? sum / finite : NaN;
  };
  return {
    add,
    series,
    last,
    clear: () => (count = 0),
    get count() {
      return count;
    },
  };
}

function plot(canvas, series, options) {
  const { ctx, width, height, dpr } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  // The right margin leaves room for the last x tick label, which is centred on its tick.
  drawLinePlot(ctx, { x: 0, y: 0, width: width - 14, height }, series, { ...options, dpr });
}

/** Training loss against steps, log y; `words` from strings.js. */
export function drawLossPlot(canvas, history, theme, words) {
  const { x, y, k } = history.series();
  const series = [{ label: words.lossSeries(k), x, y }];
  plot(canvas, series, { theme, title: words.lossTitle, xLabel: words.stepAxis, logY: true, emptyText: words.noData });
}

/** Held-out NLL (nats) against steps, with the target's entropy (its lower bound) when known. */
export function drawNllPlot(canvas, evaluations, entropy, theme, words) {
  const x = evaluations.map((e) => e.step);
  const series = [{ label: words.nllSeries, x, y: evaluations.map((e) => e.nll) }];
  if (entropy !== null && x.length) {
    const ends = x.length > 1 ? [x[0], x[x.length - 1]] : [0, x[0]];
    series.push({ label: words.entropySeries, x: ends, y: [entropy, entropy], color: theme.muted });
  }
  plot(canvas, series, { theme, title: words.nllTitle, xLabel: words.stepAxis, emptyText: words.noData });
}

/** d/dt log|det J| and div v along one trajectory; they agree when the densities are right. */
export function drawCheckPlot(canvas, check, theme, words) {
  const series = check
    ? [
        { label: 'd/dt log |det J|', x: check.times, y: check.dlogdetDt },
        { label: 'div v(x(t), t)', x: check.times, y: check.divergence },
      ]
    : [];
  const title = words.checkTitle(check ? check.maxGap.toExponential(1) : null);
  plot(canvas, series, { theme, title, xLabel: 't', emptyText: words.noData });
}
