// The notebook page in headless Chromium: it loads the wasm core and draws a real figure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, openPage, screenshot, startSession, waitReady } from './harness.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

test('the page loads the wasm core and draws samples with no errors', async () => {
  const { page, problems } = await openPage(session.browser, session.url);
  assert.equal(await waitReady(page), 'true', await page.textContent('#status'));
  const stats = await canvasStats(page, '#base-samples');
  assert.ok(stats.colours >= 2, `canvas is uniform: ${JSON.stringify(stats)}`);
  assert.ok(stats.luminanceStd > 1, `canvas has no visible drawing: ${JSON.stringify(stats)}`);
  assert.match(await page.textContent('#status'), /4000 samples drawn/);
  await screenshot(page, 'index');
  assert.deepEqual(problems, []);
});

test('the server sends .wasm with its MIME type', async () => {
  const res = await fetch(new URL('pkg/flowlab_bg.wasm', session.url));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
});
