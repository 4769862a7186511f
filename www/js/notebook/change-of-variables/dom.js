// The markup of <flow-change-of-variables>: two panels with their canvases, keys, controls and
// read-outs. Text comes from the STRINGS table through relabel(), so that a language switch only
// rewrites words.
import { MAPS } from './strings.js';
import { formatNumber as f } from './stats.js';

export const RANGES = Object.freeze({
  shape: { min: 0.5, max: 10, step: 0.1, value: 2 },
  scale: { min: 0.2, max: 3, step: 0.1, value: 1 },
  strength: { min: 0, max: 1, step: 0.01, value: 0.6 },
});

const slider = (name) => {
  const { min, max, step } = RANGES[name];
  return `<label class="cv-control"><span data-text="${name}"></span>
    <input type="range" name="${name}" min="${min}" max="${max}" step="${step}"><output></output></label>`;
};
const key = (text, kind) => `<li><span class="cv-swatch cv-swatch-${kind}"></span><span data-text="${text}"></span></li>`;
const readout = (text, name) => `<div><dt data-text="${text}"></dt><dd data-key="${name}">…</dd></div>`;

const TEMPLATE = `
<div class="cv-panels">
  <section class="cv-panel cv-line">
    <h3 class="cv-title" data-text="lineTitle"></h3>
    <canvas class="cv-canvas cv-line-canvas" role="img" data-label="lineLabel"></canvas>
    <ul class="cv-key">${key('pushed', 'pushed')}${key('gamma', 'gamma')}${key('histogram', 'histogram')}
      ${key('source', 'source')}${key('ticks', 'ticks')}</ul>
    <div class="cv-controls">${slider('shape')}${slider('scale')}</div>
    <dl class="cv-readouts">${readout('maxDiff', 'max-diff')}${readout('mass', 'mass')}
      ${readout('mean', 'mean')}${readout('variance', 'variance')}</dl>
    <p class="cv-caption" data-text="lineCaption"></p>
  </section>
  <section class="cv-panel cv-plane">
    <h3 class="cv-title" data-text="planeTitle"></h3>
    <canvas class="cv-canvas cv-plane-canvas" role="img" data-label="planeLabel" tabindex="0"></canvas>
    <canvas class="cv-colorbar"></canvas>
    <ul class="cv-key">${key('gridKey', 'grid')}${key('imageKey', 'image')}${key('samplesKey', 'samples')}
      ${key('probeKey', 'probe')}</ul>
    <div class="cv-controls">
      <label class="cv-control"><span data-text="map"></span><select name="map">
        ${MAPS.map((m) => `<option value="${m}" data-map="${m}"></option>`).join('')}</select></label>
      ${slider('strength')}
    </div>
    <dl class="cv-readouts">${readout('boxMass', 'box-mass')}${readout('inside', 'inside')}
      ${readout('pointer', 'at-y')}${readout('preimage', 'at-x')}${readout('logDet', 'log-det')}
      ${readout('density', 'density')}</dl>
    <p class="cv-caption"><span data-text="planeCaption"></span> <span data-text="hint"></span></p>
  </section>
</div>
<p class="cv-status" role="status"></p>`;

/** Fills `root` with the figure's markup; returns the parts the element drives. */
export function buildDom(root) {
  root.innerHTML = TEMPLATE;
  const q = (sel) => root.querySelector(sel);
  const dd = Object.fromEntries([...root.querySelectorAll('dd[data-key]')].map((d) => [d.dataset.key, d]));
  return {
    root,
    lineCanvas: q('.cv-line-canvas'),
    planeCanvas: q('.cv-plane-canvas'),
    colorbar: q('.cv-colorbar'),
    inputs: { shape: q('[name=shape]'), scale: q('[name=scale]'), strength: q('[name=strength]'), map: q('[name=map]') },
    readouts: dd,
    status: q('.cv-status'),
  };
}

/** Writes the words of `s` into the markup. */
export function relabel({ root }, s) {
  for (const el of root.querySelectorAll('[data-text]')) el.textContent = s[el.dataset.text];
  for (const el of root.querySelectorAll('[data-label]')) el.setAttribute('aria-label', s[el.dataset.label]);
  for (const el of root.querySelectorAll('[data-map]')) el.textContent = s.maps[el.dataset.map];
}

/** Shows `text` in read-out `name`, keeping the number itself in data-value (for tests and tools). */
/** @param {any} readouts @param {string} name @param {string} text @param {string | number} [value] */
function setReadout(readouts, name, text, value = '') {
  const dd = readouts[name];
  dd.textContent = text;
  dd.dataset.value = String(value);
}

/**
 * Fills the read-outs from the figure's last results: `line` and `plane` from the worker (line.stats
 * the samples' moments), `point` the pointer's { y, x, logDet, logDensity } (or null).
 */
export function showReadouts(r, { line, plane, point }) {
  if (line) {
    setReadout(r, 'max-diff', line.maxAbsDiff.toExponential(1), line.maxAbsDiff);
    setReadout(r, 'mass', line.mass.toFixed(6), line.mass);
    setReadout(r, 'mean', `${f(line.stats.mean)} (${f(line.mean)})`, line.stats.mean);
    setReadout(r, 'variance', `${f(line.stats.variance)} (${f(line.variance)})`, line.stats.variance);
  }
  if (plane) {
    setReadout(r, 'box-mass', plane.mass.toFixed(4), plane.mass);
    setReadout(r, 'inside', `${(100 * plane.inside).toFixed(1)} %`, plane.inside);
  }
  if (!point) {
    for (const k of ['at-y', 'at-x', 'log-det', 'density']) setReadout(r, k, '—');
    return;
  }
  const pair = ([a, b]) => `(${a.toFixed(2)}, ${b.toFixed(2)})`;
  setReadout(r, 'at-y', pair(point.y), point.y.join(','));
  setReadout(r, 'at-x', pair(point.x), point.x.join(','));
  setReadout(r, 'log-det', point.logDet.toFixed(3), point.logDet);
  setReadout(r, 'density', f(Math.exp(point.logDensity), 3), Math.exp(point.logDensity));
}
