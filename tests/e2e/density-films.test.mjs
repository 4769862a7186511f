// The density views as films (issue 10): after training pauses they catch up to the particles'
// step, moving t shows another frame with no recomputation, and the two views agree in L1.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, startSession, waitReady } from './harness.mjs';
import { densitiesReady, readouts, slide, statusText } from './lab.mjs';

let session;

before(async () => {
  session = await startSession({ maxSeconds: 400 });
});
after(async () => {
  await session?.close();
});

/** What the density section of the lab `lab` shows: its frame's t, step and films id. */
function shown(page, lab) {
  return page.evaluate((sel) => {
    const d = document.querySelector(`${sel} .fl-density`).dataset;
    return { t: d.t, step: d.step, films: d.films, ms: Number(d.ms) };
  }, lab);
}

/** A small digest of both density canvases' pixels. */
function pixels(page, lab) {
  return page.evaluate((sel) => {
    return ['lagrangian', 'eulerian', 'difference'].map((key) => {
      const canvas = document.querySelector(`${sel} .fl-${key} canvas`);
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 7) sum = (sum * 31 + data[i]) % 1_000_000_007;
      return sum;
    });
  }, lab);
}

/** Checks a paused lab: views at its step, L1 small, and scrubbing t with no recomputation. */
async function checkLab(page, lab) {
  await densitiesReady(page, lab, 180_000);
  const before = await shown(page, lab);
  const step = await page.$eval(`${lab} dd[data-key=step]`, (dd) => dd.dataset.value);
  assert.equal(before.step, step, 'the density views show the particles’ step');
  assert.equal(before.t, '1');
  const numbers = await readouts(page, lab);
  assert.ok(numbers.l1 >= 0 && numbers.l1 < 0.02, `L1 gap ${numbers.l1} at t = 1`);
  assert.ok(Math.abs(numbers.mass - 1) < 0.01, `mass ${numbers.mass}`);
  console.log(`${lab}: step ${step}, L1 ${numbers.l1} at t = 1, the films took ${before.ms} ms`);
  const atOne = await pixels(page, lab);
  for (const t of [0.5, 0.37, 0]) {
    await slide(page, lab, t);
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(`${sel} .fl-density`).dataset.t === want,
      [lab, String(t)],
      { timeout: 5_000 },
    );
    const now = await shown(page, lab);
    assert.equal(now.films, before.films, `t = ${t} was recomputed, not read from the films`);
    assert.equal(now.step, step);
    const moved = await pixels(page, lab);
    assert.notDeepEqual(moved, atOne, `the density pictures did not change at t = ${t}`);
    const gap = (await readouts(page, lab)).l1;
    assert.ok(gap >= 0 && gap < 0.02, `L1 gap ${gap} at t = ${t}`);
  }
  await slide(page, lab, 1);
}

test('the lab: views catch up to the paused step, t scrubs frames, the views agree', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html`);
  assert.equal(await waitReady(page), 'true', await statusText(page));
  await checkLab(page, 'flow-lab');
  await screenshot(page, 'density-films-lab');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the article’s section 5 shows the same with its own network', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}index.html#two-views`);
  const lab = '#two-views flow-lab';
  await page.$eval(lab, (el) => el.scrollIntoView());
  // The lab builds itself when it first comes into view.
  await page.waitForSelector(`${lab} .fl-density`, { state: 'attached', timeout: 60_000 });
  await checkLab(page, lab);
  await page.$eval(`${lab} .fl-density`, (el) => el.scrollIntoView());
  await screenshot(page, 'density-films-article');
  assert.deepEqual(problems, []);
  await page.close();
});
