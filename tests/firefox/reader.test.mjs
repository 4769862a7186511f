// The page tests that matter to a reader, in Firefox (ESR, headless) through geckodriver and the
// selenium-webdriver client, on dist/ as shipped: the article under a sub-path (typesets, draws,
// switches language), the lab (trains, both density views draw), and figures embedded from
// another origin (draw, start late, end their workers). Screenshots: tests/e2e/artifacts/*-firefox.png.
import { after, before, test } from 'node:test';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { serveDist } from '../e2e/dist-server.mjs';
import { serveTwoOrigins } from '../e2e/embed-origins.mjs';
import { embedFromAnotherOrigin, readArticle, useLab } from '../e2e/reader.mjs';
import { webdriverTab } from '../e2e/tab.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER ?? join(homedir(), '.cargo', 'bin', 'geckodriver');
const MAX_SECONDS = 600;

let driver;
let site;
let origins;
let watchdog;
let tab;

before(async () => {
  site = await serveDist({ maxSeconds: MAX_SECONDS });
  origins = await serveTwoOrigins();
  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments('-headless')
    .windowSize({ width: 1280, height: 900 })
    // No background traffic on a closed network.
    .setPreference('app.update.enabled', false)
    .setPreference('network.captive-portal-service.enabled', false)
    .setPreference('datareporting.policy.dataSubmissionEnabled', false);
  driver = await new Builder()
    .forBrowser('firefox')
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
  await driver.manage().setTimeouts({ script: 60_000, pageLoad: 60_000 });
  watchdog = setTimeout(() => {
    console.error(`firefox tests: watchdog stopped Firefox after ${MAX_SECONDS} s`);
    stop();
  }, MAX_SECONDS * 1000);
  watchdog.unref();
  tab = webdriverTab(driver, 'firefox');
});

async function stop() {
  clearTimeout(watchdog);
  await driver?.quit().catch(() => {});
  driver = null;
  site?.close();
  await origins?.close();
  site = origins = null;
}
after(stop);

test('Firefox: the article under a sub-path typesets, draws and switches language', async () => {
  await readArticle(tab, site.url);
  await tab.screenshot('dist-article-firefox');
});

test('Firefox: the lab trains and draws both density views', async () => {
  await useLab(tab, `${site.url}lab.html`);
  await tab.screenshot('dist-lab-firefox');
});

test('Firefox: figures from another origin draw, start late and end their workers', async () => {
  await embedFromAnotherOrigin(tab, origins.host, 'cross-origin-firefox');
});
