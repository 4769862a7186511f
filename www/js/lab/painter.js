// Painting a lab's state: the figures, the plots and the numbers, from the session's data. Each
// part is redrawn only when asked (lab.js tracks what changed); the density views only when the
// snapshot to show changes, since they are the costliest to draw.
import { LAB_SETTINGS } from '../lab-settings.js';
import { BUDGET } from './config.js';
import { drawCheckPlot, drawLossPlot, drawNllPlot } from './plots.js';
import { sig } from './readouts.js';
import { textOf } from './strings.js';

/**
 * createPainter(ui, data, { flowFigure, densityFigure, readouts }) -> { flow, density,
 * trainingPlots, check, numbers }, each taking the context { theme, settings, training, version,
 * drawn, lang, words } (density also `force`, to redraw an unchanged snapshot after a resize, a
 * theme change or a switch of language).
 */
export function createPainter(ui, data, { flowFigure, densityFigure, readouts }) {
  let shownSnapshot = null;

  /** The flow figure at the current t. */
  const flow = ({ theme, settings, drawn }) => {
    if (ui.sections.flow.hidden) return;
    const views = settings.views;
    flowFigure.draw({
      theme,
      t: settings.t,
      base: views.includes('flow') ? data.model?.base : null,
      frames: views.includes('flow') ? data.frames : null,
      target: data.model?.target,
      arrows: views.includes('field') && data.arrows ? data.arrows : null,
      trails: settings.trails ? BUDGET.trails : 0,
      selected: data.selected,
      drawn,
    });
  };

  /** The snapshot nearest to t; redrawn only when it changes (or on a resize or theme change). */
  const density = ({ theme, settings }, force) => {
    if (ui.sections.density.hidden) return;
    const times = BUDGET.densityTimes;
    let best = -1;
    for (let i = 0; i < times.length; i++) {
      if (data.snapshots[i] && (best < 0 || Math.abs(times[i] - settings.t) < Math.abs(times[best] - settings.t)))
        best = i;
    }
    const snapshot = best >= 0 ? data.snapshots[best] : null;
    if (snapshot === shownSnapshot && !force) return;
    shownSnapshot = snapshot;
    if (snapshot) densityFigure.draw(snapshot, data.model, theme);
    else densityFigure.clear();
    // What is on screen, for tests and scripts.
    ui.sections.density.dataset.t = snapshot ? String(snapshot.t) : '';
    ui.sections.density.dataset.step = snapshot ? String(snapshot.step) : '';
  };

  /** What the density views show, and what is being computed for them. */
  const densityText = (settings, words) => {
    const s = shownSnapshot;
    const job = data.densityJob;
    const working = job ? words.densityUpdating(job.step, job.done, job.total) : '';
    if (!s) return data.model ? `${words.densityComputing}${working}` : '';
    const nearestTo = s.t === settings.t ? null : settings.t.toFixed(2);
    return `${words.densityShown({ t: s.t.toFixed(1), nearestTo, step: s.step })}${working}`;
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
  const numbers = ({ settings, training, version, lang, words }) => {
    const snapshot = shownSnapshot;
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
    const state = data.model
      ? words.status(version, learnt, training, data.step)
      : version && words.statusNoModel(version);
    ui.status.textContent = version ? state : words.loading;
    const note = densityText(settings, words);
    if (ui.densityNote.textContent !== note) ui.densityNote.textContent = note;
  };

  return { flow, density, trainingPlots, check, numbers };
}
