// The DOM of <flow-marginal>: four titled panels (pairs, exact, learned, error), the key of the
// pairs panel, the time slider, the readouts, a progress bar, the status line and the caption (filled with words by element.js).
import { readoutsHtml } from '../figure-parts.js';

/** The pairs panel's key: word of the strings and the colour of its swatch (style.css, no inline style). */
export const KEY = [
  ['noise', 'muted'],
  ['data', 'series-3'],
  ['moving', 'series-1'],
  ['through', 'series-2'],
  ['exactArrow', 'fg'],
];
export const READOUTS = ['point', 'exact', 'average', 'learned', 'relative', 'mass'];
export const PANELS = ['pairs', 'exact', 'learned', 'error'];
/** The times of the slider: 0, 0.05, ..., 0.95 (the lines through a point need t < 1). */
export const TIME_STEP = 0.05;
export const TIME_STEPS = 19;

export const TEMPLATE = `
  <figure class="fmg">
    <div class="fmg-panels">
      ${PANELS.map((p) => `<div><p class="fmg-title" data-panel="${p}"></p><canvas class="kit-canvas fmg-${p}"></canvas></div>`).join('')}
    </div>
    <ul class="fmg-key">
      ${KEY.map(([key, colour]) => `<li><span class="fmg-swatch fmg-${colour}"></span><span data-key="${key}"></span></li>`).join('')}
    </ul>
    <label class="fmg-control"><span class="fmg-slider-label"></span>
      <input class="fmg-slider" type="range" min="0" max="${TIME_STEPS}" step="1"><output class="fmg-t"></output></label>
    ${readoutsHtml('nb-readouts', READOUTS)}
    <div class="fmg-progress nb-progress"></div>
    <p class="nb-status" role="status"></p>
    <figcaption class="nb-caption"></figcaption>
  </figure>`;
