// <flow-ode-sde>: flow matching's ODE read again as SDEs. On the linear path to 8 Gaussians, with the
// exact marginal velocity u_t and the score from it, dx = [u_t + ½ε² ∇log p_t] dt + ε dW keeps every
// marginal p_t for every ε while its paths differ from the ODE's.
//
//   <script type="module" src=".../js/notebook/ode-sde/element.js"></script>
//   <flow-ode-sde points="1000" steps="400" seed="1"></flow-ode-sde>
import { createProgress } from '../../kit/progress.js';
import { readAttributes } from '../attributes.js';
import { createStatus, defineFigure, setReadout } from '../figure-parts.js';
import { runRecordedPaths } from '../recorded-paths.js';
import { drawPanel } from '../diffusion/draw.js';
import { EPSILONS, READOUTS, SLIDER_MAX, TEMPLATE } from './layout.js';
import { againstExact, meanDistance } from './agreement.js';
import { ODE_SDE_STRINGS } from './strings.js';
import { pick } from '../../kit/lang.js';
import { setSubscripted } from '../../kit/subscripts.js';
import { createPlayer } from '../player.js';

const SETTINGS = {
  points: { value: 1000, min: 10, max: 1000 },
  steps: { value: 400, min: 20, max: 1000 },
  seed: { value: 1, min: 0, max: 2 ** 31 - 1 },
};
const PREVIEW = { n: 200, steps: 100, frames: 51 };
const MAX_FRAMES = 101;
const TRACKED = 5; // highlighted paths per panel
const PLAY_SECONDS = 5;

function createOdeSdeFigure(host) {
  const { values: settings, notes } = readAttributes(host, SETTINGS);
  host.innerHTML = TEMPLATE;
  const $ = (selector) => host.querySelector(selector);
  const [slider, noise, playButton, resample] = [$('.fd-slider'), $('.fo-noise'), $('.fd-play'), $('.fd-resample')];
  const progress = createProgress($('.fd-progress'));
  const state = { data: null, n: 0, theme: null, seed: settings.seed };
  let frame = 0;
  const words = () => pick(ODE_SDE_STRINGS, host);
  const status = createStatus($('.nb-status'), words, notes);

  /** The frame shown and its time. */
  const current = () => {
    const { times } = state.data;
    const k = Math.round((Number(slider.value) / SLIDER_MAX) * (times.length - 1));
    return { k, t: times[k] };
  };

  function draw() {
    frame = 0;
    if (!state.theme || !state.data) return;
    const w = words();
    const { ode, sdes, exact } = state.data;
    const { n } = state;
    const { k, t } = current();
    const shown = Number(noise.value);
    const label = w.time(t);
    $('.fd-t').textContent = label;
    const common = { n, frame: k, tracked: TRACKED, label };
    drawPanel($('.fo-ode'), { ...common, rows: ode, color: state.theme.series[0], title: w.ode }, state.theme);
    const sdeTitle = w.sde(EPSILONS[shown]);
    drawPanel($('.fo-sde'), { ...common, rows: sdes[shown], color: state.theme.series[1], title: sdeTitle }, state.theme);
    const e = exact.subarray(5 * k, 5 * k + 5);
    setReadout(host, 'exact', w.exact(e), { meanX: e[0], meanY: e[1], varX: e[2], varY: e[4] });
    const a = againstExact(ode, n, k, e);
    setReadout(host, 'ode', w.agreement(a), { value: a.worst, meanX: a.mean[0], varX: a.variance[0] });
    const list = sdes.map((rows, i) => ({ epsilon: EPSILONS[i], a: againstExact(rows, n, k, e) }));
    const worst = Math.max(...list.map(({ a }) => a.worst));
    setReadout(host, 'sde', w.sdes(list), { value: worst, meanX: list.map(({ a }) => a.mean[0]).join(' ') });
    const apart = sdes.map((rows, i) => ({ epsilon: EPSILONS[i], distance: meanDistance(rows, ode, n, k) }));
    setReadout(host, 'apart', w.apart(apart), { value: apart.map((d) => d.distance).join(' ') });
    host.dataset.frame = String(k);
    host.dataset.t = String(t);
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
    $('.fo-noise-label span').textContent = w.noise;
    playButton.textContent = player.playing ? w.pause : w.play;
    resample.textContent = w.resample;
    for (const key of READOUTS) setSubscripted(host.querySelector(`dt[data-key="${key}"]`), w.keys[key]);
    setSubscripted($('.nb-caption'), w.caption);
    status.again();
    invalidate();
  }

  noise.addEventListener('change', invalidate);
  const destroy = runRecordedPaths(
    host,
    {
      state,
      settings,
      preview: PREVIEW,
      extra: { epsilons: EPSILONS },
      samplers: 1 + EPSILONS.length,
      maxFrames: MAX_FRAMES,
      invalidate,
      worker: new URL('./worker.js', import.meta.url),
    },
    { slider, playButton, resample, player, progress, status, canvases: ['.fo-ode', '.fo-sde'].map($), words },
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

defineFigure('flow-ode-sde', createOdeSdeFigure, ['../diffusion/style.css', './style.css'], import.meta.url, Object.keys(SETTINGS));
