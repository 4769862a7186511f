// Painting a lab's state: the figures, the plots and the numbers, from the session's data. Each
// part is redrawn only when asked (lab.js tracks what changed); the density views only when the
// frame to show changes, since they are the costliest to draw.
import { LAB_SETTINGS } from '../lab-settings.js';
import { BUDGET } from './config.js';
import { frameAt } from './films.js';
import { drawCheckPlot, drawLossPlot, drawNllPlot } from './plots.js';
import { fieldApart } from './layout.js';
import { sig } from './readouts.js';
import { textOf } from './strings.js';

/**
 * createPainter(ui, data, { flowFigure, fieldFigure, densityFigure, readouts }) -> { flow, density,
 * trainingPlots, check, numbers, shownFrame (the density films' frame on screen, or null) }, each
 * taking the context { theme, settings, training, finished, version, drawn, lang, words } (density
 * also `force`, to redraw an unchanged snapshot after a resize, a
 * theme change or a switch of language).
 */
export function createPainter(ui, data, { flowFigure, fieldFigure, densityFigure, readouts }) {
  /** @type {{ films: any, k: number, frame: any }} */
  let shown = { films: null, k: -1, frame: null };

  /** The flow figure at the current t. */
  const flow = ({ theme, settings, drawn }) => {
    if (ui.sections.flow.hidden) return;
    ui.flowCanvas.dataset.hovered = String(data.hovered); // for tests and scripts
    const views = settings.views;
    const apart = fieldApart(views);
    const state = {
      theme,
      t: settings.t,
      base: views.includes('flow') ? data.model?.base : null,
      frames: views.includes('flow') ? data.frames : null,
      target: data.model?.target,
      arrows: views.includes('field') && !apart && data.arrows ? data.arrows : null,
      trails: settings.trails ? BUDGET.trails : 0,
      selected: data.selected,
      hovered: data.hovered,
      drawn,
    };
    flowFigure.draw(state);
    // The field apart: its arrows over the particles at t, without trajectories.
    if (apart) fieldFigure.draw({ ...state, arrows: data.arrows, trails: 0, selected: -1 });
  };

  /** The films' frame at t (one per step of the t slider); redrawn only when it changes. */
  const density = ({ theme, settings }, force) => {
    if (ui.sections.density.hidden) return;
    const films = data.films;
    const frame = films ? frameAt(films, settings.t) : null;
    const k = frame ? frame.k : -1;
    if (shown.films === films && shown.k === k && !force) return;
    shown = { films, k, frame };
    if (frame) densityFigure.draw(frame, data.model, theme);
    else densityFigure.clear();
    // What is on screen, for tests and scripts.
    ui.sections.density.dataset.t = frame ? String(frame.t) : '';
    ui.sections.density.dataset.step = frame ? String(frame.step) : '';
    ui.sections.density.dataset.ms = films ? String(Math.round(films.ms)) : '';
    ui.sections.density.dataset.films = films ? String(films.id) : '';
  };

  /** What the density views show, and what is being computed for them. */
  const densityText = (words) => {
    const frame = shown.frame;
    const job = data.densityJob;
    const working = job && job.step !== frame?.step ? words.densityUpdating(job.step) : '';
    if (!frame) return data.model ? `${words.densityComputing}${working}` : '';
    const seconds = (shown.films.ms / 1000).toFixed(2);
    return `${words.densityShown({ t: frame.t.toFixed(2), step: frame.step, seconds })}${working}`;
  };

  const trainingPlots = ({ theme, words }) => {
    if (ui.sections.plots.hidden) return;
    drawLossPlot(ui.plotCanvases.loss, data.history, theme, words);
    drawNllPlot(ui.plotCanvases.nll, data.evaluations, data.model?.info.entropy ?? null, theme, words);
  };

  const check = ({ theme, words }) => {
    const { check: result, selected, model } = data;
    if (!ui.sections.plots.hidden) drawCheckPlot(ui.plotCanvases.check, result, theme, words);
    if (selected < 0 || !model) {
      ui.checkNote.textContent = words.checkHint;
      return;
    }
    const [x, y] = [model.base[2 * selected], model.base[2 * selected + 1]];
    const from = words.checkFrom(selected + 1, x.toFixed(2), y.toFixed(2));
    ui.checkNote.textContent = result ? words.checkDone(from, result.maxGap.toExponential(2)) : words.checking(from);
    ui.checkNote.dataset.gap = result ? String(result.maxGap) : '';
  };

  /** The read-outs, the counter, the status line and the note under the density views. */
  const numbers = ({ training, finished, version, lang, words }) => {
    const snapshot = shown.frame;
    const evaluation = data.evaluations[data.evaluations.length - 1];
    const loss = data.history.last(50);
    readouts.set('step', data.model ? data.step : null, String(data.step));
    readouts.set('loss', loss, sig(loss, 4));
    readouts.set('nll', evaluation?.nll, evaluation && words.natsAt(sig(evaluation.nll, 4), evaluation.step));
    readouts.set('entropy', data.model?.info.entropy, words.nats(sig(data.model?.info.entropy, 4)));
    readouts.set('kl', evaluation?.kl, words.nats(sig(evaluation?.kl, 3)));
    readouts.set('mass', snapshot?.mass, sig(snapshot?.mass, 5));
    readouts.set('outflow', snapshot?.outflow, sig(snapshot?.outflow, 3));
    readouts.set('l1', snapshot?.l1, sig(snapshot?.l1, 3));
    readouts.set('maxRelative', snapshot?.maxRelative, sig(snapshot?.maxRelative, 3));
    readouts.set('params', data.model?.params, data.model?.params.toLocaleString('en'));
    ui.counter.textContent = data.model ? words.counter(data.step, Number.isFinite(loss) && sig(loss, 3)) : '';
    const learnt = data.model && textOf(LAB_SETTINGS[0].labels[data.model.settings.target], lang);
    const state = training ? 'training' : finished ? 'finished' : 'paused';
    ui.status.textContent = !version ? words.loading : data.model ? words.status(learnt, state, data.step) : words.statusNoModel;
    ui.status.dataset.state = version && data.model ? state : ''; // the same in every language, for tests
    ui.status.title = version ? words.coreVersion(version) : ''; // for developers, out of the way
    const note = densityText(words);
    if (ui.densityNote.textContent !== note) ui.densityNote.textContent = note;
  };

  return { flow, density, trainingPlots, check, numbers, shownFrame: () => shown.frame };
}
