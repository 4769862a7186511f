// The lab's coupling 'reflow' from the URL: 2000 steps on independent pairs, then on the model's own
// pairs (x0, ODE(x0)); training runs to its 3000 steps, the loss drops far below that of independent
// pairs (the targets x̂1 − x0 are almost a function of x_t), the density keeps improving.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, startSession, waitReady } from './harness.mjs';
import { densitiesReady, readouts } from './lab.mjs';

let session;
before(async () => {
  session = await startSession({ maxSeconds: 240 });
});
after(async () => {
  await session?.close();
});

test('coupling=reflow in the hash trains by reflow and round-trips', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html#coupling=reflow`);
  await waitReady(page);
  assert.equal(await page.inputValue('flow-lab select[name=coupling]'), 'reflow');
  assert.match(await page.getAttribute('flow-lab .fl-link', 'href'), /lab\.html#coupling=reflow$/);
  // The loss of the first steps (independent pairs), read while training runs.
  await page.waitForFunction(() => Number(document.querySelector('flow-lab dd[data-key=step]').dataset.value) >= 1000, null, {
    timeout: 90_000,
  });
  const early = await readouts(page);
  await densitiesReady(page, 'flow-lab', 120_000);
  const done = await readouts(page);
  assert.equal(done.step, 3000);
  assert.ok(done.loss < 0.25 * early.loss, `loss ${early.loss} at step ${early.step} -> ${done.loss}`);
  // The density (held-out KL to the data) is still better than at step 1000: the pairs came from a
  // model trained 2000 steps, whose errors reflow inherits.
  assert.ok(Number.isFinite(done.kl) && done.kl < early.kl, `KL ${early.kl} -> ${done.kl}`);
  await screenshot(page, 'lab-reflow');
  assert.deepEqual(problems, []);
  await page.close();
});
