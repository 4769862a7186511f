// One screen per figure, opening trained (issue 14, points 1, 2 and 6): at 1280 x 800 the figures
// of sections 1 to 7 are at most 800 px tall and do not move once started (no layout shift
// in their region, the same height before and after their work); the paths and points of section 7's
// panels stay out of the band of their titles; sections 4-6 show the shipped trained model
// (www/weights/) within a second of scrolling into view; switching the lab's target starts within a
// second; damaged weights give a message and training from scratch.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, waitReady } from './harness.mjs';

const WEIGHTS = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'www', 'weights');
const INDEX = JSON.parse(readFileSync(resolve(WEIGHTS, 'index.json'), 'utf8'));
/** The held-out NLL index.json lists for the shipped 8 Gaussians model at its last step. */
const SHIPPED_NLL = INDEX.models.find((m) => m.settings.target === '8gaussians').evaluations.at(-1).nll;

let session;
before(async () => {
  session = await startSession({ maxSeconds: 600 });
});
after(() => session?.close());

/** Records layout shifts with the figure they happened in (by its section's id). */
function watchShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const sources = entry.sources ?? [];
      const sections = sources.map((s) => s.node?.closest?.('section.chapter')?.id ?? '');
      // The figure element each moved node is in (custom elements have a hyphen in their name).
      const figures = sources.map((s) => {
        for (let n = s.node; n; n = n.parentElement ?? null) if (n.localName?.includes('-')) return n.localName;
        return '';
      });
      window.__shifts.push({ value: entry.value, sections, figures });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

const FIGURES = [
  { section: 'maximum-likelihood', element: 'flow-coupling' },
  { section: 'continuous-time', element: 'flow-lab' },
  { section: 'two-views', element: 'flow-lab' },
  { section: 'flow-matching', element: 'flow-lab' },
];

/** The height of the element at `selector`. */
const heightOf = (page, selector) =>
  page.evaluate((s) => document.querySelector(s).getBoundingClientRect().height, selector);

/** The layout shift so far in the section `id`. */
const shiftIn = (page, id) =>
  page.evaluate((i) => window.__shifts.filter((s) => s.sections.includes(i)).reduce((sum, s) => sum + s.value, 0), id);

/** Asserts that the figure at `selector` is at most 800 px tall, as tall as at `first`, and did not move. */
async function assertOneScreen(page, selector, section, first) {
  const last = await heightOf(page, selector);
  const shift = await shiftIn(page, section);
  console.log(`# ${selector.slice(1)}: ${first.toFixed(1)} px at start, ${last.toFixed(1)} px later, layout shift ${shift.toFixed(5)}`);
  assert.ok(last <= 800, `${selector} is ${last} px tall`);
  assert.ok(Math.abs(last - first) < 1, `${selector} grew from ${first} to ${last} px`);
  assert.ok(shift < 0.005, `${selector} moved: layout shift ${shift}`);
  return last;
}

