// The main figure in headless Chromium: it loads the wasm core in a worker, trains on its own,
// and shows particles, both density views and the numbers, with no errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, openPage, screenshot, startSession, waitReady } from './harness.mjs';
import { densitiesReady, readout, readouts, statusText, trainFromScratch } from './lab.mjs';

let session;
let defaultDensity = null; // the Eulerian view's pixels of the default page, from the first test

/** The RGBA bytes of the Eulerian density view. */
function eulerianPixels(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('flow-lab .fl-eulerian canvas');
    return Array.from(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data);
  });
}

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

test('the page trains 8 Gaussians on its own and both density views agree', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html`);
  assert.equal(await waitReady(page), 'true', await statusText(page));
  assert.match(await statusText(page), /^8 Gaussians · /);
  const flow = await canvasStats(page, 'flow-lab .fl-flow-canvas');
  assert.ok(flow.colours >= 3 && flow.luminanceStd > 1, `flow figure is blank: ${JSON.stringify(flow)}`);
  // It opens with the shipped trained model (www/weights/), then learns again from scratch.
  assert.equal(await readout(page, 'step'), 3000);
  await trainFromScratch(page);

  // The loss (mean of the last 50 steps) falls between step ~100 and step ~1000.
  await page.waitForFunction(() => Number(document.querySelector('flow-lab [data-key=step]').dataset.value) >= 100);
  const early = await readout(page, 'loss');
  await page.waitForFunction(
    () => Number(document.querySelector('flow-lab [data-key=step]').dataset.value) >= 1000,
    null,
    { timeout: 90_000 },
  );
  const later = await readout(page, 'loss');
  assert.ok(later < early, `the loss did not fall: ${early} at step ~100, ${later} at step ~1000`);

  await densitiesReady(page);
  for (const view of ['lagrangian', 'eulerian', 'difference']) {
    const stats = await canvasStats(page, `flow-lab .fl-${view} canvas`);
    assert.ok(stats.colours >= 8 && stats.luminanceStd > 3, `${view} view is blank: ${JSON.stringify(stats)}`);
  }
  const numbers = await readouts(page);
  assert.ok(Math.abs(numbers.mass - 1) < 0.02, `mass ${numbers.mass} is not near 1`);
  assert.ok(numbers.l1 >= 0 && numbers.l1 < 0.2, `L1 gap ${numbers.l1} between the views is large`);
  assert.ok(numbers.params > 1000, `parameter count ${numbers.params}`);
  await screenshot(page, 'lab');
  defaultDensity = await eulerianPixels(page);

  // The trajectory check of one particle, chosen with the keyboard: the two curves agree.
  await page.focus('flow-lab .fl-flow-canvas');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('flow-lab .fl-check-note').dataset.gap);
  const gap = Number(await page.getAttribute('flow-lab .fl-check-note', 'data-gap'));
  assert.ok(gap >= 0 && gap < 1e-2, `d/dt log det J and div v differ by ${gap}`);
  const check = await canvasStats(page, 'flow-lab .fl-check');
  assert.ok(check.colours >= 3, `the check plot is blank: ${JSON.stringify(check)}`);

  // Playing t keeps the main thread near 60 frames per second (the median frame interval).
  await page.click('flow-lab .fl-play');
  const intervals = await page.evaluate(
    () =>
      new Promise((done) => {
        const times = [];
        const frame = (now) => {
          times.push(now);
          if (times.length < 90) requestAnimationFrame(frame);
          else
            done(
              times
                .slice(1)
                .map((t, i) => t - times[i])
                .sort((a, b) => a - b),
            );
        };
        requestAnimationFrame(frame);
      }),
  );
  const median = intervals[intervals.length >> 1];
  assert.ok(median < 20, `median frame interval ${median.toFixed(1)} ms while t plays`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a target in the URL hash shows a different density', async () => {
  assert.ok(defaultDensity, 'the first test recorded the density of the default page');
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html#target=moons`);
  await waitReady(page);
  assert.equal(await page.inputValue('flow-lab select[name=target]'), 'moons');
  assert.match(await statusText(page), /Two moons/);
  await densitiesReady(page);
  const moons = await eulerianPixels(page);
  await screenshot(page, 'hash-moons');
  assert.equal(moons.length, defaultDensity.length);
  let differing = 0;
  for (let i = 0; i < moons.length; i += 4) {
    const gap = Math.abs(moons[i] - defaultDensity[i]) + Math.abs(moons[i + 1] - defaultDensity[i + 1]);
    if (gap > 30) differing++;
  }
  assert.ok(differing > moons.length / 4 / 20, `only ${differing} pixels differ between moons and 8 Gaussians`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a hash with nonsense values gives a message and the defaults', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html#width=abc&target=zebra&lr=-1`);
  await waitReady(page);
  const message = await page.textContent('flow-lab .fl-messages');
  assert.match(message, /width=abc is not a number; using 64/);
  assert.match(message, /target=zebra is not one of/);
  assert.equal(await page.inputValue('flow-lab select[name=target]'), '8gaussians');
  assert.equal(await page.inputValue('flow-lab input[name=width]'), '64');

  // Settings go to the hash as they change, so that a link reproduces the figure; a value out of
  // range is refused next to its field; Restore defaults empties the hash.
  await page.selectOption('flow-lab select[name=target]', 'moons');
  await page.fill('flow-lab input[name=width]', '32');
  await page.press('flow-lab input[name=width]', 'Enter');
  await page.waitForFunction(() => location.hash === '#target=moons&width=32');
  await page.fill('flow-lab input[name=depth]', '99');
  await page.press('flow-lab input[name=depth]', 'Enter');
  assert.match(await page.textContent('flow-lab .fl-note:not(:empty)'), /Hidden layers: is above the maximum 8/);
  assert.equal(await page.evaluate(() => location.hash), '#target=moons&width=32');
  assert.match(await page.getAttribute('flow-lab .fl-link', 'href'), /lab\.html#target=moons&width=32$/);
  await page.click('flow-lab .fl-defaults');
  await page.waitForFunction(() => location.hash === '');
  assert.equal(await page.inputValue('flow-lab select[name=target]'), '8gaussians');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a malformed CSV file gives a message, not an exception', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html#target=csv`);
  await waitReady(page);
  assert.match(await page.textContent('flow-lab .fl-messages'), /Choose a CSV file/);
  await page.setInputFiles('flow-lab .fl-csv input[type=file]', {
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x,y\n1,2\nthree,4\n5\n'),
  });
  await page.waitForFunction(() => document.querySelector('flow-lab .fl-messages').textContent.includes('bad.csv'));
  const message = await page.textContent('flow-lab .fl-messages');
  assert.match(message, /line 3: "three" is not a number/);
  assert.match(message, /line 4: expected 2 values, found 1/);
  await page.setInputFiles('flow-lab .fl-csv input[type=file]', {
    name: 'empty.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('# nothing here\n'),
  });
  await page.waitForFunction(() => document.querySelector('flow-lab .fl-messages').textContent.includes('empty.csv'));
  assert.match(await page.textContent('flow-lab .fl-messages'), /the file has no data/);
  await screenshot(page, 'bad-csv');
  // A good file replaces the messages and is learned.
  const circle = Array.from({ length: 200 }, (_, k) => `${2 * Math.cos(k / 10)},${2 * Math.sin(k / 10)}`);
  await page.setInputFiles('flow-lab .fl-csv input[type=file]', {
    name: 'circle.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`x,y\n${circle.join('\n')}\n`),
  });
  await page.waitForFunction(() =>
    /From a CSV file · (training|paused|finished) at step [1-9]/.test(document.querySelector('flow-lab .fl-status').textContent),
  );
  assert.equal(await page.textContent('flow-lab .fl-messages'), '');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a training run that diverges gives a message and keeps the last good network', async () => {
  // The core never diverges within the settings' ranges, so a stand-in makes it: the served
  // package gets a train_step that throws as the core does once the network has taken 300 steps.
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/pkg/flowlab.js', async (route) => {
    const response = await route.fetch();
    const body = `${await response.text()}
const trainStep = FlowModel.prototype.train_step;
FlowModel.prototype.train_step = function (n) {
  if (this.steps() + n <= 300) return trainStep.call(this, n);
  // As the core: the steps up to 300 are taken, the next one fails, its weights are dropped.
  if (this.steps() < 300) trainStep.call(this, 300 - this.steps());
  throw new Error('FlowModel.train_step: training diverged at step 301: the loss is NaN; the weights after step 300 were kept (a smaller learning rate may help)');
};`;
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(`${session.url}lab.html`);
  await waitReady(page);
  await page.click('flow-lab .fl-reset'); // the shipped model is trained: train one from scratch
  await page.waitForFunction(() => document.querySelector('flow-lab .fl-messages').textContent.includes('diverged'));
  const message = await page.textContent('flow-lab .fl-messages');
  assert.match(message, /Training stopped: .*diverged at step 301.*the weights after step 300 were kept/);
  assert.match(await statusText(page), /paused at step 300/);
  // The figures still show the last good network.
  const flow = await canvasStats(page, 'flow-lab .fl-flow-canvas');
  assert.ok(flow.colours >= 3 && flow.luminanceStd > 1, `flow figure is blank: ${JSON.stringify(flow)}`);
  await screenshot(page, 'diverged');
  assert.deepEqual(problems, []);
  await context.close();
});

