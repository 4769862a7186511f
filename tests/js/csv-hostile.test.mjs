// The CSV reader (kit/csv.js) on the files of issue 15: empty, binary, a BOM, CRLF, semicolons,
// 10^6 rows, 50 MB, one huge line, NaN and Infinity cells, exponents, bytes that are not UTF-8.
// Files go through readPointsStream as the worker reads them: bytes from a Blob, piece by piece.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LINE, MAX_POINTS, createPointsReader, parsePointsCsv, readPointsStream } from '../../www/js/kit/csv.js';
import { STRINGS } from '../../www/js/lab/strings.js';

const zh = STRINGS['zh-Hant'];
const read = (parts, options) => readPointsStream(new Blob(parts).stream(), options);

/** Every message in Chinese has no English sentence left outside its quotes. */
function assertTranslated(messages) {
  for (const message of messages) {
    const outsideQuotes = zh.issue(message).replace(/"(?:[^"\\]|\\.)*"/g, '').replace('UTF-8', '');
    assert.doesNotMatch(outsideQuotes, /[a-z]{3,}/i, `${message} -> ${zh.issue(message)}`);
  }
}

test('an empty file, and one of blank lines and comments, say there is no data', async () => {
  for (const parts of [[], [''], ['\n\r\n  \t\n# only a comment\n'], ['\uFEFF']]) {
    const { points, errors } = await read(parts);
    assert.equal(points, null);
    assert.deepEqual(errors, ['the file has no data (at least 2 points are needed)']);
  }
});

test('binary files stop at the line of their first zero byte', async () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
  // 89 'PNG' \r\n 1a \n 00: the zero byte is on the third line.
  assert.deepEqual((await read([png])).errors, ['line 3: the file holds binary data (a zero byte), not text']);
  const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'1,2\n3,4\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
  assert.deepEqual((await read([utf16])).errors, ['line 1: the file holds binary data (a zero byte), not text']);
  const late = await read(['x,y\n1,2\n3,4\n', new Uint8Array([1, 2, 0, 3])]);
  assert.deepEqual(late.errors, ['line 4: the file holds binary data (a zero byte), not text']);
  assertTranslated(late.errors);
});

test('a BOM, CRLF, CR, semicolons with decimal commas, quotes and exponents are read', async () => {
  const text = '\uFEFF"x";"y"\r\n1,5;-2,25\r\n1e3;-2.5E-3\r3;.5e1\r\n"4";"+5"';
  const { points, errors } = await read([text]);
  assert.deepEqual(errors, []);
  assert.deepEqual(Array.from(points), [1.5, -2.25, 1000, -0.0025, 3, 5, 4, 5]);
});

test('split anywhere, even inside \\r\\n or a UTF-8 sequence, a file reads the same', async () => {
  const text = '\uFEFFx,y # naïve\r\n1,2\r\n\r\n3,4\r5,6\n# é🙂\n7,8\r\n9,10';
  const bytes = new TextEncoder().encode(text);
  const whole = parsePointsCsv(text);
  assert.deepEqual(Array.from(whole.points), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  for (let cut = 0; cut <= bytes.length; cut++) {
    for (const second of [cut, Math.min(bytes.length, cut + 1), Math.min(bytes.length, cut + 3)]) {
      const parts = [bytes.slice(0, cut), bytes.slice(cut, second), bytes.slice(second)];
      assert.deepEqual(await read(parts), whole, `cut at ${cut} and ${second}`);
    }
  }
  // Line numbers stay right across a \r\n split between two pushes.
  const reader = createPointsReader();
  for (const piece of ['1,2\r', '\n3,x\r', '\n5,6']) reader.push(piece);
  assert.deepEqual(reader.finish().errors, ['line 2: "x" is not a number in "3,x"']);
});

test('NaN, Infinity and overflowing cells are errors naming the line', async () => {
  const { points, errors } = await read(['x,y\n1,2\nNaN,1\n2,Infinity\n-inf;3\n4,1e400\n5,-nan\n']);
  assert.equal(points, null);
  assert.deepEqual(errors, [
    'line 3: "NaN" is not a finite number in "NaN,1"',
    'line 4: "Infinity" is not a finite number in "2,Infinity"',
    'line 5: expected 2 values, found 1 in "-inf;3"',
    'line 6: "1e400" is too large in "4,1e400"',
    'line 7: "-nan" is not a finite number in "5,-nan"',
  ]);
  assertTranslated(errors);
});

test('bytes that are not UTF-8 are named in the number they spoil; in a header they do no harm', async () => {
  const latin1 = Uint8Array.from([...'1,2\n3,4'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x0a]));
  const { errors } = await read([latin1]);
  assert.deepEqual(errors, ['line 2: "4\uFFFD" holds bytes that are not UTF-8 text in "3,4\uFFFD"']);
  assertTranslated(errors);
  const header = Uint8Array.from([0x67, 0x72, 0xf6, 0xdf, 0x65, 0x2c, 0x79, 0x0a, ...new TextEncoder().encode('1,2\n3,4\n')]);
  assert.deepEqual(Array.from((await read([header])).points), [1, 2, 3, 4]);
});

