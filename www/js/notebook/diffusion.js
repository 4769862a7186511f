// <flow-diffusion>: a diffusion's reverse-time SDE next to its probability-flow ODE on the VP path
// (8 Gaussians, exact score): jagged random paths against smooth ones, with the same marginals.
//
//   <script type="module" src=".../js/notebook/diffusion.js"></script>
//   <flow-diffusion points="1500" steps="250" seed="1"></flow-diffusion>
import { createClient } from '../kit/client.js';
import { createProgress } from '../kit/progress.js';
import { addStyles } from '../kit/styles.js';
import { watchTheme } from '../kit/theme.js';
import { observeResize } from '../kit/view.js';
import { readIntegers } from './attributes.js';
import { drawHistograms, drawPanel } from './diffusion-draw.js';
import { compareSamples, coordinate, moments } from './diffusion-stats.js';
import { DIFFUSION_STRINGS } from './diffusion-strings.js';
import { onLangChange, pick } from './lang.js';
import { marginalMoments } from './vp-mixture.js';
import { watchVisibility } from './visible.js';

const SETTINGS = {
  points: { value: 1500, min: 10, max: 4000 },
  steps: { value: 250, min: 10, max: 1000 },
  seed: { value: 1, min: 0, max: 2 ** 31 - 1 },
};
const PREVIEW = { n: 300, steps: 100, frames: 51 };
const TRACKED = 5; // highlighted paths per panel
const PLAY_SECONDS = 5;
const SLIDER_MAX = 1000;
const READOUTS = ['means', 'variances', 'dmean', 'dvar'];

const TEMPLATE = `
  <figure class="fd">
    <div class="fd-panels">
      <canvas class="kit-canvas fd-sde"></canvas>
      <canvas class="kit-canvas fd-ode"></canvas>
    </div>
    <div class="fd-controls">
      <button type="button" class="fd-play"></button>
      <label class="fd-time"><span class="fd-slider-label"></span>
        <input class="fd-slider" type="range" min="0" max="${SLIDER_MAX}" step="1" value="${SLIDER_MAX}"></label>
      <output class="fd-t"></output>
      <label class="fd-axis-label"><span></span>
        <select class="fd-axis"><option value="0">x</option><option value="1">y</option></select></label>
      <button type="button" class="fd-resample"></button>
    </div>
    <canvas class="fd-hist"></canvas>
    <dl class="fd-readouts">${READOUTS.map((key) => `<div><dt data-key="${key}"></dt><dd data-key="${key}">—</dd></div>`).join('')}</dl>
    <div class="fd-progress"></div>
    <p class="fd-status" role="status"></p>
    <figcaption class="fd-caption"></figcaption>
  </figure>`;

