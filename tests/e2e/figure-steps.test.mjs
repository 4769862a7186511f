// <flow-steps> on its own page: on v = A x the solvers' errors fall with the slopes of their
// orders (1, 2, 4, 5); on the three trained models the budgets are spent as shown, the minibatch-OT
// and the reflowed model's paths are straighter and their few-step samples closer to the data; both
// languages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, openPage, screenshot, startSession } from './harness.mjs';

let session;
before(async () => {
  session = await startSession({ maxSeconds: 400 });
});
after(async () => {
  await session?.close();
});

async function waitReady(page) {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('flow-steps').dataset.state), null, {
    timeout: 300_000,
  });
  assert.equal(await page.getAttribute('flow-steps', 'data-state'), 'ready', await page.textContent('.nb-status'));
}

/** Chooses slider position i and returns the readouts and the table. */
async function at(page, i) {
  return page.evaluate(async (value) => {
    const slider = document.querySelector('.fs-slider');
    slider.value = String(value);
    slider.dispatchEvent(new Event('input'));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const dd = (key) => document.querySelector(`dd[data-key="${key}"]`).dataset.value;
    const table = {};
    for (const td of document.querySelectorAll('.fs-table td')) {
      const scheme = td.closest('tr').dataset.scheme;
      table[`${scheme}/${td.dataset.coupling}/${td.dataset.metric}`] = { value: Number(td.dataset.value), spent: Number(td.dataset.spent) };
    }
    return {
      nfe: Number(dd('nfe')),
      orders: dd('orders').split(',').map(Number),
      straight: [Number(dd('straightIndependent')), Number(dd('straightOt')), Number(dd('straightReflow'))],
      table,
    };
  }, i);
}

test('solver orders on v = A x, budgets, straighter OT paths; both languages and sizes', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}figures/steps.html`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await waitReady(page);
  const first = await at(page, 0);
  assert.equal(first.nfe, 1);
  first.orders.forEach((p, i) => assert.ok(Math.abs(p - [1, 2, 4, 5][i]) < 0.25, `observed orders ${first.orders}`));
  // One evaluation pays for one Euler step and for no step of the others.
  assert.equal(first.table['euler/ot/energy'].spent, 1);
  for (const s of ['midpoint', 'rk4', 'dopri5']) assert.ok(Number.isNaN(first.table[`${s}/ot/energy`].value), s);
  const [independent, ot, reflowed] = first.straight;
  assert.ok(independent > 1 && ot >= 1 && ot < independent, `length / chord ${first.straight}`);
  assert.ok(reflowed >= 1 && reflowed - 1 < 0.1 * (independent - 1), `length / chord ${first.straight}`);
  const oneStep = (c) => first.table[`euler/${c}/energy`].value;
  assert.ok(oneStep('ot') < oneStep('independent'), `one Euler step: OT ${oneStep('ot')} vs independent ${oneStep('independent')}`);
  // Reflow's one-step samples: at least 3 times closer to the data than the model it was copied from.
  assert.ok(3 * oneStep('reflow') < oneStep('independent'), `one Euler step: reflowed ${oneStep('reflow')} vs independent ${oneStep('independent')}`);
  const last = await at(page, 10);
  assert.equal(last.nfe, 64);
  assert.equal(last.table['dopri5/ot/nll'].spent, 60);
  // With 64 evaluations RK4 and DOPRI5 agree on each model's NLL and samples.
  for (const c of ['independent', 'ot', 'reflow']) {
    assert.ok(Math.abs(last.table[`rk4/${c}/nll`].value - last.table[`dopri5/${c}/nll`].value) < 0.01, c);
    assert.ok(last.table[`rk4/${c}/energy`].value < last.table[`euler/${c}/energy`].value + 0.01, c);
  }
  for (const selector of ['.fs-independent', '.fs-ot', '.fs-reflow', '.fs-quality', '.fs-orders']) {
    const stats = await canvasStats(page, selector);
    assert.ok(stats.colours >= 3 && stats.luminanceStd > 1, `${selector} is blank: ${JSON.stringify(stats)}`);
  }
  await at(page, 2);
  await screenshot(page, 'figure-steps-desktop-en');
  await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('zh-Hant')));
  assert.match(await page.textContent('.fs-slider-label'), /函數求值次數/);
  await page.waitForTimeout(100);
  await screenshot(page, 'figure-steps-desktop-zh-Hant');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await screenshot(page, 'figure-steps-phone-zh-Hant');
  await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('en')));
  await page.waitForTimeout(100);
  await screenshot(page, 'figure-steps-phone-en');
  // The score tables fit the phone's width: nothing hidden behind a sideways scroll.
  const wrap = await page.$eval('.fs-table-wrap', (w) => [w.scrollWidth, w.clientWidth]);
  assert.ok(wrap[0] <= wrap[1], `the tables are ${wrap[0]} px wide in ${wrap[1]} px`);
  assert.deepEqual(problems, []);
});
