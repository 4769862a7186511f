import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialLang } from '../../www/js/kit/lang-switch.js';

/** A localStorage stand-in holding one remembered language (or throwing, like a blocked one). */
const storage = (value) => ({ getItem: (key) => (key === 'flowlab-lang' ? value : null) });
const blocked = {
  getItem() {
    throw new Error('SecurityError');
  },
};

test('?lang= wins over the remembered language', () => {
  assert.equal(initialLang('?lang=zh-Hant', storage('en')), 'zh-Hant');
  assert.equal(initialLang('?x=1&lang=en', storage('zh-Hant')), 'en');
});

test('without ?lang= the remembered language is used, else English', () => {
  assert.equal(initialLang('', storage('zh-Hant')), 'zh-Hant');
  assert.equal(initialLang('', storage(null)), 'en');
  assert.equal(initialLang('', undefined), 'en');
});

test("without either, the page's own language", () => {
  assert.equal(initialLang('', storage(null), 'zh-Hant'), 'zh-Hant');
  assert.equal(initialLang('?lang=en', storage(null), 'zh-Hant'), 'en');
  assert.equal(initialLang('', storage('en'), 'zh-Hant'), 'en');
});

test('language tags are read loosely: zh, zh-TW and en-GB', () => {
  assert.equal(initialLang('?lang=zh', storage(null)), 'zh-Hant');
  assert.equal(initialLang('?lang=zh-TW', storage(null)), 'zh-Hant');
  assert.equal(initialLang('?lang=en-GB', storage('zh-Hant')), 'en');
  assert.equal(initialLang('?lang=english', storage('zh-Hant')), 'zh-Hant');
});

test('unknown languages and blocked storage fall back', () => {
  assert.equal(initialLang('?lang=fr', storage('zh-Hant')), 'zh-Hant');
  assert.equal(initialLang('?lang=tlh', storage('klingon')), 'en');
  assert.equal(initialLang('', blocked), 'en');
  assert.equal(initialLang('?lang=zh-Hant', blocked), 'zh-Hant');
});
