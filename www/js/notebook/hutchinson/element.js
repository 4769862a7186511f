// <flow-hutchinson>: the log-density of a flow by the exact trace and by Hutchinson's estimator
// with k = 1..64 probes: maps, the estimates at a point, their variance against k. One script
// tag embeds it:
//
//   <script type="module" src=".../js/notebook/hutchinson/element.js"></script>
//   <flow-hutchinson field="trained" probe="rademacher" probes="8"></flow-hutchinson>
import { createClient } from '../../kit/client.js';
import { valueRange } from '../../kit/colormap.js';
import { createHeatmap } from '../../kit/heatmap.js';
import { pick } from '../../kit/lang.js';
import { createProgress } from '../../kit/progress.js';
import { watchTheme } from '../../kit/theme.js';
import { observeResize } from '../../kit/view.js';
import { watchVisibility } from '../../kit/visible.js';
import { readAttributes } from '../attributes.js';
import { createStatus, defineFigure, request, setReadout } from '../figure-parts.js';
import { drawHistogram, drawMap, drawVariance } from './draw.js';
import { READOUTS, TEMPLATE } from './layout.js';
import { blockMeans, firstKMeans, LADDER, LADDER_PROBES, ladderBlock, mean, meanSquaredError, meanVariance, twoSided } from './stats.js';
import { HUTCHINSON_STRINGS } from './strings.js';

const SETTINGS = {
  field: { value: 'trained', values: ['trained', 'linear'] },
  probe: { value: 'rademacher', values: ['rademacher', 'gaussian'] },
  probes: { value: 8, min: 1, max: 64 },
  repeats: { value: 1000, min: 100, max: 4000 },
  grid: { value: 32, min: 8, max: 64 },
  'train-steps': { value: 1000, min: 0, max: 20000 },
  width: { value: 64, min: 8, max: 256 },
  seed: { value: 0, min: 0, max: 2 ** 31 - 1 },
};
const MAX_K = LADDER[LADDER.length - 1];
const DYNAMIC_RANGE = 12; // nats of log p shown below the largest value on the maps

