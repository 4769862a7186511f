// <flow-coupling> alone on its page: it opens with the shipped trained flow at its last step,
// without training, and the curves of that run; "Train from scratch" starts again from the identity
// and trains by maximum likelihood in a worker, the held-out NLL falls towards the entropy, the
// pictures are drawn, the labels follow the language, and the layer slider moves the points from
// the data to the Gaussian.
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

/** All readouts at once (training goes on between two separate reads). */
const readouts = (page) =>
  page.$$eval('flow-coupling [data-key]', (items) =>
    Object.fromEntries(items.map((item) => [item.dataset.key, Number(item.querySelector('dd').dataset.value)])),
  );
const stepAtLeast = (page, n, timeout = 40_000) =>
  page.waitForFunction((n) => Number(document.querySelector('flow-coupling').dataset.drawn) >= n, n, { timeout });
// Canvas bytes are kept and compared inside the page (sending them over is slow).
const keepPixels = (page, selector) =>
  page.$eval(selector, (c) => {
    window.kept = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  });
const changedPixels = (page, selector) =>
  page.$eval(selector, (c) => {
    const now = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let changed = 0;
    for (let i = 0; i < now.length; i++) if (now[i] !== window.kept[i]) changed++;
    return { changed, of: now.length };
  });

test('the coupling flow opens trained, trains from scratch, its pictures and numbers are right, labels follow the language', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}figures/coupling.html`);
  // Opens at the shipped flow's last step, drawn, with the curves of its run, and does not train.
  const shipped = await page.evaluate(() => fetch('/weights/index.json').then((r) => r.json()).then((i) => i.couplings[0]));
  await page.waitForFunction(() => document.querySelector('flow-coupling').dataset.drawn, null, { timeout: 20_000 });
  await page.waitForTimeout(1500);
  const opened = await readouts(page);
  const figure = () => page.$eval('flow-coupling', (f) => ({ ...f.dataset, status: f.querySelector('.fc-status').textContent }));
  const at = await figure();
  assert.equal(at.drawn, String(shipped.steps), 'the first picture is not the trained flow');
  assert.equal(at.state, 'done');
  assert.match(at.status, /Trained in advance for 3000 steps/);
  assert.equal(opened.step, shipped.steps);
  const speed = await page.$eval('flow-coupling [data-key=rate] dd', (dd) => dd.textContent);
  assert.equal(speed, '—', 'a training speed is shown: it trained');
  assert.ok(Math.abs(opened.nll - shipped.evaluation.nll) < 1e-3, `held-out NLL ${opened.nll}, index.json ${shipped.evaluation.nll}`);
  assert.ok(opened.kl < 0.5, `the shipped flow is not trained: KL ${opened.kl}`);
  for (const name of ['layers', 'samples', 'density', 'curves']) {
    const stats = await canvasStats(page, `flow-coupling .fc-${name} canvas`);
    assert.ok(stats.colours >= 4 && stats.luminanceStd > 2, `${name} panel is blank on opening: ${JSON.stringify(stats)}`);
  }
  await screenshot(page, 'figure-coupling-opened');

  // Train from scratch: the first picture (the untrained identity flow) comes quickly; its numbers, read in that frame:
  assert.equal(await page.$eval('flow-coupling .fc-reset', (b) => b.textContent), 'Train from scratch');
  await page.click('flow-coupling .fc-reset');
  const first = await page.waitForFunction(
    () => {
      const figure = document.querySelector('flow-coupling');
      if (figure?.dataset.drawn !== '0') return null;
      const read = (key) => Number(figure.querySelector(`[data-key=${key}] dd`).dataset.value);
      return { entropy: read('entropy'), nll: read('nll'), logdet: read('logdet') };
    },
    null,
    { timeout: 15_000, polling: 'raf' },
  );
  const { entropy, nll: nll0, logdet: logdet0 } = await first.jsonValue();
  assert.ok(Math.abs(entropy - 2.8319) < 1e-3, `8 Gaussians entropy ${entropy}`);
  // Identity flow: NLL = E|x|²/2 + ln 2π = (R² + 2σ²)/2 + ln 2π with R = 4/1.414, σ = 0.5/1.414: 5.96.
  assert.ok(Math.abs(nll0 - (8.25 / 2 + Math.log(2 * Math.PI))) < 0.15, `untrained NLL ${nll0}`);
  assert.equal(logdet0, 0, 'the identity flow has log|det| = 0');

  await stepAtLeast(page, 400);
  const { nll, base, logdet, kl } = await readouts(page);
  assert.ok(nll < nll0 - 2, `held-out NLL did not fall: ${nll0} -> ${nll}`);
  assert.ok(Math.abs(nll + base + logdet) < 2e-3, `NLL ${nll} is not -(base ${base} + log-det ${logdet})`);
  assert.ok(Math.abs(kl - (nll - entropy)) < 2e-3 && kl > -0.1, `KL ${kl}`);
  for (const name of ['layers', 'samples', 'density', 'curves']) {
    const stats = await canvasStats(page, `flow-coupling .fc-${name} canvas`);
    assert.ok(stats.colours >= 4 && stats.luminanceStd > 2, `${name} panel is blank: ${JSON.stringify(stats)}`);
  }

  // The layer slider: the data (k = 0) and f(x) (k = L) are different pictures.
  await page.click('flow-coupling .fc-play'); // pause, so that the picture stands still
  await page.waitForFunction(() => document.querySelector('flow-coupling').dataset.state === 'paused');
  await page.waitForTimeout(300);
  await keepPixels(page, 'flow-coupling .fc-layers canvas');
  await page.$eval('flow-coupling .fc-layer', (input) => {
    input.value = '0';
    input.dispatchEvent(new Event('input'));
  });
  await page.waitForTimeout(200);
  const { changed, of } = await changedPixels(page, 'flow-coupling .fc-layers canvas');
  assert.ok(changed > of / 100, `the layer slider changed only ${changed} of ${of} bytes`);
  assert.match(await page.$eval('flow-coupling .fc-layers figcaption', (e) => e.textContent), /data x/);
  await screenshot(page, 'figure-coupling-en');

  const label = () => page.$eval('flow-coupling .fc-samples figcaption', (e) => e.textContent);
  const english = await label();
  await keepPixels(page, 'flow-coupling .fc-curves canvas');
  await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('zh-Hant')));
  const chinese = await label();
  assert.notEqual(chinese, english);
  assert.match(chinese, /資料/);
  assert.match(await page.$eval('flow-coupling .fc-play', (b) => b.textContent), /訓練/);
  assert.equal(await page.$eval('flow-coupling .fc-reset', (b) => b.textContent), '從頭訓練');
  await page.waitForTimeout(200);
  const plot = await changedPixels(page, 'flow-coupling .fc-curves canvas');
  assert.ok(plot.changed > 0, 'the plot kept its English axis labels');
  await screenshot(page, 'figure-coupling-zh-Hant');

  // Another target: a new model, with the checkerboard's entropy ln 32 (uniform on 8 squares of area 4).
  await page.selectOption('flow-coupling .fc-target', 'moons');
  await page.selectOption('flow-coupling .fc-target', 'checkerboard');
  await page.waitForFunction(() => document.querySelector('flow-coupling').dataset.state === 'training');
  await stepAtLeast(page, 50);
  const checker = await readouts(page);
  assert.ok(Math.abs(checker.entropy - Math.log(32)) < 1e-9, `checkerboard entropy ${checker.entropy}`);
  assert.ok(checker.step >= 50 && checker.step < 2000, `steps of the new model: ${checker.step}`);
  assert.deepEqual(problems, []);
});

test('a damaged shipped flow is refused with a message, and the figure trains from scratch', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/weights/8gaussians.coupling', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length >> 1] ^= 0x40;
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  await page.goto(`${session.url}figures/coupling.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('flow-coupling').dataset.state === 'training', null, { timeout: 20_000 });
  const status = await page.textContent('flow-coupling .fc-status');
  assert.match(status, /shipped trained flow was refused \(CouplingModel\.load: coupling flow data is corrupted/);
  await stepAtLeast(page, 25);
  const { step } = await readouts(page);
  assert.ok(step >= 25 && step < 3000, `step ${step}`);
  await context.close();
});
