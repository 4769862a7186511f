// <flow-marginal> on its own page: a model trains; at a point the exact-field readout equals the
// closed form (computed here) and the core's marginal_field called directly; the average of the
// lines through the point agrees with it; the learned field's error is finite and small; the exact
// density has mass 1 on the grid; t and the point move the picture; the labels follow the language.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, openPage, screenshot, startSession } from './harness.mjs';

let session;
before(async () => {
  session = await startSession({ maxSeconds: 200 });
});
after(async () => {
  await session?.close();
});

// FFJORD's 8 Gaussians: centres (4/1.414)(cos kπ/4, sin kπ/4), standard deviation 0.5/1.414.
const RADIUS = 4 / 1.414;
const VARIANCE = (0.5 / 1.414) ** 2;

/** u_t(x) on x_t = t x1 + (1 − t) x0, written out: Σ_k r_k [μ_k + ((t v − (1 − t)) / V)(x − t μ_k)]. */
function exactVelocity(t, [x, y]) {
  const big = t * t * VARIANCE + (1 - t) ** 2;
  const gain = (t * VARIANCE - (1 - t)) / big;
  let [total, ux, uy] = [0, 0, 0];
  for (let k = 0; k < 8; k++) {
    const [mx, my] = [RADIUS * Math.cos((k * Math.PI) / 4), RADIUS * Math.sin((k * Math.PI) / 4)];
    const [dx, dy] = [x - t * mx, y - t * my];
    const r = Math.exp(-(dx * dx + dy * dy) / (2 * big));
    total += r;
    ux += r * (mx + gain * dx);
    uy += r * (my + gain * dy);
  }
  return [ux / total, uy / total];
}

/** Sets the slider to step i (t = 0.05 i), waits until the figure is ready, returns the readouts. */
async function readAt(page, i) {
  await page.evaluate((value) => {
    const slider = document.querySelector('.fmg-slider');
    slider.value = String(value);
    slider.dispatchEvent(new Event('input'));
  }, i);
  await page.waitForFunction(
    (t) => {
      const host = document.querySelector('flow-marginal');
      const dd = document.querySelector('dd[data-key="average"]');
      return host.dataset.state === 'ready' && Number(host.dataset.t) === t && dd.dataset.x !== 'NaN';
    },
    i * 0.05,
    { timeout: 60_000 },
  );
  return page.evaluate(() => {
    const data = (key) => ({ ...document.querySelector(`dd[data-key="${key}"]`).dataset });
    return {
      t: Number(document.querySelector('flow-marginal').dataset.t),
      point: data('point'),
      exact: data('exact'),
      average: data('average'),
      learned: data('learned'),
      errors: data('relative'),
      mass: data('mass'),
      image: document.querySelector('.fmg-pairs').toDataURL(),
    };
  });
}

test('the marginal field: exact readouts, the lines’ average and the learned error', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}figures/marginal.html`);
  const state = () => page.getAttribute('flow-marginal', 'data-state');
  await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('flow-marginal').dataset.state), null, {
    timeout: 150_000,
  });
  assert.equal(await state(), 'ready', await page.textContent('.nb-status'));
  for (const selector of ['.fmg-pairs', '.fmg-exact', '.fmg-learned', '.fmg-error']) {
    const stats = await canvasStats(page, selector);
    assert.ok(stats.colours >= 3 && stats.luminanceStd > 1, `${selector} is blank: ${JSON.stringify(stats)}`);
  }
  const seen = [];
  for (const i of [4, 10, 16]) {
    const r = await readAt(page, i);
    seen.push(r);
    const point = [Number(r.point.x), Number(r.point.y)];
    const exact = [Number(r.exact.x), Number(r.exact.y)];
    const closed = exactVelocity(r.t, point);
    const direct = await page.evaluate(
      async ({ point, t }) => {
        const core = await import('/js/core.js');
        await core.loadCore();
        return Array.from(core.marginal_field(point, t).velocity);
      },
      { point, t: r.t },
    );
    for (let d = 0; d < 2; d++) {
      assert.ok(Math.abs(exact[d] - closed[d]) < 1e-9, `t = ${r.t}: readout ${exact} vs closed form ${closed}`);
      assert.equal(exact[d], direct[d], `t = ${r.t}: readout ${exact} vs marginal_field ${direct}`);
    }
    // 10 000 lines through the point: their posterior-weighted targets average to u_t within Monte
    // Carlo error. Late, at a point between the clusters, few lines carry the weight (the readout
    // says how many): there the average is only checked to be finite.
    const average = [Number(r.average.x), Number(r.average.y)];
    const gap = Math.hypot(average[0] - closed[0], average[1] - closed[1]);
    assert.ok(average.every(Number.isFinite) && Number(r.average.effective) >= 1, JSON.stringify(r.average));
    if (r.t <= 0.5) {
      assert.ok(Number(r.average.effective) > 100, `effective sample size ${r.average.effective}`);
      assert.ok(gap < 0.05 * Math.hypot(...closed) + 0.05, `t = ${r.t}: average ${average} vs exact ${closed}`);
    }
    // The learned field after 3000 steps: its mean error under p_t is finite and small, and from
    // t = 0.5 on (where u_t is not nearly 0 everywhere) within 20 % of the mean speed.
    const [error, relative] = [Number(r.errors.error), Number(r.errors.relative)];
    assert.ok(Number.isFinite(error) && error > 0 && error < 0.5, `t = ${r.t}: mean error ${error}`);
    if (r.t >= 0.5) assert.ok(relative < 0.2, `t = ${r.t}: relative error ${relative}`);
    const learned = [Number(r.learned.x), Number(r.learned.y)];
    assert.ok(learned.every(Number.isFinite), `learned ${learned}`);
    // p_t on the grid: the exact one has mass 1 (the box holds all but a sliver); the learned one nearly.
    assert.ok(Math.abs(Number(r.mass.exact) - 1) < 2e-3, `exact mass ${r.mass.exact}`);
    assert.ok(Math.abs(Number(r.mass.learned) - 1) < 0.1, `learned mass ${r.mass.learned}`);
  }
  assert.notEqual(seen[0].image, seen[2].image);

  // A click on a panel moves the point, and the readouts follow.
  const box = await page.locator('.fmg-exact').boundingBox();
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.3);
  await page.waitForFunction(() => Number(document.querySelector('dd[data-key="point"]').dataset.x) < -1.5);
  const moved = await readAt(page, 10);
  const at = [Number(moved.point.x), Number(moved.point.y)];
  const closed = exactVelocity(0.5, at);
  assert.ok(Math.abs(Number(moved.exact.x) - closed[0]) < 1e-9 && Math.abs(Number(moved.exact.y) - closed[1]) < 1e-9);

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await screenshot(page, `figure-marginal-${width}-en`);
  }
  const label = () => page.textContent('dt[data-key="exact"]');
  assert.equal(await label(), 'exact u_t(x)');
  await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('zh-Hant')));
  assert.equal(await label(), '精確 u_t(x)');
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await screenshot(page, `figure-marginal-${width}-zh-Hant`);
  }
  assert.deepEqual(problems, []);
});
