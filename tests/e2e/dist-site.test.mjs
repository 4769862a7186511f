// dist/ from a plain static server (Python's http.server) under a sub-path, in Chromium: every page
// loads with no failed request, the article typesets, the lab trains, every figure page draws.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './harness.mjs';
import { serveDist, SUB_PATH } from './dist-server.mjs';
import { assertDrawn, readArticle, STARTED, useLab, waitState } from './reader.mjs';
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

// page -> its figure and the canvas that must show a picture
const FIGURE_PAGES = {
  'change-of-variables': ['flow-change-of-variables', '.cv-plane-canvas'],
  coupling: ['flow-coupling', '.fc-samples canvas'],
  residual: ['flow-residual', 'canvas'],
  diffusion: ['flow-diffusion', 'canvas'],
  hutchinson: ['flow-hutchinson', '.fh-variance'],
  steps: ['flow-steps', '.fs-orders'],
  marginal: ['flow-marginal', '.fmg-pairs'],
};

test('every figure page under a sub-path draws its figure', async () => {
  for (const [page, [tag, canvas]] of Object.entries(FIGURE_PAGES)) {
    const states = STARTED[tag];
    const tab = await chromiumTab(chromium.browser);
    await tab.goto(`${site.url}figures/${page}.html`);
    assert.ok(states.includes(await waitState(tab, tag, states)), `${page}: no figure`);
    await assertDrawn(tab, `${tag} ${canvas}`);
    assert.deepEqual(tab.problems, [], page);
    await tab.close();
  }
});
