// The targets as small pictures: a row of buttons, each a canvas of the target's samples (asked
// of the worker once) and its name, with "draw your own" and "from a CSV file" among them. The
// row and the form's target select set the same setting; the pressed button is the one in force.
import { createView, fitCanvas } from '../kit/view.js';
import { drawPoints } from '../kit/particles.js';
import { BOX } from './config.js';
import { textOf } from './strings.js';

const SAMPLES = 400;
const SEED = 7;

/**
 * Builds the row in `container`. `spec` is the target's setting (lab-settings.js: values and
 * labels), `samples(name)` resolves to a target's points (interleaved), `onPick(name)` is called
 * on a click. Returns { show(target), relabel(lang), draw(theme) }.
 */
export function createThumbnails(container, spec, { samples, onPick }) {
  const doc = container.ownerDocument;
  const points = new Map(); // name -> Float64Array, once fetched
  const buttons = spec.values.map((name) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'fl-thumb';
    button.dataset.target = name;
    const canvas = doc.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    const label = doc.createElement('span');
    button.append(canvas, label);
    button.addEventListener('click', () => onPick(name));
    return { name, button, canvas, label };
  });
  container.append(...buttons.map((b) => b.button));
  let theme = null;

  const paint = ({ name, canvas }) => {
    const { ctx, width, height } = fitCanvas(canvas);
    ctx.clearRect(0, 0, width, height);
    if (!theme || !(width > 0 && height > 0)) return;
    const view = createView(BOX, { x: 0, y: 0, width, height });
    const xs = points.get(name);
    if (xs) drawPoints(ctx, view, xs, { color: theme.accent, size: 1.5, alpha: 0.7 });
    else if (name === 'drawn' || name === 'csv') {
      ctx.fillStyle = theme.muted;
      ctx.font = `${Math.round(height / 2.2)}px ${theme.fontFamily}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(name === 'drawn' ? '✎' : 'CSV', width / 2, height / 2);
    }
  };

  const draw = (next) => {
    theme = next;
    buttons.forEach(paint);
  };
  for (const b of buttons) {
    if (b.name === 'drawn' || b.name === 'csv') continue;
    samples(b.name)
      .then((xs) => {
        points.set(b.name, xs);
        paint(b);
      })
      .catch(() => {}); // the picture stays empty; the button still works
  }
  const show = (target) => {
    for (const { name, button } of buttons) button.setAttribute('aria-pressed', String(name === target));
  };
  const relabel = (lang) => {
    for (const { name, button, label } of buttons) {
      label.textContent = textOf(spec.labels[name], lang);
      button.title = label.textContent; // the name, where a wide screen shows only the picture
    }
  };
  return { show, relabel, draw };
}

/** The samples of built-in target `name` for a thumbnail (worker op 'targetSamples'). */
export const thumbnailRequest = (name) => ({ name, n: SAMPLES, seed: SEED });
