// Elements removed from the page end their Web Workers (and with them the WebAssembly instance
// and every model it held): each figure on its own page, and the lab, started and then removed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startSession } from './harness.mjs';

let session;
before(async () => {
  session = await startSession({ maxSeconds: 240 });
});
after(async () => {
  await session?.close();
});

const PAGES = [
  ['figures/change-of-variables.html', 'flow-change-of-variables'],
  ['figures/coupling.html', 'flow-coupling'],
  ['figures/diffusion.html', 'flow-diffusion'],
  ['figures/residual.html', 'flow-residual'],
  ['figures/hutchinson.html', 'flow-hutchinson'],
  ['figures/steps.html', 'flow-steps'],
  ['figures/marginal.html', 'flow-marginal'],
  ['lab.html', 'flow-lab'],
];

/** Waits until `check()` holds, polling every 100 ms for at most `ms`. */
async function until(check, ms) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((done) => setTimeout(done, 100));
  }
  return true;
}

for (const [path, tag] of PAGES) {
  test(`<${tag}> ends its workers when removed from the page`, async () => {
    const { page, problems } = await openPage(session.browser, `${session.url}${path}`);
    const live = new Set(page.workers());
    page.on('worker', (worker) => {
      live.add(worker);
      worker.on('close', () => live.delete(worker));
    });
    for (const worker of live) worker.on('close', () => live.delete(worker));
    assert.ok(await until(() => live.size > 0, 60_000), `<${tag}> started no worker`);
    const started = live.size;
    await page.evaluate((t) => document.querySelector(t).remove(), tag);
    assert.ok(await until(() => live.size === 0, 10_000), `${live.size} of ${started} workers still run`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
