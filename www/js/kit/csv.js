// Reading 2D points from a CSV file the reader provides, in one piece or chunk by chunk (a worker
// reads large files that way, see csv-worker.js).
//
// Accepted: values separated by commas, semicolons (then a decimal comma is allowed: 1,5;2) or
// whitespace (spaces, tabs); an optional header line (columns named x and y are used, whatever
// their position); blank lines and # comments are ignored; fields may be "quoted"; a byte-order
// mark and \r\n, \n or \r line ends. More than `maxPoints` points are cut down to that many,
// chosen at random (the same ones each time), with a note saying so. A zero byte (a binary file)
// or a line longer than MAX_LINE characters stops the reading with a message naming the line.

export const MAX_POINTS = 100_000;
export const MAX_LINE = 10_000;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;
const MAX_LISTED = 10;

/**
 * Parses `text` into { points, errors, notes }: on success points is a Float64Array [x0, y0, x1,
 * y1, ...], errors is [] and notes says what was left out; otherwise points is null and errors
 * holds readable messages, each naming the line and quoting its content
 * ('line 4: "abc" is not a number in "abc, 2"').
 */
export function parsePointsCsv(text, options) {
  const reader = createPointsReader(options);
  reader.push(text);
  return reader.finish();
}

/**
 * A reader fed the text in pieces: push(text) for each piece (split anywhere), then finish() for
 * the result of parsePointsCsv. `stopped` is true once an error makes the rest unreadable.
 */
export function createPointsReader({ minPoints = 2, maxPoints = MAX_POINTS, seed = 1 } = {}) {
  const random = mulberry32(seed);
  const values = [];
  const errors = [];
  let malformed = 0;
  let fatal = null;
  let line = 0;
  let pending = '';
  let started = false; // the byte-order mark is looked for at the very start only
  let afterCR = false; // the last piece ended in \r: a \n starting the next one ends no line
  let format = null; // from the first data line: { separator, width, columns }
  let count = 0;

  const stop = (message) => (fatal = message);

  /** The first data line fixes the separator and the columns (or stops the reading). */
  const readFormat = (content) => {
    const separator = detectSeparator(content);
    const first = splitFields(content, separator);
    // A header is a first line without any number in it.
    const header = first.every((field) => !isNumeral(decimalPoint(field, separator)));
    const names = first.map((name) => name.toLowerCase());
    const named = header && names.includes('x') && names.includes('y');
    if (first.length !== 2 && !named) {
      stop(`line ${line}: expected 2 columns (or a header naming columns x and y), found ${first.length} in ${quote(content)}`);
      return;
    }
    format = { separator, width: first.length, columns: named ? [names.indexOf('x'), names.indexOf('y')] : [0, 1] };
    if (!header) readData(content);
  };

  const readData = (content) => {
    const { x, y, error } = readRow(splitFields(content, format.separator), format);
    if (error) {
      malformed++;
      if (errors.length < MAX_LISTED) errors.push(`line ${line}: ${error} in ${quote(content)}`);
      return;
    }
    count++;
    // Reservoir sampling: each of the `count` points so far is kept with the same chance.
    const slot = count <= maxPoints ? count - 1 : Math.floor(random() * count);
    if (slot < maxPoints) {
      values[2 * slot] = x;
      values[2 * slot + 1] = y;
    }
  };

  const readLine = (raw) => {
    line++;
    if (raw.length > MAX_LINE) return stop(`line ${line} is longer than ${MAX_LINE} characters; a line holds one point`);
    const content = raw.replace(/#.*/, '').trim();
    if (content === '') return;
    if (format) readData(content);
    else readFormat(content);
  };

  const push = (text) => {
    if (fatal || text === '') return undefined;
    if (!started) text = text.replace(/^\uFEFF/, '');
    started = true;
    if (afterCR && text.startsWith('\n')) text = text.slice(1);
    afterCR = text.endsWith('\r');
    const joined = pending + text;
    const zero = joined.indexOf('\0');
    if (zero >= 0) {
      const where = line + joined.slice(0, zero).split(/\r\n|\n|\r/).length;
      return stop(`line ${where}: the file holds binary data (a zero byte), not text`);
    }
    const lines = joined.split(/\r\n|\n|\r/);
    pending = lines.pop();
    for (const raw of lines) {
      readLine(raw);
      if (fatal) return;
    }
    if (pending.length > MAX_LINE) readLine(pending);
  };

  const finish = () => {
    if (!fatal && pending !== '') readLine(pending);
    pending = '';
    if (fatal) return fail([...errors, fatal]);
    if (!format) return fail([`the file has no data (at least ${minPoints} points are needed)`]);
    if (malformed > MAX_LISTED) errors.push(`… and ${malformed - MAX_LISTED} more malformed lines`);
    if (errors.length === 0 && count < minPoints) errors.push(`too few points: ${count} (at least ${minPoints} are needed)`);
    if (errors.length) return fail(errors);
    const notes = [];
    if (count > maxPoints) {
      notes.push(`the file has ${count} points, more than the limit of ${maxPoints}: ${count - maxPoints} of them, chosen at random, were left out`);
    }
    return { points: Float64Array.from(values), errors, notes };
  };

  return {
    push,
    finish,
    get stopped() {
      return fatal !== null;
    },
  };
}

/**
 * Reads `stream` (bytes, such as Blob.stream()) as UTF-8 into the result of parsePointsCsv,
 * piece by piece, so that a file of any size takes memory for at most `maxPoints` points. Bytes
 * that are not UTF-8 become U+FFFD and are reported in the number they spoil. Options: those of
 * parsePointsCsv, onProgress(bytesRead) after each piece, cancelled() -> true to stop (the
 * promise then rejects with Error('cancelled')).
 * @param {ReadableStream<Uint8Array>} stream
 * @param {{ onProgress?: (bytes: number) => void, cancelled?: () => boolean } & Record<string, any>} [options]
 */
export async function readPointsStream(stream, { onProgress, cancelled = () => false, ...options } = {}) {
  const reader = createPointsReader(options);
  const decoder = new TextDecoder();
  const source = stream.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await source.read();
      if (done) break;
      bytes += value.length;
      reader.push(decoder.decode(value, { stream: true }));
      if (reader.stopped) break;
      if (cancelled()) throw new Error('cancelled');
      onProgress?.(bytes);
    }
    reader.push(decoder.decode());
  } finally {
    source.cancel().catch(() => {});
  }
  return reader.finish();
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
 * @param {string[]} fields
 * @param {{ width: number, columns: number[], separator: string | RegExp }} layout
 */
function readRow(fields, { width, columns: [ix, iy], separator }) {
  if (fields.length !== width) return { error: `expected ${width} values, found ${fields.length}` };
  const x = readNumber(fields[ix], separator);
  const y = readNumber(fields[iy], separator);
  return { x: x.value, y: y.value, error: x.error ?? y.error };
}

/** { value } for a finite number, { error } otherwise. */
function readNumber(field, separator) {
  const text = decimalPoint(field, separator);
  if (NOT_FINITE.test(text)) return { error: `${quote(field)} is not a finite number` };
  if (field.includes('\uFFFD')) return { error: `${quote(field)} holds bytes that are not UTF-8 text` };
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
  return { points: null, errors, notes: [] };
}

/** mulberry32, a small seeded generator of uniform numbers in [0, 1). */
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
