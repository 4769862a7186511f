// <flow-marginal>: flow matching as flow matching, and the marginal field it learns, exactly. For the
// 8 Gaussians on the straight path, at a time t: the pairs (x₀, x₁), their lines and targets x₁ − x₀;
// at a chosen point, the lines through it and their posterior-weighted average; the exact marginal
// field u_t and density p_t beside the learned v_θ and its density; the error map.
//
//   <script type="module" src=".../js/notebook/marginal/element.js"></script>
//   <flow-marginal t="0.5" pairs="150" train-steps="3000" width="64" seed="0"></flow-marginal>
import { createClient } from '../../kit/client.js';
import { quiverScale } from '../../kit/quiver.js';
import { createHeatmap, cellBox } from '../../kit/heatmap.js';
import { createProgress } from '../../kit/progress.js';
import { watchTheme } from '../../kit/theme.js';
import { observeResize } from '../../kit/view.js';
import { readAttributes } from '../attributes.js';
import { createStatus, defineFigure, request, setReadout, trainWithProgress } from '../figure-parts.js';
import { pick } from '../../kit/lang.js';
import { setSubscripted } from '../../kit/subscripts.js';
import { watchVisibility } from '../../kit/visible.js';
import { boxView, COLORBAR, drawError, drawField, drawPairs, panelView } from './draw.js';
import { KEY, PANELS, READOUTS, TEMPLATE, TIME_STEP } from './layout.js';
import { BOX, errorNorms, everyKth, exponentials, gridMass, gridNodes, RELIABLE, weightedErrors } from './stats.js';
import { MARGINAL_STRINGS } from './strings.js';

const SETTINGS = {
  t: { value: 0.5, min: 0, max: 0.95, real: true },
  pairs: { value: 150, min: 10, max: 1000 },
  'train-steps': { value: 3000, min: 0, max: 20000 },
  width: { value: 64, min: 8, max: 256 },
  seed: { value: 0, min: 0, max: 2 ** 31 - 1 },
};
const GRID = 49; // nodes a side: spacing 0.2 over BOX, [-4.8, 4.8]
const ARROW_EVERY = 4; // arrows on every 4th node: 13 x 13
// Data samples, one line through the chosen point each. Late in time only the samples within about
// (1 − t)/t of x/t count: at t = 0.95, 100 000 of them leave about 100 to 500 effective lines
// where p_t has most of its mass (10 000 left 5 to 50). The caption says 100 000.
const LINES = 100000;
const MASKED = 1e-3; // the error map is left empty where p_t < MASKED x its peak
const NUDGE = 0.1; // world units an arrow key moves the point

