// The numbers next to the figures, as a description list. Each value element carries its raw
// number in data-value (for tests and for copying), and a dash while it is unknown.

const FIELDS = [
  ['step', 'Training steps', 'the number of flow-matching steps taken'],
  ['loss', 'Loss', 'the flow-matching loss, mean of the last 50 steps'],
  ['nll', 'Held-out NLL', 'negative log-likelihood of held-out target samples under the model, in nats'],
  ['entropy', 'Entropy of the target', 'the lowest NLL any model can reach, in nats (known for some targets)'],
  ['kl', 'KL(target ‖ model)', 'NLL minus entropy, in nats'],
  ['mass', 'Total mass (Eulerian)', 'the integral of the Eulerian density over the grid; 1 minus what left the box'],
  ['outflow', 'Outflow', 'the mass that has left the Eulerian grid through its boundary'],
  ['l1', 'L1 gap', 'the integral of |exact p − Eulerian p| over the grid'],
  ['maxRelative', 'Max relative error', 'the largest |exact − Eulerian| / exact where exact p is above 1e-3'],
  ['params', 'Parameters', 'the number of weights and biases of the network'],
];

/** Builds the list in `container`; returns { set(key, value, text), show(keys, visible) }. */
export function createReadouts(container) {
  const doc = container.ownerDocument;
  const list = doc.createElement('dl');
  list.className = 'fl-readouts';
  const values = new Map();
  const terms = new Map();
  for (const [key, label, help] of FIELDS) {
    const term = doc.createElement('dt');
    term.textContent = label;
    term.title = help;
    const value = doc.createElement('dd');
    value.dataset.key = key;
    value.textContent = '–';
    list.append(term, value);
    values.set(key, value);
    terms.set(key, term);
  }
  container.append(list);
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
  return { set, show };
}

/** A number with `digits` significant digits, in exponent form when very small or large. */
export function sig(value, digits = 3) {
  if (!Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}
