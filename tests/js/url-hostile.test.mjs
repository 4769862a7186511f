// Property tests: random and hostile strings through every parser of the URL (the lab's hash,
// the article's ?lang=). None may throw; every setting that comes out is inside its range; each
// bad key is named in a message; messages stay short and few.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaults, parseHash } from '../../www/js/kit/settings.js';
import { LAB_SETTINGS } from '../../www/js/lab-settings.js';
import { initialLang, langNote } from '../../www/js/kit/lang-switch.js';
import { STRINGS } from '../../www/js/lab/strings.js';
import { random } from './random.mjs';

const HOSTILE = [
  '', '=', '==', '&', '%', '%E0%A4%A', '%ED%A0%80', '%00', '%FF%FE', '\u0000', 'NaN', '-NaN', 'Infinity',
  '-Infinity', '1e309', '-1e309', '1e-400', '0x10', '0b1', '0o7', '1_000', ' 64', '64 ', '+64', '-0', '.5',
  '5.', '1e', 'e5', '６４', '٦٤', '1,2', 'true', 'TRUE', 'null', 'undefined', '__proto__', 'constructor',
  'toString', 'hasOwnProperty', '[]', '{}', '"8gaussians"', 'moons\u200b', 'ｍｏｏｎｓ', '🙂', '\u202e',
  'e\u0301', '\ud800', '<script>alert(1)</script>', 'flow,,field', ',', 'flow,flow', '9'.repeat(400),
  '2147483648', '-2147483649', '4294967296', String(Number.MAX_SAFE_INTEGER + 2), '1e-5', '0.1000000001',
];

/** A random string: hostile pieces, random code units, or pieces of valid values. */
function randomText(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const spec = pick(LAB_SETTINGS);
  const pieces = [
    () => pick(HOSTILE),
    () => String.fromCharCode(...Array.from({ length: 1 + Math.floor(rand() * 8) }, () => Math.floor(rand() * 0x10000))),
    () => encodeURIComponent(pick(HOSTILE.filter((t) => t !== '\ud800'))),
    () => String(spec.values ? pick(spec.values) : spec.default),
    () => String((rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20)),
  ];
  return Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(pieces)()).join('');
}

/** Whether `value` is a valid value of `spec`, checked here from the table, not by the parser. */
function valid(spec, value) {
  switch (spec.type) {
    case 'enum':
      return spec.values.includes(value);
    case 'set':
      return Array.isArray(value) && value.every((v) => spec.values.includes(v)) && new Set(value).size === value.length;
    case 'bool':
      return value === true || value === false;
    case 'seed':
      return Number.isInteger(value) && value >= 0 && value <= 2 ** 31 - 1;
    case 'int':
      return Number.isInteger(value) && value >= spec.min && value <= spec.max;
    default:
      return Number.isFinite(value) && value >= spec.min && value <= spec.max;
  }
}

function checkParsed(hash) {
  const { settings, messages } = parseHash(LAB_SETTINGS, hash);
  assert.deepEqual(Object.keys(settings), LAB_SETTINGS.map((s) => s.key));
  for (const spec of LAB_SETTINGS) assert.ok(valid(spec, settings[spec.key]), `${spec.key} from ${hash.slice(0, 200)}`);
  assert.ok(messages.length <= 11, `${messages.length} messages`);
  for (const message of messages) {
    assert.ok(message.length < 400, `a message of ${message.length} characters`);
    assert.doesNotMatch(STRINGS['zh-Hant'].issue(message), /\b(is|are|using|ignored|more)\b/, message);
  }
  return { settings, messages };
}

test('every setting alone with a hostile value: the defaults and one message naming the key', () => {
  for (const spec of LAB_SETTINGS) {
    for (const text of HOSTILE) {
      const hash = `#${encodeURIComponent(spec.key)}=${encodeURIComponent(text.replace(/\ud800/, 'x'))}`;
      const { settings, messages } = checkParsed(hash);
      if (messages.length === 0) continue; // a valid value (such as 'true' for a bool, '1e-5' for lr)
      assert.deepEqual(settings, defaults(LAB_SETTINGS), hash);
      assert.equal(messages.length, 1, hash);
      assert.ok(messages[0].startsWith(`${spec.key}=`), `${hash}: ${messages[0]}`);
    }
  }
});

