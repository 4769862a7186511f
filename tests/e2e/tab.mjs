// One browser tab behind a small interface, so that the reader's scenarios (reader.mjs) run the
// same in Chromium (playwright-core) and in Firefox (selenium-webdriver and geckodriver):
//   goto(url), evaluate(fn, arg), waitFor(fn, arg, timeout), screenshot(name), close()
// `fn` runs in the page; it must be self-contained (it is sent as source text).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from './harness.mjs';

/** A tab of a playwright browser; console errors, page errors and failed requests go to `problems`. */
export async function chromiumTab(browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console error: ${msg.text()}`));
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('response', (res) => res.status() >= 400 && problems.push(`HTTP ${res.status()}: ${res.url()}`));
  return {
    browser: 'chromium',
    problems,
    page,
    goto: (url) => page.goto(url, { waitUntil: 'load', timeout: 60_000 }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: async (fn, arg, timeout = 60_000) => (await page.waitForFunction(fn, arg, { timeout })).jsonValue(),
    screenshot: async (name) => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: () => page.close(),
  };
}

/** A tab of a selenium WebDriver session (Firefox); it reports no console messages. */
export function webdriverTab(driver, browserName) {
  const evaluate = (fn, arg) => driver.executeScript(`return (${fn})(arguments[0]);`, arg ?? null);
  return {
    browser: browserName,
    problems: [],
    goto: (url) => driver.get(url),
    evaluate,
    waitFor: (fn, arg, timeout = 60_000) =>
      driver.wait(() => evaluate(fn, arg).catch(() => false), timeout, `waiting for ${String(fn).slice(0, 120)}`),
    screenshot: async (name) => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      // The whole page where the driver can (geckodriver), else the window.
      const png = driver.takeFullPageScreenshot ? driver.takeFullPageScreenshot() : driver.takeScreenshot();
      writeFileSync(path, Buffer.from(await png, 'base64'));
      return path;
    },
    close: async () => {},
  };
}
