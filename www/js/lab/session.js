// The lab's computations, in order: build a model, train it in rounds, and after each round move
// the particles and recompute both density views for the newest network whenever the last
// refresh is done. Everything runs in workers; this module only sequences the requests, keeps
// their results in `data` and reports through callbacks.
import { BUDGET, arrowGrid, filmNodes, filmSolver, filmTimes, frameTimes, modelOptions, solverOptions } from './config.js';
import { computeFilms } from './films.js';
import { createLossHistory } from './plots.js';
import { createRunner } from './runner.js';
import { shippedModel } from './weights.js';

const GRID = arrowGrid();
/** The read-out's exact log p: DOPRI5 at tolerances far below the views' own errors. */
const EXACT_SOLVER = Object.freeze({ method: 'dopri5', rtol: 1e-8, atol: 1e-10 });

/**
 * createSession({ client, densityClients, progress, say(key, message|null), onUpdate(what), words })
 * -> the session. `client` trains and moves particles; `densityClients()` resolves to the pool of
 * started workers that compute the density films of a copy of the network. `what` is 'model', 'training',
 * 'frames', 'density', 'field' or 'check'; words() gives the lab's words (strings.js) in the
 * language of the moment.
 */
export function createSession({ client, densityClients, progress, say, onUpdate, words }) {
  const data = {
    model: null, // { info, params, base, target, triangles, n, settings (it was built with) }
    step: 0,
    history: createLossHistory(),
    evaluations: [], // { step, nll, entropy, kl, ... }
    frames: null, // { times, positions, step }
    films: null, // both density views at every frame time, for the network at films.step (films.js)
    densityJob: null, // { step } while the density films are being computed
    arrows: null, // { points, spacing, velocity, t }
    check: null,
    selected: -1,
    trained: false, // whether the model started from shipped weights
    hovered: -1, // the particle under the pointer (its trajectory is drawn)
  };
  let settings = null;
  let generation = 0;
  let training = false;
  let goal = 0; // the step at which training stops by itself (0: never)
  let finished = false; // training stopped because it reached its goal
  let looping = false;
  let again = false;
  /** @type {(value?: unknown) => void} */
  /** @type {(value?: unknown) => void} */
  let woken = () => {}; // ends a loop's wait for the density views, when training starts
  let configuring = false;
  let trainingBar = null; // the progress task of a run towards `goal`
  let densityRun = null; // the promise of the running refreshDensities
  let filmsComputed = 0; // how many refreshes have finished, as an id of each
  let wanted = true; // whether the density views are shown (and so computed)
  const field = { busy: false, wanted: null };

  const runner = createRunner({
    progress,
    say,
    isCurrent: (g) => g === generation,
    onBar: () => (trainingBar = null),
  });
  const cancel = runner.cancel;
  const run = (name, args, options) => runner.run(name, args, { on: client, ...options });

  /** `steps` training steps; a run towards a goal shows one progress bar until it stops. */
  const trainRound = async (g, steps) => {
    const { chunk, chunkMs, evalEvery, evaluation } = BUDGET;
    const args = { steps, chunk, chunkMs, evalEvery, evaluation };
    if (goal && !trainingBar) {
      const until = goal;
      trainingBar = progress.begin(() => words().trainingTo(until), { onCancel: () => stop() });
    }
    const onProgress = (d) => {
      data.history.add(d.losses);
      data.step = d.step;
      if (d.evaluation) data.evaluations.push(d.evaluation);
      if (goal) trainingBar?.update(d.step / goal);
      onUpdate('training');
    };
    const result = await run('train', args, { g, onProgress });
    if (!result && g === generation) stop();
    return result;
  };

  const refreshFrames = async (g) => {
    const args = { times: frameTimes(), solver: solverOptions(settings), block: BUDGET.block };
    const task = training ? null : () => words().moving;
    const result = await run('frames', args, { g, task });
    if (!result) return false;
    data.frames = result;
    onUpdate('frames');
    return true;
  };

  /**
   * The density films of the network as it is now, on the density workers (with a progress bar
   * unless training goes on meanwhile); resolves to whether they were computed. One at a time.
   */
  const refreshDensities = (g) => {
    densityRun ??= densities(g).finally(() => {
      densityRun = null;
      data.densityJob = null;
      onUpdate('density');
    });
    return densityRun;
  };

  const densities = async (g) => {
    const saved = await run('save', {}, { g });
    if (!saved) return false;
    data.densityJob = { step: saved.step };
    onUpdate('density');
    const bar = training ? null : progress.begin(() => words().computingDensities);
    try {
      const films = await computeFilms(await densityClients(), {
        bytes: saved.bytes,
        grid: { ...BUDGET.eulerian, cells: Number(settings.cells ?? BUDGET.eulerian.cells) },
        mesh: BUDGET.lagrangian,
        nodes: filmNodes(),
        times: filmTimes(),
        solver: filmSolver(settings),
      });
      if (g !== generation) return false;
      data.films = { ...films, step: saved.step, id: ++filmsComputed };
      say('densities', null);
      return true;
    } catch (error) {
      if (g === generation) say('densities', error.message);
      return false;
    } finally {
      bar?.end();
    }
  };

  /**
   * Trains while `training`, then brings the density views up to date. One loop at a time: a call
   * during a loop makes it look again before it ends.
   */
  const loop = async () => {
    if (looping) {
      again = true;
      return;
    }
    looping = true;
    try {
      do {
        again = false;
        await pass();
      } while (again);
    } finally {
      looping = false;
    }
  };

  const pass = async () => {
    for (;;) {
      const g = generation;
      if (training) {
        const steps = Math.min(BUDGET.round, goal ? goal - data.step : BUDGET.round);
        if (steps <= 0) {
          stop(true);
          continue;
        }
        if (!(await trainRound(g, steps)) || g !== generation) continue;
        await refreshFrames(g);
        refreshField();
        // The density workers follow in parallel: a refresh for the newest network whenever the
        // last one is done, so the views are never more than one refresh behind.
        if (wanted && !densityRun) refreshDensities(g);
        continue;
      }
      const current = data.films?.step === data.step && !data.films.stale;
      if (!wanted || configuring || !data.model || current) return;
      const running = densityRun;
      // Training started meanwhile (Train, or a new model) goes on at once: the refresh finishes
      // on the density workers, and the training branch starts the next one when it is done.
      const done = await Promise.race([refreshDensities(g), new Promise((wake) => (woken = wake))]);
      if (training || running) continue; // or that refresh was for an earlier network: look again
      if (!done && g === generation) return;
    }
  };

  /** Stops training; `reached` when it stopped at its goal (the status says 'finished'). */
  const stop = (reached = false) => {
    finished = reached;
    training = false;
    goal = 0;
    trainingBar?.end();
    trainingBar = null;
    cancel('train');
    onUpdate('training');
  };

  /** Starts training; with `until`, it stops by itself at that step. */
  const play = (until = 0) => {
    if (!data.model) return;
    goal = until;
    finished = false;
    training = true;
    onUpdate('training');
    woken();
    loop();
  };

  /**
   * A new model for `next` settings (and points for a drawn or loaded target), and its particles;
   * it starts from the shipped trained weights for these settings, if any (weights.js), unless
   * `fresh`. Resolves to whether it succeeded. Then play() trains it, or refresh() computes its
   * densities; `data.trained` says whether it came trained.
   */
  const configure = async (next, points, { fresh = false } = {}) => {
    settings = next;
    stop();
    cancel('frames');
    const g = ++generation;
    configuring = true;
    const shipped = fresh || points ? null : await shippedModel(next);
    const args = {
      options: modelOptions(next, points),
      particles: BUDGET.particles,
      targetSamples: BUDGET.targetSamples,
      density: { eulerian: BUDGET.eulerian, lagrangian: BUDGET.lagrangian },
      weights: shipped?.bytes,
    };
    let model;
    try {
      if (g !== generation) return false;
      model = await client.request('configure', args).promise;
    } catch (error) {
      if (g === generation) say('configure', (w) => w.configureFailed(error.message));
      return false;
    } finally {
      if (g === generation) configuring = false;
    }
    if (g !== generation) return false;
    say('configure', null);
    say('weights', model.weightsError && ((w) => w.weightsRefused(model.weightsError)));
    const trained = Boolean(shipped) && !model.weightsError;
    finished = trained && model.steps >= BUDGET.autoSteps; // shipped weights are a finished run
    Object.assign(data, { model: { ...model, n: BUDGET.lagrangian.n, settings: next }, step: model.steps });
    Object.assign(data, { frames: null, films: null, arrows: null, check: null, selected: -1, trained });
    data.history.clear();
    data.evaluations = trained ? shipped.evaluations.map((e) => ({ ...e })) : [];
    if (trained) data.history.add(shipped.losses);
    onUpdate('model');
    refreshField();
    return refreshFrames(g);
  };

  /** One training step (when paused). */
  const stepOnce = async () => {
    if (training || !data.model) return;
    const g = generation;
    if (!(await trainRound(g, 1))) return;
    await refreshFrames(g);
    refreshField();
    loop();
  };

  /** New solver settings: the particles and densities are recomputed. */
  const solverChanged = async (next) => {
    settings = next;
    if (data.films) data.films = { ...data.films, stale: true };
    if (!data.model || training) return;
    await refreshFrames(generation);
    loop();
  };

  const setLearningRate = (lr) => {
    settings = { ...settings, lr };
    if (data.model) run('setLearningRate', { lr }, { g: generation });
  };

  /** The arrows again, for a new network (if they were asked for). */
  const refreshField = () => field.t !== undefined && requestField(field.t);

  /** The arrows of v at time t; requests made while one is running collapse into the latest. */
  const requestField = async (t) => {
    field.t = t;
    if (!data.model) return;
    if (field.busy) {
      field.wanted = t;
      return;
    }
    field.busy = true;
    const g = generation;
    try {
      const r = await client.request('field', { points: GRID.points, t }).promise;
      if (g === generation) data.arrows = { ...GRID, velocity: r.velocity, t };
      onUpdate('field');
    } catch (error) {
      say('field', error.message);
    } finally {
      field.busy = false;
      const wanted = field.wanted;
      field.wanted = null;
      if (wanted !== null) requestField(wanted);
    }
  };

  /** The trajectory check of particle i (its start is base[2i], base[2i + 1]). */
  const check = async (i) => {
    const { base } = data.model;
    data.selected = i;
    onUpdate('check');
    const x0 = [base[2 * i], base[2 * i + 1]];
    const args = { x0, samples: BUDGET.checkSamples, solver: solverOptions(settings) };
    const result = await run('trajectory', args, { g: generation });
    if (result && data.selected === i) data.check = result;
    onUpdate('check');
  };

  /**
   * log p_t at `point` ([x, y]) by the core's log_density for the network as it is now, with a
   * tight adaptive solver: { logDensity, step } (null for an older model or no model).
   */
  const logDensityAt = async (point, t) => {
    if (!data.model) return null;
    const g = generation;
    const answer = await client.request('logDensity', { points: point, t, solver: EXACT_SOLVER }).promise;
    return g === generation ? { logDensity: answer.logDensity[0], step: answer.step } : null;
  };

  /** Computes the density views only while they are shown. */
  const showDensities = (on) => {
    wanted = on;
    if (on) loop();
  };

  return {
    data,
    showDensities,
    configure,
    refresh: loop,
    play,
    pause: stop,
    stepOnce,
    solverChanged,
    setLearningRate,
    requestField,
    check,
    logDensityAt,
    get training() {
      return training;
    },
    get finished() {
      return finished;
    },
  };
}
