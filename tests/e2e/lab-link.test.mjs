// The lab's link (issue 14, point 6): "Copy link" copies it, a drawn target rides in it and the
// link opens the same drawing being learned; a drawing too big for a link is said to be left out,
// and a damaged one gives a message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, startSession, waitReady } from './harness.mjs';
import { statusText } from './lab.mjs';

let session;
before(async () => {
  session = await startSession({ maxSeconds: 300 });
});
after(async () => {
  await session?.close();
});

/** Draws `count` pointer moves along a spiral on the lab's flow figure; returns the points counted. */
async function drawSpiral(page, count) {
  const box = await page.locator('flow-lab .fl-flow-canvas').boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const at = (k) => {
    const angle = k / 12;
    const r = (box.width / 2.2) * (0.15 + (0.85 * k) / count);
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  };
  await page.mouse.move(...at(0));
  await page.mouse.down();
  for (let k = 1; k <= count; k++) await page.mouse.move(...at(k));
  await page.mouse.up();
  return Number((await page.textContent('flow-lab .fl-draw-count')).match(/(\d+) points/)[1]);
}

test('a drawn target rides in the link, and Copy link copies it', async () => {
  const context = await session.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${session.url}lab.html#target=drawn&views=flow`);
  await waitReady(page);
  const drawn = await drawSpiral(page, 80);
  assert.ok(drawn >= 20, `only ${drawn} points`);
  await page.click('flow-lab .fl-draw button:not([disabled])');
  const href = await page.getAttribute('flow-lab .fl-link', 'href');
  const code = new URL(href).hash.match(/drawing=([A-Za-z0-9_-]+)/)?.[1];
  assert.ok(code, `no drawing in the link ${href}`);
  assert.equal(code.length, 4 * drawn, 'four characters a point');
  assert.equal(await page.textContent('flow-lab .fl-link-note'), '');

  await page.click('flow-lab .fl-copy');
  await page.waitForFunction(() => document.querySelector('flow-lab .fl-copied').textContent === 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), href);

  // The link opens the lab learning the same drawing: no "draw at least" message.
  const { page: opened, problems } = await openPage(session.browser, href);
  await waitReady(opened);
  await opened.waitForFunction(() =>
    /^Drawn by hand · (training|paused|finished) at step [1-9]/.test(document.querySelector('flow-lab .fl-status').textContent),
  );
  assert.equal(await opened.textContent('flow-lab .fl-messages'), '');
  assert.match(await opened.textContent('flow-lab .fl-draw-count'), new RegExp(`${drawn} points`));
  assert.equal(await opened.getAttribute('flow-lab .fl-link', 'href'), href, 'the opened lab links to itself');
  await screenshot(opened, 'lab-link-drawn');
  assert.deepEqual(problems, []);
  await opened.close();
  await context.close();
});

test('a drawing too big for a link is said to be left out; a damaged one gives a message', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html#target=drawn&views=flow`);
  await waitReady(page);
  const drawn = await drawSpiral(page, 1300);
  assert.ok(drawn > 1000, `only ${drawn} points`);
  await page.click('flow-lab .fl-draw button:not([disabled])');
  assert.match(await page.textContent('flow-lab .fl-link-note'), new RegExp(`has ${drawn} points; a link carries at most 1000`));
  assert.doesNotMatch(await page.getAttribute('flow-lab .fl-link', 'href'), /drawing=/);
  await page.close();

  // Without the Clipboard API (an insecure origin, an old browser) the copy falls back to a
  // selected text area and execCommand('copy'), and still says so.
  const { page: old } = await openPage(session.browser, 'about:blank');
  await old.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await old.goto(`${session.url}lab.html#target=moons`);
  await waitReady(old);
  await old.click('flow-lab .fl-copy');
  assert.equal(await old.textContent('flow-lab .fl-copied'), 'Copied');
  await old.close();

  const { page: bad } = await openPage(session.browser, `${session.url}lab.html#target=drawn&drawing=AAAAB`);
  await waitReady(bad);
  const text = await bad.textContent('flow-lab .fl-messages');
  assert.match(text, /The drawing in the link could not be read \(the link was cut or changed\)/);
  assert.match(text, /Draw at least 20 points/);
  assert.match(await statusText(bad), /no model yet/);
  await bad.close();
  assert.deepEqual(problems, []);
});
