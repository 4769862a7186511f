import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STRINGS, textOf, wordsFor } from '../../www/js/lab/strings.js';
import { createControls, rangeHint } from '../../www/js/lab/controls.js';
import { createMessages } from '../../www/js/lab/messages.js';
import { createReadouts } from '../../www/js/lab/readouts.js';
import { LAB_SETTINGS } from '../../www/js/lab-settings.js';
import { parseHash } from '../../www/js/kit/settings.js';
import { parsePointsCsv } from '../../www/js/kit/csv.js';
import { fakeDocument } from './fake-dom.mjs';

const CJK = /[\u3400-\u9fff]/;
const en = STRINGS.en;
const zh = STRINGS['zh-Hant'];
// Functions that do not make a sentence of their own: they pass text through or join it.
const PASSING = new Set(['issue', 'list', 'endSentence', 'fieldError']);

/** An element whose nearest `lang` attribute is `lang`. */
const inLang = (lang) => ({ closest: () => ({ getAttribute: () => lang }) });

test('both tables have the same keys, each of the same kind and arity', () => {
  const shape = (table) =>
    Object.fromEntries(
      Object.entries(table).map(([key, value]) => [
        key,
        typeof value === 'function' ? `function/${value.length}` : typeof value === 'object' ? shape(value) : 'text',
      ]),
    );
  assert.deepEqual(shape(zh), shape(en));
});

test('every Chinese word is Chinese, whatever the arguments of its function', () => {
  const check = (table, path) => {
    for (const [key, value] of Object.entries(table)) {
      if (PASSING.has(key)) continue;
      const where = `${path}${key}`;
      if (typeof value === 'object') check(value, `${where}.`);
      else if (typeof value === 'function') {
        const options = { flow: true, field: true, click: true, t: '0.2', step: '2', nearestTo: '0.25' };
        const takesOptions = key === 'flowCaption' || key === 'densityShown' || key === 'probe';
        for (const args of takesOptions ? [[options], [{}]] : [Array(value.length).fill('2')]) {
          assert.match(value(...args), CJK, `${where}(${JSON.stringify(args)})`);
        }
      } else assert.match(value, CJK, where);
    }
  };
  check(zh, '');
});

test('the language of an element picks its table; a missing lang is English', () => {
  assert.equal(wordsFor(inLang('zh-Hant')).words, zh);
  assert.equal(wordsFor(inLang('zh-TW')).lang, 'zh-Hant');
  assert.equal(wordsFor(inLang('en-GB')).words, en);
});

test('settings labels: every one in both languages, the Chinese in Chinese; plain strings read alike', () => {
  assert.equal(textOf('SiLU', 'zh-Hant'), 'SiLU');
  assert.equal(textOf({ en: 'Rings' }, 'zh-Hant'), 'Rings');
  assert.equal(textOf(undefined, 'en'), undefined);
  for (const spec of LAB_SETTINGS) {
    const labels = [spec.label, ...Object.values(spec.labels ?? {}), ...Object.values(spec.details ?? {})];
    if (spec.details) assert.deepEqual(Object.keys(spec.details), spec.values, `${spec.key}: a detail per choice`);
    for (const label of labels.filter((l) => typeof l === 'object')) {
      assert.ok(label.en && !CJK.test(label.en), `${spec.key}: ${JSON.stringify(label)}`);
      assert.match(label['zh-Hant'], CJK, `${spec.key}: ${JSON.stringify(label)}`);
    }
    assert.equal(typeof spec.label, 'object', `${spec.key} has a label per language`);
  }
  const target = LAB_SETTINGS.find((s) => s.key === 'target');
  assert.equal(textOf(target.labels.moons, 'zh-Hant'), '雙月形');
  assert.equal(textOf(target.labels.moons, 'en'), 'Two moons');
});

test('a select with details: short labels, the chosen one explained under it unless default, in either language', () => {
  const doc = fakeDocument();
  const coupling = LAB_SETTINGS.find((s) => s.key === 'coupling');
  const controls = createControls(doc.body, [coupling], () => {}, { lang: 'en', words: en });
  const select = doc.body.find((n) => n.tagName === 'SELECT');
  const detail = doc.body.find((n) => n.className === 'fl-detail');
  // Labels short enough for the select at a phone's and the settings column's width.
  for (const label of Object.values(coupling.labels)) for (const text of Object.values(label)) assert.ok(text.length <= 14, text);
  controls.show({ coupling: 'independent' });
  assert.equal(detail.textContent, '', 'the default needs no line (the opening layout stays as it was)');
  assert.equal(select.title, textOf(coupling.details.independent, 'en'));
  controls.show({ coupling: 'ot' });
  assert.match(detail.textContent, /optimal transport.*2–3× slower/);
  assert.equal(select.title, detail.textContent);
  assert.ok(select.getAttribute('aria-describedby').split(' ').includes(detail.id));
  assert.deepEqual(
    select.children.map((option) => option.title),
    coupling.values.map((v) => textOf(coupling.details[v], 'en')),
  );
  controls.relabel({ lang: 'zh-Hant', words: zh });
  assert.match(detail.textContent, /最佳傳輸.*2–3 倍/);
  assert.deepEqual(select.children.map((option) => option.textContent), ['獨立配對', '小批次最佳傳輸', '再流']);
  select.toggleAttribute = (name, on) => (on ? select.setAttribute(name, '') : select.removeAttribute(name));
  select.value = 'reflow';
  select.dispatch('change');
  assert.match(detail.textContent, /2000 步.*ODE\(x₀\)/);
});

