// <flow-coupling>: a RealNVP-style coupling flow f (data -> N(0, I)) trained in the browser by
// exact maximum likelihood, log p(x) = log N(f(x)) + log|det ∂f/∂x|. Shows the data pushed through
// the first k layers (slider), model samples f⁻¹(z) next to the data, the learned density, and the
// two terms of the log-likelihood over training with held-out NLL, entropy and KL. With its default
// settings it opens with the flow trained in advance (./shipped.js) and that run's curves; "Train
// from scratch" replays the learning live from the identity. Other settings train when shown.
//   <flow-coupling target="moons" steps="3000" layers="8" seed="0"></flow-coupling>
import { createClient } from '../../kit/client.js';
import { readTheme, watchTheme } from '../../kit/theme.js';
import { observeResize } from '../../kit/view.js';
import { createHeatmap } from '../../kit/heatmap.js';
import { langOf } from '../../kit/lang.js';
import { watchVisibility } from '../../kit/visible.js';
import { STRINGS, TARGETS, fill } from './strings.js';
import { buildDom, relabel, showReadouts } from './dom.js';
import { SECTORS, drawFigure } from './draw.js';
import { FIXED, NO_CURVES, appendCurves, sectorsOf } from './data.js';
import { shippedFlow } from './shipped.js';
import { readAttributes } from '../attributes.js';
import { defineFigure } from '../figure-parts.js';

const ATTRIBUTES = {
  target: { value: TARGETS[0], values: TARGETS },
  steps: { value: 3000, min: 100, max: 100_000 },
  layers: { value: 8, min: 1, max: 32 },
  seed: { value: 0, min: 0, max: 2 ** 31 - 1 },
};

/** The figure inside `host`; built by defineFigure, which calls destroy() when it leaves the page. */
class CouplingFigure {
  /** @param {HTMLElement} host */
  constructor(host) {
    this.host = host;
    this.dom = buildDom(host);
    const { values, notes } = readAttributes(host, ATTRIBUTES);
    this.notes = notes;
    this.dom.target.value = values.target;
    this.stepsPerRun = values.steps;
    this.layerCount = values.layers;
    this.seed = values.seed;
    Object.assign(this, { model: null, curves: NO_CURVES, playing: false, trained: false, resume: true, k: this.layerCount });
    this.client = null;
    this.frame = 0;
    this.creating = 0;
    this.heatmap = createHeatmap();
    // The colours come from the figure's style sheets: draw again once they have loaded.
    const sheets = ['../../kit/theme.css', './style.css'].map((url) => new URL(url, import.meta.url).href);
    const links = [.../** @type {NodeListOf<HTMLLinkElement>} */ (document.querySelectorAll('link[rel=stylesheet]'))];
    const redraw = () => this.schedule();
    for (const link of links.filter((l) => sheets.includes(l.href))) link.addEventListener('load', redraw);
    this.stops = [
      () => links.forEach((link) => link.removeEventListener('load', redraw)),
      watchTheme(() => this.schedule()),
      watchVisibility(host, { onShow: () => this.show(), onHide: () => this.hide() }),
      ...Object.values(this.dom.canvases).map((c) => observeResize(c, () => this.schedule())),
    ];
    this.dom.play.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    this.dom.reset.addEventListener('click', () => this.create({ fresh: true }));
    this.dom.target.addEventListener('change', () => this.create());
    this.dom.layer.addEventListener('input', () => {
      this.k = Number(this.dom.layer.value);
      this.writeWords();
      this.schedule();
    });
    this.setState('loading');
  }

  destroy() {
    this.stops.forEach((stop) => stop());
    this.client?.terminate();
    if (this.frame) cancelAnimationFrame(this.frame);
    // The stopped worker's replies and failures belong to no model any more.
    Object.assign(this, { dom: null, client: null, model: null, latest: null, frame: 0 });
    this.creating += 1;
  }

  get s() {
    return STRINGS[langOf(this.host)];
  }

  show() {
    if (!this.client) {
      this.client = createClient(new URL('./worker.js', import.meta.url));
      this.create();
    } else if (this.resume && this.model) this.play();
  }

  hide() {
    this.resume = this.playing;
    if (this.playing) this.pause();
  }

  setState(state, message = '') {
    this.host.dataset.state = state;
    this.message = message;
    this.writeWords();
  }

