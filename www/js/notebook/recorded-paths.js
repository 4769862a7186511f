// The life of a figure that plays paths recorded by its worker (the diffusion figure, the ODE read
// as SDEs): one 'paths' request for a quick preview, then one at the attributes' size; a time
// slider with Play, "New samples", paused off screen, stopped when the element goes.
import { createClient } from '../kit/client.js';
import { onActivate, setDisabled } from '../kit/disabled.js';
import { watchTheme } from '../kit/theme.js';
import { observeResize } from '../kit/view.js';
import { watchVisibility } from '../kit/visible.js';
import { request } from './figure-parts.js';

// The core records at most 10^6 positions (points x frames, of `samplers` samplers together).
const MAX_RECORDED = 1_000_000;

/**
 * Runs the figure in `host`. `state` ({ data, n, theme, seed }) receives the worker's answer (then
 * received(state) is called) and the theme; `settings` { points, steps }; `preview` the first,
 * small request { n, steps, frames }; `extra` more arguments of every request; `samplers` how many
 * samplers' positions count together against the core's cap (1 where it caps each one); `maxFrames` the frames' cap. `ui` holds the slider, the Play and
 * New samples buttons, the player (player.js), the progress bar and status line (figure-parts.js),
 * the canvases to watch for size, and words(). invalidate() asks for a redraw. Returns destroy().
 * @param {HTMLElement} host
 * @param {{ state: any, settings: Record<string, number>, preview: object,
 *   extra?: object, samplers?: number, maxFrames: number, received?: (state: any) => void,
 *   invalidate: () => void, worker: URL }} run
 * @param {{ slider: HTMLInputElement, playButton: Element, resample: Element, player: any,
 *   progress: any, status: any, canvases: Element[], words: () => any }} ui
 */
export function runRecordedPaths(host, run, ui) {
  const { state, settings, extra = {}, samplers = 1, received = () => {}, invalidate } = run;
  const { slider, playButton, resample, player, progress, status, words } = ui;
  let client = null;
  let destroyed = false;

  /** Asks the worker for paths (one call into the core: it cannot be cancelled). */
  async function sample(args, label) {
    state.data = await request(client, progress, 'paths', { seed: state.seed, ...extra, ...args }, { label, onCancel: null });
    state.n = args.n;
    received(state);
    invalidate();
  }

  async function full() {
    host.dataset.state = 'computing';
    setDisabled(resample, true);
    try {
      const frames = Math.min(settings.steps + 1, run.maxFrames, Math.floor(MAX_RECORDED / (samplers * settings.points)));
      await sample({ n: settings.points, steps: settings.steps, frames }, words().computing);
      status.say('ready', settings.points, settings.steps);
      host.dataset.state = 'ready';
    } finally {
      setDisabled(resample, false);
    }
  }

  async function start() {
    host.dataset.state = 'loading';
    client = createClient(run.worker);
    await client.request('init').promise;
    await sample(run.preview);
    status.say('preview');
    await full();
  }

  const fail = (error) => {
    if (destroyed) return; // the worker was stopped: this figure is gone
    host.dataset.state = 'error';
    status.say('failed', error.message);
  };
  let started = false;
  const stops = [
    watchTheme((theme) => {
      state.theme = theme;
      invalidate();
    }, host),
    ...ui.canvases.map((canvas) => observeResize(canvas, invalidate)),
    watchVisibility(host, {
      onShow: () => {
        player.hold(false);
        if (started) return;
        started = true;
        start().catch(fail);
      },
      onHide: () => player.hold(true),
    }),
  ];
  slider.addEventListener('input', () => {
    player.stop();
    invalidate();
  });
  playButton.addEventListener('click', player.toggle);
  onActivate(resample, () => {
    state.seed = (state.seed + 1) % 2 ** 31;
    full().catch(fail);
  });
  return () => {
    destroyed = true;
    stops.forEach((stop) => stop());
    player.stop();
    client?.terminate();
  };
}