function createHutchinsonFigure(host) {
  const { values: settings, notes } = readAttributes(host, SETTINGS);
  host.innerHTML = TEMPLATE;
  const $ = (selector) => host.querySelector(selector);
  const [fieldSelect, probeSelect, slider] = [$('.fh-model'), $('.fh-probe'), $('.fh-slider')];
  const canvases = { exact: $('.fh-exact'), estimate: $('.fh-estimate'), hist: $('.fh-hist'), variance: $('.fh-variance') };
  const heatmaps = { exact: createHeatmap(), estimate: createHeatmap() };
  const progress = createProgress($('.fh-progress'));
  fieldSelect.value = settings.field;
  probeSelect.value = settings.probe;
  slider.max = String(LADDER.length - 1);
  slider.value = String(Math.max(0, LADDER.filter((k) => k <= settings.probes).length - 1));
  const state = { box: null, point: [2, 2], at: null, grid: null, theme: null, views: {} };
  let client = null;
  let frame = 0;
  let draws = 0; // point studies asked for
  let destroyed = false;
  const words = () => pick(HUTCHINSON_STRINGS, host);
  const chosenK = () => LADDER[Number(slider.value)];
  const status = createStatus($('.nb-status'), words, notes);
  const readout = (key, text, value = text) => setReadout(host, key, text, { value });

  /** The k-probe estimates and statistics of the point and of the grid, for every k of the ladder. */
  function rows() {
    const { at, grid } = state;
    if (!at || !grid) return [];
    const cellVariance = mean(grid.variance);
    return LADDER.map((k) => {
      const estimates = blockMeans(ladderBlock(at.estimates, settings.repeats, k), k);
      const point = meanVariance(estimates);
      const cells = firstKMeans(grid.estimates, MAX_K, k);
      return {
        k,
        estimates,
        stats: point,
        point: point.variance,
        pointPredicted: at.oneProbeVariance / k,
        grid: meanSquaredError(cells, grid.exact),
        gridPredicted: cellVariance / k,
        cells,
      };
    });
  }

  function showReadouts(row) {
    const w = words();
    const k = chosenK();
    const fmt = (v, d = 4) => (Number.isFinite(v) ? v.toPrecision(d) : '—');
    $('.fh-k').textContent = String(k);
    readout('point', w.point(...state.point), state.point.join(','));
    readout('exact', fmt(state.at?.exact, 6), state.at?.exact ?? NaN);
    const s = row?.stats;
    readout('mean', s ? `${fmt(s.mean, 6)} ± ${fmt(s.se, 2)}` : '—', s?.mean ?? NaN);
    if (s) setReadout(host, 'mean', `${fmt(s.mean, 6)} ± ${fmt(s.se, 2)}`, { value: s.mean, se: s.se, repeats: settings.repeats });
    // The gap in standard errors, with how often chance alone makes one as large (unbiased, it is
    // about N(0, 1): 2.5 or more in 1.2 % of draws), so that no gap reads as a bias unexplained.
    const gap = s && s.se > 0 ? Math.abs(s.mean - state.at.exact) / s.se : NaN;
    const chance = twoSided(gap);
    const gapText = s ? (s.se > 0 ? w.gap(gap, chance) : '0 (exact)') : '—';
    setReadout(host, 'gap', gapText, { value: s ? (s.se > 0 ? gap : 0) : NaN, chance: s && s.se > 0 ? chance : NaN });
    readout('variance', fmt(row?.point), row?.point ?? NaN);
    readout('predicted', fmt(row?.pointPredicted), row?.pointPredicted ?? NaN);
    readout('cost', w.cost(k), k);
    readout('costD', w.costD(k), k);
  }

  function draw() {
    frame = 0;
    if (!state.theme) return;
    const w = words();
    const k = chosenK();
    const all = rows();
    const row = all.find((r) => r.k === k);
    const { grid, box } = state;
    const side = grid ? Math.round(Math.sqrt(grid.exact.length)) : 0;
    const [lo, hi] = grid ? valueRange(grid.exact) : [0, 1];
    const range = [Math.max(lo, hi - DYNAMIC_RANGE), hi];
    if (box) {
      const common = { side, box, range, point: state.point };
      state.views.exact = drawMap(canvases.exact, heatmaps.exact, { ...common, grid: grid?.exact, title: w.exactTitle }, state.theme);
      state.views.estimate = drawMap(canvases.estimate, heatmaps.estimate, { ...common, grid: row?.cells, title: w.estimateTitle(k) }, state.theme);
    }
    const at = state.at;
    const spread = at && at.oneProbeVariance > 1e-12 ? 4 * Math.sqrt(at.oneProbeVariance) : 0.5;
    drawHistogram(canvases.hist, { estimates: row?.estimates ?? null, exact: at?.exact, stats: row?.stats, lo: (at?.exact ?? 0) - spread, hi: (at?.exact ?? 0) + spread, title: w.histTitle(k) }, state.theme, w);
    drawVariance(canvases.variance, { rows: all, k }, state.theme, w);
    showReadouts(row);
  }
  const invalidate = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  function relabel() {
    const w = words();
    $('.fh-model-label').textContent = w.model;
    $('.fh-probe-label').textContent = w.probe;
    $('.fh-slider-label').textContent = w.slider;
    slider.setAttribute('aria-label', w.slider);
    for (const option of fieldSelect.options) option.textContent = w.models[option.value];
    for (const option of probeSelect.options) option.textContent = w.probes[option.value];
    for (const key of READOUTS) host.querySelector(`dt[data-key="${key}"]`).textContent = w.keys[key];
    $('.nb-caption').textContent = w.caption;
    status.again();
    invalidate();
  }

  const run = (op, args, options) => request(client, progress, op, args, options);

  async function studyPoint() {
    // Fresh probes for every point asked for (the same seed would repeat the same signs).
    const seed = settings.seed + 7919 * ++draws;
    const args = { probe: probeSelect.value, seed, point: state.point, repeats: LADDER_PROBES * settings.repeats };
    state.at = await run('point', args, { label: words().studyTask });
    invalidate();
  }

  async function studyAll() {
    host.dataset.state = 'computing';
    status.say('studying');
    state.at = null;
    state.grid = null;
    invalidate();
    const args = { probe: probeSelect.value, seed: settings.seed, side: settings.grid, repeats: MAX_K };
    state.grid = await run('grid', args, { label: words().studyTask });
    await studyPoint();
    status.say('ready', settings.repeats, state.at.evaluations);
    host.dataset.state = 'ready';
  }

  async function setField() {
    host.dataset.state = 'training';
    const total = settings['train-steps'];
    const first = fieldSelect.value === 'trained' && total > 0;
    if (first) status.say('training', 0, total, NaN);
    const setup = await run('setup', { field: fieldSelect.value, trainSteps: total, width: settings.width, seed: settings.seed }, {
      label: first ? words().trainingTask : undefined,
      fraction: 0,
      onProgress: (p, task) => {
        status.say('training', p.done, p.total, p.loss);
        task?.update(p.done / p.total);
      },
    });
    state.box = setup.box;
    await studyAll();
  }

  /** Runs `job`, showing a failure in the status line unless the figure is gone. */
  const guarded = (job) => () =>
    job().catch((error) => {
      if (destroyed) return;
      host.dataset.state = 'error';
      status.say('failed', error.message);
    });

  function choosePoint(event, which) {
    const view = state.views[which];
    if (!view || !state.grid || host.dataset.state !== 'ready') return;
    const bounds = event.currentTarget.getBoundingClientRect();
    state.point = view.toWorld(event.clientX - bounds.left, event.clientY - bounds.top).map((v) => Math.round(v * 100) / 100);
    host.dataset.state = 'computing';
    guarded(async () => {
      await studyPoint();
      host.dataset.state = 'ready';
    })();
  }

  let started = false;
  const stops = [
    watchTheme((theme) => {
      state.theme = theme;
      invalidate();
    }, host),
    ...Object.values(canvases).map((canvas) => observeResize(canvas, invalidate)),
    watchVisibility(host, {
      onShow: () => {
        if (started) return;
        started = true;
        guarded(async () => {
          host.dataset.state = 'loading';
          client = createClient(new URL('./worker.js', import.meta.url));
          await run('init', {});
          await setField();
        })();
      },
    }),
  ];
  slider.addEventListener('input', invalidate);
  fieldSelect.addEventListener('change', guarded(setField));
  probeSelect.addEventListener('change', guarded(studyAll));
  canvases.exact.addEventListener('click', (event) => choosePoint(event, 'exact'));
  canvases.estimate.addEventListener('click', (event) => choosePoint(event, 'estimate'));
  status.say('loading');
  relabel();
  return {
    relabel,
    destroy() {
      destroyed = true;
      stops.forEach((stop) => stop());
      if (frame) cancelAnimationFrame(frame);
      client?.terminate();
    },
  };
}

defineFigure('flow-hutchinson', createHutchinsonFigure, ['./style.css'], import.meta.url, Object.keys(SETTINGS));