test('the settings errors in Chinese keep keys and values, and translate the sentence', () => {
  const { messages } = parseHash(LAB_SETTINGS, '#width=abc&lr=-1&depth=2.5&trails=yes&views=flow,x&steps=9999');
  assert.deepEqual(messages.map(zh.issue), [
    'width=abc 不是數字；改用 64',
    'lr=-1 小於最小值 0.00001；改用 0.001',
    'depth=2.5 不是整數；改用 3',
    'trails=yes 不是 true 或 false；改用 true',
    'views=flow,x 含有 x，不是下列之一：flow, field, density, plots；改用 flow,field,density,plots',
    'steps=9999 大於最大值 1000；改用 20',
  ]);
  assert.deepEqual(messages.map(en.issue), messages, 'English passes through');
  const depth = LAB_SETTINGS.find((s) => s.key === 'depth');
  assert.equal(
    en.fieldError('Hidden layers', 'is above the maximum 8', rangeHint(depth, en)),
    'Hidden layers: is above the maximum 8 (a whole number from 1 to 8)',
  );
  assert.equal(
    zh.fieldError('隱藏層數', zh.issue('is above the maximum 8'), rangeHint(depth, zh)),
    '隱藏層數：大於最大值 8（1 到 8 的整數）',
  );
});

test('the CSV errors in Chinese leave no English sentence behind', () => {
  const cases = ['x,y\n1,2\nthree,4\n5\n', '# nothing\n', '1,2,3\n', 'x,y\n1,inf\n2,\n'];
  for (const text of cases) {
    const { errors } = parsePointsCsv(text);
    assert.ok(errors.length > 0, text);
    for (const error of errors.map(zh.issue)) {
      const outsideQuotes = error.replace(/"(?:[^"\\]|\\.)*"/g, '');
      assert.doesNotMatch(outsideQuotes, /[a-z]{3,}/i, `${JSON.stringify(text)} gives ${error}`);
      assert.match(error, CJK);
    }
  }
  assert.equal(zh.issue('line 3: "three" is not a number in "three,4"'), '第 3 行："three" 不是數字，出現在 "three,4"');
});

test('messages are written again in the new language; a core error keeps its words', () => {
  const doc = fakeDocument();
  let words = en;
  const { say, relabel } = createMessages(doc.body, () => words);
  say('train', 'training diverged at step 301');
  say('target', (w) => w.needPoints(true, 20, false));
  const texts = () => doc.body.children.map((item) => item.textContent);
  assert.deepEqual(texts(), [
    'Training stopped: training diverged at step 301. The figures show that network; Train goes on from it, ' +
      'Reset starts again.',
    'Draw at least 20 points on the figure, then they are learned.',
  ]);
  words = zh;
  relabel();
  assert.deepEqual(texts(), [
    '訓練已停止：training diverged at step 301。圖中顯示的是這個網路；按「訓練」會從它繼續，按「重設」則從頭開始。',
    '請在圖上畫出至少 20 個點，接著就會學習這些點。',
  ]);
  // An English error ending in a stop or a bracket still gets a Chinese full stop.
  say('train', 'the weights after step 300 were kept (a smaller learning rate may help)');
  assert.match(texts()[1], /may help\)。圖中顯示/);
  say('configure', (w) => w.configureFailed('width is 0.'));
  assert.equal(texts()[2], '無法建立模型：width is 0。圖中仍顯示先前的模型。');
  say('configure', null);
  say('train', null);
  assert.equal(doc.body.children.length, 1);
});

test('the read-outs are renamed, their values kept', () => {
  const doc = fakeDocument();
  const readouts = createReadouts(doc.body, en);
  const list = doc.body.children[0];
  readouts.set('mass', 0.99, '0.99');
  assert.equal(list.children[0].textContent, 'Training steps');
  readouts.relabel(zh);
  const mass = list.children.findIndex((node) => node.dataset.key === 'mass');
  assert.equal(list.children[mass - 1].textContent, '總質量（尤拉）');
  assert.match(list.children[mass - 1].title, /尤拉密度/);
  assert.equal(list.children[mass].textContent, '0.99');
});
