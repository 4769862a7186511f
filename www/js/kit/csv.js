// Reading 2D points from a CSV file the reader provides.
//
// Accepted: values separated by commas, semicolons (then a decimal comma is allowed: 1,5;2) or
// whitespace (spaces, tabs); an optional header line (columns named x and y are used, whatever
// their position); blank lines and # comments are ignored; fields may be "quoted".

export const MAX_POINTS = 100_000;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;
const MAX_LISTED = 10;

/**
 * Parses `text` into { points, errors }: on success points is a Float64Array [x0, y0, x1, y1, ...]
 * and errors is []; otherwise points is null and errors holds readable messages, each naming the
 * line and quoting its content ('line 4: "abc" is not a number in "abc, 2"').
 */
export function parsePointsCsv(text, { minPoints = 2, maxPoints = MAX_POINTS } = {}) {
  const rows = contentLines(text);
  if (rows.length === 0) return fail([`the file has no data (at least ${minPoints} points are needed)`]);
  const separator = detectSeparator(rows[0].content);
  const first = splitFields(rows[0].content, separator);
  // A header is a first line without any number in it.
  const header = first.every((field) => !isNumeral(decimalPoint(field, separator)));
  const names = first.map((name) => name.toLowerCase());
  const named = header && names.includes('x') && names.includes('y');
  const width = first.length;
  if (width !== 2 && !named) {
    const found = `found ${width} in ${quote(rows[0].content)}`;
    return fail([`line ${rows[0].line}: expected 2 columns (or a header naming columns x and y), ${found}`]);
  }
  const columns = named ? [names.indexOf('x'), names.indexOf('y')] : [0, 1];
  const values = [];
  const errors = [];
  let count = 0;
  for (const { line, content } of header ? rows.slice(1) : rows) {
    const { x, y, error } = readRow(splitFields(content, separator), width, columns, separator);
    if (error) {
      errors.push(`line ${line}: ${error} in ${quote(content)}`);
      continue;
    }
    count++;
    if (count <= maxPoints) values.push(x, y);
  }
  if (errors.length > MAX_LISTED) {
    errors.splice(MAX_LISTED, errors.length, `… and ${errors.length - MAX_LISTED} more malformed lines`);
  }
  if (count > maxPoints) errors.push(`too many points: ${count} (the limit is ${maxPoints})`);
  if (errors.length === 0 && count < minPoints) {
    errors.push(`too few points: ${count} (at least ${minPoints} are needed)`);
  }
  return errors.length ? fail(errors) : { points: Float64Array.from(values), errors };
}

/** The lines that hold data: [{ line (1-based), content }], without comments and blank lines. */
function contentLines(text) {
  const rows = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((raw, i) => {
      const content = raw.replace(/#.*/, '').trim();
      if (content !== '') rows.push({ line: i + 1, content });
    });
  return rows;
}

function detectSeparator(content) {
  if (content.includes(';')) return ';';
  return content.includes(',') ? ',' : /\s+/;
}

function splitFields(content, separator) {
  return content.split(separator).map((field) => unquote(field.trim()));
}

function unquote(field) {
  return field.replace(/^"(.*)"$/, '$1').trim();
}

/**
 * { x, y } from the chosen columns of a row, or { error }.
 * @param {string[]} fields @param {number} width @param {number[]} columns @param {string | RegExp} separator
 */
function readRow(fields, width, [ix, iy], separator) {
  if (fields.length !== width) return { error: `expected ${width} values, found ${fields.length}` };
  const x = readNumber(fields[ix], separator);
  const y = readNumber(fields[iy], separator);
  return { x: x.value, y: y.value, error: x.error ?? y.error };
}

/** { value } for a finite number, { error } otherwise. */
function readNumber(field, separator) {
  const text = decimalPoint(field, separator);
  if (NOT_FINITE.test(text)) return { error: `${quote(field)} is not a finite number` };
  if (!NUMBER.test(text)) return { error: field === '' ? 'a value is missing' : `${quote(field)} is not a number` };
  const value = Number(text);
  return Number.isFinite(value) ? { value } : { error: `${quote(field)} is too large` };
}

/** Numbers in semicolon-separated files may be written with a decimal comma. */
function decimalPoint(field, separator) {
  return separator === ';' ? field.replace(',', '.') : field;
}

/** Whether `text` is written as a number (finite or not). */
function isNumeral(text) {
  return NUMBER.test(text) || NOT_FINITE.test(text);
}

function quote(text) {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

function fail(errors) {
  return { points: null, errors };
}
