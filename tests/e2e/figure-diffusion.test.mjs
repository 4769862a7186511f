// <flow-diffusion> on its own page: the SDE and the ODE carry noise (t = 0) to the 8 Gaussians
// (t = t_max) with the same marginals; slider, play, resampling and the language switch work.
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
  page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('flow-diffusion').dataset.state), null, {
    timeout: 60_000,
  });

/** Sets the time slider (0..1000) and the coordinate, and returns the readouts once drawn. */
function readAt(page, slider, axis) {
  return page.evaluate(
    async ([value, coordinate]) => {
      const input = document.querySelector('.fd-slider');
      input.value = String(value);
      input.dispatchEvent(new Event('input'));
      const select = document.querySelector('.fd-axis');
      select.value = String(coordinate);
      select.dispatchEvent(new Event('change'));
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const data = (key) => ({ ...document.querySelector(`dd[data-key="${key}"]`).dataset });
      const numbers = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number(v)]));
      return {
        frame: Number(document.querySelector('flow-diffusion').dataset.frame),
        time: document.querySelector('.fd-t').textContent,
        means: numbers(data('means')),
        variances: numbers(data('variances')),
        dmean: numbers(data('dmean')),
        dvar: numbers(data('dvar')),
        image: document.querySelector('.fd-sde').toDataURL(),
      };
    },
    [slider, axis],
  );
}

test('the SDE and its probability-flow ODE share their marginals', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}figures/diffusion.html`);
  await ready(page);
  assert.equal(await page.getAttribute('flow-diffusion', 'data-state'), 'ready', await page.textContent('.nb-status'));
  for (const selector of ['.fd-sde', '.fd-ode', '.fd-hist']) {
    const stats = await canvasStats(page, selector);
    assert.ok(stats.colours >= 3 && stats.luminanceStd > 1, `${selector} is blank: ${JSON.stringify(stats)}`);
  }
  // At t_max (the data): means agree within a few standard errors, and both variances match the
  // exact r^2/2 + sigma^2 of the 8 Gaussians.
  for (const axis of [0, 1]) {
    const end = await readAt(page, 1000, axis);
    assert.match(end.time, /tₘₐₓ/);
    assert.ok(Math.abs(end.dmean.value) < 4, `axis ${axis}: mean difference ${JSON.stringify(end.dmean)}`);
    assert.ok(Math.abs(end.dvar.value) < 4, `axis ${axis}: variance difference ${JSON.stringify(end.dvar)}`);
    assert.ok(Math.abs(end.means.sde) < 0.3 && Math.abs(end.means.ode) < 0.3, JSON.stringify(end.means));
    assert.ok(Math.abs(end.variances.exact - (8 / 1.414 ** 2 + 0.25 / 1.414 ** 2)) < 0.01, JSON.stringify(end.variances));
    for (const v of [end.variances.sde, end.variances.ode]) assert.ok(Math.abs(v / end.variances.exact - 1) < 0.1, JSON.stringify(end.variances));
  }
  // The standing number: the agreement at t_max over both coordinates.
  const final = await page.evaluate(() => ({ ...document.querySelector('dd[data-key="final"]').dataset }));
  assert.ok(Number(final.value) < 4, JSON.stringify(final));
  assert.match(await page.textContent('dd[data-key="final"]'), /^means x -?\d\.\d SE, y -?\d\.\d SE · variances x -?\d\.\d SE, y -?\d\.\d SE$/);
  // At t = 0 both are the noise, N(0, I) up to α_1 ≈ 0.007: variance 1; the picture differs.
  const start = await readAt(page, 0, 0);
  const end = await readAt(page, 1000, 0);
  assert.equal(start.frame, 0);
  assert.ok(end.frame > 50, `frames: ${end.frame}`);
  assert.ok(Math.abs(start.variances.exact - 1) < 1e-3 && Math.abs(start.variances.sde - 1) < 0.12, JSON.stringify(start.variances));
  assert.equal(start.means.sde, start.means.ode, 'both start from the same points');
  assert.notEqual(start.image, end.image);
  await screenshot(page, 'figure-diffusion-en');

  // Play runs the time from the start; Pause stops it.
  await page.click('.fd-play');
  await page.waitForTimeout(600);
  await page.click('.fd-play');
  const played = Number(await page.getAttribute('flow-diffusion', 'data-frame'));
  assert.ok(played > 0 && played < end.frame, `frame after playing: ${played}`);
  await page.waitForTimeout(300);
  assert.equal(Number(await page.getAttribute('flow-diffusion', 'data-frame')), played, 'paused');

  // New samples: another seed, other numbers.
  await page.click('.fd-resample');
  await page.waitForFunction(() => document.querySelector('flow-diffusion').dataset.state === 'computing');
  await ready(page);
  const again = await readAt(page, 1000, 0);
  assert.notEqual(again.means.sde, end.means.sde);
  assert.ok(Math.abs(again.dmean.value) < 4, JSON.stringify(again.dmean));

  assert.equal(await page.textContent('.fd-play'), 'Play');
  assert.equal(await page.textContent('dt[data-key="dmean"]'), 'mean, SDE − ODE');
  await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('zh-Hant')));
  assert.equal(await page.textContent('.fd-play'), '播放');
  assert.equal(await page.textContent('dt[data-key="dmean"]'), '平均之差，SDE − ODE');
  await page.waitForTimeout(100);
  await screenshot(page, 'figure-diffusion-zh-Hant');
  assert.deepEqual(problems, []);
});
