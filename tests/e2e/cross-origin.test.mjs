// The figures embedded in a page on another origin (Chromium; Firefox in tests/firefox/): the
// element scripts, styles, workers and wasm come from origin A with CORS headers, the page is on B.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './harness.mjs';
import { embedFromAnotherOrigin } from './reader.mjs';
import { serveTwoOrigins } from './embed-origins.mjs';
import { chromiumTab } from './tab.mjs';

let chromium;
let origins;
before(async () => {
  origins = await serveTwoOrigins();
  chromium = await launchChromium({ maxSeconds: 300, onClose: () => origins.close() });
});
after(() => chromium?.close());

test('figures loaded from another origin draw, start late and end their workers', async () => {
  assert.notEqual(new URL(origins.a).origin, new URL(origins.host).origin);
  const tab = await chromiumTab(chromium.browser);
  await embedFromAnotherOrigin(tab, origins.host, 'cross-origin-chromium');
  assert.deepEqual(tab.problems, []);
});
