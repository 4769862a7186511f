// The numbers next to the figures, as a description list. Each value element carries its raw
// number in data-value (for tests and for copying), and a dash while it is unknown.

const KEYS = ['step', 'loss', 'nll', 'entropy', 'kl', 'mass', 'outflow', 'l1', 'maxRelative', 'params'];

/**
 * Builds the list in `container`, its names from words.readouts ({ key: [name, what it is] });
 * returns { set(key, value, text), show(keys, visible), relabel(words) }.
 */
export function createReadouts(container, words) {
  const doc = container.ownerDocument;
  const list = doc.createElement('dl');
  list.className = 'fl-readouts';
  const values = new Map();
  const terms = new Map();
  for (const key of KEYS) {
    const term = doc.createElement('dt');
    const value = doc.createElement('dd');
    value.dataset.key = key;
    value.textContent = '–';
    list.append(term, value);
    values.set(key, value);
    terms.set(key, term);
  }
  container.append(list);
  const relabel = (next) => {
    for (const [key, term] of terms) [term.textContent, term.title] = next.readouts[key];
  };
  relabel(words);
  const set = (key, value, text) => {
    const node = values.get(key);
    const known = value !== null && value !== undefined && Number.isFinite(value);
    node.dataset.value = known ? String(value) : '';
    node.textContent = known ? (text ?? String(value)) : '–';
  };
  /** Shows or hides the rows of `keys`. */
  const show = (keys, visible) => {
    for (const key of keys) terms.get(key).hidden = values.get(key).hidden = !visible;
  };
  return { set, show, relabel };
}

/** A number with `digits` significant digits, in exponent form when very small or large. */
export function sig(value, digits = 3) {
  if (!Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}
