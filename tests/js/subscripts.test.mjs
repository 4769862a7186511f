// Subscripts without TeX (kit/subscripts.js): x_{k+1}, e_K and p_ODE become <sub>, the rest text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setSubscripted } from '../../www/js/kit/subscripts.js';

test('braced and bare subscripts become <sub>; no HTML is read from the text', () => {
  // Just what setSubscripted uses: createElement, and replaceChildren of strings and elements.
  const doc = { createElement: (tag) => ({ tag, textContent: '' }) };
  const p = { ownerDocument: doc, children: [], replaceChildren: (...nodes) => (p.children = nodes) };
  setSubscripted(/** @type {any} */ (p), 'x_{k+1} = x_k + h u · log₂(e_{K/2} / e_K) · p_ODE <b>');
  const parts = p.children.map((n) => (typeof n === 'string' ? n : `${n.tag}:${n.textContent}`));
  const expected = ['x', 'sub:k+1', ' = x', 'sub:k', ' + h u · log₂(e', 'sub:K/2', ' / e', 'sub:K', ') · p', 'sub:ODE', ' <b>'];
  assert.deepEqual(parts, expected);
});
