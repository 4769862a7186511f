// The DOM of <flow-diffusion>: the SDE and ODE panels and the histograms in one row, the controls
// (play, time, coordinate, new samples), the readouts, a progress bar, the status line and the caption.
import { readoutsHtml } from '../figure-parts.js';

/** Steps of the time slider (its value / SLIDER_MAX is the fraction of the frames). */
export const SLIDER_MAX = 1000;
export const READOUTS = ['means', 'variances', 'dmean', 'dvar', 'final'];

export const TEMPLATE = `
  <figure class="fd">
    <div class="fd-panels">
      <canvas class="kit-canvas fd-sde"></canvas>
      <canvas class="kit-canvas fd-ode"></canvas>
      <canvas class="fd-hist"></canvas>
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
    ${readoutsHtml('nb-readouts fd-readouts', READOUTS)}
    <div class="fd-progress"></div>
    <p class="nb-status" role="status"></p>
    <figcaption class="nb-caption"></figcaption>
  </figure>`;
