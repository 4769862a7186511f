import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStatus, readoutsHtml, request, setReadout } from '../../www/js/notebook/figure-parts.js';

test('readouts: one dt/dd pair per key, text and data written into the dd', () => {
  const html = readoutsHtml('x-readouts', ['a', 'b']);
  assert.equal(html.match(/<dt data-key="a">/g).length, 1);
  assert.equal(html.match(/<dd data-key="b">—<\/dd>/g).length, 1);
  assert.match(html, /^<dl class="x-readouts">/);
  const dd = { textContent: '', dataset: {} };
  const host = { querySelector: (s) => (s === 'dd[data-key="a"]' ? dd : null) };
  setReadout(host, 'a', '1.5', { value: 1.5, se: NaN });
  assert.deepEqual([dd.textContent, dd.dataset], ['1.5', { value: '1.5', se: 'NaN' }]);
});

test('the status line repeats its last message in the current language', () => {
  let lang = 'en';
  const words = () => ({ en: { hi: (n) => `hello ${n}`, bye: 'bye' }, fr: { hi: (n) => `salut ${n}`, bye: 'adieu' } })[lang];
  const element = { textContent: '' };
  const status = createStatus(element, words, ['k="x" is not a number']);
  status.again();
  assert.equal(element.textContent, '');
  status.say('hi', 3);
  assert.equal(element.textContent, 'k="x" is not a number. hello 3');
  lang = 'fr';
  status.again();
  assert.equal(element.textContent, 'k="x" is not a number. salut 3');
  createStatus(element, words).say('bye');
  assert.equal(element.textContent, 'adieu');
});

test('a request shows a progress task, passes progress on and ends the task', async () => {
  const events = [];
  let report;
  let finish;
  const client = {
    request: (op, args, { onProgress }) => {
      events.push(['request', op, args]);
      report = onProgress;
      return { promise: new Promise((done) => (finish = done)), cancel: () => events.push(['cancel']) };
    },
  };
  const progress = {
    begin: (label, { onCancel }) => {
      events.push(['begin', label]);
      return { update: (f) => events.push(['update', f]), end: () => events.push(['end']), onCancel };
    },
  };
  const result = request(client, progress, 'train', { steps: 3 }, {
    label: 'Training',
    fraction: 0,
    onProgress: (data, task) => task.update(data.done / 3),
  });
  report({ done: 1 });
  finish({ ok: true });
  assert.deepEqual(await result, { ok: true });
  assert.deepEqual(events, [
    ['request', 'train', { steps: 3 }],
    ['begin', 'Training'],
    ['update', 0],
    ['update', 1 / 3],
    ['end'],
  ]);
  // A request that cannot stop has no Cancel button.
  events.length = 0;
  const begun = [];
  const watching = { begin: (label, options) => (begun.push(options.onCancel), progress.begin(label, options)) };
  const fixed = request(client, watching, 'paths', {}, { label: 'Sampling', onCancel: null });
  finish(2);
  assert.equal(await fixed, 2);
  assert.deepEqual(begun, [undefined]);
  // Without a label there is no bar.
  events.length = 0;
  const quiet = request(client, progress, 'init', {});
  finish(1);
  assert.equal(await quiet, 1);
  assert.deepEqual(events, [['request', 'init', {}]]);
});
