// <flow-steps>: Euler, midpoint, RK4 and DOPRI5 at a chosen number of function evaluations, on
// three models (independent pairs, minibatch-OT pairs, the first reflowed once): samples, energy
// distance, NLL, how straight the paths are, and the solvers' orders on v = A x. One script tag
// embeds it:
//
//   <script type="module" src=".../js/notebook/steps/element.js"></script>
//   <flow-steps nfe="4" scheme="euler"></flow-steps>
import { createClient } from '../../kit/client.js';
import { pick } from '../../kit/lang.js';
import { createProgress } from '../../kit/progress.js';
import { watchTheme } from '../../kit/theme.js';
import { observeResize } from '../../kit/view.js';
import { watchVisibility } from '../../kit/visible.js';
import { readAttributes } from '../attributes.js';
import { createStatus, defineFigure, request, setReadout } from '../figure-parts.js';
import { drawAgainstNfe, drawSamples } from './draw.js';
import { READOUTS, TEMPLATE } from './layout.js';
import { COUPLINGS, LADDER, observedOrder, PER_STEP, SCHEMES, spendsExactly, stepsFor } from './schemes.js';
import { STEPS_STRINGS } from './strings.js';

const SETTINGS = {
  scheme: { value: 'euler', values: [...SCHEMES] },
  nfe: { value: 4, min: 1, max: 64 },
  points: { value: 500, min: 50, max: 2000 },
  'train-steps': { value: 1500, min: 0, max: 20000 },
  width: { value: 64, min: 8, max: 256 },
  seed: { value: 0, min: 0, max: 2 ** 31 - 1 },
};
const TRACKED = 12; // paths drawn per model
/** How each model's lines are drawn in the quality plot (independent: solid). */
const DASH = { independent: undefined, ot: [6, 4], reflow: [2, 3] };

