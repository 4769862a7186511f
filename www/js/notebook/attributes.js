// Settings of a figure read from its attributes: a missing attribute gives the default, a bad one
// the default or the nearest allowed value and a note for the reader (never an error). A changed
// attribute starts the figure again (kit/figure.js).
import { shorten } from '../kit/settings.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads the attributes of `element` named in `specs`, each one of
 *   { value, min, max }             a whole number in [min, max]
 *   { value, min, max, real: true } a number in [min, max]
 *   { value, values: [...] }        one of `values`
 * Returns { values: { name: value }, notes: [strings] }, one note per attribute that was not
 * usable as written, such as 'k="many" is not a number; using 8'.
 * @param {Element} element @param {Record<string, object>} specs
 * @returns {{ values: Record<string, any>, notes: string[] }}
 */
export function readAttributes(element, specs) {
  const values = {};
  const notes = [];
  for (const [name, spec] of Object.entries(specs)) {
    const text = element.getAttribute(name);
    values[name] = spec.value;
    if (text === null) continue;
    const { value, error } = spec.values ? readChoice(spec, text.trim()) : readNumber(spec, text.trim());
    if (error) notes.push(`${name}="${shorten(text)}" ${error}; using ${value}`);
    values[name] = value;
  }
  return { values, notes };
}

function readChoice({ value, values }, text) {
  return values.includes(text) ? { value: text } : { value, error: `is not one of ${values.join(', ')}` };
}

function readNumber({ value, min, max, real = false }, text) {
  const number = NUMBER.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(number)) return { value, error: 'is not a number' };
  const clamped = Math.min(Math.max(real ? number : Math.round(number), min), max);
  if (clamped === number) return { value: number };
  return { value: clamped, error: `must be ${real ? 'a number' : 'a whole number'} in ${min}..${max}` };
}
