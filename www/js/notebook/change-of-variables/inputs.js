// The reader's handles on <flow-change-of-variables>: the sliders and the map (started from the
// element's attributes, clamped), and the probe on the plane (pointer, tap, or arrow keys).
import { RANGES } from './dom.js';
import { MAPS } from './strings.js';
import { clampNumber } from './stats.js';

const SLIDERS = ['shape', 'scale', 'strength'];
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

/**
 * Starts the inputs from the attributes of `element` and wires them: `changed('line' | 'plane')`
 * after a setting moves; `probe(y)` with the world point y under the pointer, found through
 * `view()` (the plane's current view, or null before the first picture).
 */
export function wireInputs(element, { inputs, planeCanvas }, { changed, probe, view }) {
  for (const name of SLIDERS) {
    const { min, max, value } = RANGES[name];
    inputs[name].value = clampNumber(element.getAttribute(name), min, max, value);
    inputs[name].addEventListener('input', () => {
      showValues(inputs);
      changed(name === 'strength' ? 'plane' : 'line');
    });
  }
  const map = element.getAttribute('map');
  inputs.map.value = MAPS.includes(map) ? map : MAPS[0];
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
