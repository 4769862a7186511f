// Declarative settings in the URL hash, in the style of tensorflow/playground.
//
// A setting is { key, type, label, default, ... } with type one of
//   'enum'  values: string[], labels?: { value: human label }
//   'set'   a subset of values: string[] (written comma-separated, in table order)
//   'int'   min, max (inclusive)           'float'  min, max (inclusive)
//   'bool'  written true / false           'seed'   an integer in [0, 2^31 - 1]
// and optionally dependsOn: { otherKey: value | value[] } (the setting only matters then).
// Labels are for the form that shows the table: this module never reads them, so they may be
// strings or anything else the form understands (such as one string per language).

const SEED_MAX = 2 ** 31 - 1;
const MAX_MESSAGES = 10;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Checks a table of settings (keys unique, defaults valid) and returns it frozen. */
export function defineSettings(specs) {
  const seen = new Set();
  for (const spec of specs) {
    if (seen.has(spec.key)) throw new Error(`setting ${spec.key} is defined twice`);
    seen.add(spec.key);
    const { error } = parseValue(spec, formatValue(spec, spec.default));
    if (error) throw new Error(`the default of ${spec.key} is invalid: ${error}`);
  }
  return Object.freeze(specs.map((spec) => Object.freeze({ ...spec })));
}

/** The settings object holding every default. */
export function defaults(table) {
  return Object.fromEntries(table.map((spec) => [spec.key, copy(spec.default)]));
}

/**
 * Parses one value written as text. Returns { value } or { error } where error completes the
 * sentence "<key>=<text> ...", e.g. "is not a number".
 */
export function parseValue(spec, text) {
  switch (spec.type) {
    case 'enum':
      return spec.values.includes(text) ? { value: text } : { error: `is not one of ${spec.values.join(', ')}` };
    case 'set': {
      const parts = text === '' ? [] : text.split(',');
      const bad = parts.find((part) => !spec.values.includes(part));
      if (bad !== undefined) return { error: `names ${shorten(bad) || 'an empty item'}, not one of ${spec.values.join(', ')}` };
      return { value: spec.values.filter((v) => parts.includes(v)) };
    }
    case 'bool':
      if (text === 'true' || text === '1') return { value: true };
      if (text === 'false' || text === '0') return { value: false };
      return { error: 'is not true or false' };
    case 'int':
    case 'seed':
    case 'float':
      return parseNumber(spec, text);
    default:
      throw new Error(`setting ${spec.key} has an unknown type ${spec.type}`);
  }
}

function parseNumber(spec, text) {
  if (!NUMBER.test(text)) return { error: 'is not a number' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { error: 'is not a finite number' };
  const integral = spec.type !== 'float';
  if (integral && !Number.isInteger(value)) return { error: 'is not a whole number' };
  const [min, max] = spec.type === 'seed' ? [0, SEED_MAX] : [spec.min, spec.max];
  if (value < min) return { error: `is below the minimum ${min}` };
  if (value > max) return { error: `is above the maximum ${max}` };
  return { value };
}

/** Writes one value as text; `parseValue(spec, formatValue(spec, v))` gives v back. */
export function formatValue(spec, value) {
  if (spec.type === 'set') return value.join(',');
  return String(value);
}

/** Whether a setting matters for the others (its dependsOn conditions hold). */
export function isRelevant(spec, settings) {
  return Object.entries(spec.dependsOn ?? {}).every(([key, allowed]) =>
    Array.isArray(allowed) ? allowed.includes(settings[key]) : settings[key] === allowed,
  );
}

/**
 * Parses a URL hash such as '#target=moons&width=64' into { settings, messages, given }: every
 * setting is present and valid; an invalid value is replaced by the default with a message such
 * as 'width=abc is not a number; using 64'; an unknown key is ignored and a key given twice takes
 * its last value, each with a message; `given` is the set of known keys the hash names. Quoted
 * keys and values are cut to a readable length, and at most MAX_MESSAGES messages are listed.
 */
export function parseHash(table, hash) {
  const settings = defaults(table);
  const byKey = new Map(table.map((spec) => [spec.key, spec]));
  const texts = new Map(); // key -> [text, ...] in the order given
  const unknown = [];
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const text = eq < 0 ? '' : decode(part.slice(eq + 1));
    if (byKey.has(key)) texts.set(key, [...(texts.get(key) ?? []), text]);
    else unknown.push(key);
  }
  const messages = [];
  for (const [key, given] of texts) {
    const spec = byKey.get(key);
    const text = given[given.length - 1];
    if (given.length > 1) messages.push(`${key} is given ${given.length} times; using the last`);
    const { value, error } = parseValue(spec, text);
    if (error) messages.push(rejection(spec, text, error));
    else settings[key] = value;
  }
  if (unknown.length > 0) {
    const names = unknown.slice(0, 3).map(shorten).join(', ');
    const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : '';
    messages.push(`${names}${more} ${unknown.length > 1 ? 'are not settings' : 'is not a setting'}; ignored`);
  }
  if (messages.length > MAX_MESSAGES) {
    messages.splice(MAX_MESSAGES, messages.length, `… and ${messages.length - MAX_MESSAGES} more`);
  }
  return { settings, messages, given: new Set(texts.keys()) };
}

/**
 * The message for a rejected `text` of `spec`: '<key>=<text> <error>; using <default>', with the
 * text in quotes when `quoted` (as an attribute is written: key="text").
 */
export function rejection(spec, text, error, quoted = false) {
  const shown = quoted ? `"${shorten(text)}"` : shorten(text);
  return `${spec.key}=${shown} ${error}; using ${formatValue(spec, spec.default) || 'none'}`;
}

/** `text` cut to at most 40 characters (whole code points), with … where it was cut. */
export function shorten(text) {
  const points = [...text.slice(0, 82)]; // at least 41 code points when there are more than 40
  return points.length > 40 ? `${points.slice(0, 39).join('')}…` : points.join('');
}

/** Writes the settings that differ from their defaults as a hash, in table order ('' if none). */
export function toHash(table, settings) {
  const parts = [];
  for (const spec of table) {
    const text = formatValue(spec, settings[spec.key]);
    if (text !== formatValue(spec, spec.default)) parts.push(`${encode(spec.key)}=${encode(text)}`);
  }
  return parts.length ? `#${parts.join('&')}` : '';
}

function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function encode(text) {
  return encodeURIComponent(text).replace(/%2C/g, ',');
}

function copy(value) {
  return Array.isArray(value) ? [...value] : value;
}
