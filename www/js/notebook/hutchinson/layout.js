// The DOM of <flow-hutchinson>: the exact and estimated log-density maps, the histogram at the
// chosen point, the variance against k, the controls, the readouts, a progress bar, the status
// line and the caption (filled with words by element.js).
import { readoutsHtml } from '../figure-parts.js';

export const READOUTS = ['point', 'exact', 'mean', 'gap', 'variance', 'predicted', 'cost', 'costD'];

export const TEMPLATE = `
  <figure class="fh">
    <div class="fh-controls">
      <label><span class="fh-model-label"></span>
        <select class="fh-model"><option value="trained"></option><option value="linear"></option></select></label>
      <label><span class="fh-probe-label"></span>
        <select class="fh-probe"><option value="rademacher"></option><option value="gaussian"></option></select></label>
      <label class="fh-k-control"><span class="fh-slider-label"></span>
        <input class="fh-slider" type="range" min="0" step="1"><output class="fh-k"></output></label>
    </div>
    <div class="fh-panels">
      <canvas class="kit-canvas fh-exact"></canvas>
      <canvas class="kit-canvas fh-estimate"></canvas>
      <canvas class="kit-canvas fh-hist"></canvas>
      <canvas class="kit-canvas fh-variance"></canvas>
    </div>
    ${readoutsHtml('nb-readouts', READOUTS)}
    <div class="fh-progress nb-progress"></div>
    <p class="nb-status" role="status"></p>
    <figcaption class="nb-caption"></figcaption>
  </figure>`;
