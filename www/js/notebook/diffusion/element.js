// <flow-diffusion>: a diffusion's reverse-time SDE next to its probability-flow ODE on the VP path
// (8 Gaussians, exact score): jagged random paths against smooth ones, with the same marginals.
//
//   <script type="module" src=".../js/notebook/diffusion/element.js"></script>
//   <flow-diffusion points="1500" steps="250" seed="1"></flow-diffusion>
import { setSubscripted } from '../../kit/subscripts.js';
import { createProgress } from '../../kit/progress.js';
import { readAttributes } from '../attributes.js';
import { createStatus, defineFigure, setReadout } from '../figure-parts.js';
import { runRecordedPaths } from '../recorded-paths.js';
import { drawHistograms, drawPanel } from './draw.js';
import { READOUTS, SLIDER_MAX, TEMPLATE } from './layout.js';
import { finalAgreement, showComparison } from './readouts.js';
import { coordinate } from './stats.js';
import { DIFFUSION_STRINGS } from './strings.js';
import { pick } from '../../kit/lang.js';
import { createPlayer } from '../player.js';

const SETTINGS = {
  points: { value: 1500, min: 10, max: 4000 },
  steps: { value: 250, min: 10, max: 1000 },
  seed: { value: 1, min: 0, max: 2 ** 31 - 1 },
};
const PREVIEW = { n: 300, steps: 100, frames: 51 };
// The core records at most 1001 frames and 10^6 positions (points x frames) per sampler.
const MAX_FRAMES = 1001;
const TRACKED = 5; // highlighted paths per panel
const PLAY_SECONDS = 5;

function createDiffusionFigure(host) {
  const { values: settings, notes } = readAttributes(host, SETTINGS);
  host.innerHTML = TEMPLATE;
  const $ = (selector) => host.querySelector(selector);
  const [slider, axisSelect, playButton, resample] = [$('.fd-slider'), $('.fd-axis'), $('.fd-play'), $('.fd-resample')];
  const progress = createProgress($('.fd-progress'));
  const state = { data: null, n: 0, theme: null, seed: settings.seed };
  let frame = 0;
  const words = () => pick(DIFFUSION_STRINGS, host);

  const status = createStatus($('.nb-status'), words, notes);

  /** The frame shown and its time. */
  const current = () => {
    const { times } = state.data;
    const k = Math.round((Number(slider.value) / SLIDER_MAX) * (times.length - 1));
    return { k, t: times[k], last: k === times.length - 1 };
  };

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
    showComparison(host, w, { sde: xs, ode: xo, t, axis });
    const { x, y } = state.final;
    const worst = Math.max(...[x.mean, y.mean, x.variance, y.variance].map(Math.abs));
    setReadout(host, 'final', w.final(state.final), { value: worst, meanX: x.mean, meanY: y.mean });
    host.dataset.frame = String(k);
  }
  const invalidate = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  const player = createPlayer(slider, {
    seconds: PLAY_SECONDS,
    onFrame: draw,
    onChange: (playing) => (playButton.textContent = playing ? words().pause : words().play),
  });

  function relabel() {
    const w = words();
    $('.fd-slider-label').textContent = w.slider;
    slider.setAttribute('aria-label', w.slider);
    $('.fd-axis-label span').textContent = w.axis;
    playButton.textContent = player.playing ? w.pause : w.play;
    resample.textContent = w.resample;
    for (const key of READOUTS) setSubscripted(host.querySelector(`dt[data-key="${key}"]`), w.keys[key]);
    setSubscripted($('.nb-caption'), w.caption);
    status.again();
    invalidate();
  }

  axisSelect.addEventListener('change', invalidate);
  const destroy = runRecordedPaths(
    host,
    {
      state,
      settings,
      preview: PREVIEW,
      maxFrames: MAX_FRAMES,
      received: () => (state.final = finalAgreement(state.data, state.n)),
      invalidate,
      worker: new URL('./worker.js', import.meta.url),
    },
    { slider, playButton, resample, player, progress, status, canvases: ['.fd-sde', '.fd-ode', '.fd-hist'].map($), words },
  );
  status.say('loading');
  relabel();
  return {
    relabel,
    destroy() {
      destroy();
      if (frame) cancelAnimationFrame(frame);
    },
  };
}

defineFigure('flow-diffusion', createDiffusionFigure, ['./style.css'], import.meta.url, Object.keys(SETTINGS));
