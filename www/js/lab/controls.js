// The settings form, built from the settings table: a labelled select, number field or set of
// check boxes per setting; settings that do not matter (dependsOn) are hidden.
import { formatValue, isRelevant, parseValue } from '../kit/settings.js';

let uid = 0;

function make(doc, tag, props = {}, children = []) {
  const node = Object.assign(doc.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The input of one setting; `read()` gives { value } or { error }; `write(value)` shows a value. */
function field(doc, spec) {
  const id = `fl-${spec.key}-${++uid}`;
  if (spec.type === 'enum') {
    const options = spec.values.map((v) => make(doc, 'option', { value: v, textContent: spec.labels?.[v] ?? v }));
    const input = make(doc, 'select', { id, name: spec.key }, options);
    return { input, label: id, read: () => parseValue(spec, input.value), write: (v) => (input.value = v) };
  }
  if (spec.type === 'set') {
    const boxes = spec.values.map((v) => make(doc, 'input', { type: 'checkbox', value: v, name: spec.key }));
    const items = boxes.map((box, i) =>
      make(doc, 'label', {}, [box, ` ${spec.labels?.[spec.values[i]] ?? box.value}`]),
    );
    const input = make(doc, 'div', { className: 'fl-set', id }, items);
    return {
      input,
      label: null,
      read: () => ({ value: spec.values.filter((_, i) => boxes[i].checked) }),
      write: (value) => boxes.forEach((box) => (box.checked = value.includes(box.value))),
    };
  }
  if (spec.type === 'bool') {
    const input = make(doc, 'input', { type: 'checkbox', id, name: spec.key });
    return { input, label: id, read: () => ({ value: input.checked }), write: (v) => (input.checked = v) };
  }
  const input = make(doc, 'input', { type: 'text', id, name: spec.key, inputMode: 'decimal', spellcheck: false });
  input.setAttribute('autocomplete', 'off');
  return {
    input,
    label: id,
    read: () => parseValue(spec, input.value.trim()),
    write: (v) => (input.value = formatValue(spec, v)),
  };
}

function rangeHint(spec) {
  if (spec.type === 'seed') return 'a whole number from 0';
  if (spec.type === 'int') return `a whole number from ${spec.min} to ${spec.max}`;
  if (spec.type === 'float') return `from ${spec.min} to ${spec.max}`;
  return '';
}

/**
 * Builds the form for the settings `specs` in `container`; onChange(key, value) is called with a
 * valid new value (an invalid entry is marked and explained next to its field). Returns
 * { show(settings), after(key) -> the element following a setting's row (for extra inputs) }.
 */
export function createControls(container, specs, onChange) {
  const doc = container.ownerDocument;
  const rows = new Map();
  for (const spec of specs) {
    const f = field(doc, spec);
    const note = make(doc, 'span', { className: 'fl-note', id: `fl-note-${++uid}` });
    const title = spec.type === 'set' ? make(doc, 'legend', { textContent: spec.label }) : null;
    const label = f.label ? make(doc, 'label', { htmlFor: f.label, textContent: spec.label }) : null;
    const check = spec.type === 'bool';
    const parts = check
      ? [make(doc, 'span', { className: 'fl-checkbox' }, [f.input, label]), note]
      : [title ?? label, f.input, note];
    const row = make(doc, title ? 'fieldset' : 'div', { className: 'fl-row' }, parts);
    const hint = rangeHint(spec);
    if (hint) f.input.title = hint;
    f.input.setAttribute('aria-describedby', note.id);
    const extra = make(doc, 'div', { className: 'fl-extra' });
    container.append(row, extra);
    const commit = () => {
      const { value, error } = f.read();
      f.input.toggleAttribute('aria-invalid', Boolean(error));
      note.textContent = error ? `${spec.label}: ${error}${hint ? ` (${hint})` : ''}` : '';
      if (!error) onChange(spec.key, value);
    };
    f.input.addEventListener('change', commit);
    rows.set(spec.key, { spec, row, extra, f, note });
  }
  const show = (settings) => {
    for (const { spec, row, f, note } of rows.values()) {
      row.hidden = !isRelevant(spec, settings);
      if (doc.activeElement !== f.input || !note.textContent) {
        f.write(settings[spec.key]);
        f.input.removeAttribute('aria-invalid');
        note.textContent = '';
      }
    }
  };
  return { show, after: (key) => rows.get(key).extra };
}
