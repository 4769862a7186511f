// The lab answers the pointer (issue 14, point 3): over a density panel it reads out p and log p
// from both views and exactly, marks the point in every panel, and the exact value is the core's
// log_density (called here directly, in Node, on the same network: the shipped weights); over the
// particles it draws the trajectory of the particle under the pointer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LAB_SETTINGS } from '../../www/js/lab-settings.js';
import { defaults } from '../../www/js/kit/settings.js';
import { BUDGET } from '../../www/js/lab/config.js';
import { loadCore } from '../boundary/core.mjs';
import { openPage, screenshot, startSession, waitReady } from './harness.mjs';
import { densitiesReady, slide, statusText } from './lab.mjs';

let session;
before(async () => {
  session = await startSession({ maxSeconds: 400 });
});
after(async () => {
  await session?.close();
});

/** The lab's default network as it opens: the shipped weights of www/weights/ (weights.js). */
async function shippedHere() {
  const { api } = await loadCore();
  const index = JSON.parse(readFileSync(new URL('../../www/weights/index.json', import.meta.url), 'utf8'));
  const entry = index.models.find((m) => m.settings.target === defaults(LAB_SETTINGS).target);
  return api.FlowModel.load(readFileSync(new URL(`../../www/weights/${entry.file}`, import.meta.url)));
}

/** Client coordinates of the world point [x, y] in the panel `key` of the lab's density views. */
function clientPoint(page, key, [x, y]) {
  return page.$eval(
    `flow-lab .fl-${key} canvas`,
    (canvas, [wx, wy]) => {
      const r = canvas.getBoundingClientRect();
      const s = Math.min(r.width, r.height) / 9; // the box [-4.5, 4.5]^2, equal aspect, centred
      return [r.left + r.width / 2 + wx * s, r.top + r.height / 2 - wy * s];
    },
    [x, y],
  );
}

/** The read-out's numbers once its exact value has come back. */
async function probeAt(page, key, point, t) {
  await page.$eval(`flow-lab .fl-${key} canvas`, (c) => c.scrollIntoView({ block: 'center' }));
  const [cx, cy] = await clientPoint(page, key, point);
  await page.mouse.move(cx, cy);
  await page.waitForFunction(
    (want) => {
      const d = document.querySelector('flow-lab .fl-probe').dataset;
      return d.exact !== undefined && d.t === want;
    },
    String(t),
    { timeout: 20_000 },
  ).catch(async (error) => {
    throw new Error(`${error.message}; the read-out: ${await page.textContent('flow-lab .fl-probe')}`);
  });
  return page.$eval('flow-lab .fl-probe', (p) => ({ ...p.dataset, text: p.textContent }));
}

