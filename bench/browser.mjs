// Runs www/bench.html in headless Chromium and prints its JSON lines: the wasm core's speed on the
// standard workloads, measured in a real browser.   node bench/browser.mjs [--quick]
import { openPage, startSession, waitReady } from '../tests/e2e/harness.mjs';

const quick = process.argv.includes('--quick');
const session = await startSession({ maxSeconds: 900 });
try {
  const { page, problems } = await openPage(session.browser, new URL(`bench.html?auto${quick ? '&quick' : ''}`, session.url).href);
  const state = await waitReady(page, 850_000);
  process.stdout.write(await page.textContent('#results'));
  if (state !== 'true' || problems.length > 0) {
    console.error(`browser benchmark failed: ${state} ${problems.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await session.close();
}
