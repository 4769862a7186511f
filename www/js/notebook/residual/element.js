// <flow-residual>: a residual flow x_{k+1} = x_k + h u(x_k, t_k) with K steps next to the ODE it
// converges to, with a K slider and the errors against K. One script tag embeds it:
//
//   <script type="module" src=".../js/notebook/residual/element.js"></script>
//   <flow-residual k="8" max-k="256" points="800" train-steps="2000" width="64" seed="0"></flow-residual>
import { setSubscripted } from '../../kit/subscripts.js';
import { createClient } from '../../kit/client.js';
import { createProgress } from '../../kit/progress.js';
import { watchTheme } from '../../kit/theme.js';
import { observeResize } from '../../kit/view.js';
import { readAttributes } from '../attributes.js';
import { createStatus, defineFigure, request, setReadout, trainWithProgress } from '../figure-parts.js';
import { pick } from '../../kit/lang.js';
import { drawCloud, drawErrors } from './draw.js';
import { READOUTS, TEMPLATE } from './layout.js';
import { observedOrders, powersOfTwo } from './math.js';
import { RESIDUAL_STRINGS } from './strings.js';
import { watchVisibility } from '../../kit/visible.js';

const SETTINGS = {
  k: { value: 8, min: 1, max: 1024 },
  'max-k': { value: 256, min: 2, max: 1024 },
  points: { value: 800, min: 50, max: 4000 },
  'train-steps': { value: 2000, min: 0, max: 20000 },
  width: { value: 64, min: 8, max: 256 },
  seed: { value: 0, min: 0, max: 2 ** 31 - 1 },
};
const TRACKED = 6; // points whose paths are drawn

function createResidualFigure(host) {
  const { values: settings, notes } = readAttributes(host, SETTINGS);
  const ks = powersOfTwo(settings['max-k']);
  host.innerHTML = TEMPLATE;
  const $ = (selector) => host.querySelector(selector);
  const [cloud, plot, slider] = [$('.fr-cloud'), $('.fr-plot'), $('.fr-slider')];
  const progress = createProgress($('.fr-progress'));
  slider.max = String(ks.length - 1);
  slider.value = String(Math.max(0, ks.filter((k) => k <= settings.k).length - 1));
  const state = { base: null, exact: null, levels: new Map(), theme: null };
  let client = null;
  let frame = 0;
  const words = () => pick(RESIDUAL_STRINGS, host);
  const chosenK = () => ks[Number(slider.value)];

  const status = createStatus($('.nb-status'), words, notes);
  const readout = (key, text, value = text) => setReadout(host, key, text, { value });

  function showReadouts() {
    const w = words();
    const k = chosenK();
    const level = state.levels.get(k);
    const done = ks.filter((q) => state.levels.has(q)).map((q) => state.levels.get(q));
    const orders = observedOrders(done.map((l) => l.k), done.map((l) => l.positionRmsError));
    const order = orders[done.findIndex((l) => l.k === k)];
    const fmt = (v) => (Number.isFinite(v) ? v.toPrecision(3) : '—');
    $('.fr-k').textContent = String(k);
    readout('k', String(k));
    readout('h', `1/${k} = ${fmt(1 / k)}`, 1 / k);
    readout('position', fmt(level?.positionRmsError), level?.positionRmsError ?? NaN);
    readout('density', fmt(level?.logDensityMeanError), level?.logDensityMeanError ?? NaN);
    readout('order', Number.isFinite(order) ? order.toFixed(2) : '—', order ?? NaN);
    readout('invertible', level ? (level.invertible ? w.yes : w.folded) : '—', level ? level.invertible : '');
  }

  function draw() {
    frame = 0;
    if (!state.theme) return;
    const w = words();
    const k = chosenK();
    const level = state.levels.get(k) ?? null;
    drawCloud(cloud, { ...state, level, k, tracked: TRACKED }, state.theme, w);
    const levels = ks.filter((q) => state.levels.has(q)).map((q) => state.levels.get(q));
    drawErrors(plot, levels, k, state.theme, w);
    showReadouts();
  }
  const invalidate = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  function relabel() {
    const w = words();
    $('.fr-slider-label').textContent = w.slider;
    slider.setAttribute('aria-label', w.slider);
    for (const key of READOUTS) setSubscripted(host.querySelector(`dt[data-key="${key}"]`), w.keys[key]);
    setSubscripted($('.nb-caption'), w.caption);
    status.again();
    invalidate();
  }

  const run = (op, args, options) => request(client, progress, op, args, options);

  async function start() {
    host.dataset.state = 'loading';
    client = createClient(new URL('./worker.js', import.meta.url));
    await run('init', {});
    const first = await run('setup', { width: settings.width, seed: settings.seed, n: settings.points, paths: TRACKED });
    state.base = first.base;
    invalidate();
    host.dataset.state = 'training';
    const trained = await trainWithProgress(run, status, words, settings['train-steps']);
    host.dataset.state = 'computing';
    status.say('levels');
    const { exact, levels } = await run('levels', { ks }, { label: words().levelsTask });
    state.exact = exact;
    for (const level of levels) state.levels.set(level.k, level);
    invalidate();
    status.say('ready', trained.steps, trained.loss);
    host.dataset.state = 'ready';
  }

  let started = false;
  const stops = [
    watchTheme((theme) => {
      state.theme = theme;
      invalidate();
    }, host),
    observeResize(cloud, invalidate),
    observeResize(plot, invalidate),
    watchVisibility(host, {
      onShow: () => {
        if (started) return;
        started = true;
        start().catch((error) => {
          if (destroyed) return; // the worker was stopped: this figure is gone
          host.dataset.state = 'error';
          status.say('failed', error.message);
        });
      },
    }),
  ];
  slider.addEventListener('input', invalidate);
  status.say('loading');
  relabel();
  let destroyed = false;
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

defineFigure('flow-residual', createResidualFigure, ['./style.css'], import.meta.url, Object.keys(SETTINGS));
