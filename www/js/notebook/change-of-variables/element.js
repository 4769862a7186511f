// <flow-change-of-variables shape="2" scale="1" map="wave" strength="0.6">: a fixed invertible map
// φ pushes p_0 = N(0, I) to p_1(y) = p_0(x) / |det ∂φ/∂x| with x = φ^{-1}(y). Left: N(0, 1) becomes
// Gamma(k, θ) through φ = F_Γ^{-1} ∘ Φ, with the stretched ticks; right: maps of the plane.
import { createClient } from '../../kit/client.js';
import { readTheme, watchTheme } from '../../kit/theme.js';
import { observeResize } from '../../kit/view.js';
import { pick } from '../../kit/lang.js';
import { defineFigure } from '../figure-parts.js';
import { watchVisibility } from '../../kit/visible.js';
import { STRINGS } from './strings.js';
import { moments } from './stats.js';
import { buildDom, relabel, showReadouts } from './dom.js';
import { ATTRIBUTES, readAttributeSettings, readSettings, wireInputs } from './inputs.js';
import { drawLinePanel } from './line.js';
import { createPlanePainter } from './plane.js';

const WORKER = new URL('./worker.js', import.meta.url);

/** The figure inside `host`; built by defineFigure, which calls destroy() when it leaves the page. */
class ChangeOfVariablesFigure {
  /** @param {HTMLElement} host */
  constructor(host) {
    this.host = host;
    this.dom = buildDom(host);
    host.dataset.state = 'waiting';
    this.line = null; // the last results of the worker
    this.plane = null;
    this.pointer = null; // the probe y on the plane, and its values there
    this.point = null;
    this.view = null;
    this.client = null;
    this.painter = createPlanePainter();
    this.runs = {}; // per request kind: { busy, again }, so that only the latest settings are computed
    const { values, notes } = readAttributeSettings(host);
    this.notes = notes;
    wireInputs(values, this.dom, {
      changed: (kind) => this.schedule(kind),
      probe: (y) => ((this.pointer = y), this.schedule('at')),
      view: () => this.view,
    });
    this.relabel();
    this.setStatus('');
    const stops = [
      watchTheme(() => this.redraw()),
      observeResize(this.dom.lineCanvas, () => this.redraw('line')),
      observeResize(this.dom.planeCanvas, () => this.redraw('plane')),
      watchVisibility(host, { onShow: () => this.start() }),
    ];
    this.stop = () => stops.forEach((s) => s());
  }

  destroy() {
    this.stop();
    this.client?.terminate();
    this.client = null;
    this.dom = null;
    this.host.replaceChildren();
  }

  get s() {
    return pick(STRINGS, this.host);
  }

  start() {
    if (this.client) return;
    this.client = createClient(WORKER);
    this.setStatus(this.s.loading);
    this.host.dataset.state = 'loading';
    this.schedule('line');
    this.schedule('plane');
  }

  /** Runs request `kind` now, or once more after the running one ends (with the newest settings). */
  schedule(kind) {
    if (!this.client) return;
    const run = (this.runs[kind] ??= { busy: false, again: false });
    if (run.busy) {
      run.again = true;
      return;
    }
    run.busy = true;
    const client = this.client;
    this.compute(kind)
      .catch((error) => client === this.client && this.fail(error)) // not for a stopped worker
      .finally(() => {
        run.busy = false;
        if (run.again) {
          run.again = false;
          this.schedule(kind);
        }
      });
  }

  async compute(kind) {
    const v = readSettings(this.dom.inputs);
    const request = (op, args) => this.client.request(op, args).promise;
    if (kind === 'line') {
      this.line = await request('line', { shape: v.shape, scale: v.scale, options: {} });
      this.line.stats = moments(this.line.samples);
    } else if (kind === 'plane') {
      this.plane = await request('plane', { map: v.map, strength: v.strength, options: {} });
    }
    if (this.pointer && kind !== 'line') {
      const y = this.pointer;
      const at = await request('at', { map: v.map, strength: v.strength, point: y });
      this.point = { y, x: [at.x[0], at.x[1]], logDet: at.logDet[0], logDensity: at.logDensity[0] };
    }
    if (this.line && this.plane && this.host.dataset.state !== 'ready') {
      this.host.dataset.state = 'ready';
      this.setStatus('');
    }
    this.redraw(kind === 'line' ? 'line' : 'plane');
    this.host.dataset[`${kind}Draws`] = String(Number(this.host.dataset[`${kind}Draws`] ?? 0) + 1);
  }

  fail(error) {
    if (!this.dom) return; // removed from the page meanwhile
    this.host.dataset.state = 'error';
    this.setStatus(`${this.s.failed} ${error.message}`);
  }

  /** Shows `text` after the notes about rejected attributes; hidden when both are empty. */
  setStatus(text) {
    const notes = this.notes.length ? `${this.notes.join('; ')}.` : '';
    this.dom.status.textContent = [notes, text].filter(Boolean).join(' ');
    this.dom.status.hidden = !notes && !text;
  }

  relabel() {
    if (!this.dom) return;
    relabel(this.dom, this.s);
    if (this.host.dataset.state === 'loading') this.setStatus(this.s.loading);
    this.redraw();
  }

  /** Draws one panel ('line' or 'plane') or both, and the read-outs. */
  redraw(only = null) {
    if (!this.dom) return;
    // Read now, not once: the figure's style sheets may have arrived since the last drawing.
    const theme = readTheme(this.host);
    const s = this.s;
    if (only !== 'plane') drawLinePanel(this.dom.lineCanvas, this.line, theme, s);
    const { planeCanvas, colorbar } = this.dom;
    if (only !== 'line') this.view = this.painter.draw(planeCanvas, colorbar, this.plane, theme, s, this.point);
    showReadouts(this.dom.readouts, this);
  }
}

defineFigure(
  'flow-change-of-variables',
  (host) => new ChangeOfVariablesFigure(host),
  ['./style.css'],
  import.meta.url,
  ATTRIBUTES,
);