function createMarginalFigure(host) {
  const { values: settings, notes } = readAttributes(host, SETTINGS);
  host.innerHTML = TEMPLATE;
  const $ = (selector) => host.querySelector(selector);
  const slider = $('.fmg-slider');
  slider.value = String(Math.round(settings.t / TIME_STEP));
  const canvases = Object.fromEntries(PANELS.map((p) => [p, $(`.fmg-${p}`)]));
  const progress = createProgress($('.fmg-progress'));
  const heatmaps = { exact: createHeatmap(), learned: createHeatmap(), error: createHeatmap() };
  const { nodes, h } = gridNodes(GRID);
  const box = cellBox(BOX, GRID, GRID);
  const arrowAt = everyKth(nodes, GRID, ARROW_EVERY);
  const state = { theme: null, pairs: null, grids: new Map(), pick: null, point: [1, 0.5], trained: null };
  let client = null;
  let frame = 0;
  const words = () => pick(MARGINAL_STRINGS, host);
  const time = () => Number(slider.value) * TIME_STEP;
  const status = createStatus($('.nb-status'), words, notes);

  /** setReadout, with x_t and the like written as subscripts. */
  function readout(key, text, data) {
    setReadout(host, key, text, data);
    setSubscripted(host.querySelector(`dd[data-key="${key}"]`), text);
  }

  /** The readouts of `grid` and of `p`, the point's values (null while they are computed). */
  function showReadouts(grid, p) {
    const w = words();
    const [x, y] = state.point;
    readout('point', `(${x.toFixed(2)}, ${y.toFixed(2)})`, { x, y });
    readout('exact', w.vector(p?.exact), { x: p?.exact[0] ?? NaN, y: p?.exact[1] ?? NaN });
    const a = p?.average;
    // Too few effective lines: the average estimates nothing, and the readout says why.
    const reliable = a ? a.effective >= RELIABLE : null;
    const text = !a ? '—' : reliable ? w.averageValue(a.velocity, a.se, a.effective) : w.unreliable(a.velocity, a.effective);
    readout('average', text, {
      x: a?.velocity[0] ?? NaN,
      y: a?.velocity[1] ?? NaN,
      seX: a?.se[0] ?? NaN,
      seY: a?.se[1] ?? NaN,
      effective: a?.effective ?? NaN,
      reliable: String(reliable),
    });
    readout('learned', w.vector(p?.learned), { x: p?.learned[0] ?? NaN, y: p?.learned[1] ?? NaN });
    readout('relative', grid ? w.errors(grid.error, grid.relative, grid.speed) : '—', {
      error: grid?.error ?? NaN,
      relative: grid?.relative ?? NaN,
    });
    readout('mass', grid ? w.masses(grid.massExact, grid.massLearned) : '—', {
      exact: grid?.massExact ?? NaN,
      learned: grid?.massLearned ?? NaN,
    });
  }

  function draw() {
    frame = 0;
    if (!state.theme) return;
    const w = words();
    const t = time();
    $('.fmg-t').textContent = w.time(t);
    const [x, y] = state.point;
    const pick = state.pick?.t === t && state.pick.point[0] === x && state.pick.point[1] === y ? state.pick : null;
    drawPairs(canvases.pairs, { ...state.pairs, t, point: state.point, pick }, state.theme);
    const grid = state.grids.get(slider.value);
    const common = { n: GRID, box, point: state.point, positions: arrowAt, spacing: ARROW_EVERY * h };
    if (grid) {
      const scale = quiverScale(grid.exactArrows, ARROW_EVERY * h);
      const max = grid.densityMax;
      const field = (key, which) =>
        drawField(canvases[key], { ...common, heatmap: heatmaps[key], ...which, max, scale }, state.theme);
      field('exact', { density: grid.exactDensity, vectors: grid.exactArrows });
      field('learned', { density: grid.learnedDensity, vectors: grid.learnedArrows });
      drawError(canvases.error, { ...common, heatmap: heatmaps.error, errors: grid.errors, max: grid.errorMax }, state.theme);
    } else {
      for (const key of ['exact', 'learned', 'error']) panelView(canvases[key]);
    }
    showReadouts(grid, pick);
    host.dataset.t = String(t);
  }
  const invalidate = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  function relabel() {
    const w = words();
    $('.fmg-slider-label').textContent = w.slider;
    slider.setAttribute('aria-label', w.slider);
    for (const key of READOUTS) setSubscripted(host.querySelector(`dt[data-key="${key}"]`), w.keys[key]);
    for (const p of PANELS) setSubscripted(host.querySelector(`.fmg-title[data-panel="${p}"]`), w[p]);
    for (const [key] of KEY) setSubscripted(host.querySelector(`.fmg-key [data-key="${key}"]`), w[key]);
    setSubscripted($('.nb-caption'), w.caption);
    status.again();
    invalidate();
  }

  const run = (op, args, options) => request(client, progress, op, args, options);

  /** The grid at the slider's time, derived once: densities, arrows, errors and the readouts. */
  async function computeGrid(key) {
    const t = Number(key) * TIME_STEP;
    const { exact, learned } = await run('grid', { nodes, t });
    const exactDensity = exponentials(exact.logDensity);
    const learnedDensity = exponentials(learned.logDensity);
    const errors = errorNorms(learned.velocity, exact.velocity);
    const densityMax = Math.max(...exactDensity);
    // The map shows the error where the data's path has mass (p_t at least MASKED of its peak).
    exactDensity.forEach((p, i) => {
      if (p < MASKED * densityMax) errors[i] = NaN;
    });
    return {
      exactDensity,
      learnedDensity,
      densityMax,
      exactArrows: everyKth(exact.velocity, GRID, ARROW_EVERY),
      learnedArrows: everyKth(learned.velocity, GRID, ARROW_EVERY),
      errors,
      errorMax: Math.max(...errors.filter(Number.isFinite)),
      ...weightedErrors(learned.velocity, exact.velocity, exact.logDensity),
      massExact: gridMass(exact.logDensity, h),
      massLearned: gridMass(learned.logDensity, h),
    };
  }

  // One request at a time; whatever the reader asked for last is computed next.
  let busy = false;
  let wanted = false;
  async function refresh() {
    if (!state.trained) return;
    if (busy) {
      wanted = true;
      return;
    }
    busy = true;
    try {
      do {
        wanted = false;
        host.dataset.state = 'computing';
        const key = slider.value;
        if (!state.grids.has(key)) {
          status.say('computing', Number(key) * TIME_STEP);
          state.grids.set(key, await computeGrid(key));
        }
        const t = time();
        const point = [...state.point];
        state.pick = { ...(await run('point', { point, t })), t, point };
        invalidate();
      } while (wanted);
      status.say('ready', state.trained.steps, state.trained.loss);
      host.dataset.state = 'ready';
    } finally {
      busy = false;
    }
  }

  async function start() {
    host.dataset.state = 'loading';
    client = createClient(new URL('./worker.js', import.meta.url));
    await run('init', {});
    state.pairs = await run('setup', { width: settings.width, seed: settings.seed, pairs: settings.pairs, lines: LINES });
    invalidate();
    host.dataset.state = 'training';
    state.trained = await trainWithProgress(run, status, words, settings['train-steps']);
    await refresh();
  }

  let destroyed = false;
  const fail = (error) => {
    if (destroyed) return; // the worker was stopped: this figure is gone
    host.dataset.state = 'error';
    status.say('failed', error.message);
  };
  const again = () => refresh().catch(fail);

  /** Moves the chosen point to where the pointer is on any panel (in that panel's view, see draw.js). */
  function choose(event) {
    if (event.type === 'pointermove' && event.buttons === 0 && event.pointerType !== 'mouse') return;
    const canvas = /** @type {HTMLCanvasElement} */ (event.currentTarget);
    const rect = canvas.getBoundingClientRect();
    const reserve = canvas === canvases.error ? COLORBAR : 0;
    if (rect.width < 40 || rect.height < 40 + reserve) return;
    const view = boxView(rect.width, rect.height, reserve);
    const [x, y] = view.toWorld(event.clientX - rect.left, event.clientY - rect.top);
    state.point = [Math.max(BOX.xmin, Math.min(BOX.xmax, x)), Math.max(BOX.ymin, Math.min(BOX.ymax, y))];
    invalidate();
    again();
  }
  function nudge(event) {
    const steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[event.key];
    if (!steps) return;
    event.preventDefault();
    const [lo, hi] = [[BOX.xmin, BOX.xmax], [BOX.ymin, BOX.ymax]];
    state.point = state.point.map((v, d) => Math.max(lo[d], Math.min(hi[d], v + NUDGE * steps[d])));
    invalidate();
    again();
  }

  let started = false;
  const stops = [
    watchTheme((theme) => {
      state.theme = theme;
      invalidate();
    }, host),
    ...PANELS.map((p) => observeResize(canvases[p], invalidate)),
    watchVisibility(host, {
      onShow: () => {
        if (started) return;
        started = true;
        start().catch(fail);
      },
    }),
  ];
  for (const canvas of Object.values(canvases)) {
    canvas.addEventListener('pointerdown', choose);
    canvas.addEventListener('pointermove', choose);
  }
  canvases.pairs.tabIndex = 0;
  canvases.pairs.addEventListener('keydown', nudge);
  slider.addEventListener('input', () => {
    invalidate();
    again();
  });
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

defineFigure('flow-marginal', createMarginalFigure, ['./style.css'], import.meta.url, Object.keys(SETTINGS));
