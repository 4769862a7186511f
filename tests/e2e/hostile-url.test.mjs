// Hostile URLs in the browser: the lab's hash and the article's ?lang= and #section give the
// defaults and a visible message naming the bad key, and nothing reaches the console.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, openPage, screenshot, startSession, waitReady } from './harness.mjs';

let session;
before(async () => {
  session = await startSession({ maxSeconds: 200 });
});
after(async () => {
  await session?.close();
});

test('the lab: bad, repeated, unknown and huge hash keys give the defaults and one message', async () => {
  const junk = Array.from({ length: 2000 }, (_, i) => `k${i}=${i}`).join('&');
  const hash = `#width=%E0%A4%A&depth=NaN&depth=1e309&lr=-0&seed=${'9'.repeat(5000)}&views=&target=__proto__&${junk}`;
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html${hash}`);
  assert.equal(await waitReady(page), 'true');
  const message = await page.innerText('flow-lab .fl-messages');
  for (const expected of [
    'width=%E0%A4%A is not a number; using 64',
    'depth is given 2 times; using the last',
    'depth=1e309 is not a finite number; using 3',
    'lr=-0 is below the minimum 0.00001; using 0.001',
    `seed=${'9'.repeat(39)}… is not a finite number; using 0`,
    'target=__proto__ is not one of',
    'k0, k1, k2 and 1997 more are not settings; ignored',
  ]) {
    assert.ok(message.includes(expected), `"${expected}" is not in: ${message}`);
  }
  assert.ok(message.length < 1500, `${message.length} characters of messages`);
  assert.equal(await page.inputValue('flow-lab select[name=target]'), '8gaussians');
  assert.equal(await page.inputValue('flow-lab input[name=width]'), '64');
  await screenshot(page, 'hostile-hash');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the article: an unknown ?lang= is said under the bar, a malformed #anchor is harmless', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}index.html?lang=${'fr'.repeat(40)}#%E0%A4%A`);
  await page.waitForFunction(() => document.documentElement.dataset.article);
  assert.equal(await page.getAttribute('html', 'data-article'), 'ready');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const note = await page.innerText('.lang-note');
  assert.match(note, /^This page has no language lang=(fr){19}f… \(from the link\)/);
  await page.click('.lang-option[data-lang="zh-Hant"]');
  assert.match(await page.innerText('.lang-note'), /^本頁沒有連結中指定的語言 lang=/);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'hostile-lang.png'), clip: { x: 0, y: 0, width: 1280, height: 300 } });
  assert.deepEqual(problems, []);
  await page.close();
});
