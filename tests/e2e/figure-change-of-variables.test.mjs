// <flow-change-of-variables> alone on its page: both canvases drawn, the formula's density equals
// the Gamma density, the numbers are right, the labels follow the language, the sliders act.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, openPage, screenshot, startSession } from './harness.mjs';

const FIGURE = 'flow-change-of-variables';
let session;
before(async () => {
  session = await startSession({ maxSeconds: 120 });
});
after(async () => {
  await session?.close();
});

const value = (page, key) => page.$eval(`${FIGURE} dd[data-key="${key}"]`, (dd) => Number(dd.dataset.value));
const text = (page, selector) => page.$eval(`${FIGURE} ${selector}`, (el) => el.textContent);
const draws = (page, kind) => page.$eval(FIGURE, (el, k) => Number(el.dataset[`${k}Draws`] ?? 0), kind);
/** A checksum of a canvas's pixels (position-weighted, so that moved pixels change it). */
const pixels = (page, selector) =>
  page.$eval(`${FIGURE} ${selector}`, (c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let sum = 0;
    for (let i = 0; i < data.length; i++) sum = (sum * 31 + data[i] * (1 + (i % 997))) % 2147483647;
    return sum;
  });

/** Sets a range input to `v` as a reader would (an input event), and waits for the redraw. */
async function slide(page, name, v, kind) {
  const before = await draws(page, kind);
  await page.$eval(
    `${FIGURE} [name=${name}]`,
    (input, x) => {
      input.value = String(x);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    v,
  );
  await page.waitForFunction(
    ([sel, k, n]) => Number(document.querySelector(sel).dataset[`${k}Draws`] ?? 0) > n,
    [FIGURE, kind, before],
  );
}

test('the change-of-variables figure draws, agrees with the Gamma density and reacts', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}figures/change-of-variables.html`);
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.state === 'ready', FIGURE, {
    timeout: 20_000,
  });
  const firstPicture = await page.evaluate(() => performance.now()); // since navigation began
  for (const canvas of ['.cv-line-canvas', '.cv-plane-canvas']) {
    const stats = await canvasStats(page, `${FIGURE} ${canvas}`);
    assert.ok(stats.colours >= 8 && stats.luminanceStd > 3, `${canvas} is blank: ${JSON.stringify(stats)}`);
  }
  // k = 2, θ = 1: the formula equals the Gamma pdf, integrates to 1, and the samples' moments are k θ, k θ².
  assert.ok((await value(page, 'max-diff')) < 1e-9, `max difference ${await value(page, 'max-diff')}`);
  assert.ok(Math.abs((await value(page, 'mass')) - 1) < 1e-5);
  assert.ok(Math.abs((await value(page, 'mean')) - 2) < 0.06, `mean ${await value(page, 'mean')}`); // 4 s.e.
  assert.ok(Math.abs((await value(page, 'variance')) - 2) < 0.2, `variance ${await value(page, 'variance')}`);
  // The wave at strength 0.6 (b = 0.54) maps each coordinate by x + 0.27 sin 2x, increasing, so
  // the box [-4, 4]² holds the image of [-x*, x*]² with x* + 0.27 sin 2x* = 4, x* = 3.747257:
  // (2Φ(x*) - 1)² = 0.999642 (bisection and erf, outside the code under test).
  assert.ok(Math.abs((await value(page, 'box-mass')) - 0.999642) < 2e-4, `box mass ${await value(page, 'box-mass')}`);
  // It opens on a map that squeezes: where cos 2x_i < 0, ln|det| = Σ ln(1 + 0.54 cos 2x_i) < 0.
  const plane0 = await page.$eval(`${FIGURE} .cv-plane-canvas`, (c) => c.getBoundingClientRect().toJSON());
  const seen = [];
  for (const [fx, fy] of [
    [0.7, 0.3],
    [0.3, 0.3],
    [0.5, 0.5],
  ]) {
    const n = await draws(page, 'at');
    await page.mouse.move(plane0.x + plane0.width * fx, plane0.y + plane0.height * fy);
    await page.waitForFunction(([sel, k]) => Number(document.querySelector(sel).dataset.atDraws ?? 0) > k, [FIGURE, n]);
    const x = (await page.$eval(`${FIGURE} dd[data-key="at-x"]`, (dd) => dd.dataset.value)).split(',').map(Number);
    const expected = x.reduce((sum, v) => sum + Math.log(1 + 0.54 * Math.cos(2 * v)), 0);
    const logDet = await value(page, 'log-det');
    assert.ok(Math.abs(logDet - expected) < 1e-9, `log det ${logDet} at x = ${x}, expected ${expected}`);
    seen.push(logDet);
  }
  assert.ok(Math.min(...seen) < -0.5 && Math.max(...seen) > 0.5, `the wave should squeeze and stretch: ${seen}`);
  await screenshot(page, 'figure-change-of-variables-en');

  // The language switch rewrites the labels.
  const title = await text(page, '.cv-line .cv-title');
  await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('zh-Hant')));
  const zh = await text(page, '.cv-line .cv-title');
  assert.notEqual(zh, title);
  assert.match(zh, /高斯/);
  assert.match(await text(page, 'option[value=radial]'), /徑向/);
  await screenshot(page, 'figure-change-of-variables-zh-Hant');
  await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('en')));

  // Moving k changes the 1D picture and the moments follow k θ; the Gamma still matches.
  const line = await pixels(page, '.cv-line-canvas');
  await slide(page, 'shape', 6, 'line');
  assert.notEqual(await pixels(page, '.cv-line-canvas'), line, 'the 1D picture did not change');
  assert.ok(Math.abs((await value(page, 'mean')) - 6) < 0.1, `mean ${await value(page, 'mean')}`);
  assert.ok((await value(page, 'max-diff')) < 1e-9);

  // A map of the plane and its strength; the pointer reads log|det| (the affine map's is ln(1 - 0.49 s²)).
  const plane = await pixels(page, '.cv-plane-canvas');
  await page.selectOption(`${FIGURE} [name=map]`, 'affine');
  await slide(page, 'strength', 1, 'plane');
  assert.notEqual(await pixels(page, '.cv-plane-canvas'), plane, 'the 2D picture did not change');
  const box = await page.$eval(`${FIGURE} .cv-plane-canvas`, (c) => c.getBoundingClientRect().toJSON());
  const before = await draws(page, 'at');
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.3);
  await page.waitForFunction(([sel, n]) => Number(document.querySelector(sel).dataset.atDraws ?? 0) > n, [FIGURE, before]);
  assert.ok(Math.abs((await value(page, 'log-det')) - Math.log(0.51)) < 1e-9, `log det ${await value(page, 'log-det')}`);
  // The keyboard moves the probe: the affine map's log|det| is the same everywhere.
  const afterMouse = await draws(page, 'at');
  await page.focus(`${FIGURE} .cv-plane-canvas`);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(([sel, n]) => Number(document.querySelector(sel).dataset.atDraws) > n, [FIGURE, afterMouse]);
  assert.ok(Math.abs((await value(page, 'log-det')) - Math.log(0.51)) < 1e-9);
  assert.ok(firstPicture < 3000, `first picture after ${firstPicture} ms`);
  assert.deepEqual(problems, []);
});

test('attributes set the start, and bad ones are clamped or ignored', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}figures/change-of-variables.html`);
  await page.evaluate(() => {
    document.querySelector('flow-change-of-variables').remove();
    const figure = document.createElement('flow-change-of-variables');
    Object.entries({ shape: '99', scale: 'abc', map: 'twist', strength: '-3' }).forEach(([k, v]) =>
      figure.setAttribute(k, v),
    );
    document.body.append(figure);
  });
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.state === 'ready', FIGURE);
  const inputs = await page.$eval(FIGURE, (el) =>
    ['shape', 'scale', 'strength', 'map'].map((n) => el.querySelector(`[name=${n}]`).value),
  );
  assert.deepEqual(inputs, ['10', '1', '0', 'wave']);
  // k = 10, θ = 1: the moments follow, and strength 0 leaves N(0, I): (2Φ(4) - 1)² of it in the box.
  assert.ok(Math.abs((await value(page, 'mean')) - 10) < 0.15, `mean ${await value(page, 'mean')}`);
  assert.ok(Math.abs((await value(page, 'box-mass')) - 0.999873) < 2e-4);
  assert.deepEqual(problems, []);
});
