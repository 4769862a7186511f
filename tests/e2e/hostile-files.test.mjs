// Files of points given to the lab: a 50 MB file is read in a worker while the page keeps drawing
// (progress shown, Cancel works), 10^6 rows are cut to the limit with a note and learned, and
// binary, non-UTF-8 and one-huge-line files give messages naming what and where.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, screenshot, startSession, waitReady } from './harness.mjs';

let session;
let dir;
before(async () => {
  session = await startSession({ maxSeconds: 300 });
  dir = mkdtempSync(join(tmpdir(), 'flowlab-files-'));
});
after(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

const INPUT = 'flow-lab .fl-csv input[type=file]';
const messages = (page) => page.textContent('flow-lab .fl-messages');

/** Writes `content` to a file named `name` in the test's folder; returns its path. */
function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Counts animation frames and notes each value of the CSV progress bar, until stopped. */
function watchPage(page) {
  return page.evaluate(() => {
    const seen = (window.fuzzWatch = { frames: 0, longest: 0, values: new Set(), run: true });
    let last = performance.now();
    const tick = (now) => {
      seen.frames++;
      seen.longest = Math.max(seen.longest, now - last);
      last = now;
      const bar = document.querySelector('flow-lab .fl-csv-progress [role=progressbar]');
      const value = bar?.closest('.kit-progress').hidden ? null : bar?.getAttribute('aria-valuenow');
      if (value) seen.values.add(Number(value));
      if (seen.run) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

function stopWatching(page) {
  return page.evaluate(() => {
    const seen = window.fuzzWatch;
    seen.run = false;
    return { frames: seen.frames, longest: seen.longest, values: [...seen.values].sort((a, b) => a - b) };
  });
}

test('a 50 MB file: progress while the page keeps drawing, Cancel, then 10^6 rows learned', async () => {
  const line = '12345.678901,-98765.432109\n';
  const big = file('big.csv', line.repeat(Math.ceil(50_000_000 / line.length)));
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html#target=csv`);
  await waitReady(page);

  await watchPage(page);
  await page.setInputFiles(INPUT, big);
  await page.waitForFunction(() => /big\.csv was loaded/.test(document.querySelector('flow-lab .fl-messages').textContent), null, {
    timeout: 120_000,
  });
  const reading = await stopWatching(page);
  console.log(`50 MB read: ${reading.frames} frames drawn, longest gap ${reading.longest.toFixed(0)} ms, progress ${reading.values.join(' ')}`);
  assert.ok(reading.values.length >= 2, `the progress bar showed ${JSON.stringify(reading.values)}`);
  assert.ok(reading.frames >= 10, `only ${reading.frames} frames were drawn while the file was read`);
  assert.match(await messages(page), /the file has 1851852 points, more than the limit of 100000: 1751852 of them, chosen at random, were left out/);

  // Cancel while a big file is read: a message, and the points learned before are kept.
  await page.setInputFiles(INPUT, big);
  await page.click('flow-lab .fl-csv-progress button', { timeout: 30_000 });
  await page.waitForFunction(() => /Reading big\.csv was cancelled/.test(document.querySelector('flow-lab .fl-messages').textContent));
  await screenshot(page, 'csv-cancelled');

  const rows = Array.from({ length: 1_000_000 }, (_, i) => {
    const a = (i * 2.399963) % (2 * Math.PI);
    return `${(2 * Math.cos(a)).toFixed(5)};${(2 * Math.sin(a)).toFixed(5)}\r\n`;
  });
  await page.setInputFiles(INPUT, file('ring.csv', `\uFEFFx;y\r\n${rows.join('')}`));
  await page.waitForFunction(() => /ring\.csv was loaded/.test(document.querySelector('flow-lab .fl-messages').textContent), null, {
    timeout: 120_000,
  });
  assert.match(await messages(page), /the file has 1000000 points, more than the limit of 100000: 900000 of them/);
  // The ring of radius 2 is learned: the loss falls to a few units (on big.csv's points, near
  // (12346, -98765), it was about 10^9).
  await page.waitForFunction(
    () => {
      const loss = Number(document.querySelector('flow-lab dd[data-key=loss]').dataset.value);
      return /From a CSV file · (training|paused|finished)/.test(document.querySelector('flow-lab .fl-status').textContent) && loss < 50;
    },
    null,
    { timeout: 90_000 },
  );
  await screenshot(page, 'csv-million-rows');
  assert.deepEqual(problems, []);
  await page.close();
});

test('binary, UTF-16, non-UTF-8, NaN and one-huge-line files each give a message saying where', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html#target=csv`);
  await waitReady(page);
  const cases = [
    ['image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /line 3: the file holds binary data \(a zero byte\), not text/],
    ['utf16.csv', Buffer.from('\ufeffx,y\n1,2\n3,4\n', 'utf16le'), /line 1: the file holds binary data/],
    ['latin1.csv', Buffer.from('x,y\n1,2\n3,4\xe9\n', 'latin1'), /line 3: "4\uFFFD" holds bytes that are not UTF-8 text/],
    ['nan.csv', Buffer.from('x,y\n1,2\nNaN,3\n4,Infinity\n'), /line 3: "NaN" is not a finite number.*line 4: "Infinity" is not a finite number/],
    ['long.csv', Buffer.from(`x,y\n1,2\n${'7'.repeat(3_000_000)},1\n`), /line 3 is longer than 10000 characters/],
    ['empty.csv', Buffer.alloc(0), /the file has no data/],
  ];
  for (const [name, buffer, expected] of cases) {
    await page.setInputFiles(INPUT, { name, mimeType: 'text/csv', buffer });
    await page.waitForFunction((n) => document.querySelector('flow-lab .fl-messages').textContent.includes(`${n} was not loaded`), name);
    assert.match(await messages(page), expected, name);
    if (name === 'latin1.csv') await screenshot(page, 'csv-not-utf8');
  }
  assert.deepEqual(problems, []);
  await page.close();
});
