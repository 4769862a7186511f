// The reader's handles on <flow-change-of-variables>: the sliders and the map (started from the
// element's attributes, clamped, with notes on the bad ones), and the probe on the plane (pointer, tap, or arrow keys).
import { RANGES } from './dom.js';
import { MAPS } from './strings.js';
import { clampNumber } from './stats.js';
import { readAttributes } from '../attributes.js';

const SLIDERS = ['shape', 'scale', 'strength'];
/** The attributes that set the figure. */
export const ATTRIBUTES = [...SLIDERS, 'map'];
const KEYS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
const KEY_STEP = 0.2;
const BOX = 4;

/** The settings as numbers inside their ranges (the range inputs already clamp), and the map. */
export function readSettings(inputs) {
  const num = (name) => clampNumber(inputs[name].value, RANGES[name].min, RANGES[name].max, RANGES[name].value);
  return { shape: num('shape'), scale: num('scale'), strength: num('strength'), map: inputs.map.value };
}

/** Writes each slider's value into the <output> next to it. */
function showValues(inputs) {
  const v = readSettings(inputs);
  for (const name of SLIDERS) inputs[name].nextElementSibling.value = v[name];
}

/** The settings written in the attributes of `element`: { values, notes } (attributes.js). */
export function readAttributeSettings(element) {
  const specs = Object.fromEntries(SLIDERS.map((name) => [name, { ...RANGES[name], real: true }]));
  return readAttributes(element, { ...specs, map: { value: MAPS[0], values: MAPS } });
}

/**
 * Starts the inputs from `values` (readAttributeSettings) and wires them: `changed('line' |
 * 'plane')` after a setting moves; `probe(y)` with the world point y under the pointer, found
 * through `view()` (the plane's current view, or null before the first picture).
 */
export function wireInputs(values, { inputs, planeCanvas }, { changed, probe, view }) {
  for (const name of SLIDERS) {
    inputs[name].value = String(values[name]);
    inputs[name].addEventListener('input', () => {
      showValues(inputs);
      changed(name === 'strength' ? 'plane' : 'line');
    });
  }
  inputs.map.value = values.map;
  inputs.map.addEventListener('change', () => changed('plane'));
  showValues(inputs);
  let last = [0, 0];
  const aim = (event) => {
    if (!view()) return;
    const r = planeCanvas.getBoundingClientRect();
    last = view().toWorld(event.clientX - r.left, event.clientY - r.top);
    probe(last);
  };
  planeCanvas.addEventListener('pointermove', aim);
  planeCanvas.addEventListener('pointerdown', aim);
  planeCanvas.addEventListener('keydown', (event) => {
    const step = KEYS[event.key];
    if (!step || !view()) return;
    event.preventDefault();
    last = last.map((v, i) => Math.max(-BOX, Math.min(BOX, v + KEY_STEP * step[i])));
    probe(last);
  });
}