function createDiffusionFigure(host) {
  const { values: settings, notes } = readIntegers(host, SETTINGS);
  host.innerHTML = TEMPLATE;
  const $ = (selector) => host.querySelector(selector);
  const [slider, axisSelect, playButton, resample] = [$('.fd-slider'), $('.fd-axis'), $('.fd-play'), $('.fd-resample')];
  const progress = createProgress($('.fd-progress'));
  const state = { data: null, n: 0, theme: null, status: ['loading'], seed: settings.seed };
  let client = null;
  let frame = 0;
  let playing = null; // { start, from } while the time plays
  let visible = false;
  const words = () => pick(DIFFUSION_STRINGS, host);

  const setStatus = (key, ...args) => {
    state.status = [key, ...args];
    const entry = words()[key];
    const text = typeof entry === 'function' ? entry(...args) : entry;
    $('.fd-status').textContent = notes.length ? `${notes.join('; ')}. ${text}` : text;
  };

  /** The frame shown and its time. */
  const current = () => {
    const { times } = state.data;
    const k = Math.round((Number(slider.value) / SLIDER_MAX) * (times.length - 1));
    return { k, t: times[k], last: k === times.length - 1 };
  };

  function showReadouts(sde, ode, t, axis) {
    const w = words();
    const [a, b] = [moments(sde), moments(ode)];
    const exact = marginalMoments(t, axis);
    const cmp = compareSamples(ode, sde);
    const set = (key, text, values) => {
      const dd = host.querySelector(`dd[data-key="${key}"]`);
      dd.textContent = text;
      for (const [name, value] of Object.entries(values)) dd.dataset[name] = String(value);
    };
    set('means', w.triple(a.mean, b.mean, exact.mean), { sde: a.mean, ode: b.mean, exact: exact.mean });
    set('variances', w.triple(a.variance, b.variance, exact.variance), { sde: a.variance, ode: b.variance, exact: exact.variance });
    set('dmean', w.difference(cmp.mean), { value: cmp.mean.z, diff: cmp.mean.diff, se: cmp.mean.se });
    set('dvar', w.difference(cmp.variance), { value: cmp.variance.z, diff: cmp.variance.diff, se: cmp.variance.se });
  }

  function draw() {
    frame = 0;
    if (!state.theme || !state.data) return;
    const w = words();
    const { sde, ode } = state.data;
    const { k, t, last } = current();
    const axis = Number(axisSelect.value);
    const label = w.time(t, last);
    $('.fd-t').textContent = label;
    const common = { n: state.n, frame: k, tracked: TRACKED, label };
    drawPanel($('.fd-sde'), { ...common, rows: sde, color: state.theme.series[1], title: w.sde }, state.theme);
    drawPanel($('.fd-ode'), { ...common, rows: ode, color: state.theme.series[0], title: w.ode }, state.theme);
    const [xs, xo] = [coordinate(sde, state.n, k, axis), coordinate(ode, state.n, k, axis)];
    drawHistograms($('.fd-hist'), { sde: xs, ode: xo, t, axis }, state.theme, w);
    showReadouts(xs, xo, t, axis);
    host.dataset.frame = String(k);
  }
  const invalidate = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  function tick(now) {
    if (!playing) return;
    const value = playing.from + ((now - playing.start) / (PLAY_SECONDS * 1000)) * SLIDER_MAX;
    slider.value = String(Math.min(SLIDER_MAX, Math.round(value)));
    draw();
    if (value >= SLIDER_MAX) stop();
    else if (visible) requestAnimationFrame(tick);
  }
  function play() {
    const from = Number(slider.value) >= SLIDER_MAX ? 0 : Number(slider.value);
    playing = { start: performance.now(), from };
    playButton.textContent = words().pause;
    requestAnimationFrame(tick);
  }
  function stop() {
    playing = null;
    playButton.textContent = words().play;
  }

  function relabel() {
    const w = words();
    $('.fd-slider-label').textContent = w.slider;
    slider.setAttribute('aria-label', w.slider);
    $('.fd-axis-label span').textContent = w.axis;
    playButton.textContent = playing ? w.pause : w.play;
    resample.textContent = w.resample;
    for (const key of READOUTS) host.querySelector(`dt[data-key="${key}"]`).textContent = w.keys[key];
    $('.fd-caption').textContent = w.caption;
    setStatus(...state.status);
    invalidate();
  }

  /** Asks the worker for paths; a cancelled or failed request leaves the picture as it was. */
  async function sample(args, label) {
    const job = client.request('paths', { seed: state.seed, ...args });
    const task = label ? progress.begin(label, { onCancel: job.cancel }) : null;
    try {
      const data = await job.promise;
      state.data = data;
      state.n = args.n;
      invalidate();
    } finally {
      task?.end();
    }
  }

  async function full() {
    host.dataset.state = 'computing';
    resample.disabled = true;
    try {
      const frames = Math.min(settings.steps + 1, 1001);
      await sample({ n: settings.points, steps: settings.steps, frames }, words().computing);
      setStatus('ready', settings.points, settings.steps);
      host.dataset.state = 'ready';
    } finally {
      resample.disabled = false;
    }
  }

  async function start() {
    host.dataset.state = 'loading';
    client = createClient(new URL('./diffusion.worker.js', import.meta.url));
    await client.request('init').promise;
    await sample(PREVIEW);
    setStatus('preview');
    await full();
  }

  const fail = (error) => {
    host.dataset.state = 'error';
    setStatus('failed', error.message);
  };
  let started = false;
  const stops = [
    watchTheme((theme) => {
      state.theme = theme;
      invalidate();
    }, host),
    ...['.fd-sde', '.fd-ode', '.fd-hist'].map((s) => observeResize($(s), invalidate)),
    onLangChange(relabel),
    watchVisibility(host, {
      onShow: () => {
        visible = true;
        if (playing) play();
        if (started) return;
        started = true;
        start().catch(fail);
      },
      onHide: () => {
        visible = false;
      },
    }),
  ];
  slider.addEventListener('input', () => {
    stop();
    invalidate();
  });
  axisSelect.addEventListener('change', invalidate);
  playButton.addEventListener('click', () => (playing ? stop() : play()));
  resample.addEventListener('click', () => {
    state.seed = (state.seed + 1) % 2 ** 31;
    full().catch(fail);
  });
  relabel();
  return {
    destroy() {
      stops.forEach((s) => s());
      stop();
      if (frame) cancelAnimationFrame(frame);
      client?.terminate();
    },
  };
}

class FlowDiffusion extends HTMLElement {
  connectedCallback() {
    if (this.figure) return;
    addStyles(document, ['../kit/theme.css', './diffusion.css'], import.meta.url);
    this.figure = createDiffusionFigure(this);
  }

  disconnectedCallback() {
    this.figure?.destroy();
    this.figure = null;
  }
}

if (!customElements.get('flow-diffusion')) customElements.define('flow-diffusion', FlowDiffusion);
