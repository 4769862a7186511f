// The markup of <flow-coupling> and its labels in the page's language.
import { TARGETS, fill } from './strings.js';
import { CURVE_KEYS } from './draw.js';
import { formatNats } from './data.js';

export const READOUTS = ['step', 'nll', 'base', 'logdet', 'entropy', 'kl', 'params', 'rate'];
const READ_LABEL = {
  step: 'readStep',
  nll: 'readNll',
  base: 'readBase',
  logdet: 'readLogdet',
  entropy: 'readEntropy',
  kl: 'readKl',
  params: 'readParams',
  rate: 'readRate',
};

const PANEL = (name, extra = '') =>
  `<figure class="fc-panel fc-${name}"><figcaption></figcaption><canvas></canvas>${extra}</figure>`;
const SLIDER = `<label class="fc-layer-label"><span></span> <input class="fc-layer" type="range" min="0" max="8" step="1" value="8"><output class="fc-layer-value"></output></label>`;

/** Builds the figure's elements inside `root`; returns the parts the element talks to. */
export function buildDom(root) {
  root.innerHTML = `<div class="fc">
  <div class="fc-bar">
    <label class="fc-target-label"><span></span> <select class="fc-target">${TARGETS.map(
      (t) => `<option value="${t}"></option>`,
    ).join('')}</select></label>
    <button type="button" class="fc-play" aria-pressed="false"></button>
    <button type="button" class="fc-reset"></button>
    <progress class="fc-progress" max="1" value="0"></progress>
    <span class="fc-status" role="status"></span>
  </div>
  <div class="fc-panels">${PANEL('layers', SLIDER)}${PANEL('samples')}${PANEL('density')}</div>
  <div class="fc-curves"><p class="fc-plot-title"></p><canvas></canvas><ul class="fc-key">${CURVE_KEYS.map(
    (k, i) => `<li data-series="${i}"><i></i><span></span></li>`,
  ).join('')}</ul><p class="fc-note"></p></div>
  <dl class="fc-readouts">${READOUTS.map((k) => `<div data-key="${k}"><dt></dt><dd>—</dd></div>`).join('')}</dl>
</div>`;
  const $ = (sel) => root.querySelector(sel);
  return {
    target: $('.fc-target'),
    play: $('.fc-play'),
    reset: $('.fc-reset'),
    progress: $('.fc-progress'),
    status: $('.fc-status'),
    layer: $('.fc-layer'),
    layerValue: $('.fc-layer-value'),
    canvases: {
      layers: $('.fc-layers canvas'),
      samples: $('.fc-samples canvas'),
      density: $('.fc-density canvas'),
      curves: $('.fc-curves canvas'),
    },
    root,
  };
}

/**
 * Writes every label of the language `s`; `layers` and `k` fill the layer caption; the key of −H
 * shows only when the entropy is known.
 */
export function relabel(dom, s, { playing, layers, k, entropy }) {
  const q = (sel) => dom.root.querySelector(sel);
  q('.fc-target-label > span').textContent = s.target;
  for (const option of dom.target.options) option.textContent = s.targets[option.value];
  dom.play.textContent = playing ? s.pause : s.train;
  dom.play.setAttribute('aria-pressed', String(playing));
  dom.reset.textContent = s.reset;
  q('.fc-layer-label > span').textContent = s.layer;
  dom.layerValue.textContent = `${k} / ${layers}`;
  const caption = k === 0 ? s.layerData : k === layers ? s.layerBase : s.layerMid;
  q('.fc-layers figcaption').textContent = fill(caption, { k, L: layers });
  q('.fc-samples figcaption').textContent = s.samplesTitle;
  q('.fc-density figcaption').textContent = s.densityTitle;
  q('.fc-plot-title').textContent = s.plotTitle;
  q('.fc-note').textContent = s.plotNote;
  dom.root.querySelectorAll('.fc-key li').forEach((li, i) => {
    li.querySelector('span').textContent = s[CURVE_KEYS[i]];
    li.hidden = CURVE_KEYS[i] === 'seriesBound' && !Number.isFinite(entropy);
  });
  for (const key of READOUTS) q(`[data-key=${key}] dt`).textContent = s[READ_LABEL[key]];
}

/** Fills the readouts from the latest numbers (`values`: step, evaluation, params, rate). */
export function showReadouts(dom, s, { step, evaluation: e, params, rate }) {
  const set = (key, value, text) => {
    const dd = dom.root.querySelector(`[data-key=${key}] dd`);
    dd.textContent = text;
    dd.dataset.value = Number.isFinite(value) ? String(value) : '';
  };
  set('step', step, Number.isFinite(step) ? String(step) : '—');
  set('nll', e?.nll, e ? `${formatNats(e.nll)} ± ${formatNats(e.nllSem)}` : '—');
  set('base', e?.base, formatNats(e?.base));
  set('logdet', e?.logDet, formatNats(e?.logDet));
  set('entropy', e?.entropy, e && e.entropy === null ? s.unknown : formatNats(e?.entropy));
  set('kl', e?.kl, e && e.kl === null ? s.unknown : formatNats(e?.kl));
  set('params', params, Number.isFinite(params) ? String(params) : '—');
  set('rate', rate, Number.isFinite(rate) ? `${Math.round(rate)} ${s.perSecond}` : '—');
}
