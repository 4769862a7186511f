// The reader's language on every page: each page (the article, the lab, the embedding guide, the
// figure pages) has the EN / 中文 switch, starts in the language of `?lang=` or, without it, in the
// remembered choice, its figures speak that language, and its links to the site's other pages
// carry it, so that the next page opens in it too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startSession } from './harness.mjs';

const CJK = /[\u3400-\u9fff]/;
const PAGES = [
  ['index.html', null],
  ['lab.html', 'flow-lab'],
  ['embed.html', null],
  ['figures/change-of-variables.html', 'flow-change-of-variables'],
  ['figures/coupling.html', 'flow-coupling'],
  ['figures/diffusion.html', 'flow-diffusion'],
  ['figures/hutchinson.html', 'flow-hutchinson'],
  ['figures/marginal.html', 'flow-marginal'],
  ['figures/ode-sde.html', 'flow-ode-sde'],
  ['figures/residual.html', 'flow-residual'],
  ['figures/steps.html', 'flow-steps'],
];

let session;
before(async () => {
  session = await startSession({ maxSeconds: 240 });
});
after(async () => {
  await session?.close();
});

/** The page's language, its pressed button, the visible text of the bar and its page links. */
function readPage(page, tag) {
  return page.evaluate((t) => {
    const links = [...document.querySelectorAll('.topbar a[href]')].map((a) => new URL(a.href));
    const figure = t ? document.querySelector(t) : null;
    return {
      lang: document.documentElement.lang,
      buttons: document.querySelectorAll('.topbar .lang-option[data-lang]').length,
      pressed: document.querySelector('.lang-option[aria-pressed=true]')?.dataset.lang ?? null,
      bar: [...document.querySelectorAll('.topbar a')].map((a) => a.innerText).join(' '),
      links: links.map((u) => ({ path: u.pathname, lang: u.searchParams.get('lang') })),
      figureText: figure ? figure.innerText : '',
    };
  }, tag);
}

for (const [path, tag] of PAGES) {
  test(`${path}: the switch, ?lang=, the remembered choice, and links that keep the language`, async () => {
    const { page, problems } = await openPage(session.browser, `${session.url}${path}?lang=zh-Hant`);
    if (tag) await page.waitForFunction((t) => document.querySelector(t)?.innerText.trim().length > 0, tag);
    const zh = await readPage(page, tag);
    assert.equal(zh.buttons, 2, 'no EN / 中文 switch in the top bar');
    assert.equal(zh.lang, 'zh-Hant', '?lang=zh-Hant was not honoured');
    assert.equal(zh.pressed, 'zh-Hant');
    assert.match(zh.bar, CJK);
    if (tag) assert.match(zh.figureText, CJK, `<${tag}> does not speak Chinese under ?lang=zh-Hant`);
    const pages = zh.links.filter((l) => l.path.endsWith('.html') || l.path.endsWith('/'));
    assert.ok(pages.length > 0, 'the bar links to no other page');
    for (const link of pages) assert.equal(link.lang, 'zh-Hant', `${link.path} does not keep the language`);

    // The switch: English everywhere, links included, and the choice remembered.
    await page.click('.lang-option[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const en = await readPage(page, tag);
    assert.equal(en.pressed, 'en');
    assert.doesNotMatch(en.bar, CJK);
    for (const link of en.links) if (link.lang !== null) assert.equal(link.lang, 'en', link.path);
    await page.click('.lang-option[data-lang="zh-Hant"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    if (tag) await page.waitForFunction((t) => /[\u3400-\u9fff]/.test(document.querySelector(t).innerText), tag);

    // Without ?lang=, the remembered choice (Chinese, from the click above). (The reload aborts
    // the page's requests: its problems are the ones before it.)
    assert.deepEqual(problems, []);
    await page.goto(`${session.url}${path}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant', null, { timeout: 10_000 });
    const remembered = await readPage(page, tag);
    assert.equal(remembered.pressed, 'zh-Hant');
    await page.close();
  });
}

test("the article's 完整實驗室 link opens the lab in Chinese", async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}index.html?lang=zh-Hant`);
  await page.click('.topbar .lab-link');
  await page.waitForURL(/lab\.html/);
  await page.waitForFunction(() => document.querySelector('flow-lab .fl-train')?.textContent.trim());
  const { lang, train } = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    train: document.querySelector('flow-lab .fl-train').textContent,
  }));
  assert.equal(lang, 'zh-Hant');
  assert.match(train, CJK, `the lab's Train button says "${train}"`);
  // The lab's own "link to these settings" keeps the language too.
  const link = new URL(await page.getAttribute('flow-lab .fl-link', 'href'));
  assert.equal(link.searchParams.get('lang'), 'zh-Hant', link.href);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a figure's own lang attribute relabels it, and the page's switch then leaves it alone", async () => {
  const { page, problems } = await openPage(session.browser, `${session.url}figures/residual.html?lang=en`);
  const text = () => page.evaluate(() => document.querySelector('flow-residual').innerText);
  await page.waitForFunction(() => document.querySelector('flow-residual').innerText.trim().length > 0);
  assert.doesNotMatch(await text(), CJK);
  await page.evaluate(() => document.querySelector('flow-residual').setAttribute('lang', 'zh-Hant'));
  await page.waitForFunction(() => /[\u3400-\u9fff]/.test(document.querySelector('flow-residual').innerText));
  // The page switched to English again: the figure keeps its own language.
  await page.click('.lang-option[data-lang="en"]');
  assert.match(await text(), CJK);
  assert.equal(await page.evaluate(() => document.querySelector('flow-residual').dataset.state !== 'error'), true);
  assert.deepEqual(problems, []);
  await page.close();
});
