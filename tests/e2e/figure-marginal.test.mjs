// <flow-marginal> on its own page: a model trains; at a point the exact-field readout equals the
// closed form (computed here) and the core's marginal_field called directly; the average of the
// lines through the point agrees with it within its standard error wherever enough lines count (at
// t = 0.95 too), and is called unreliable where they do not; the learned field's error is finite
// and small; the exact density has mass 1 on the grid; t and the point move the picture; the
// labels follow the language, with subscripts and no raw underscores.
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
      return host.dataset.state === 'ready' && Number(host.dataset.t) === t && dd.dataset.x !== 'NaN' && dd.dataset.reliable !== 'null';
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
      average: { ...data('average'), text: document.querySelector('dd[data-key="average"]').textContent },
      learned: data('learned'),
      errors: data('relative'),
      mass: data('mass'),
      image: document.querySelector('.fmg-pairs').toDataURL(),
    };
  });
}

/**
 * The lines' average against the exact u_t: where the readout calls it reliable, enough lines count
 * and it is within 4 of its standard errors (plus 0.02, the O(1/n) bias of the ratio) of u_t in each
 * coordinate; otherwise the readout says it is unreliable. Returns whether it was reliable.
 */
function checkAverage(r, closed) {
  const average = [Number(r.average.x), Number(r.average.y)];
  const se = [Number(r.average.seX), Number(r.average.seY)];
  const effective = Number(r.average.effective);
  assert.ok(average.every(Number.isFinite) && effective >= 1, JSON.stringify(r.average));
  if (r.average.reliable !== 'true') {
    assert.equal(r.average.reliable, 'false');
    assert.ok(effective < 50, `effective ${effective} lines, yet called unreliable`);
    assert.match(r.average.text, /unreliable/);
    return false;
  }
  assert.ok(effective >= 50, `effective ${effective}`);
  for (let d = 0; d < 2; d++) {
    assert.ok(se[d] > 0 && Number.isFinite(se[d]), `standard error ${se}`);
    assert.ok(
      Math.abs(average[d] - closed[d]) < 4 * se[d] + 0.02,
      `t = ${r.t}, point (${r.point.x}, ${r.point.y}): average ${average} ± ${se} vs exact ${closed} (effective ${effective})`,
    );
  }
  assert.match(r.average.text, /±/);
  return true;
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
    // 100 000 lines through the point: their posterior-weighted targets average to u_t within Monte
    // Carlo error. Up to t = 0.5 many lines count at this point; at t = 0.8, where p_t of it is 2e-3 of
    // the peak, a few dozen do, just about enough or not, depending on the samples.
    const average = [Number(r.average.x), Number(r.average.y)];
    const reliable = checkAverage(r, closed);
    if (r.t <= 0.5) {
      assert.ok(reliable, `t = ${r.t}: ${r.average.text}`);
      const gap = Math.hypot(average[0] - closed[0], average[1] - closed[1]);
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

  // t = 0.95 at (1, 0.5), between two clusters: p_t there is 8e-6 of its peak, so the lines through
  // it that end near a data sample start far out in N(0, I)'s tail, and one or two carry all the
  // weight. The exact readout is still the closed form; the average is called unreliable.
  const late = await readAt(page, 19);
  const lateClosed = exactVelocity(late.t, [Number(late.point.x), Number(late.point.y)]);
  assert.ok(Math.abs(Number(late.exact.x) - lateClosed[0]) < 1e-9 && Math.abs(Number(late.exact.y) - lateClosed[1]) < 1e-9);
  assert.equal(checkAverage(late, lateClosed), false, `t = 0.95 at (1, 0.5): ${late.average.text}`);

  // A click on a panel moves the point, and the readouts follow: into a cluster, where at t = 0.95
  // enough lines count and the average agrees with u_t within its standard error.
  const box = await page.locator('.fmg-exact').boundingBox();
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.3);
  await page.waitForFunction(() => Number(document.querySelector('dd[data-key="point"]').dataset.x) < -1.5);
  const inCluster = await readAt(page, 19);
  const clusterClosed = exactVelocity(inCluster.t, [Number(inCluster.point.x), Number(inCluster.point.y)]);
  assert.equal(checkAverage(inCluster, clusterClosed), true, `t = 0.95 in a cluster: ${inCluster.average.text}`);
  const moved = await readAt(page, 10);
  const at = [Number(moved.point.x), Number(moved.point.y)];
  const closed = exactVelocity(0.5, at);
  assert.ok(Math.abs(Number(moved.exact.x) - closed[0]) < 1e-9 && Math.abs(Number(moved.exact.y) - closed[1]) < 1e-9);
  checkAverage(moved, closed);

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await screenshot(page, `figure-marginal-${width}-en`);
  }
  // Subscripts as <sub> elements, as in the other figures; no raw underscore anywhere in the figure.
  const label = () => page.innerHTML('dt[data-key="exact"]');
  const underscores = () => page.evaluate(() => document.querySelector('flow-marginal').innerText.match(/\S*_\S*/g));
  assert.equal(await label(), 'exact u<sub>t</sub>(x)');
  assert.equal(await page.innerHTML('.fmg-title[data-panel="learned"]'), 'Learned: p<sub>t</sub> of the model and v<sub>θ</sub>(x, t)');
  assert.equal(await underscores(), null);
  await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('zh-Hant')));
  assert.equal(await label(), '精確 u<sub>t</sub>(x)');
  assert.equal(await underscores(), null);
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
