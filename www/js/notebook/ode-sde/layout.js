// The DOM of <flow-ode-sde> (laid out by the diffusion figure's sheet, ../diffusion/style.css): the ODE and SDE panels, the controls (play, time, ε, new samples), the
// readouts, a progress bar, the status line and the caption.
import { readoutsHtml } from '../figure-parts.js';

/** Steps of the time slider (its value / SLIDER_MAX is the fraction of the frames). */
export const SLIDER_MAX = 1000;
export const READOUTS = ['exact', 'ode', 'sde', 'apart'];
/** The noise scales of the SDEs, all sampled at once; the select shows one of them. */
export const EPSILONS = [0.5, 1, 2];
const SHOWN = 1;

export const TEMPLATE = `
  <figure class="fd fo">
    <div class="fd-panels">
      <canvas class="kit-canvas fo-ode"></canvas>
      <canvas class="kit-canvas fo-sde"></canvas>
    </div>
    <div class="fd-controls">
      <button type="button" class="fd-play"></button>
      <label class="fd-time"><span class="fd-slider-label"></span>
        <input class="fd-slider" type="range" min="0" max="${SLIDER_MAX}" step="1" value="${SLIDER_MAX / 2}"></label>
      <output class="fd-t"></output>
      <label class="fd-axis-label fo-noise-label"><span></span>
        <select class="fo-noise">${EPSILONS.map((e, i) => `<option value="${i}"${i === SHOWN ? ' selected' : ''}>${e}</option>`).join('')}</select></label>
      <button type="button" class="fd-resample"></button>
    </div>
    ${readoutsHtml('nb-readouts fd-readouts fo-readouts', READOUTS)}
    <div class="fd-progress"></div>
    <p class="nb-status" role="status"></p>
    <figcaption class="nb-caption"></figcaption>
  </figure>`;