test('the density read-out against log_density, the marks, and the hovered trajectory', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html`);
  assert.equal(await waitReady(page), 'true', await statusText(page));
  await densitiesReady(page, 'flow-lab', 240_000);
  // The run on load stops at its last step: the status says so, without the core's version.
  const status = await statusText(page);
  assert.match(status, new RegExp(`^8 Gaussians · finished at step ${BUDGET.autoSteps}$`));
  assert.match(await page.getAttribute('flow-lab .fl-status', 'title'), /^FlowLab core \d+\.\d+\.\d+$/);
  assert.match(await page.textContent('flow-lab .fl-probe'), /^Point at a density panel/);

  const model = await shippedHere();
  assert.equal(model.steps(), BUDGET.autoSteps);
  // Where p is large the views are checked against the exact value too; between the modes at
  // t = 1 the mesh is stretched thin and its linear interpolation of p is far off (there only the
  // exact value is checked).
  const cases = [
    { key: 'eulerian', point: [2.8, 0.1], t: 1, views: true },
    { key: 'lagrangian', point: [0.3, -0.4], t: 0.5, views: true },
    { key: 'difference', point: [1.9, 2.0], t: 0.9, views: true },
    { key: 'lagrangian', point: [2.0, 0.1], t: 1, views: false },
  ];
  for (const { key, point, t, views } of cases) {
    await slide(page, 'flow-lab', t);
    const read = await probeAt(page, key, point, t);
    const [x, y] = [Number(read.x), Number(read.y)];
    assert.ok(Math.hypot(x - point[0], y - point[1]) < 0.05, `pointed at ${point}, read at ${x}, ${y}`);
    assert.equal(read.exactStep, String(BUDGET.autoSteps));
    const exact = Number(read.exact);
    const direct = model.log_density(Float64Array.of(x, y), { t, method: 'dopri5', rtol: 1e-8, atol: 1e-10 })[0];
    // The same network and solver: equal up to rounding.
    assert.ok(Math.abs(exact - direct) < 1e-9, `exact log p ${exact}, log_density here ${direct}`);
    // The views approximate it: the mesh interpolates p between vertices, the grid averages a cell.
    const lag = Math.log(Number(read.lagrangian));
    const eul = Math.log(Number(read.eulerian));
    console.log(`${key} at (${x}, ${y}), t = ${t}: exact ${exact.toFixed(5)}, Lagrangian ${lag.toFixed(5)}, Eulerian ${eul.toFixed(5)}`);
    if (views) {
      assert.ok(Math.abs(lag - exact) < 0.1, `Lagrangian log p ${lag} against exact ${exact}`);
      assert.ok(Math.abs(eul - exact) < 0.1, `Eulerian log p ${eul} against exact ${exact}`);
    }
    assert.match(read.text, new RegExp(`t = ${t.toFixed(2)}: Lagrangian p = .* · Eulerian p = .* · exact p = `));
    // The same point is marked in all three panels, at the same place relative to each canvas.
    const marks = await page.$$eval('flow-lab .fl-density .fl-panel', (figures) =>
      figures.map((f) => {
        const m = f.querySelector('.fl-marker');
        const c = f.querySelector('canvas').getBoundingClientRect();
        const r = m.getBoundingClientRect();
        return m.hidden ? null : [r.left + r.width / 2 - c.left, r.top + r.height / 2 - c.top];
      }),
    );
    assert.equal(marks.length, 3);
    for (const m of marks) {
      assert.ok(m, 'a panel has no mark');
      assert.ok(Math.hypot(m[0] - marks[0][0], m[1] - marks[0][1]) < 1.5, `marks ${JSON.stringify(marks)}`);
    }
  }
  await screenshot(page, 'lab-probe');
  model.free();

  // Leaving the panel clears the read-out and the marks.
  await page.mouse.move(1, 1);
  assert.match(await page.textContent('flow-lab .fl-probe'), /^Point at a density panel/);
  assert.equal(await page.$$eval('flow-lab .fl-marker:not([hidden])', (m) => m.length), 0);

  // Over the particles: the one under the pointer gets its trajectory drawn.
  const flow = await page.$eval('flow-lab .fl-flow-canvas', (c) => {
    c.scrollIntoView({ block: 'center' });
    const r = c.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height];
  });
  let hovered = -1;
  for (let k = 0; k < 400 && hovered < 0; k++) {
    await page.mouse.move(flow[0] + flow[2] * (0.2 + 0.03 * (k % 20)), flow[1] + flow[3] * (0.2 + 0.03 * Math.floor(k / 20)));
    hovered = Number(await page.getAttribute('flow-lab .fl-flow-canvas', 'data-hovered'));
  }
  assert.ok(hovered >= 0, 'no particle was found under the pointer');
  await page.mouse.move(1, 1);
  assert.equal(await page.getAttribute('flow-lab .fl-flow-canvas', 'data-hovered'), '-1');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Play t at a chosen speed, looping until the loop is unticked', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html#views=flow`);
  await waitReady(page);
  await page.selectOption('flow-lab .fl-speed', '2');
  await page.check('flow-lab .fl-loop');
  await page.click('flow-lab .fl-play');
  // t climbs to 1 and starts again from 0 (at 2x a sweep takes 2 s).
  await page.waitForFunction(
    () => {
      const t = Number(document.querySelector('flow-lab .fl-time').value);
      const w = /** @type {any} */ (window);
      const wrapped = w.lastT !== undefined && t < w.lastT - 0.3;
      w.lastT = t;
      return wrapped;
    },
    null,
    { timeout: 20_000, polling: 50 },
  );
  assert.equal(await page.getAttribute('flow-lab .fl-play', 'aria-pressed'), 'true');
  await page.uncheck('flow-lab .fl-loop');
  // Without the loop it stops at t = 1.
  await page.waitForFunction(() => document.querySelector('flow-lab .fl-play').getAttribute('aria-pressed') === 'false', null, {
    timeout: 20_000,
  });
  assert.equal(await page.inputValue('flow-lab .fl-time'), '1');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the targets as thumbnails: each shows its samples, a click chooses it', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html#views=flow`);
  await waitReady(page);
  const names = await page.$$eval('flow-lab .fl-thumb', (b) => b.map((x) => x.dataset.target));
  assert.deepEqual(names, LAB_SETTINGS[0].values);
  assert.equal(await page.getAttribute('flow-lab .fl-thumb[data-target="8gaussians"]', 'aria-pressed'), 'true');
  for (const name of ['8gaussians', 'moons', 'checkerboard', 'swissroll', 'drawn']) {
    const selector = `flow-lab .fl-thumb[data-target="${name}"] canvas`;
    await page.waitForFunction((sel) => {
      const c = document.querySelector(sel);
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < d.length; i += 4) ink += d[i] > 0 ? 1 : 0;
      return ink > 30;
    }, selector);
  }
  await page.click('flow-lab .fl-thumb[data-target="moons"]');
  assert.equal(await page.inputValue('flow-lab select[name="target"]'), 'moons');
  assert.equal(await page.getAttribute('flow-lab .fl-thumb[data-target="moons"]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('flow-lab .fl-thumb[data-target="8gaussians"]', 'aria-pressed'), 'false');
  await page.waitForFunction(() => /^Two moons · /.test(document.querySelector('flow-lab .fl-status').textContent));
  assert.match(page.url(), /#target=moons/);
  await page.click('flow-lab .fl-thumb[data-target="drawn"]');
  assert.equal(await page.isVisible('flow-lab .fl-draw'), true, 'draw your own shows the drawing tools');
  assert.deepEqual(problems, []);
  await page.close();
});