test('figures of sections 2, 4, 5, 6 fit 1280 x 800, do not move, and 4-6 open trained', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(watchShifts);
  await page.goto(`${session.url}index.html`, { waitUntil: 'load' });
  for (const { section, element } of FIGURES) {
    const selector = `#${section} ${element}`;
    const height = () => heightOf(page, selector);
    await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'start' }), selector);
    const shown = Date.now();
    const first = await height();
    if (element === 'flow-lab') {
      // The shipped model at once: its step and its held-out NLL.
      await page.waitForFunction(
        (s) => document.querySelector(`${s} dd[data-key=nll]`).dataset.value,
        selector,
        { timeout: 10_000, polling: 20 },
      );
      const ms = Date.now() - shown;
      const nll = Number(await page.getAttribute(`${selector} dd[data-key=nll]`, 'data-value'));
      const step = Number(await page.getAttribute(`${selector} dd[data-key=step]`, 'data-value'));
      console.log(`# ${section}: trained readout ${ms} ms after scrolling into view (NLL ${nll}, step ${step})`);
      assert.equal(step, 3000);
      assert.ok(Math.abs(nll - SHIPPED_NLL) < 1e-9, `NLL ${nll}, shipped ${SHIPPED_NLL}`);
      assert.ok(ms < 1000, `the trained model took ${ms} ms to show`);
    }
    // Its work done (the density films of section 5, the coupling figure's training), or 6 s.
    await page.waitForTimeout(section === 'two-views' ? 1000 : 500);
    await page
      .waitForFunction(
        (s) => {
          const root = document.querySelector(s);
          const density = root.querySelector('.fl-density');
          return !density || density.hidden || density.dataset.films;
        },
        selector,
        { timeout: 60_000 },
      )
      .catch(() => {});
    if (element === 'flow-coupling') await page.waitForTimeout(6000);
    const last = await assertOneScreen(page, selector, section, first);
    if (section === 'continuous-time') {
      // Training from scratch brings the progress bar into its kept room: nothing moves.
      await page.click(`${selector} .fl-reset`);
      await page.waitForFunction((s) => !document.querySelector(`${s} .kit-progress`).hidden, selector);
      const training = await height();
      const step = Number(await page.getAttribute(`${selector} dd[data-key=step]`, 'data-value'));
      assert.ok(step < 3000, `Train from scratch left step ${step}`);
      assert.ok(Math.abs(training - last) < 1, `${selector} is ${training} px tall while training, ${last} before`);
      await page.click(`${selector} .fl-train`); // pause, to leave the machine to the next figures
    }
  }
  await page.close();
});

/** Section 7's figures and their two path panels (diffusion/draw.js drawPanel). */
const APPENDIX = [
  { element: 'flow-ode-sde', panels: ['.fo-ode', '.fo-sde'] },
  { element: 'flow-diffusion', panels: ['.fd-sde', '.fd-ode'] },
];
/** The band of a panel's title and time, in CSS px: the title from 8 px, the time from 26 px. */
const TITLE = { top: 8, bottom: 20 };
/** The strip between the time (12 px text from 26 px) and the plot (from 44 px). */
const STRIP = { top: 41, bottom: 44 };

/**
 * In the canvas at `selector`, the number of drawn (not transparent) pixels in the rows from
 * `top` to `bottom` CSS px: the panels are cleared to transparent and draw on the page's colour.
 */
function drawnIn([selector, { top, bottom }]) {
  const canvas = document.querySelector(selector);
  const scale = canvas.width / canvas.getBoundingClientRect().width;
  const [y0, y1] = [Math.round(top * scale), Math.round(bottom * scale)];
  const { data } = canvas.getContext('2d').getImageData(0, y0, canvas.width, y1 - y0);
  let drawn = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn++;
  return drawn;
}

test('the figures of section 7 fit 1280 x 800, do not move, and keep their titles clear', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(watchShifts);
  await page.goto(`${session.url}index.html`, { waitUntil: 'load' });
  for (const { element, panels } of APPENDIX) {
    const selector = `#appendix-diffusion ${element}`;
    await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'start' }), selector);
    const first = await heightOf(page, selector);
    await page.waitForFunction((s) => document.querySelector(s).dataset.state === 'ready', selector, { timeout: 60_000 });
    await page.waitForTimeout(500);
    await assertOneScreen(page, selector, 'appendix-diffusion', first);
    // At five times from noise to data, nothing of the plot is drawn between the time and the plot.
    for (const value of [0, 250, 500, 750, 1000]) {
      await page.$eval(
        `${selector} .fd-slider`,
        async (input, v) => {
          input.value = String(v);
          input.dispatchEvent(new Event('input'));
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        },
        value,
      );
      for (const panel of panels) {
        const canvas = `${selector} ${panel}`;
        const title = await page.evaluate(drawnIn, [canvas, TITLE]);
        const strip = await page.evaluate(drawnIn, [canvas, STRIP]);
        assert.ok(title > 0, `${canvas} at slider ${value}: no title`);
        assert.equal(strip, 0, `${canvas} at slider ${value}: ${strip} pixels drawn under the title`);
      }
    }
  }
  await page.close();
});

