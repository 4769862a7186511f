// The site under its strict Content-Security-Policy (scripts/csp.mjs, sent with every response as a
// static host would): the article and the embedding guide work with no violation; a page on another
// origin works under embeddingPolicy(); and a load that fails (WebAssembly refused by a policy
// without 'wasm-unsafe-eval', the wasm missing) is a readable message in the figure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTENT_SECURITY_POLICY, embeddingPolicy } from '../../scripts/csp.mjs';
import { launchChromium } from './harness.mjs';
import { DIST } from './dist-server.mjs';
import { serveTwoOrigins } from './embed-origins.mjs';
import { embedFromAnotherOrigin, readArticle, reveal, STARTED, waitState } from './reader.mjs';
import { serveStatic } from './static.mjs';
import { chromiumTab } from './tab.mjs';


let chromium;
const servers = [];
before(async () => {
  chromium = await launchChromium({ maxSeconds: 420, onClose: () => Promise.all(servers.map((s) => s.close())) });
});
after(() => chromium?.close());

async function site(options) {
  const server = await serveStatic(DIST, options);
  servers.push(server);
  return server.url;
}

/** A tab that records the page's CSP violations in window.cspViolations. */
async function watchedTab() {
  const tab = await chromiumTab(chromium.browser);
  await tab.page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  return tab;
}

test('the policy is strict: no unsafe-eval, no inline script or style', () => {
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /'unsafe-eval'|'unsafe-inline'|\*/);
  assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
  assert.match(CONTENT_SECURITY_POLICY, /script-src 'self' 'wasm-unsafe-eval'/);
});

test('the article works under the policy', async () => {
  const url = await site({ headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
  const tab = await watchedTab();
  await readArticle(tab, url);
  await reveal(tab, 'flow-coupling');
  assert.ok(STARTED['flow-coupling'].includes(await waitState(tab, 'flow-coupling', STARTED['flow-coupling'])));
  assert.deepEqual(await tab.evaluate(() => window.cspViolations), []);
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

test('the embedding guide and every figure on it work under the policy', async () => {
  const url = await site({ headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
  const tab = await watchedTab();
  await tab.goto(`${url}embed.html`);
  for (const [tag, states] of Object.entries(STARTED)) {
    await reveal(tab, tag);
    assert.ok(states.includes(await waitState(tab, tag, states)), tag);
  }
  assert.deepEqual(await tab.evaluate(() => window.cspViolations), []);
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

test('figures from another origin work under the embedding policy', async () => {
  const origins = await serveTwoOrigins({ hostHeaders: (a) => ({ 'content-security-policy': embeddingPolicy(a) }) });
  servers.push(origins);
  const tab = await watchedTab();
  await embedFromAnotherOrigin(tab, origins.host, 'cross-origin-csp-chromium');
  assert.deepEqual(await tab.evaluate(() => window.cspViolations), []);
  assert.deepEqual(tab.problems, []);
  await tab.close();
});

/** The coupling figure's page when the core cannot load: its state and what it says. */
async function failedFigure(url, name) {
  const tab = await chromiumTab(chromium.browser);
  await tab.goto(`${url}figures/coupling.html`);
  assert.match(await waitState(tab, 'flow-coupling', []), /^error: /);
  const visible = await tab.evaluate(() => document.querySelector('flow-coupling').innerText);
  await tab.screenshot(name);
  await tab.close();
  return visible;
}

test('WebAssembly refused by the policy is a readable message in the figure', async () => {
  const policy = CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", '');
  const url = await site({ headers: { 'content-security-policy': policy } });
  const visible = await failedFigure(url, 'csp-no-wasm-chromium');
  assert.match(visible, /WebAssembly core .*flowlab_bg\.wasm could not be loaded/);
  assert.match(visible, /Content-Security-Policy does not allow WebAssembly \(script-src needs 'wasm-unsafe-eval'\)/);
});

test('a missing wasm file is a readable message in the figure', async () => {
  const url = await site({ missing: /flowlab_bg\.wasm$/ });
  const visible = await failedFigure(url, 'wasm-404-chromium');
  assert.match(visible, /WebAssembly core .*flowlab_bg\.wasm could not be loaded: HTTP 404/);
});