test('one huge line stops the reading at once, with or without a line end', async () => {
  const huge = '1'.repeat(20_000_000);
  let bytesRead = 0;
  const onProgress = (bytes) => (bytesRead = bytes);
  const first = await read([`x,y\n${huge},2\n3,4\n`], { onProgress });
  assert.deepEqual(first.errors, [`line 2 is longer than ${MAX_LINE} characters; a line holds one point`]);
  assert.ok(bytesRead < 5_000_000, `read ${bytesRead} bytes of 20 MB after the error`);
  assert.deepEqual((await read([huge])).errors, [`line 1 is longer than ${MAX_LINE} characters; a line holds one point`]);
  assertTranslated(first.errors);
});

test('10^6 rows: 100 000 points chosen uniformly at random, the rest said to be left out', async () => {
  const rows = 1_000_000;
  const lines = Array.from({ length: rows }, (_, i) => `${i},${2 * i}\n`);
  const { points, errors, notes } = await read(['x,y\n', lines.join('')]);
  assert.deepEqual(errors, []);
  assert.deepEqual(notes, [
    `the file has ${rows} points, more than the limit of ${MAX_POINTS}: ${rows - MAX_POINTS} of them, chosen at random, were left out`,
  ]);
  assertTranslated(notes);
  assert.equal(points.length, 2 * MAX_POINTS);
  const xs = new Set();
  let sum = 0;
  for (let k = 0; k < points.length; k += 2) {
    assert.ok(Number.isInteger(points[k]) && points[k + 1] === 2 * points[k], `point ${points[k]}, ${points[k + 1]}`);
    xs.add(points[k]);
    sum += points[k];
  }
  assert.equal(xs.size, MAX_POINTS, 'no row is kept twice');
  // Uniform on 0..10^6: the mean of 10^5 draws has standard deviation 2.9e5 / sqrt(10^5) = 913.
  assert.ok(Math.abs(sum / MAX_POINTS - (rows - 1) / 2) < 5 * 913, `mean ${sum / MAX_POINTS}`);
  // The upper half of the file is as present as the lower half.
  const upper = [...xs].filter((x) => x >= rows / 2).length;
  assert.ok(Math.abs(upper - MAX_POINTS / 2) < 5 * Math.sqrt(MAX_POINTS / 4), `upper half ${upper}`);
});

test('a 50 MB file is read in pieces with progress, and can be cancelled', async () => {
  const line = '12345.678901,-98765.432109\n';
  const block = line.repeat(40_000); // about 1 MB
  const parts = Array.from({ length: 48 }, () => block);
  const size = parts.length * block.length;
  assert.ok(size >= 50_000_000, `${size} bytes`);
  const seen = [];
  const { points, notes } = await read(parts, { onProgress: (bytes) => seen.push(bytes) });
  assert.equal(points.length, 2 * MAX_POINTS);
  assert.equal(points[0], 12345.678901);
  assert.match(notes[0], /^the file has 1920000 points/);
  assert.ok(seen.length > 10, `${seen.length} progress reports`);
  assert.ok(seen.every((b, i) => i === 0 || b > seen[i - 1]), 'progress only grows');
  assert.equal(seen.at(-1), size);
  let pieces = 0;
  await assert.rejects(read(parts, { cancelled: () => ++pieces > 3 }), /cancelled/);
});
