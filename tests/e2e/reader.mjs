// What a reader of FlowLab needs to work, as scenarios run the same way in Chromium and Firefox
// through tab.mjs: the article loads, typesets and switches language; the lab trains and both
// density views draw; figures loaded from another origin work, also when added after load, and
// end their workers when removed.
import assert from 'node:assert/strict';

/** Page side: pixel statistics of the canvas at `selector` ({ colours, luminanceStd }), null if none. */
export function pixelStats(selector) {
  const canvas = document.querySelector(selector);
  if (!canvas || !canvas.width || !canvas.height) return null;
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const colours = new Set();
  let sum = 0;
  let sumSq = 0;
  const n = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
    sum += y;
    sumSq += y * y;
  }
  const mean = sum / n;
  return { colours: colours.size, luminanceStd: Math.sqrt(Math.max(0, sumSq / n - mean * mean)) };
}

/** Asserts that the canvas at `selector` shows a picture (several colours, some contrast) within `seconds`. */
export async function assertDrawn(tab, selector, seconds = 20) {
  const drawn = (stats) => stats && stats.colours >= 3 && stats.luminanceStd > 1;
  let stats = await tab.evaluate(pixelStats, selector);
  for (let i = 0; i < seconds * 2 && !drawn(stats); i++) {
    await new Promise((done) => setTimeout(done, 500));
    stats = await tab.evaluate(pixelStats, selector);
  }
  assert.ok(drawn(stats), `${tab.browser}: ${selector} is blank: ${JSON.stringify(stats)}`);
}

/** The data-state values of each figure element once it has started drawing. */
export const STARTED = {
  'flow-lab': ['ready'],
  'flow-change-of-variables': ['ready'],
  'flow-coupling': ['training', 'paused', 'done'],
  'flow-residual': ['training', 'computing', 'ready'],
  'flow-diffusion': ['ready'],
  'flow-hutchinson': ['training', 'computing', 'ready'],
  'flow-steps': ['training', 'computing', 'ready'],
  'flow-marginal': ['training', 'computing', 'ready'],
  'flow-ode-sde': ['ready'],
};

/** Waits until the element at `selector` has one of `states` in data-state; returns the state. */
export function waitState(tab, selector, states, timeout = 90_000) {
  return tab.waitFor(
    ([sel, wanted]) => {
      const state = document.querySelector(sel)?.dataset.state;
      if (state === 'error') return `error: ${document.querySelector(sel).textContent.trim().slice(0, 300)}`;
      return wanted.includes(state) && state;
    },
    [selector, states],
    timeout,
  );
}

/** Scrolls the element at `selector` into view (figures start when first seen). */
export const reveal = (tab, selector) => tab.evaluate((sel) => document.querySelector(sel).scrollIntoView(), selector);

/** The article at `url`: typeset without errors, the first figure drawn, then switched to Chinese. */
export async function readArticle(tab, url) {
  await tab.goto(url);
  assert.equal(await tab.waitFor(() => document.documentElement.dataset.article, null, 60_000), 'ready');
  const math = await tab.evaluate(() => ({
    formulas: document.querySelectorAll('.katex').length,
    errors: document.querySelectorAll('.katex-error').length,
    // KaTeX's own font reached the page: the main italic face is loaded.
    font: [...document.fonts].some((face) => /KaTeX_Math/.test(face.family) && face.status === 'loaded'),
  }));
  assert.ok(math.formulas > 50, `${tab.browser}: only ${math.formulas} formulas typeset`);
  assert.equal(math.errors, 0, `${tab.browser}: KaTeX errors`);
  assert.ok(math.font, `${tab.browser}: KaTeX_Math is not loaded`);
  await reveal(tab, 'flow-change-of-variables');
  assert.equal(await waitState(tab, 'flow-change-of-variables', ['ready']), 'ready');
  await assertDrawn(tab, 'flow-change-of-variables .cv-plane-canvas');
  await tab.evaluate(() => document.querySelector('.lang-option[data-lang="zh-Hant"]').click());
  const h1 = await tab.waitFor(() => {
    const visible = [...document.querySelectorAll('h1')].find((h) => h.offsetParent !== null);
    return document.documentElement.lang === 'zh-Hant' && visible?.innerText;
  });
  assert.match(h1, /[\u3400-\u9fff]/, `${tab.browser}: the title did not switch to Chinese`);
  const status = await tab.evaluate(() => document.querySelector('flow-change-of-variables').innerText);
  assert.match(status, /[\u3400-\u9fff]/, `${tab.browser}: the figure did not switch to Chinese`);
}

