// The lab in Traditional Chinese: a switch of the page's language relabels every part of a running
// lab (training goes on), and a page that starts in zh-Hant shows Chinese from the first paint.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, startSession, waitReady } from './harness.mjs';
import { trainFromScratch } from './lab.mjs';

const CJK = /[\u3400-\u9fff]/;
let session;

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
});

const setLang = (page, lang) =>
  page.evaluate((l) => import('/js/kit/lang.js').then((m) => m.setPageLang(l)), lang);

/** The words of the lab that must follow the language, read from the page. */
function labWords(page) {
  return page.evaluate(() => {
    const lab = document.querySelector('flow-lab');
    const text = (sel) => lab.querySelector(sel)?.textContent.trim() ?? '';
    const aria = (sel) => lab.querySelector(sel)?.getAttribute('aria-label') ?? '';
    return {
      train: text('.fl-train'),
      step: text('.fl-step'),
      reset: text('.fl-reset'),
      play: text('.fl-play'),
      time: text('.fl-time-label'),
      summary: text('.fl-settings summary'),
      defaults: text('.fl-defaults'),
      link: text('.fl-link'),
      targetLabel: text('label[for^=fl-target]'),
      targetOption: text('select[name=target] option:checked'),
      viewsLegend: text('.fl-set')
        ? lab.querySelector('.fl-set').closest('fieldset').querySelector('legend').textContent
        : '',
      flowCaption: text('.fl-flow figcaption'),
      lagrangian: text('.fl-lagrangian figcaption'),
      firstReadout: text('.fl-readouts dt'),
      status: text('.fl-status'),
      counter: text('.fl-counter'),
      trainAria: aria('.fl-train'),
      flowAria: aria('.fl-flow-canvas'),
      formAria: aria('.fl-controls'),
    };
  });
}

const step = async (page) => Number(await page.getAttribute('flow-lab dd[data-key=step]', 'data-value'));

test('switching the page to zh-Hant relabels the running lab and training goes on', async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}lab.html`);
  assert.equal(await waitReady(page), 'true');
  await trainFromScratch(page, 'flow-lab', 250); // it opens trained: train from scratch, to switch while training
  await page.waitForFunction(() => Number(document.querySelector('flow-lab [data-key=step]').dataset.value) >= 250);
  const english = await labWords(page);
  assert.equal(english.step, 'Step');
  assert.equal(english.summary, 'Settings');

  const before = await step(page);
  await setLang(page, 'zh-Hant');
  const chinese = await labWords(page);
  for (const [key, text] of Object.entries(chinese)) assert.match(text, CJK, `${key} is not Chinese: ${text}`);
  assert.ok(['訓練', '暫停'].includes(chinese.train), chinese.train);
  assert.equal(chinese.step, '單步');
  assert.equal(chinese.reset, '從頭訓練');
  assert.equal(chinese.play, '播放 t');
  assert.equal(chinese.summary, '設定');
  assert.equal(chinese.targetLabel, '目標分布');
  assert.equal(chinese.targetOption, '8 個高斯分布');
  assert.match(chinese.status, /^8 個高斯分布 · (訓練中|已暫停|訓練完成)，第 \d+ 步$/);
  // The model was not rebuilt: the steps go on from where they were.
  const stepsAbove = (n) => Number(document.querySelector('flow-lab [data-key=step]').dataset.value) > n;
  await page.waitForFunction(stepsAbove, before, { timeout: 30_000 });
  assert.ok((await step(page)) > before);
  assert.equal(await page.inputValue('flow-lab select[name=target]'), '8gaussians');
  // A refused value is explained in Chinese; the hash keeps its English keys.
  await page.fill('flow-lab input[name=depth]', '99');
  await page.press('flow-lab input[name=depth]', 'Enter');
  assert.equal(await page.textContent('flow-lab .fl-note:not(:empty)'), '隱藏層數：大於最大值 8（1 到 8 的整數）');
  await page.selectOption('flow-lab select[name=solver]', 'euler');
  await page.waitForFunction(() => location.hash === '#solver=euler');
  await page.waitForTimeout(600); // a few frames with the plots redrawn in Chinese
  await screenshot(page, 'lab-zh-Hant');

  await setLang(page, 'en');
  const back = await labWords(page);
  assert.equal(back.step, 'Step');
  assert.equal(back.reset, 'Train from scratch');
  assert.equal(back.summary, 'Settings');
  assert.equal(back.targetLabel, 'Target distribution');
  assert.match(back.flowCaption, /^Particles \(blue\)/);
  assert.match(back.status, /^8 Gaussians · (training|paused|finished) at step \d+$/);
  assert.match(await page.textContent('flow-lab .fl-note:not(:empty)'), /Hidden layers: is above the maximum 8/);
  for (const [key, text] of Object.entries(back)) assert.doesNotMatch(text, CJK, `${key} is still Chinese: ${text}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a page in zh-Hant shows the lab in Chinese from the start, phone width included', async () => {
  const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await context.route('**/lab.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<html lang="en"', '<html lang="zh-Hant"');
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(`${session.url}lab.html#width=abc`);
  // At first paint, before the core is loaded, the words are already Chinese.
  await page.waitForSelector('flow-lab .fl-step');
  const first = await labWords(page);
  for (const key of ['step', 'reset', 'summary', 'targetLabel', 'flowCaption', 'lagrangian', 'trainAria']) {
    assert.match(first[key], CJK, `${key} is not Chinese at first: ${first[key]}`);
  }
  assert.equal(await page.textContent('flow-lab .fl-messages'), '有些設定無法使用：width=abc 不是數字；改用 64。');
  assert.equal(await waitReady(page), 'true');
  await page.waitForFunction(() => document.querySelector('flow-lab .fl-density').dataset.step, null, {
    timeout: 90_000,
  });
  const words = await labWords(page);
  for (const [key, text] of Object.entries(words)) assert.match(text, CJK, `${key} is not Chinese: ${text}`);
  // Nothing is wider than the phone's screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
  await screenshot(page, 'lab-zh-Hant-phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a lab with its own lang attribute keeps it when the page switches', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/embed.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<flow-lab id="moons"', '<flow-lab id="moons" lang="en"');
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(`${session.url}embed.html`);
  assert.equal(await waitReady(page), 'true');
  await setLang(page, 'zh-Hant');
  assert.equal(await page.textContent('#moons .fl-step'), 'Step');
  assert.equal(await page.textContent('#checkerboard .fl-step'), '單步');
  assert.match(await page.textContent('#checkerboard .fl-flow figcaption'), CJK);
  assert.doesNotMatch(await page.textContent('#moons .fl-flow figcaption'), CJK);
  assert.deepEqual(problems, []);
  await context.close();
});
