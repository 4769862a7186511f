// One FlowLab figure: the settings, a worker session that computes, and the drawing of its state
// in animation frames. The main thread never computes more than what it draws.
import { onActivate, setDisabled } from '../kit/disabled.js';
import { LAB_SETTINGS } from '../lab-settings.js';
import { defaults, parseHash, toHash } from '../kit/settings.js';
import { createProgress } from '../kit/progress.js';
import { watchTheme } from '../kit/theme.js';
import { observeResize } from '../kit/view.js';
import { createClient } from '../kit/client.js';
import { BOX, BUDGET, MODEL_KEYS, SOLVER_KEYS } from './config.js';
import { createControls } from './controls.js';
import { createCustomTarget } from './custom-target.js';
import { createDensityFigure } from './density-figure.js';
import { MAX_POINTS, decodeDrawing, encodeDrawing, splitDrawing, withDrawing } from './drawing-link.js';
import { copyText } from '../kit/copy.js';
import { createFlowFigure } from './flow-figure.js';
import { buildLayout, fieldApart, labelLayout } from './layout.js';
import { createMessages } from './messages.js';
import { createPainter } from './painter.js';
import { createProbe } from './probe.js';
import { createThumbnails, thumbnailRequest } from './thumbnails.js';
import { createReadouts } from './readouts.js';
import { createSession } from './session.js';
import { wordsFor } from './strings.js';

const FORM_KEYS = new Set(LAB_SETTINGS.map((s) => s.key).filter((k) => k !== 't'));
const PLAY_SECONDS = 4; // t runs from 0 to 1 in this time at speed 1x

/**
 * Builds a lab in `host`. Options: { settings (all keys), defaults (what 'Restore defaults'
 * restores, over the table's defaults), notes (messages about rejected settings), hide: parts to
 * leave out ('controls', 'toolbar', 'readouts'), syncHash (keep the settings in the page's URL
 * hash), autostart (train on load), linkBase (the page a link opens), deferred (lay out the
 * figure now, so that it takes its room at once, but start the workers only at begin()) }. The
 * lab speaks the language of `host` (its nearest `lang` attribute) and follows the page's
 * switches of language. Returns { destroy, relabel, begin } (relabel: the words again in the
 * language now in force).
 */
