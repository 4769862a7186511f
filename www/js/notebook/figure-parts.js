// Small pieces shared by the notebook's figures: the custom element around a figure, a list of
// readouts, a status line that re-labels itself on a language switch, and a worker request shown
// with a progress bar. Their styles are in figure-parts.css.
import { defineFigure as defineElement } from '../kit/figure.js';

const SHEETS = ['../kit/theme.css', './figure-parts.css'].map((url) => new URL(url, import.meta.url).href);

/**
 * Defines <tag> through kit/figure.js (build when connected, again on a change of one of the
 * `attributes`, destroy when removed) with the notebook's shared sheets linked before `styles`
 * (URLs relative to `base`, the figure module's import.meta.url).
 * @param {string} tag
 * @param {(host: HTMLElement) => import('../kit/figure.js').Figure} create
 * @param {string[]} styles
 * @param {string} base
 * @param {readonly string[]} [attributes]
 */
export function defineFigure(tag, create, styles, base, attributes = []) {
  defineElement(tag, create, [...SHEETS, ...styles], base, attributes);
}

/** The HTML of a <dl class=`className`> with an empty dt/dd pair per key (data-key on both). */
export function readoutsHtml(className, keys) {
  const items = keys.map((key) => `<div><dt data-key="${key}"></dt><dd data-key="${key}">—</dd></div>`);
  return `<dl class="${className}">${items.join('')}</dl>`;
}

/** Writes `text` and the data-* attributes of `data` into the dd of `key` inside `host`. */
export function setReadout(host, key, text, data = {}) {
  const dd = host.querySelector(`dd[data-key="${key}"]`);
  dd.textContent = text;
  for (const [name, value] of Object.entries(data)) dd.dataset[name] = String(value);
}

/**
 * A status line in `element`: say(key, ...args) shows words()[key] (a string, or a function of
 * args) after the `notes` about rejected attributes; again() repeats the last one in the current
 * language.
 */
export function createStatus(element, words, notes = []) {
  let last = null;
  const say = (key, ...args) => {
    last = [key, ...args];
    const entry = words()[key];
    const text = typeof entry === 'function' ? entry(...args) : entry;
    element.textContent = notes.length ? `${notes.join('; ')}. ${text}` : text;
  };
  return { say, again: () => last && say(...last) };
}

/**
 * Trains through the worker's 'train' op (see training.js) for `total` steps, with a bar of
 * `progress` labelled words().trainingTask and the status line saying words().training(done,
 * total, loss); `run(op, args, options)` is the figure's request(). Resolves to { loss, steps }
 * ({ loss: NaN, steps: 0 } when total is 0).
 * @param {(op: string, args: object, options?: object) => Promise<any>} run
 * @param {{ say: (key: string, ...args: any[]) => void }} status @param {() => any} words
 * @param {number} total
 */
export async function trainWithProgress(run, status, words, total) {
  if (total <= 0) return { loss: NaN, steps: 0 };
  status.say('training', 0, total, NaN);
  return run('train', { steps: total }, {
    label: words().trainingTask,
    fraction: 0,
    onProgress: (p, task) => {
      status.say('training', p.done, p.total, p.loss);
      task?.update(p.done / p.total);
    },
  });
}

/**
 * Sends `op` to the worker of `client`, with a bar of `progress` (kit/progress.js) labelled
 * `label` when given, at `fraction` or moved by onProgress(data, task); its Cancel button calls
 * onCancel (by default, cancels the request; null for a request that cannot stop: no button).
 * Resolves to the result.
 * @param {any} client @param {any} progress @param {string} op @param {object} args
 * @param {{ label?: string, fraction?: number | null, onProgress?: (data: any, task: any) => void,
 *   onCancel?: (() => void) | null }} [options]
 */
export async function request(client, progress, op, args, { label, fraction = null, onProgress, onCancel } = {}) {
  const job = client.request(op, args, { onProgress: (data) => onProgress?.(data, task) });
  const cancel = onCancel === undefined ? job.cancel : onCancel;
  const task = label ? progress.begin(label, { onCancel: cancel ?? undefined }) : null;
  task?.update(fraction);
  try {
    return await job.promise;
  } finally {
    task?.end();
  }
}
