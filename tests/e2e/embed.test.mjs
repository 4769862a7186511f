// The embedding page: two <flow-lab> elements, each with its own worker, settings and figures.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, openPage, screenshot, startSession, waitReady } from './harness.mjs';
import { densitiesReady, statusText } from './lab.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

test('the embed page renders two independent figures', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}embed.html`);
  assert.equal(await waitReady(page), 'true');
  await page.waitForFunction(
    () => [...document.querySelectorAll('flow-lab')].every((lab) => lab.dataset.state === 'ready'),
    null,
    { timeout: 60_000 },
  );
  assert.match(await statusText(page, '#moons'), /Two moons/);
  assert.match(await statusText(page, '#checkerboard'), /Checkerboard/);
  // hide="controls" and views: each element shows only what it was asked for.
  assert.equal(await page.isVisible('#moons .fl-settings'), false);
  assert.equal(await page.isVisible('#moons .fl-density'), true);
  assert.equal(await page.isVisible('#moons .fl-plots'), false);
  assert.equal(await page.isVisible('#checkerboard .fl-density'), false);
  assert.equal(await page.isVisible('#checkerboard .fl-plots'), true);
  await densitiesReady(page, '#moons');
  for (const selector of ['#moons .fl-flow-canvas', '#checkerboard .fl-flow-canvas', '#moons .fl-eulerian canvas']) {
    const stats = await canvasStats(page, selector);
    assert.ok(stats.colours >= 3 && stats.luminanceStd > 1, `${selector} is blank: ${JSON.stringify(stats)}`);
  }
  // One figure paused (moons, at the end of its run), the other trains on.
  if (/paused|finished/.test(await statusText(page, '#checkerboard'))) await page.click('#checkerboard .fl-train');
  const step = async (id) => Number(await page.getAttribute(`${id} dd[data-key=step]`, 'data-value'));
  const [moons0, checker0] = [await step('#moons'), await step('#checkerboard')];
  await page.waitForTimeout(2500);
  assert.equal(await step('#moons'), moons0, 'the paused figure kept training');
  assert.ok((await step('#checkerboard')) > checker0, 'the other figure stopped training');
  await screenshot(page, 'embed');
  assert.deepEqual(problems, []);
});
