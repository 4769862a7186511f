// <flow-ode-sde> on its own page: flow matching's ODE and its SDEs for ε = 0.5, 1, 2 carry the same
// noise along the linear path to 8 Gaussians; every sampler's moments agree with the exact p_t in
// standard errors, the paths apart grow with ε; slider, ε, resampling and the language switch work;
// subscripts are typeset.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, openPage, screenshot, startSession } from './harness.mjs';

let session;
before(async () => {
  session = await startSession({ maxSeconds: 120 });
});
after(async () => {
  await session?.close();
});

const ready = (page) =>
  page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('flow-ode-sde').dataset.state), null, {
    timeout: 60_000,
  });

/** Sets the time slider (0..1000) and returns the readouts' data once drawn. */
function readAt(page, slider) {
  return page.evaluate(async (value) => {
    const input = document.querySelector('.fd-slider');
    input.value = String(value);
    input.dispatchEvent(new Event('input'));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const data = (key) => ({ ...document.querySelector(`dd[data-key="${key}"]`).dataset });
    const host = document.querySelector('flow-ode-sde');
    return {
      t: Number(host.dataset.t),
      exact: data('exact'),
      ode: data('ode'),
      sde: data('sde'),
      apart: data('apart').value.split(' ').map(Number),
      image: document.querySelector('.fo-sde').toDataURL(),
    };
  }, slider);
}

test('the ODE and its SDEs share the exact marginals, not the paths', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}figures/ode-sde.html`);
  await ready(page);
  assert.equal(await page.getAttribute('flow-ode-sde', 'data-state'), 'ready', await page.textContent('.nb-status'));
  for (const selector of ['.fo-ode', '.fo-sde']) {
    const stats = await canvasStats(page, selector);
    assert.ok(stats.colours >= 3 && stats.luminanceStd > 1, `${selector} is blank: ${JSON.stringify(stats)}`);
  }
  // Closed forms: at t = 0 the exact p_t is N(0, I); at t = 1 the 8 Gaussians, mean 0 and variance
  // r²/2 + σ² = (8 + 0.25)/1.414² per coordinate; at t = 1/2 the variance is (r²/2 + σ²)/4 + 1/4.
  const atData = (8 + 0.25) / 1.414 ** 2;
  const start = await readAt(page, 0);
  assert.equal(start.t, 0);
  assert.equal(Number(start.exact.varX), 1);
  assert.equal(Number(start.exact.meanX), 0);
  const middle = await readAt(page, 500);
  assert.equal(middle.t, 0.5);
  assert.ok(Math.abs(Number(middle.exact.varY) - (atData / 4 + 0.25)) < 1e-9, JSON.stringify(middle.exact));
  const end = await readAt(page, 1000);
  assert.equal(end.t, 1);
  assert.ok(Math.abs(Number(end.exact.varX) - atData) < 1e-9, JSON.stringify(end.exact));
  // Every sampler within 4.5 standard errors of the exact means and variances (8 numbers a sampler,
  // four samplers: the largest of 32 |z| values), at t = 1/2 and t = 1.
  for (const at of [middle, end]) {
    assert.ok(Number(at.ode.value) < 4.5, `ODE at t = ${at.t}: ${JSON.stringify(at.ode)}`);
    assert.ok(Number(at.sde.value) < 4.5, `SDEs at t = ${at.t}: ${JSON.stringify(at.sde)}`);
    assert.ok(Math.abs(Number(at.ode.varX) / atData - (at.t === 1 ? 1 : 0.25 + 0.25 / atData)) < 0.15, JSON.stringify(at.ode));
  }
  // The paths: from the same start, the SDE points move away from the ODE's, more for larger ε.
  assert.deepEqual(start.apart, [0, 0, 0]);
  assert.ok(end.apart[0] > 0.1 && end.apart[0] < end.apart[1] && end.apart[1] < end.apart[2], `${end.apart}`);
  assert.notEqual(start.image, end.image);

  // The ε select switches the right panel.
  await page.selectOption('.fo-noise', '2');
  await page.waitForTimeout(100);
  const louder = await page.evaluate(() => document.querySelector('.fo-sde').toDataURL());
  assert.notEqual(louder, end.image);
  await screenshot(page, 'figure-ode-sde-en');

  // New samples: another seed, other numbers, still in agreement.
  await page.click('.fd-resample');
  await page.waitForFunction(() => document.querySelector('flow-ode-sde').dataset.state === 'computing');
  await ready(page);
  const again = await readAt(page, 1000);
  assert.notEqual(again.ode.meanX, end.ode.meanX);
  assert.ok(Number(again.sde.value) < 4.5, JSON.stringify(again.sde));

  // Subscripts as <sub> elements (the canvas titles use Unicode ones); no raw underscore anywhere.
  const underscores = () => page.evaluate(() => document.querySelector('flow-ode-sde').innerText.match(/\S*_\S*/g));
  assert.equal(await page.innerHTML('dt[data-key="exact"]'), 'exact p<sub>t</sub>: mean · variances x, y');
  assert.equal(await underscores(), null);
  assert.equal(await page.textContent('.fd-play'), 'Play');
  await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('zh-Hant')));
  assert.equal(await page.textContent('.fd-play'), '播放');
  assert.equal(await page.textContent('dt[data-key="apart"]'), '路徑：與 ODE 點的平均距離');
  assert.equal(await page.innerHTML('dt[data-key="exact"]'), '精確的 p<sub>t</sub>：平均 · x、y 的變異數');
  assert.equal(await underscores(), null);
  await page.waitForTimeout(100);
  await screenshot(page, 'figure-ode-sde-zh-Hant');
  assert.deepEqual(problems, []);
});
