// The DOM of <flow-residual>: the clouds and the error plot, the K slider, the readouts, a
// progress bar, the status line and the caption (filled with words by residual.js).
import { readoutsHtml } from '../figure-parts.js';

export const READOUTS = ['k', 'h', 'position', 'density', 'order', 'invertible'];

export const TEMPLATE = `
  <figure class="fr">
    <div class="fr-panels">
      <canvas class="kit-canvas fr-cloud"></canvas>
      <canvas class="kit-canvas fr-plot"></canvas>
    </div>
    <label class="fr-control"><span class="fr-slider-label"></span>
      <input class="fr-slider" type="range" min="0" step="1"><output class="fr-k"></output></label>
    ${readoutsHtml('nb-readouts', READOUTS)}
    <div class="fr-progress"></div>
    <p class="nb-status" role="status"></p>
    <figcaption class="nb-caption"></figcaption>
  </figure>`;
