// The DOM of <flow-steps>: the controls, the three sample panels, the quality and order plots, the
// table of scores at the chosen budget, the readouts, a progress bar, the status line and the
// caption (filled with words by element.js).
import { readoutsHtml } from '../figure-parts.js';
import { COUPLINGS, SCHEMES } from './schemes.js';

export const READOUTS = ['nfe', 'steps', 'straightIndependent', 'straightOt', 'straightReflow', 'orders'];

/** One metric's table: a row per scheme, a column per model (two narrow tables fit a phone). */
const table = (metric) => `
      <table class="fs-table">
        <thead>
          <tr><th data-word="${metric}"></th>${COUPLINGS.map((c) => `<th data-coupling-head="${c}"></th>`).join('')}</tr>
        </thead>
        <tbody>${SCHEMES.map(
          (s) =>
            `<tr data-scheme="${s}"><th></th>${COUPLINGS.map((c) => `<td data-metric="${metric}" data-coupling="${c}">—</td>`).join('')}</tr>`,
        ).join('')}</tbody>
      </table>`;

export const TEMPLATE = `
  <figure class="fs">
    <div class="fs-controls">
      <label><span class="fs-scheme-label"></span>
        <select class="fs-scheme">${SCHEMES.map((s) => `<option value="${s}"></option>`).join('')}</select></label>
      <label class="fs-nfe-control"><span class="fs-slider-label"></span>
        <input class="fs-slider" type="range" min="0" step="1"><output class="fs-nfe"></output></label>
    </div>
    <div class="fs-panels">
      <canvas class="kit-canvas fs-independent"></canvas>
      <canvas class="kit-canvas fs-ot"></canvas>
      <canvas class="kit-canvas fs-reflow"></canvas>
      <canvas class="kit-canvas fs-quality"></canvas>
      <canvas class="kit-canvas fs-orders"></canvas>
    </div>
    <p class="fs-table-caption"></p>
    <div class="fs-table-wrap">${table('energy')}${table('nll')}
    </div>
    ${readoutsHtml('nb-readouts', READOUTS)}
    <div class="fs-progress nb-progress"></div>
    <p class="nb-status" role="status"></p>
    <figcaption class="nb-caption"></figcaption>
  </figure>`;
