// A progress bar with a Cancel button for long computations (training, fine density grids). It
// appears only when a task outlasts a short delay, so quick tasks cause no flicker.
//
//   const progress = createProgress(document.getElementById('progress'));
//   const task = progress.begin('Training', { onCancel: () => worker.postMessage('stop') });
//   task.update(0.4);  // 40 %; update(null) shows an indeterminate bar
//   task.end();

/** @typedef {{ cancel: string, cancelLabel: (label: string) => string }} ProgressWords */

/** @type {ProgressWords} */
const ENGLISH = Object.freeze({ cancel: 'Cancel', cancelLabel: (label) => `Cancel ${label}` });

function setTimer(run, ms) {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
}

function element(doc, tag, className, attributes = {}) {
  const node = doc.createElement(tag);
  node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/**
 * Builds the (hidden) component at the end of `container`: a label, an element with
 * role=progressbar and aria-valuenow in percent, and a Cancel button (Escape also cancels while
 * focus is inside). Options: { delay: ms before showing (200), later: (run, ms) -> cancel, a timer
 * (setTimeout by default), words: { cancel, cancelLabel(label) } (English by default) }. Returns
 * { begin(label, { onCancel }) -> task, setWords(words), element }; `label` is a text or a function
 * giving it, called again by setWords (a switch of language relabels the running task). A task has
 * update(fraction), end() and cancelled. Beginning a task ends the previous one; calls on an ended
 * task do nothing.
 */
export function createProgress(container, { delay = 200, later = setTimer, words = ENGLISH } = {}) {
  const doc = container.ownerDocument;
  const root = element(doc, 'div', 'kit-progress');
  const label = element(doc, 'span', 'kit-progress-label');
  const track = element(doc, 'div', 'kit-progress-track', {
    role: 'progressbar',
    'aria-valuemin': '0',
    'aria-valuemax': '100',
  });
  const fill = element(doc, 'div', 'kit-progress-fill');
  const button = element(doc, 'button', '', { type: 'button' });
  track.append(fill);
  root.append(label, track, button);
  root.hidden = true;
  container.append(root);
  let current = null;
  let labelOf = () => '';

  /** Writes the label of the current task and the button's words. */
  const write = () => {
    const text = labelOf();
    label.textContent = text;
    track.setAttribute('aria-label', text);
    button.textContent = words.cancel;
    button.setAttribute('aria-label', words.cancelLabel(text));
  };
  button.textContent = words.cancel;

  const cancel = () => {
    if (!current) return;
    const task = current;
    task.cancelled = true;
    task.end();
    task.onCancel?.();
  };
  button.addEventListener('click', cancel);
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && current?.onCancel) {
      event.preventDefault();
      cancel();
    }
  });

  /** @param {string | (() => string)} text @param {{ onCancel?: (() => void) | null }} [options] */
  const begin = (text, { onCancel } = {}) => {
    current?.end();
    labelOf = typeof text === 'function' ? text : () => text;
    write();
    button.hidden = !onCancel;
    const stopTimer = later(() => {
      root.hidden = false;
    }, delay);
    const task = {
      cancelled: false,
      onCancel,
      update(fraction) {
        if (current !== task) return;
        if (fraction === null || !Number.isFinite(fraction)) {
          track.removeAttribute('aria-valuenow');
          track.removeAttribute('aria-valuetext');
          fill.style.width = '';
          return;
        }
        const percent = Math.round(100 * Math.min(Math.max(fraction, 0), 1));
        track.setAttribute('aria-valuenow', String(percent));
        track.setAttribute('aria-valuetext', `${percent}%`);
        fill.style.width = `${percent}%`;
      },
      end() {
        if (current !== task) return;
        current = null;
        stopTimer();
        root.hidden = true;
      },
    };
    current = task;
    task.update(null);
    return task;
  };
  const setWords = (next) => {
    words = next;
    write();
  };
  return { begin, setWords, element: root };
}
