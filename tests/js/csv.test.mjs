import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_POINTS, parsePointsCsv } from '../../www/js/kit/csv.js';

const ok = (text, expected) => {
  const { points, errors } = parsePointsCsv(text);
  assert.deepEqual(errors, []);
  assert.ok(points instanceof Float64Array);
  assert.deepEqual(Array.from(points), expected);
};

test('comma, semicolon, tab and space separated files without a header', () => {
  ok('1,2\n3,4\n', [1, 2, 3, 4]);
  ok('1;2\r\n-3.5;4e-2', [1, 2, -3.5, 0.04]);
  ok('1\t2\n3\t4', [1, 2, 3, 4]);
  ok('  1   2 \n3 4  ', [1, 2, 3, 4]);
  ok('1, 2\n3 ,4', [1, 2, 3, 4]);
});

test('semicolon files may use a decimal comma', () => {
  ok('1,5;-2,25\n0;.5', [1.5, -2.25, 0, 0.5]);
});

test('blank lines, comment lines, trailing comments, quotes and a byte-order mark are handled', () => {
  ok('\uFEFF# two moons\n\n1,2  # first\n\n  \n"3","4"\n# end\n', [1, 2, 3, 4]);
});

test('a header is skipped; columns named x and y are picked wherever they are', () => {
  ok('x,y\n1,2\n3,4', [1, 2, 3, 4]);
  ok('a b\n1 2\n3 4', [1, 2, 3, 4]);
  ok('id;Y;X;label\n7;2;1;a\n8;4;3;b', [1, 2, 3, 4]);
});

test('malformed rows are reported with their line number and content', () => {
  const { points, errors } = parsePointsCsv('x,y\n1,2\n\n3,abc\n4,5,6\n7\n8,\n9,NaN\n1e999,0\n-inf,1\n10,11');
  assert.equal(points, null);
  assert.deepEqual(errors, [
    'line 4: "abc" is not a number in "3,abc"',
    'line 5: expected 2 values, found 3 in "4,5,6"',
    'line 6: expected 2 values, found 1 in "7"',
    'line 7: a value is missing in "8,"',
    'line 8: "NaN" is not a finite number in "9,NaN"',
    'line 9: "1e999" is too large in "1e999,0"',
    'line 10: "-inf" is not a finite number in "-inf,1"',
  ]);
});

test('a first data line with a typo is an error, not a header', () => {
  const { errors } = parsePointsCsv('1,2x\n3,4\n5,6');
  assert.deepEqual(errors, ['line 1: "2x" is not a number in "1,2x"']);
});

test('three columns without x and y names are refused', () => {
  const { points, errors } = parsePointsCsv('# data\n1,2,3\n4,5,6');
  assert.equal(points, null);
  assert.deepEqual(errors, ['line 2: expected 2 columns (or a header naming columns x and y), found 3 in "1,2,3"']);
});

test('too few points, an empty file; too many points are cut to the limit, with a note', () => {
  assert.deepEqual(parsePointsCsv('x,y\n1,2').errors, ['too few points: 1 (at least 2 are needed)']);
  assert.deepEqual(parsePointsCsv('# nothing\n\n').errors, ['the file has no data (at least 2 points are needed)']);
  const rows = Array.from({ length: MAX_POINTS + 1 }, (_, i) => `${i},${-i}`).join('\n');
  const cut = parsePointsCsv(rows);
  assert.deepEqual(cut.errors, []);
  assert.deepEqual(cut.notes, [
    `the file has ${MAX_POINTS + 1} points, more than the limit of ${MAX_POINTS}: 1 of them, chosen at random, were left out`,
  ]);
  assert.equal(cut.points.length, 2 * MAX_POINTS);
  const { points, notes } = parsePointsCsv(rows.slice(0, rows.lastIndexOf('\n')));
  assert.deepEqual(notes, []);
  assert.equal(points.length, 2 * MAX_POINTS);
  assert.equal(points[2 * MAX_POINTS - 1], -(MAX_POINTS - 1));
});

test('long lists of errors are cut after ten, and long lines are shortened', () => {
  const text = Array.from({ length: 25 }, () => 'a,b').join('\n');
  const { errors } = parsePointsCsv(`x,y\n${text}`);
  assert.equal(errors.length, 11);
  assert.equal(errors[10], '… and 15 more malformed lines');
  const long = `1,${'9'.repeat(80)}z`;
  const [message] = parsePointsCsv(`${long}\n1,2\n3,4`).errors;
  assert.ok(message.length < 200 && message.endsWith('..."'), message);
});

test('limits can be changed', () => {
  assert.equal(parsePointsCsv('1,2\n3,4\n5,6', { maxPoints: 2 }).points.length, 4);
  assert.deepEqual(parsePointsCsv('1,2\n3,4', { minPoints: 3 }).errors, ['too few points: 2 (at least 3 are needed)']);
});