  /**
   * A new model for the chosen target: the shipped trained flow when there is one for these
   * settings (unless `fresh`), shown as it is; else an untrained one, which starts training.
   */
  async create({ fresh = false } = {}) {
    this.job?.cancel();
    this.playing = false;
    this.model = null; // the running job's replies are for the old model: ignored from now on
    delete this.host.dataset.drawn;
    this.setState('loading');
    const settings = { target: this.dom.target.value, layers: this.layerCount, seed: this.seed, ...FIXED };
    const token = ++this.creating; // only the latest request counts
    try {
      const shipped = fresh ? null : await shippedFlow(settings, this.stepsPerRun);
      if (token !== this.creating) return;
      const m = await this.client.request('create', { settings, weights: shipped?.bytes ?? null }).promise;
      if (token !== this.creating) return;
      this.model = { ...m, sector: sectorsOf(m.data, SECTORS) };
      this.latest = m;
      this.trained = Boolean(shipped) && m.weightsError === null;
      this.curves = this.trained ? shipped.curves : NO_CURVES;
      this.rate = undefined;
      this.k = Math.min(this.k, m.layers);
      Object.assign(this.dom.layer, { max: String(m.layers), value: String(this.k) });
      this.until = this.stepsPerRun;
      this.host.dataset.step = String(m.step);
      this.schedule();
      if (this.trained) this.setState('done');
      else this.play();
    } catch (error) {
      if (token === this.creating) this.setState('error', error.message);
    }
  }

  async play() {
    if (this.playing || !this.model) return;
    if (this.latest.step >= this.until) this.until = this.latest.step + this.stepsPerRun;
    this.playing = true;
    this.trained = false;
    this.setState('training');
    const model = this.model;
    this.job = this.client.request('train', { until: this.until }, { onProgress: (d) => this.progress(model, d) });
    try {
      const { step } = await this.job.promise;
      if (model !== this.model) return;
      this.playing = false;
      this.setState(step >= this.until ? 'done' : 'paused');
    } catch (error) {
      if (model !== this.model) return;
      this.playing = false;
      this.setState('error', error.message);
    }
  }

  pause() {
    this.job?.cancel();
    this.playing = false;
    this.setState('paused');
  }

  progress(model, data) {
    if (model !== this.model) return;
    this.curves = appendCurves(this.curves, data.curves);
    if (Number.isFinite(data.rate)) this.rate = data.rate;
    this.latest = data;
    this.host.dataset.step = String(data.step);
    this.schedule();
  }

  /** The words again in the language now in force, the canvases' labels at the next frame. */
  relabel() {
    this.writeWords();
    this.schedule();
  }

  writeWords() {
    if (!this.dom) return;
    const s = this.s;
    const entropy = this.model?.info.entropy ?? null;
    const layers = this.model?.layers ?? this.layerCount;
    relabel(this.dom, s, { playing: this.playing, layers, k: this.k, entropy });
    const state = this.host.dataset.state;
    const done = this.trained ? fill(s.trained, { n: this.latest?.step ?? 0 }) : s.done;
    const text = { loading: s.loading, training: s.training, paused: s.paused, done };
    const status = state === 'error' ? fill(s.failed, { msg: this.message }) : (text[state] ?? '');
    this.dom.status.textContent = this.notes.length ? `${this.notes.join('; ')}. ${status}` : status;
    this.dom.root.querySelector('.fc').classList.toggle('fc-error', state === 'error');
    if (this.model?.weightsError) this.dom.status.textContent += ` ${fill(s.weightsRefused, { msg: this.model.weightsError })}`;
    if (this.latest) {
      const numbers = { step: this.latest.step, evaluation: this.latest.evaluation, params: this.model?.params, rate: this.rate };
      showReadouts(this.dom, s, numbers);
    }
  }

  schedule() {
    if (this.frame || !this.dom) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  draw() {
    const { model, latest, dom } = this;
    if (!model || !latest || !dom) return;
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    const state = { model, latest, k: this.k, curves: this.curves, heatmap: this.heatmap };
    drawFigure(dom.canvases, state, { theme: readTheme(this.host), s: this.s, dark });
    dom.progress.value = Math.min(1, latest.step / this.until);
    this.host.dataset.drawn = String(latest.step);
    this.writeWords();
  }
}

defineFigure('flow-coupling', (host) => new CouplingFigure(host), ['./style.css'], import.meta.url, Object.keys(ATTRIBUTES));