test('points drawn with the mouse become the target', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html#target=drawn&views=flow`);
  await waitReady(page);
  assert.match(await page.textContent('flow-lab .fl-messages'), /Draw at least 20 points/);
  assert.equal(await page.isDisabled('flow-lab .fl-draw button'), true);
  const box = await page.locator('flow-lab .fl-flow-canvas').boundingBox();
  const [cx, cy, r] = [box.x + box.width / 2, box.y + box.height / 2, box.width / 4];
  await page.mouse.move(cx + r, cy);
  await page.mouse.down();
  for (let k = 1; k <= 60; k++) await page.mouse.move(cx + r * Math.cos(k / 9), cy + r * Math.sin(k / 9));
  await page.mouse.up();
  const count = Number((await page.textContent('flow-lab .fl-draw-count')).match(/(\d+) points/)[1]);
  assert.ok(count >= 20, `only ${count} points were drawn`);
  await page.click('flow-lab .fl-draw button:not([disabled])');
  await page.waitForFunction(() =>
    /Drawn by hand · (training|paused|finished) at step [1-9]/.test(document.querySelector('flow-lab .fl-status').textContent),
  );
  assert.equal(await page.textContent('flow-lab .fl-messages'), '');
  await screenshot(page, 'drawn');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the server sends .wasm with its MIME type', async () => {
  const res = await fetch(new URL('pkg/flowlab_bg.wasm', session.url));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
});