/** The lab at `url`: trains, pauses at the end of its run, and draws particles and both density views. */
export async function useLab(tab, url) {
  await tab.goto(url);
  assert.equal(await waitState(tab, 'flow-lab', ['ready']), 'ready');
  // The lab opens with the shipped network; train a new one from scratch, as a reader would.
  await tab.waitFor(() => document.querySelector('flow-lab dd[data-key=step]').dataset.value !== '');
  await tab.evaluate(() => document.querySelector('flow-lab .fl-reset').click());
  await tab.waitFor(() => Number(document.querySelector('flow-lab dd[data-key=step]').dataset.value) < 100);
  const settled = await tab.waitFor(
    () => {
      const root = document.querySelector('flow-lab');
      const section = root.querySelector('.fl-density');
      const step = root.querySelector('dd[data-key=step]').dataset.value;
      const mass = root.querySelector('dd[data-key=mass]').dataset.value;
      const paused = /paused|finished/.test(root.querySelector('.fl-status').dataset.state);
      return Boolean(mass) && paused && section.dataset.t === '1' && section.dataset.step === step && step;
    },
    null,
    120_000,
  );
  assert.ok(Number(settled) > 0, `${tab.browser}: the lab did not train`);
  for (const selector of ['.fl-flow-canvas', '.fl-lagrangian .fl-canvas', '.fl-eulerian .fl-canvas']) {
    await assertDrawn(tab, `flow-lab ${selector}`);
  }
}

/**
 * The page that embeds figures from another origin: `scriptBase` is where the element scripts
 * are (origin A, with CORS); the page (origin B) runs `instrument.js` first, which records every
 * Worker and whether it was terminated in window.flowlabWorkers.
 */
export function hostPage(scriptBase) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>A blog post that embeds FlowLab</title>
  <link rel="icon" href="icon.svg">
  <script src="instrument.js"></script>
  <script type="module" src="${scriptBase}js/flow-lab.js"></script>
  <script type="module" src="${scriptBase}js/notebook/coupling/element.js"></script>
</head>
<body>
  <h1>A post on another origin</h1>
  <flow-coupling id="coupling" target="moons" steps="300"></flow-coupling>
  <flow-lab id="lab" target="moons" views="flow,density" hide="controls"></flow-lab>
</body>
</html>
`;
}

/** The host page's icon (so that the browser asks for no /favicon.ico). */
export const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';

/** The host page's first script: every Worker started, and whether it was terminated. */
export const INSTRUMENT = `(() => {
  const Native = window.Worker;
  const started = (window.flowlabWorkers = []);
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      this.record = { url: String(url), ended: false };
      started.push(this.record);
    }
    terminate() {
      this.record.ended = true;
      super.terminate();
    }
  };
})();
`;

/** The cross-origin embed at `url` (hostPage): figures draw, a late one works and ends its workers. */
export async function embedFromAnotherOrigin(tab, url, screenshotName) {
  await tab.goto(url);
  assert.equal(await waitState(tab, '#lab', ['ready']), 'ready');
  // The shipped trained weights came from origin A too: the lab opens at their step.
  const step = await tab.evaluate(() => document.querySelector('#lab dd[data-key=step]').dataset.value);
  assert.equal(step, '3000', `${tab.browser}: the lab did not open with the shipped moons model`);
  await tab.waitFor(() => document.querySelector('#lab .fl-density').dataset.step, null, 90_000);
  await reveal(tab, '#coupling');
  assert.match(await waitState(tab, '#coupling', ['training', 'paused', 'done']), /training|paused|done/);
  for (const selector of ['#lab .fl-flow-canvas', '#lab .fl-eulerian .fl-canvas', '#coupling .fc-samples canvas']) {
    await assertDrawn(tab, selector);
  }
  // The styles came along from origin A: the theme's colours and the lab's layout are in force.
  const styled = await tab.evaluate(() => ({
    bg: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
    bar: getComputedStyle(document.querySelector('#lab .fl-bar')).display,
  }));
  assert.ok(styled.bg, `${tab.browser}: theme.css did not load from the other origin`);
  assert.notEqual(styled.bar, 'inline', `${tab.browser}: lab.css did not load from the other origin`);
  // Workers of scripts on origin A start from same-origin blob: loaders.
  const before = await tab.evaluate(() => window.flowlabWorkers.map((w) => ({ ...w })));
  assert.ok(before.length >= 3, `${tab.browser}: ${before.length} workers`);
  assert.ok(before.every((w) => w.url.startsWith('blob:')), JSON.stringify(before));
  // A figure added after load works, and removing it ends its workers (and with them its models).
  await tab.evaluate(() => {
    const late = document.createElement('flow-lab');
    Object.assign(late, { id: 'late' });
    late.setAttribute('target', 'checkerboard');
    late.setAttribute('views', 'flow');
    late.setAttribute('hide', 'controls');
    document.body.append(late);
  });
  assert.equal(await waitState(tab, '#late', ['ready']), 'ready');
  await assertDrawn(tab, '#late .fl-flow-canvas');
  await tab.screenshot(screenshotName);
  // Without its density views a lab starts one worker (the density pool starts when they are shown).
  const added = (await tab.evaluate(() => window.flowlabWorkers.length)) - before.length;
  assert.equal(added, 1, `${tab.browser}: a <flow-lab> showing particles only starts one worker, not ${added}`);
  await tab.evaluate(() => document.querySelector('#late').remove());
  const after = await tab.evaluate(() => window.flowlabWorkers.map((w) => w.ended));
  assert.deepEqual(after, [...before.map(() => false), true], `${tab.browser}: workers after removal`);
}
