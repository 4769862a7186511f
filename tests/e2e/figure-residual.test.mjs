// <flow-residual> on its own page: a model trains, residual flows with K = 1..256 steps converge to
// the ODE at first order, the slider changes the picture, and the labels follow the language.
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

/** Moves the K slider to position i (K = 2^i) and returns the readouts once drawn. */
async function choose(page, i) {
  return page.evaluate(async (value) => {
    const slider = document.querySelector('.fr-slider');
    slider.value = String(value);
    slider.dispatchEvent(new Event('input'));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const read = (key) => document.querySelector(`dd[data-key="${key}"]`).dataset.value;
    return {
      k: Number(read('k')),
      position: Number(read('position')),
      density: Number(read('density')),
      order: Number(read('order')),
      invertible: read('invertible'),
      image: document.querySelector('.fr-cloud').toDataURL(),
    };
  }, i);
}

test('residual flows converge to the ODE at first order', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}figures/residual.html`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('flow-residual').dataset.state), null, {
    timeout: 90_000,
  });
  assert.equal(await page.getAttribute('flow-residual', 'data-state'), 'ready', await page.textContent('.nb-status'));
  for (const selector of ['.fr-cloud', '.fr-plot']) {
    const stats = await canvasStats(page, selector);
    assert.ok(stats.colours >= 3 && stats.luminanceStd > 1, `${selector} is blank: ${JSON.stringify(stats)}`);
  }
  const levels = [];
  for (let i = 0; i <= 8; i++) levels.push(await choose(page, i));
  assert.deepEqual(levels.map((l) => l.k), [1, 2, 4, 8, 16, 32, 64, 128, 256]);
  // Errors shrink as K grows; from K = 8 on, each doubling halves them (observed order near 1).
  for (let i = 1; i < levels.length; i++) assert.ok(levels[i].position < levels[i - 1].position, JSON.stringify(levels.map((l) => l.position)));
  assert.ok(levels[8].position < levels[0].position / 50);
  for (const l of levels.slice(4)) {
    const fromErrors = Math.log2(levels[levels.indexOf(l) - 1].position / l.position);
    assert.ok(Math.abs(l.order - fromErrors) < 0.01, `the readout's order ${l.order} vs ${fromErrors}`);
    assert.ok(l.order > 0.85 && l.order < 1.15, `K = ${l.k}: observed order ${l.order}`);
    assert.equal(l.invertible, 'true');
    assert.ok(l.density > 0 && l.density < levels[levels.indexOf(l) - 1].density, `log-density error at K = ${l.k}`);
  }
  // A step that folds the plane (det(I + h du/dx) <= 0) leaves log p undefined: no number shown.
  for (const l of levels) if (l.invertible === 'false') assert.ok(Number.isNaN(l.density), `K = ${l.k}`);
  const densityOrder = Math.log2(levels[7].density / levels[8].density);
  assert.ok(densityOrder > 0.85 && densityOrder < 1.15, `log-density order ${densityOrder}`);
  // The slider changes the picture.
  assert.notEqual(levels[0].image, levels[8].image);
  assert.notEqual(levels[3].image, levels[4].image);

  await choose(page, 0);
  await screenshot(page, 'figure-residual-k1-en');
  await choose(page, 3);
  await screenshot(page, 'figure-residual-en');
  const label = () => page.textContent('dt[data-key="position"]');
  assert.equal(await label(), 'position RMS error');
  await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('zh-Hant')));
  assert.equal(await label(), '位置均方根誤差');
  assert.match(await page.textContent('.fr-slider-label'), /殘差步數/);
  await page.waitForTimeout(100);
  await screenshot(page, 'figure-residual-zh-Hant');
  assert.deepEqual(problems, []);
});