test('the notebook figures of sections 1, 3 and 6 fit 1280 x 800 and do not move', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(watchShifts);
  await page.goto(`${session.url}index.html`, { waitUntil: 'load' });
  const notebook = [
    ['change-of-variables', 'flow-change-of-variables'],
    ['residual-flows', 'flow-hutchinson'],
    ['residual-flows', 'flow-residual'],
    ['flow-matching', 'flow-marginal'],
    ['flow-matching', 'flow-steps'],
  ];
  await page.waitForFunction(() => document.documentElement.dataset.article === 'ready', null, { timeout: 60_000 });
  for (const [section, element] of notebook) {
    const selector = `#${section} ${element}`;
    await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'start' }), selector);
    const first = await heightOf(page, selector);
    await page.evaluate(() => (window.__shifts = [])); // from here on: this figure's own work
    await page.waitForFunction((s) => document.querySelector(s).dataset.state === 'ready', selector, { timeout: 240_000 });
    await page.waitForTimeout(500);
    const last = await heightOf(page, selector);
    const shift = await page.evaluate(
      ([i, e]) => window.__shifts.filter((s) => s.sections.includes(i) && s.figures.includes(e)).reduce((a, s) => a + s.value, 0),
      [section, element],
    );
    console.log(`# ${selector.slice(1)}: ${first.toFixed(1)} px at start, ${last.toFixed(1)} px later, layout shift ${shift.toFixed(5)}`);
    assert.ok(last <= 800, `${selector} is ${last} px tall`);
    assert.ok(Math.abs(last - first) < 1, `${selector} grew from ${first} to ${last} px`);
    assert.ok(shift < 0.005, `${selector} moved: layout shift ${shift}`);
  }
  await page.close();
});

test('the lab fits 1280 x 800 and each target switch starts within a second', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${session.url}lab.html`, { waitUntil: 'load' });
  assert.equal(await waitReady(page), 'true');
  const height = await page.evaluate(() => document.querySelector('flow-lab').getBoundingClientRect().height);
  assert.ok(height <= 800, `the lab is ${height} px tall`);
  const step = () => page.evaluate(() => Number(document.querySelector('flow-lab dd[data-key=step]').dataset.value));
  const status = () => page.textContent('flow-lab .fl-status');
  const switchTo = async (key, value) => {
    const before = await status();
    const start = Date.now();
    await page.selectOption(`flow-lab [name=${key}]`, value);
    // The new model is there (the status names its target) at a step > 0: trained, or training.
    await page.waitForFunction(
      (previous) => {
        const root = document.querySelector('flow-lab');
        const now = root.querySelector('.fl-status').textContent;
        const target = (text) => text.split(' · ')[1];
        return target(now) !== target(previous) && Number(root.querySelector('dd[data-key=step]').dataset.value) > 0;
      },
      before,
      { timeout: 20_000, polling: 20 },
    );
    return Date.now() - start;
  };
  for (const target of ['moons', 'checkerboard', 'pinwheel', '2spirals', 'circles', 'rings', 'swissroll', '8gaussians']) {
    const ms = await switchTo('target', target);
    console.log(`# ${target}: ${ms} ms, ${await status()}`);
    assert.equal(await step(), 3000, `${target} opens with its shipped model`);
    assert.ok(ms < 1000, `${target} took ${ms} ms`);
  }
  // Settings with no shipped model: training starts from scratch, at once.
  await page.fill('flow-lab [name=width]', '32');
  await page.press('flow-lab [name=width]', 'Enter');
  await page.waitForFunction(() => {
    const value = Number(document.querySelector('flow-lab dd[data-key=step]').dataset.value);
    return value > 0 && value < 3000;
  });
  assert.equal(await page.getAttribute('flow-lab .fl-train', 'aria-pressed'), 'true');
  await page.close();
});

test('damaged shipped weights give a message and the network trains from scratch', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route('**/weights/8gaussians.flow', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length >> 1] ^= 0x40;
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  await page.goto(`${session.url}lab.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => /weights/.test(document.querySelector('flow-lab .fl-messages').textContent));
  const message = await page.textContent('flow-lab .fl-messages');
  assert.match(message, /shipped trained weights were refused \(FlowModel\.load: flow data is corrupted/);
  await page.waitForFunction(() => Number(document.querySelector('flow-lab dd[data-key=step]').dataset.value) > 0);
  assert.ok((await page.evaluate(() => Number(document.querySelector('flow-lab dd[data-key=step]').dataset.value))) < 3000);
  await context.close();
});
