// A target of the reader's own: points drawn with the mouse or a finger on the flow figure, or
// read from a CSV file. Bad files and too few points give a message, never an exception. Files are
// read in a worker of their own (kit/csv-worker.js) with a progress bar that can cancel.
import { createClient } from '../kit/client.js';
import { createProgress } from '../kit/progress.js';
import { BUDGET } from './config.js';

const CSV_WORKER = new URL('../kit/csv-worker.js', import.meta.url);

const SPACING = 0.06; // world distance between drawn points along a stroke

function make(doc, tag, props = {}, children = []) {
  const node = Object.assign(doc.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * The tools in `tools` and the pointer handling on `canvas`. Options: { toWorld(clientX, clientY),
 * onPoints(kind, Float64Array) when a drawing or file is to be learned, onDraw() after each drawn
 * point, say(key, message | null), words() -> the lab's words }. Returns { show(target), relabel(),
 * stop() (ends a file being read), drawn() -> Float64Array, load(points) (a drawing from a link),
 * drawing }.
 */
export function createCustomTarget(tools, canvas, { toWorld, onPoints, onDraw, say, words }) {
  const doc = tools.ownerDocument;
  let mode = null;
  let points = [];
  let stroke = null;

  const count = make(doc, 'span', { className: 'fl-draw-count' });
  const learn = make(doc, 'button', { type: 'button' });
  const clear = make(doc, 'button', { type: 'button' });
  const draw = make(doc, 'div', { className: 'fl-draw' }, [count, learn, clear]);
  const file = make(doc, 'input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain' });
  const csvText = make(doc, 'span');
  const csv = make(doc, 'label', { className: 'fl-csv' }, [csvText, file]);
  const reading = make(doc, 'div', { className: 'fl-csv-progress' });
  tools.append(draw, csv, reading);
  const progressWords = () => ({ cancel: words().cancel, cancelLabel: words().cancelTask });
  const progress = createProgress(reading, { words: progressWords() });
  let stopReading = () => {};

  const update = () => {
    const w = words();
    const n = points.length / 2;
    count.textContent = w.drawCount(n);
    learn.disabled = n < BUDGET.drawnMin;
    learn.title = learn.disabled ? w.drawMin(BUDGET.drawnMin) : '';
    learn.textContent = w.learn;
    clear.textContent = w.clear;
    csvText.textContent = w.csvLabel;
    progress.setWords(progressWords());
  };
  learn.addEventListener('click', () => onPoints('drawn', Float64Array.from(points)));
  clear.addEventListener('click', () => {
    points = [];
    update();
    onDraw();
  });
  /** Reads `chosen` in a worker: its points are learned, or a message says what was wrong. */
  async function readCsv(chosen) {
    stopReading();
    const client = createClient(CSV_WORKER);
    let stopped = false;
    stopReading = () => {
      stopped = true;
      client.terminate();
      task.end();
    };
    const task = progress.begin(() => words().csvReading(chosen.name), {
      onCancel: () => {
        stopReading();
        say('csv', (w) => w.csvCancelled(chosen.name));
      },
    });
    const onProgress = ({ done, total }) => task.update(total > 0 ? done / total : null);
    let result;
    try {
      result = await client.request('read', { file: chosen }, { onProgress }).promise;
    } catch (error) {
      if (!stopped) say('csv', (w) => w.csvUnreadable(chosen.name, error.message));
      return;
    } finally {
      if (!stopped) stopReading();
    }
    const { points: read, errors, notes } = result;
    if (!read) {
      say('csv', (w) => w.csvNotLoaded(chosen.name, w.list(errors.map(w.issue))));
      return;
    }
    say('csv', notes.length ? (w) => w.csvLoaded(chosen.name, w.list(notes.map(w.issue))) : null);
    onPoints('csv', read);
  }
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    file.value = ''; // so that choosing the same file again (edited, say) reads it again
    if (chosen) readCsv(chosen);
  });

  const add = (event) => {
    const world = toWorld(event.clientX, event.clientY);
    if (!world) return;
    const [x, y] = world;
    if (stroke && Math.hypot(x - stroke[0], y - stroke[1]) < SPACING) return;
    stroke = [x, y];
    points.push(x, y);
    update();
    onDraw();
  };
  canvas.addEventListener('pointerdown', (event) => {
    if (mode !== 'drawn') return;
    event.preventDefault();
    canvas.setPointerCapture?.(event.pointerId);
    stroke = null;
    add(event);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (mode === 'drawn' && canvas.hasPointerCapture?.(event.pointerId)) add(event);
  });

  const show = (target) => {
    mode = target === 'drawn' || target === 'csv' ? target : null;
    tools.hidden = mode === null;
    draw.hidden = mode !== 'drawn';
    csv.hidden = mode !== 'csv';
    canvas.classList.toggle('fl-drawing', mode === 'drawn');
    update();
  };
  return {
    show,
    relabel: update,
    stop: () => stopReading(),
    drawn: () => (mode === 'drawn' ? Float64Array.from(points) : null),
    load: (next) => {
      points = Array.from(next);
      update();
      onDraw();
    },
    get drawing() {
      return mode === 'drawn';
    },
  };
}