function createStepsFigure(host) {
  const { values: settings, notes } = readAttributes(host, SETTINGS);
  host.innerHTML = TEMPLATE;
  const $ = (selector) => host.querySelector(selector);
  const [schemeSelect, slider] = [$('.fs-scheme'), $('.fs-slider')];
  const canvases = {
    independent: $('.fs-independent'),
    ot: $('.fs-ot'),
    reflow: $('.fs-reflow'),
    quality: $('.fs-quality'),
    orders: $('.fs-orders'),
  };
  const progress = createProgress($('.fs-progress'));
  schemeSelect.value = settings.scheme;
  slider.max = String(LADDER.length - 1);
  slider.value = String(Math.max(0, LADDER.filter((b) => b <= settings.nfe).length - 1));
  const state = { box: null, studies: null, linear: null, theme: null };
  let client = null;
  let frame = 0;
  let destroyed = false;
  const words = () => pick(STEPS_STRINGS, host);
  const chosenNfe = () => LADDER[Number(slider.value)];
  const status = createStatus($('.nb-status'), words, notes);
  const fmt = (v, d = 3) => (Number.isFinite(v) ? v.toPrecision(d) : '—');
  const colorOf = (scheme) => state.theme.series[SCHEMES.indexOf(scheme)];

  /** The rows of a study at budgets the scheme spends exactly (so each point is its own cost). */
  const exactBudgets = (study) => study.rows.filter((r) => r.spent === r.nfe);
  /** The observed order of each scheme on v = A x, over the budgets it spends exactly. */
  const orders = () =>
    SCHEMES.map((s) => observedOrder(LADDER, LADDER.map((b, i) => (spendsExactly(s, b) ? state.linear[s][i] : NaN))));

  function showTable(nfe) {
    const w = words();
    $('.fs-table-caption').textContent = w.table.caption(nfe);
    for (const th of host.querySelectorAll('[data-word]')) th.textContent = w.table[th.dataset.word];
    for (const th of host.querySelectorAll('[data-coupling-head]')) th.textContent = w.table.couplings[th.dataset.couplingHead];
    for (const tr of host.querySelectorAll('tr[data-scheme]')) {
      const scheme = /** @type {typeof SCHEMES[number]} */ (tr.dataset.scheme);
      tr.querySelector('th').textContent = w.short[scheme];
      tr.toggleAttribute('data-chosen', scheme === schemeSelect.value);
      for (const td of tr.querySelectorAll('td')) {
        const row = state.studies?.[td.dataset.coupling][scheme].rows.find((r) => r.nfe === nfe);
        const value = row ? (td.dataset.metric === 'energy' ? row.energyDistance : row.nll) : NaN;
        td.textContent = fmt(value, td.dataset.metric === 'energy' ? 3 : 4);
        td.dataset.value = String(value);
        td.dataset.spent = String(row?.spent ?? NaN);
      }
    }
  }

  function showReadouts(nfe) {
    const scheme = schemeSelect.value;
    const steps = stepsFor(scheme, nfe);
    $('.fs-nfe').textContent = String(nfe);
    setReadout(host, 'nfe', String(nfe), { value: nfe });
    setReadout(host, 'steps', `${steps} × ${PER_STEP[scheme]} = ${steps * PER_STEP[scheme]}`, { value: steps });
    const straight = (c) => state.studies?.[c].euler.lengthOverChord ?? NaN;
    setReadout(host, 'straightIndependent', fmt(straight('independent'), 4), { value: straight('independent') });
    setReadout(host, 'straightOt', fmt(straight('ot'), 4), { value: straight('ot') });
    setReadout(host, 'straightReflow', fmt(straight('reflow'), 4), { value: straight('reflow') });
    const p = state.linear ? orders() : [];
    setReadout(host, 'orders', p.length ? p.map((v) => fmt(v)).join(' · ') : '—', { value: p.join(',') });
  }

  function draw() {
    frame = 0;
    if (!state.theme) return;
    const w = words();
    const nfe = chosenNfe();
    const scheme = schemeSelect.value;
    const steps = stepsFor(scheme, nfe);
    COUPLINGS.forEach((coupling, c) => {
      const study = state.studies?.[coupling][scheme];
      const row = study?.rows.find((r) => r.nfe === nfe);
      const title = steps > 0 ? w.panel(w.couplings[coupling], w.short[scheme], nfe) : w.noStep(w.couplings[coupling], w.short[scheme], nfe);
      const frames = study ? study.paths.length / (2 * TRACKED) : 0;
      drawSamples(canvases[coupling], { box: state.box, data: study?.data, samples: row?.samples, paths: study?.paths, frames, title, color: state.theme.series[c] }, state.theme, w);
    });
    const quality = [];
    for (const coupling of COUPLINGS) {
      for (const s of SCHEMES) {
        const rows = state.studies ? exactBudgets(state.studies[coupling][s]) : [];
        quality.push({
          label: coupling === 'independent' ? w.short[s] : '',
          x: rows.map((r) => Math.log2(r.nfe)),
          y: rows.map((r) => r.energyDistance),
          color: colorOf(s),
          dash: DASH[coupling],
        });
      }
    }
    quality.push({ label: w.otDashed, x: [], y: [], color: state.theme.muted, dash: DASH.ot });
    quality.push({ label: w.reflowDotted, x: [], y: [], color: state.theme.muted, dash: DASH.reflow });
    drawAgainstNfe(canvases.quality, quality, { nfe, title: w.qualityTitle, yLabel: w.energyAxis }, state.theme, w);
    const p = state.linear ? orders() : [];
    const linear = SCHEMES.map((s, i) => {
      const keep = LADDER.map((b) => spendsExactly(s, b));
      return {
        label: state.linear ? w.slope(w.short[s], p[i]) : w.short[s],
        x: LADDER.filter((_, j) => keep[j]).map(Math.log2),
        y: state.linear ? state.linear[s].filter((_, j) => keep[j]) : [],
        color: colorOf(s),
      };
    });
    // The four lines cross the whole plot: their key above it.
    drawAgainstNfe(canvases.orders, linear, { nfe, title: w.ordersTitle, yLabel: w.errorAxis, keyAbove: true }, state.theme, w);
    showTable(nfe);
    showReadouts(nfe);
  }
  const invalidate = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  function relabel() {
    const w = words();
    $('.fs-scheme-label').textContent = w.scheme;
    $('.fs-slider-label').textContent = w.slider;
    slider.setAttribute('aria-label', w.slider);
    for (const option of schemeSelect.options) option.textContent = w.schemes[option.value];
    for (const key of READOUTS) host.querySelector(`dt[data-key="${key}"]`).textContent = w.keys[key];
    $('.nb-caption').textContent = w.caption;
    status.again();
    invalidate();
  }

  const run = (op, args, options) => request(client, progress, op, args, options);

  async function start() {
    host.dataset.state = 'loading';
    client = createClient(new URL('./worker.js', import.meta.url));
    await run('init', {});
    host.dataset.state = 'training';
    const total = settings['train-steps'] * COUPLINGS.length;
    status.say('training', 0, total, NaN);
    const trained = await run('train', { steps: settings['train-steps'], width: settings.width, seed: settings.seed }, {
      label: words().trainingTask,
      fraction: 0,
      onProgress: (p, task) => {
        status.say('training', p.done, p.total, p.loss);
        task?.update(p.done / p.total);
      },
    });
    state.box = trained.box;
    host.dataset.state = 'computing';
    status.say('studying', 0, COUPLINGS.length * SCHEMES.length);
    const result = await run('study', { nfes: [...LADDER], n: settings.points, tracked: TRACKED, seed: settings.seed + 1 }, {
      label: words().studyTask,
      fraction: 0,
      onProgress: (p, task) => {
        status.say('studying', p.done, p.total);
        task?.update(p.done / p.total);
      },
    });
    state.studies = result.studies;
    state.linear = result.linear;
    status.say('ready');
    host.dataset.state = 'ready';
    invalidate();
  }

  let started = false;
  const stops = [
    watchTheme((theme) => {
      state.theme = theme;
      invalidate();
    }, host),
    ...Object.values(canvases).map((canvas) => observeResize(canvas, invalidate)),
    watchVisibility(host, {
      onShow: () => {
        if (started) return;
        started = true;
        start().catch((error) => {
          if (destroyed) return;
          host.dataset.state = 'error';
          status.say('failed', error.message);
        });
      },
    }),
  ];
  slider.addEventListener('input', invalidate);
  schemeSelect.addEventListener('change', invalidate);
  status.say('loading');
  relabel();
  return {
    relabel,
    destroy() {
      destroyed = true;
      stops.forEach((stop) => stop());
      if (frame) cancelAnimationFrame(frame);
      client?.terminate();
    },
  };
}

defineFigure('flow-steps', createStepsFigure, ['./style.css'], import.meta.url, Object.keys(SETTINGS));
