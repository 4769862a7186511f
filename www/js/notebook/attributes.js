// Numeric settings of a figure read from its attributes: a missing attribute gives the default, a
// bad one the nearest allowed value and a note for the reader (never an error).

/**
 * Reads whole-number attributes of `element` by `specs` ({ name: { value, min, max } }). Returns
 * { values: { name: number }, notes: [strings] }, one note per attribute that was not a whole
 * number in [min, max].
 */
export function readIntegers(element, specs) {
  const values = {};
  const notes = [];
  for (const [name, { value, min, max }] of Object.entries(specs)) {
    const text = element.getAttribute(name);
    values[name] = value;
    if (text === null) continue;
    const number = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(number)) {
      notes.push(`${name}="${text}" is not a number; using ${value}`);
      continue;
    }
    const clamped = Math.min(Math.max(Math.round(number), min), max);
    if (clamped !== number) notes.push(`${name}="${text}" must be a whole number in ${min}..${max}; using ${clamped}`);
    values[name] = clamped;
  }
  return { values, notes };
}
