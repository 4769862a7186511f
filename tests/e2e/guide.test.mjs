// The embedding guide (embed.html) stays true: for every element it documents, the attributes in
// its table are exactly the ones the element reads (recorded in the browser by wrapping
// getAttribute and hasAttribute while each live example starts); <flow-lab>'s values and defaults
// are those of its settings table; the policies shown are those of scripts/csp.mjs; and every
// figure element the article uses is documented.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, embeddingPolicy } from '../../scripts/csp.mjs';
import { LAB_SETTINGS } from '../../www/js/lab-settings.js';
import { formatValue } from '../../www/js/kit/settings.js';
import { startSession } from './harness.mjs';
import { reveal, STARTED, waitState } from './reader.mjs';
import { chromiumTab } from './tab.mjs';


let session;
let tab;
let guide; // { tag: { attributes: [names], rows: { name: { values: [codes], fallback } } } }
let read; // { tag: [attribute names the element read] }

before(async () => {
  session = await startSession({ maxSeconds: 300 });
  tab = await chromiumTab(session.browser);
  await tab.page.addInitScript(() => {
    window.attributesRead = {};
    for (const method of ['getAttribute', 'hasAttribute']) {
      const original = Element.prototype[method];
      Element.prototype[method] = function (name) {
        const tag = this.localName;
        if (tag.startsWith('flow-')) (window.attributesRead[tag] ??= new Set()).add(name);
        return original.call(this, name);
      };
    }
  });
  await tab.goto(`${session.url}embed.html`);
  for (const [tag, states] of Object.entries(STARTED)) {
    await reveal(tab, `section[data-element="${tag}"] ${tag}`);
    assert.ok(states.includes(await waitState(tab, tag, states)), `${tag} did not start`);
  }
  guide = await tab.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('section[data-element]')].map((section) => {
        const rows = [...section.querySelectorAll('tr[data-attribute]')].map((tr) => {
          const cells = tr.querySelectorAll('td');
          return [tr.dataset.attribute, { values: [...cells[1].querySelectorAll('code')].map((c) => c.textContent), fallback: cells[2].textContent }];
        });
        return [section.dataset.element, { attributes: rows.map(([name]) => name), rows: Object.fromEntries(rows) }];
      }),
    ),
  );
  read = await tab.evaluate(() => Object.fromEntries(Object.entries(window.attributesRead).map(([t, s]) => [t, [...s]])));
});
after(() => session?.close());

test('every figure element is documented, and every documented one exists', async () => {
  assert.deepEqual(Object.keys(guide).sort(), Object.keys(STARTED).sort());
  const article = readFileSync(new URL('../../www/index.html', import.meta.url), 'utf8');
  for (const [, tag] of article.matchAll(/<(flow-[a-z-]+)[\s>]/g)) assert.ok(guide[tag], `<${tag}> of the article is not in the guide`);
  const defined = await tab.evaluate((tags) => tags.filter((t) => customElements.get(t)), Object.keys(guide));
  assert.deepEqual(defined, Object.keys(guide));
});

test('each element reads exactly the attributes its table lists', () => {
  for (const [tag, { attributes }] of Object.entries(guide)) {
    // lang is read from the nearest element that has it (closest('[lang]')), not always from the figure.
    const documented = attributes.filter((a) => a !== 'lang').sort();
    const used = (read[tag] ?? []).filter((a) => a !== 'lang').sort();
    assert.deepEqual(documented, used, `<${tag}>: documented (left) against read (right)`);
    assert.ok(attributes.includes('lang'), `<${tag}>: lang is not documented`);
  }
});

test("<flow-lab>'s values and defaults are those of its settings", () => {
  const { rows } = guide['flow-lab'];
  for (const spec of LAB_SETTINGS) {
    const row = rows[spec.key];
    assert.ok(row, `setting ${spec.key} is not documented`);
    assert.equal(row.fallback, formatValue(spec, spec.default), `default of ${spec.key}`);
    if (spec.values) assert.deepEqual(row.values, spec.values, `values of ${spec.key}`);
  }
});

test("the guide's CDN snippet names the package's version", () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const page = readFileSync(new URL('../../www/embed.html', import.meta.url), 'utf8');
  assert.ok(page.includes(`https://cdn.jsdelivr.net/npm/flowlab@${version}/js/flow-lab.js`));
});

test('the guide shows the policies of scripts/csp.mjs', async () => {
  const shown = await tab.evaluate(() => [document.querySelector('#csp-site').textContent, document.querySelector('#csp-embed').textContent]);
  assert.deepEqual(shown, [CONTENT_SECURITY_POLICY, embeddingPolicy('ORIGIN')]);
});