export function createLab(host, options) {
  const { notes = [], hide = [], syncHash = false, autostart = true, linkBase = location.href } = options;
  const initial = { ...defaults(LAB_SETTINGS), ...options.defaults };
  let settings = { ...options.settings };
  let { lang, words } = wordsFor(host);
  const currentWords = () => words;
  const progressWords = () => ({ cancel: words.cancel, cancelLabel: words.cancelTask });
  const ui = buildLayout(host);
  labelLayout(ui, words);
  const { say, relabel: relabelMessages } = createMessages(ui.messages, currentWords);
  const workerUrl = new URL('./worker.js', import.meta.url);
  // The training worker starts with the first request (begin()), so a deferred lab costs nothing.
  /** @type {ReturnType<typeof createClient> | null} */
  let trainer = null;
  const client = {
    /** @type {ReturnType<typeof createClient>['request']} */
    request: (op, args, options) => (trainer ??= createClient(workerUrl)).request(op, args, options),
    terminate: () => trainer?.terminate(),
  };
  // The density workers start when the views are first computed: as many as the machine has cores.
  const cores = globalThis.navigator?.hardwareConcurrency || 1;
  let densityPool = null;
  const densityClients = () => {
    densityPool ??= (async () => {
      const count = Math.max(1, Math.min(BUDGET.densityWorkers, cores));
      const clients = Array.from({ length: count }, () => createClient(workerUrl));
      await Promise.all(clients.map((c) => c.request('init').promise));
      return clients;
    })();
    return densityPool;
  };
  const progress = createProgress(ui.progress, { words: progressWords() });
  const readouts = createReadouts(ui.readouts, words);
  const flowFigure = createFlowFigure(ui.flowCanvas);
  const fieldFigure = createFlowFigure(ui.fieldCanvas);
  const densityFigure = createDensityFigure(ui.densityPanels, words);
  const dirty = new Set();
  let theme = null;
  let frame = 0;
  let playing = null; // { start: performance.now(), t0 } while t plays
  let version = '';
  let ready = false;
  let started = false; // the core is loaded and the first model requested
  let destroyed = false; // destroy() has stopped the workers

  const onUpdate = (what) => invalidate(what);
  const session = createSession({ client, densityClients, progress, say, onUpdate, words: currentWords });
  const { data } = session;
  const painter = createPainter(ui, data, { flowFigure, fieldFigure, densityFigure, readouts });
  const probe = createProbe({
    figure: densityFigure,
    output: ui.probe,
    words: currentWords,
    frame: painter.shownFrame,
    triangles: () => data.model?.triangles ?? [],
    exact: session.logDensityAt,
    box: BOX,
  });
  const custom = createCustomTarget(ui.drawTools, ui.flowCanvas, {
    toWorld: flowFigure.toWorld,
    onPoints: (kind, points) => rebuild(points, kind),
    onDraw: () => invalidate('flow'),
    say,
    words: currentWords,
  });
  const thumbnails = createThumbnails(ui.targets, LAB_SETTINGS[0], {
    samples: (name) => client.request('targetSamples', thumbnailRequest(name)).promise.then((r) => r.points),
    onPick: (target) => change({ ...settings, target }),
  });
  thumbnails.relabel(lang);
  ui.targets.setAttribute('aria-label', words.targets);
  const controls = createControls(
    ui.form,
    LAB_SETTINGS.filter((s) => FORM_KEYS.has(s.key)),
    (key, value) => change({ ...settings, [key]: value }),
    { lang, words },
  );

  // --- settings ------------------------------------------------------------------------------
  /** The link's hash: the settings, and a drawn target's points when the link can carry them. */
  const currentHash = () => {
    const points = settings.target === 'drawn' ? customPoints.drawn : null;
    const drawing = points && encodeDrawing(points);
    ui.linkNote.textContent = points && drawing === null ? words.drawingTooBig(points.length / 2, MAX_POINTS) : '';
    return withDrawing(toHash(LAB_SETTINGS, settings), drawing);
  };
  const writeHash = () => {
    const hash = currentHash();
    // The link opens the lab in the language of this one (kit/lang-switch.js reads ?lang=).
    const link = new URL(hash || '#', linkBase);
    if (lang === 'en') link.searchParams.delete('lang');
    else link.searchParams.set('lang', lang);
    ui.link.href = link.href;
    if (syncHash && hash !== location.hash && !(hash === '' && location.hash === '')) {
      history.replaceState(null, '', hash || `${location.pathname}${location.search}`);
    }
  };

  /** Applies new settings: a new model, new solver results or only a new picture. */
  function change(next) {
    const before = settings;
    settings = next;
    controls.show(settings);
    thumbnails.show(settings.target);
    custom.show(settings.target);
    showViews();
    writeHash();
    const changed = (keys) => keys.some((k) => String(before[k]) !== String(next[k]));
    if (changed(MODEL_KEYS)) rebuild(null, null);
    else if (changed(SOLVER_KEYS)) session.solverChanged(settings);
    if (before.lr !== next.lr) session.setLearningRate(next.lr);
    if (before.t !== next.t) setTime(next.t, { write: false });
    invalidate('flow', 'density', 'plots');
  }

  const customPoints = { drawn: null, csv: null };
  /** A drawing from a link (drawing-link.js): learned when the target is 'drawn'. */
  const takeDrawing = (text) => {
    const { points, error } = decodeDrawing(text);
    say('drawing', error ? (w) => w.drawingBad : null); // the reason stays in drawing-link's tests
    if (!points) return false;
    customPoints.drawn = points;
    custom.load(points);
    return true;
  };
  /**
   * A new model for the current settings; `points` of `kind` for a drawn or loaded target. It
   * starts from the shipped trained weights for these settings if there are any, unless `fresh`
   * (Train from scratch), and trains (with autostart, or when fresh) if it is not trained yet.
   */
  async function rebuild(points, kind, { fresh = false } = {}) {
    if (kind) customPoints[kind] = points;
    if (kind === 'drawn') writeHash();
    const target = settings.target;
    const needsPoints = target === 'drawn' || target === 'csv';
    if (needsPoints && !customPoints[target]) {
      const meanwhile = Boolean(data.model);
      say('target', (w) => w.needPoints(target === 'drawn', BUDGET.drawnMin, meanwhile));
      return;
    }
    say('target', null);
    const built = await session.configure(settings, needsPoints ? customPoints[target] : undefined, { fresh });
    if (!built) return;
    if ((autostart || fresh) && !data.trained) session.play(BUDGET.autoSteps);
    else session.refresh();
  }

  function showViews() {
    const views = new Set(settings.views);
    // What is shown, for the style sheet's layouts (lab.css).
    ui.root.dataset.views = [...views].join(' ');
    ui.root.classList.toggle('fl-apart', fieldApart(views));
    ui.fieldPanel.hidden = !fieldApart(views);
    ui.sections.flow.hidden = !(views.has('flow') || views.has('field'));
    ui.sections.density.hidden = !views.has('density');
    readouts.show(['mass', 'outflow', 'l1', 'maxRelative'], views.has('density'));
    ui.flowCaption.textContent = flowCaption();
    ui.fieldCaption.textContent = words.flowCaption({ flow: false, field: true, click: false });
    session.showDensities(views.has('density'));
    ui.sections.plots.hidden = !views.has('plots');
    ui.sections.readouts.hidden = hide.includes('readouts') || !(views.has('density') || views.has('plots'));
    if (views.has('field')) session.requestField(settings.t);
  }

  /** The caption of the flow figure: what it shows, in the colours it uses. */
  function flowCaption() {
    const views = new Set(settings.views);
    const [flow, field] = [views.has('flow'), views.has('field') && !fieldApart(views)];
    return words.flowCaption({ flow, field, click: flow && views.has('plots') });
  }

  // --- time ----------------------------------------------------------------------------------
  function setTime(t, { write = true } = {}) {
    settings.t = Math.min(1, Math.max(0, t));
    ui.time.value = String(settings.t);
    ui.timeOut.value = settings.t.toFixed(2);
    if (settings.views.includes('field')) session.requestField(settings.t);
    if (write) writeHash();
    invalidate('flow', 'density');
  }
  ui.time.addEventListener('input', () => setTime(Number(ui.time.value), { write: false }));
  ui.time.addEventListener('change', () => writeHash());
  // A new speed goes on from the t on screen.
  ui.speed.addEventListener('change', () => playing && (playing = { start: performance.now(), t0: settings.t }));
  ui.buttons.play.addEventListener('click', () => {
    if (playing) {
      playing = null;
      writeHash();
    } else {
      playing = { start: performance.now(), t0: settings.t >= 1 ? 0 : settings.t };
    }
    updateButtons();
    invalidate('flow');
  });

  // --- training buttons -----------------------------------------------------------------------
  onActivate(ui.buttons.train, () => (session.training ? session.pause() : session.play()));
  onActivate(ui.buttons.step, () => session.stepOnce());
  onActivate(ui.buttons.reset, () => rebuild(null, null, { fresh: true }));
  ui.buttons.defaults.addEventListener('click', () => {
    say('hash', null);
    change({ ...initial });
  });
  let copiedTimer = 0;
  ui.buttons.copy.addEventListener('click', async () => {
    const done = await copyText(ui.link.href, host.ownerDocument);
    ui.copied.textContent = done ? words.copied : words.copyFailed;
    clearTimeout(copiedTimer);
    copiedTimer = setTimeout(() => (ui.copied.textContent = ''), 2500);
  });
  ui.flowCanvas.tabIndex = 0;
  ui.flowCanvas.addEventListener('click', (event) => {
    if (custom.drawing || !data.model) return;
    const i = flowFigure.pick(event.clientX, event.clientY);
    if (i >= 0) session.check(i);
  });
  // The particle under the pointer shows its whole trajectory.
  const hover = (i) => {
    if (i === data.hovered) return;
    data.hovered = i;
    invalidate('flow');
  };
  ui.flowCanvas.addEventListener('pointermove', (event) => {
    if (!custom.drawing && data.model) hover(flowFigure.pick(event.clientX, event.clientY));
  });
  ui.flowCanvas.addEventListener('pointerleave', () => hover(-1));
  ui.flowCanvas.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && data.model && !custom.drawing) {
      event.preventDefault();
      session.check((data.selected + 1) % BUDGET.particles);
    }
  });

  function updateButtons() {
    ui.buttons.train.textContent = session.training ? words.pause : words.train;
    ui.buttons.train.setAttribute('aria-pressed', String(session.training));
    setDisabled(ui.buttons.step, session.training || !data.model);
    setDisabled(ui.buttons.train, !data.model);
    setDisabled(ui.buttons.reset, !data.model);
    ui.buttons.play.textContent = playing ? words.stopPlay : words.play;
    ui.buttons.play.setAttribute('aria-pressed', String(Boolean(playing)));
  }

  // --- drawing ---------------------------------------------------------------------------------
  function invalidate(...what) {
    if (destroyed) return;
    for (const w of what) dirty.add(w);
    if (!frame) frame = requestAnimationFrame(render);
  }

  /** What the painter needs to know of the lab's state. */
  const paintContext = () => ({
    theme,
    settings,
    training: session.training,
    finished: session.finished,
    version,
    drawn: custom.drawn(),
    lang,
    words,
  });

  function render(now) {
    frame = 0;
    if (!theme) return;
    if (playing) {
      let t = playing.t0 + ((now - playing.start) / 1000 / PLAY_SECONDS) * Number(ui.speed.value);
      if (t >= 1 && ui.loop.checked) {
        playing = { start: now, t0: 0 }; // again from t = 0
        t = 0;
      } else if (t >= 1) playing = null;
      setTime(Math.min(t, 1), { write: !playing });
      if (!playing) updateButtons();
    }
    if (dirty.has('model') || dirty.has('training')) updateButtons();
    if (dirty.has('model') || dirty.has('frames') || dirty.has('field') || dirty.has('check')) dirty.add('flow');
    const context = paintContext();
    if (dirty.has('flow')) painter.flow(context);
    if (dirty.has('density') || dirty.has('model')) {
      painter.density(context, dirty.has('force'));
      probe.update();
    }
    const all = dirty.has('model') || dirty.has('plots');
    if (all || dirty.has('training')) painter.trainingPlots(context);
    if (all || dirty.has('check')) painter.check(context);
    painter.numbers(context);
    dirty.clear();
    if (playing) invalidate('flow');
    // Ready once the particles are drawn, or once it is clear that there is no model to draw.
    if (!ready && started && (data.frames || !data.model)) markReady();
  }

  function markReady() {
    ready = true;
    host.dataset.state = 'ready';
    document.documentElement.dataset.ready ??= 'true';
  }

  // --- start ---------------------------------------------------------------------------------
  for (const part of hide) {
    if (part === 'controls') ui.left.hidden = true;
    if (part === 'toolbar') ui.root.querySelector('.fl-bar').hidden = true;
  }
  if (matchMedia('(max-width: 720px)').matches) ui.controls.open = false;
  const stopTheme = watchTheme((next) => {
    theme = next;
    thumbnails.draw(theme);
    invalidate('flow', 'density', 'plots', 'force');
  });
  const resizers = [ui.flowCanvas, ui.fieldCanvas, ...Object.values(densityFigure.canvases), ...Object.values(ui.plotCanvases)].map(
    (canvas) => observeResize(canvas, () => invalidate('flow', 'density', 'plots', 'force')),
  );
  const onHash = () => {
    if (location.hash === currentHash()) return;
    const { hash, drawing } = splitDrawing(location.hash);
    const newDrawing = drawing !== null && takeDrawing(drawing);
    const parsed = parseHash(LAB_SETTINGS, hash);
    const { messages } = parsed;
    say('hash', messages.length ? (w) => w.hashBad(w.list(messages.map(w.issue))) : null);
    const redraw = newDrawing && settings.target === 'drawn' && parsed.settings.target === 'drawn';
    change(parsed.settings);
    if (redraw) rebuild(customPoints.drawn, 'drawn'); // the same target, another drawing
  };
  if (syncHash) addEventListener('hashchange', onHash);
  const linked = syncHash ? splitDrawing(location.hash).drawing : null;
  if (linked !== null) takeDrawing(linked);
  if (notes.length) say('hash', (w) => w.attributesBad(w.list(notes.map(w.issue))));
  controls.show(settings);
  thumbnails.show(settings.target);
  custom.show(settings.target);
  showViews();
  setTime(settings.t, { write: false });
  writeHash();
  updateButtons();

  /** Starts the worker, loads the core and builds the first model. */
  const begin = () => client
    .request('init')
    .promise.then((info) => {
      version = info.version;
      // Ready once the first model is drawn (or it is clear there is none): after rebuild.
      return rebuild(null, null).finally(() => {
        started = true;
        invalidate('flow');
      });
    })
    .catch((error) => {
      if (destroyed) return; // the workers were stopped on purpose
      say('init', (w) => w.initFailed(error.message));
      host.dataset.state = 'error';
      document.documentElement.dataset.ready = 'error';
    });
  if (!options.deferred) begin();

  // --- language ------------------------------------------------------------------------------
  /** Writes every word again in the language now in force; the model and training go on. */
  function relabel() {
    const next = wordsFor(host);
    if (next.lang === lang) return;
    ({ lang, words } = next);
    labelLayout(ui, words);
    controls.relabel({ lang, words });
    thumbnails.relabel(lang);
    ui.targets.setAttribute('aria-label', words.targets);
    readouts.relabel(words);
    densityFigure.relabel(words);
    probe.relabel();
    custom.relabel();
    relabelMessages();
    progress.setWords(progressWords());
    ui.flowCaption.textContent = flowCaption();
    writeHash(); // the note on what the link cannot carry
    ui.fieldCaption.textContent = words.flowCaption({ flow: false, field: true, click: false });
    updateButtons();
    if (theme) painter.numbers(paintContext()); // the status line at once, not at the next frame
    invalidate('flow', 'density', 'plots', 'force');
  }

  const destroy = () => {
    destroyed = true;
    custom.stop();
    probe.stop();
    client.terminate();
    densityPool?.then((clients) => clients.forEach((c) => c.terminate()));
    stopTheme();
    resizers.forEach((stop) => stop());
    if (syncHash) removeEventListener('hashchange', onHash);
    if (frame) cancelAnimationFrame(frame);
  };
  return { destroy, relabel, begin };
}
