// The settings form, built from the settings table: a labelled select, number field or set of
// check boxes per setting; settings that do not matter (dependsOn) are hidden. The labels come
// from the table (one per language), the hints and error notes from the lab's words.
import { formatValue, isRelevant, parseValue } from '../kit/settings.js';
import { textOf } from './strings.js';

let uid = 0;

function make(doc, tag, props = {}, children = []) {
  const node = Object.assign(doc.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * The input of one setting; `read()` gives { value } or { error }; `write(value)` shows a value;
 * `relabel(lang)` writes the option labels in a language. A select whose setting has `details`
 * (what each choice does) comes with `detail`, a line saying what the chosen one does when it is
 * not the default (so the opening layout stays as it was); the options and the select give theirs
 * as tooltips.
 */
function field(doc, spec) {
  const id = `fl-${spec.key}-${++uid}`;
  const optionText = (value, lang) => textOf(spec.labels?.[value], lang) ?? value;
  if (spec.type === 'enum') {
    const options = spec.values.map((v) => make(doc, 'option', { value: v }));
    const input = make(doc, 'select', { id, name: spec.key }, options);
    const detail = spec.details ? make(doc, 'span', { className: 'fl-detail', id: `fl-detail-${++uid}` }) : null;
    let lang = 'en';
    const explain = () => {
      if (!detail) return;
      const text = textOf(spec.details[input.value], lang) ?? '';
      input.title = text;
      detail.textContent = input.value === spec.default ? '' : text;
    };
    input.addEventListener('change', explain);
    return {
      input,
      label: id,
      detail,
      read: () => parseValue(spec, input.value),
      write: (v) => {
        input.value = v;
        explain();
      },
      relabel: (next) => {
        lang = next;
        for (const option of options) {
          option.textContent = optionText(option.value, lang);
          if (detail) option.title = textOf(spec.details[option.value], lang) ?? '';
        }
        explain();
      },
    };
  }
  if (spec.type === 'set') {
    const boxes = spec.values.map((v) => make(doc, 'input', { type: 'checkbox', value: v, name: spec.key }));
    const texts = spec.values.map(() => doc.createTextNode(''));
    const items = boxes.map((box, i) => make(doc, 'label', {}, [box, texts[i]]));
    const input = make(doc, 'div', { className: 'fl-set', id }, items);
    return {
      input,
      label: null,
      detail: null,
      read: () => ({ value: spec.values.filter((_, i) => boxes[i].checked) }),
      write: (value) => boxes.forEach((box) => (box.checked = value.includes(box.value))),
      relabel: (lang) => texts.forEach((text, i) => (text.data = ` ${optionText(spec.values[i], lang)}`)),
    };
  }
  const relabel = () => {};
  if (spec.type === 'bool') {
    const input = make(doc, 'input', { type: 'checkbox', id, name: spec.key });
    const [read, write] = [() => ({ value: input.checked }), (v) => (input.checked = v)];
    return { input, label: id, detail: null, read, write, relabel };
  }
  const input = make(doc, 'input', { type: 'text', id, name: spec.key, inputMode: 'decimal', spellcheck: false });
  input.setAttribute('autocomplete', 'off');
  return {
    input,
    label: id,
    detail: null,
    read: () => parseValue(spec, input.value.trim()),
    write: (v) => (input.value = formatValue(spec, v)),
    relabel,
  };
}

/** The range a number setting accepts, in words ('' for the other types). */
export function rangeHint(spec, words) {
  if (spec.type === 'seed') return words.hintSeed;
  if (spec.type === 'int') return words.hintInt(spec.min, spec.max);
  if (spec.type === 'float') return words.hintFloat(spec.min, spec.max);
  return '';
}

/**
 * Builds the form for the settings `specs` in `container`, in the language `lang` with `words`
 * (strings.js); onChange(key, value) is called with a valid new value (an invalid entry is marked
 * and explained next to its field). Returns { show(settings), relabel({ lang, words }),
 * after(key) -> the element following a setting's row (for extra inputs) }.
 */
export function createControls(container, specs, onChange, language) {
  const doc = container.ownerDocument;
  const rows = new Map();
  let { lang, words } = language;
  const noteText = (spec, error) =>
    error ? words.fieldError(textOf(spec.label, lang), words.issue(error), rangeHint(spec, words)) : '';

  for (const spec of specs) {
    const f = field(doc, spec);
    const note = make(doc, 'span', { className: 'fl-note', id: `fl-note-${++uid}` });
    const title = spec.type === 'set' ? make(doc, 'legend') : null;
    const label = f.label ? make(doc, 'label', { htmlFor: f.label }) : null;
    const check = spec.type === 'bool';
    const parts = check
      ? [make(doc, 'span', { className: 'fl-checkbox' }, [f.input, label]), note]
      : [title ?? label, f.input, ...(f.detail ? [f.detail] : []), note];
    const row = make(doc, title ? 'fieldset' : 'div', { className: 'fl-row' }, parts);
    f.input.setAttribute('aria-describedby', f.detail ? `${f.detail.id} ${note.id}` : note.id);
    const extra = make(doc, 'div', { className: 'fl-extra' });
    container.append(row, extra);
    const entry = { spec, row, extra, f, note, heading: title ?? label, error: null };
    const commit = () => {
      const { value, error } = f.read();
      f.input.toggleAttribute('aria-invalid', Boolean(error));
      entry.error = error ?? null;
      note.textContent = noteText(spec, entry.error);
      if (!error) onChange(spec.key, value);
    };
    f.input.addEventListener('change', commit);
    rows.set(spec.key, entry);
  }

  const relabel = (next) => {
    ({ lang, words } = next);
    for (const { spec, f, note, heading, error } of rows.values()) {
      heading.textContent = textOf(spec.label, lang);
      f.relabel(lang);
      const hint = rangeHint(spec, words);
      if (hint) f.input.title = hint;
      note.textContent = noteText(spec, error);
    }
  };
  relabel(language);

  const show = (settings) => {
    for (const entry of rows.values()) {
      const { spec, row, f, note } = entry;
      row.hidden = !isRelevant(spec, settings);
      if (doc.activeElement !== f.input || !note.textContent) {
        f.write(settings[spec.key]);
        f.input.removeAttribute('aria-invalid');
        entry.error = null;
        note.textContent = '';
      }
    }
  };
  return { show, relabel, after: (key) => rows.get(key).extra };
}
