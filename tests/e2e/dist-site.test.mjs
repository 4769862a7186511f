// dist/ from a plain static server (Python's http.server) under a sub-path, in Chromium: every page
// loads with no failed request, the article typesets, the lab trains, every figure page draws.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './harness.mjs';
import { serveDist, SUB_PATH } from './dist-server.mjs';
import { readArticle, useLab, waitState, assertDrawn } from './reader.mjs';
import { chromiumTab } from './tab.mjs';

let chromium;
let site;
before(async () => {
  site = await serveDist();
  chromium = await launchChromium({ maxSeconds: 420, onClose: async () => site.close() });
});
after(() => chromium?.close());

test('the article under a sub-path typesets, draws and switches language', async () => {
  assert.ok(site.url.endsWith(SUB_PATH));
  const tab = await chromiumTab(chromium.browser);
  await readArticle(tab, site.url);
  await tab.screenshot('dist-article-chromium');
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

test('the lab under a sub-path trains and draws both density views', async () => {
  const tab = await chromiumTab(chromium.browser);
  await useLab(tab, `${site.url}lab.html`);
  await tab.screenshot('dist-lab-chromium');
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

const FIGURE_PAGES = {
  'change-of-variables': ['flow-change-of-variables', ['ready'], '.cv-plane-canvas'],
  coupling: ['flow-coupling', ['training', 'paused', 'done'], '.fc-samples canvas'],
  residual: ['flow-residual', ['training', 'computing', 'ready'], 'canvas'],
  diffusion: ['flow-diffusion', ['ready'], 'canvas'],
};

test('every figure page under a sub-path draws its figure', async () => {
  for (const [page, [tag, states, canvas]] of Object.entries(FIGURE_PAGES)) {
    const tab = await chromiumTab(chromium.browser);
    await tab.goto(`${site.url}figures/${page}.html`);
    assert.ok(states.includes(await waitState(tab, tag, states)), `${page}: no figure`);
    await assertDrawn(tab, `${tag} ${canvas}`);
    assert.deepEqual(tab.problems, [], page);
    await tab.close();
  }
});