test('random hashes of random keys and values never throw and never give a value out of range', () => {
  const rand = random(2026);
  const keys = [...LAB_SETTINGS.map((s) => s.key), 'zoom', '', '__proto__', 'constructor', 'WIDTH', 'width '];
  for (let trial = 0; trial < 3000; trial++) {
    const parts = Array.from({ length: Math.floor(rand() * 12) }, () => {
      const key = rand() < 0.8 ? keys[Math.floor(rand() * keys.length)] : randomText(rand);
      const raw = rand() < 0.5;
      const text = randomText(rand);
      return `${raw ? key : encodeURIComponent(key.replace(/[\ud800-\udfff]/g, '?'))}=${raw ? text : encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'))}`;
    });
    checkParsed(`#${parts.join(rand() < 0.9 ? '&' : '&&')}`);
  }
});

test('repeated keys take the last value and say so', () => {
  const { settings, messages } = checkParsed('#width=abc&width=32&depth=2&depth=99');
  assert.equal(settings.width, 32);
  assert.equal(settings.depth, 3);
  assert.deepEqual(messages, [
    'width is given 2 times; using the last',
    'depth is given 2 times; using the last',
    'depth=99 is above the maximum 8; using 3',
  ]);
});

test('thousands of keys and very long values give a few short messages', () => {
  const many = Array.from({ length: 5000 }, (_, i) => `k${i}=${i}`).join('&');
  const { settings, messages } = checkParsed(`#${many}&width=32`);
  assert.equal(settings.width, 32);
  assert.deepEqual(messages, ['k0, k1, k2 and 4997 more are not settings; ignored']);

  const long = 'x'.repeat(1_000_000);
  const bad = checkParsed(`#target=${long}&${long}=1&width=${'9'.repeat(100_000)}`);
  assert.deepEqual(bad.settings, defaults(LAB_SETTINGS));
  assert.equal(bad.messages.length, 3);
  assert.match(bad.messages[0], /^target=x{39}… is not one of 8gaussians,/);
  assert.match(bad.messages[1], /^width=9{39}… is not a finite number; using 64$/);
  assert.match(bad.messages[2], /^x{39}… is not a setting; ignored$/);

  const everyBad = LAB_SETTINGS.map((s) => `${s.key}=%E0%A4%A`).join('&');
  const capped = checkParsed(`#${everyBad}`);
  assert.equal(capped.messages.length, 11);
  assert.equal(capped.messages[10], `… and ${LAB_SETTINGS.length - 10} more`);
  assert.equal(STRINGS['zh-Hant'].issue(capped.messages[10]), `…另有 ${LAB_SETTINGS.length - 10} 則`);
});

test('unicode and malformed escapes are quoted as written, whole code points kept', () => {
  const { messages } = checkParsed('#target=%E0%A4%A&path=%F0%9F%99%82&coupling=e%CC%81');
  assert.deepEqual(messages, [
    'target=%E0%A4%A is not one of 8gaussians, moons, checkerboard, pinwheel, 2spirals, circles, rings, swissroll, drawn, csv; using 8gaussians',
    'path=🙂 is not one of linear, vp; using linear',
    'coupling=e\u0301 is not one of independent, ot, reflow; using independent',
  ]);
  const cut = checkParsed(`#target=${encodeURIComponent('🙂'.repeat(50))}`).messages[0];
  assert.ok(cut.startsWith(`target=${'🙂'.repeat(39)}…`), cut);
});

test('?lang=: random and hostile values give a known language, and a note quoting the value', () => {
  const rand = random(7);
  const storage = { getItem: () => null };
  for (let trial = 0; trial < 2000; trial++) {
    const text = trial < HOSTILE.length ? HOSTILE[trial] : randomText(rand);
    for (const search of [`?lang=${text}`, `?lang=${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'))}`, `?lang=en&lang=${text}`]) {
      const lang = initialLang(search, storage);
      assert.ok(lang === 'en' || lang === 'zh-Hant', search);
      const note = langNote(search);
      if (note === null) continue;
      assert.equal(lang, 'en', search);
      assert.ok(note.en.includes('lang=') && note.en.length < 200, note.en);
      assert.ok(note['zh-Hant'].includes('lang=') && note['zh-Hant'].length < 200, note['zh-Hant']);
    }
  }
  assert.equal(langNote('?lang=zh-TW'), null);
  assert.equal(langNote(''), null);
  assert.match(langNote('?lang=fr').en, /no language lang=fr /);
  assert.match(langNote(`?lang=${'f'.repeat(5000)}`).en, /lang=f{39}… /);
});
