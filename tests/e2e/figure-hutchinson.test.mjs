// <flow-hutchinson> on its own page: on v = A x the exact log-density is the closed form
// log N(e^{-A} x) - tr A and the one-probe variance is (A12 + A21)² (Rademacher) or
// 2 ||sym A||²_F (Gaussian); for every k the mean of the estimates is within 4 standard errors of
// the exact value and their variance near Var₁ / k, and the gap readout says how often chance alone
// gives a gap as large; the same on a trained model.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, openPage, screenshot, startSession } from './harness.mjs';

const A = [0.4, 1.0, -0.6, -0.2]; // the worker's linear field
const LADDER = [1, 2, 4, 8, 16, 32, 64];

let session;
before(async () => {
  session = await startSession({ maxSeconds: 240 });
});
after(async () => {
  await session?.close();
});

/** e^M for a 2x2 M (row-major) in closed form: e^s (c I + g (M - s I)), s = tr M / 2. */
function expm2([a, b, c, d]) {
  const s = (a + d) / 2;
  const q = (a - s) * (d - s) - b * c; // det(M - sI) = -δ²
  const delta = Math.sqrt(Math.abs(q));
  const [ch, g] =
    q < 0 ? [Math.cosh(delta), Math.sinh(delta) / delta] : q > 0 ? [Math.cos(delta), Math.sin(delta) / delta] : [1, 1];
  const e = Math.exp(s);
  return [e * (ch + g * (a - s)), e * g * b, e * g * c, e * (ch + g * (d - s))];
}

const logNormal = ([x, y]) => -(x * x + y * y) / 2 - Math.log(2 * Math.PI);

async function waitReady(page) {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('flow-hutchinson').dataset.state), null, {
    timeout: 120_000,
  });
  assert.equal(await page.getAttribute('flow-hutchinson', 'data-state'), 'ready', await page.textContent('.nb-status'));
}

/** The readouts at slider position i (k = 2^i). */
async function at(page, i) {
  return page.evaluate(async (value) => {
    const slider = document.querySelector('.fh-slider');
    slider.value = String(value);
    slider.dispatchEvent(new Event('input'));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const dd = (key) => document.querySelector(`dd[data-key="${key}"]`).dataset;
    return {
      k: Number(document.querySelector('.fh-k').textContent),
      point: dd('point').value.split(',').map(Number),
      exact: Number(dd('exact').value),
      mean: Number(dd('mean').value),
      se: Number(dd('mean').se),
      repeats: Number(dd('mean').repeats),
      variance: Number(dd('variance').value),
      predicted: Number(dd('predicted').value),
      gap: Number(dd('gap').value),
      chance: Number(dd('gap').chance),
      gapText: document.querySelector('dd[data-key="gap"]').textContent,
    };
  }, i);
}

/** Checks unbiasedness and the 1/k law at every k; returns the readouts. */
async function checkLadder(page, var1) {
  const rows = [];
  for (let i = 0; i < LADDER.length; i++) rows.push(await at(page, i));
  assert.deepEqual(rows.map((r) => r.k), LADDER);
  for (const r of rows) {
    if (var1 !== undefined) assert.ok(Math.abs(r.predicted - var1 / r.k) < 1e-9 * var1, `k = ${r.k}: ${r.predicted} vs ${var1 / r.k}`);
    assert.ok(Math.abs(r.mean - r.exact) < 4 * r.se, `k = ${r.k}: mean ${r.mean} vs exact ${r.exact}, s.e. ${r.se}`);
    assert.ok(Math.abs(r.se - Math.sqrt(r.variance / r.repeats)) < 1e-9, 'the standard error is sqrt(variance / n)');
    assert.ok(Math.abs(r.variance / r.predicted - 1) < 0.2, `k = ${r.k}: variance ${r.variance} vs ${r.predicted}`);
    // The gap readout says how often chance alone gives a gap as large: P(|N(0, 1)| ≥ gap).
    assert.ok(Math.abs(r.gap - Math.abs(r.mean - r.exact) / r.se) < 1e-9, `k = ${r.k}: gap ${r.gap}`);
    assert.ok(r.chance > 0 && r.chance <= 1 && r.gap < 1.959 === r.chance > 0.05, `k = ${r.k}: gap ${r.gap}, chance ${r.chance}`);
    assert.match(r.gapText, r.chance >= 0.05 ? /within 2 s\.e\./ : /chance alone|more than chance/, r.gapText);
  }
  return rows;
}

test('linear field: closed-form log p, variance (A12 + A21)² / k and 2||sym A||² / k', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}figures/hutchinson.html`);
  await page.evaluate(() => document.querySelector('flow-hutchinson').setAttribute('field', 'linear'));
  await waitReady(page);
  const first = await at(page, 0);
  const e = expm2(A.map((v) => -v));
  const [x, y] = first.point;
  const want = logNormal([e[0] * x + e[1] * y, e[2] * x + e[3] * y]) - (A[0] + A[3]);
  assert.ok(Math.abs(first.exact - want) < 1e-5, `exact ${first.exact} vs closed form ${want}`);
  const rademacher = await checkLadder(page, (A[1] + A[2]) ** 2);
  assert.ok(rademacher[6].variance < rademacher[0].variance / 30, 'the spread shrinks with k');
  for (const selector of ['.fh-exact', '.fh-estimate', '.fh-hist', '.fh-variance']) {
    const stats = await canvasStats(page, selector);
    assert.ok(stats.colours >= 3 && stats.luminanceStd > 1, `${selector} is blank: ${JSON.stringify(stats)}`);
  }
  await page.selectOption('.fh-probe', 'gaussian');
  await waitReady(page);
  await checkLadder(page, 2 * (A[0] ** 2 + A[3] ** 2) + (A[1] + A[2]) ** 2);
  assert.deepEqual(problems, []);
});

test('trained model: unbiased at every k, variance falling like 1/k; both languages', async () => {
  for (const [width, height, tag] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
    const { page, problems } = await openPage(session.browser, `${session.url}figures/hutchinson.html`);
    await page.setViewportSize({ width, height });
    await waitReady(page);
    if (tag === 'desktop') await checkLadder(page);
    await at(page, 3);
    await screenshot(page, `figure-hutchinson-${tag}-en`);
    assert.equal(await page.textContent('dt[data-key="exact"]'), 'exact log p₁(x) (tr B)');
    await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('zh-Hant')));
    assert.match(await page.textContent('.fh-slider-label'), /探測向量數/);
    await page.waitForTimeout(100);
    await screenshot(page, `figure-hutchinson-${tag}-zh-Hant`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});
