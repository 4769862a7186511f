// The article (index.html): seven chapters and the references, the math typeset by KaTeX with no
// error and no raw TeX left, English and Traditional Chinese switched by the buttons, by
// localStorage and by ?lang=zh-Hant, and the live figures defined and drawing. Screenshots of every
// chapter in both languages (and at phone width) go to tests/e2e/artifacts/article-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, openPage, startSession } from './harness.mjs';
import { mkdirSync } from 'node:fs';

const CHAPTERS = [
  'change-of-variables',
  'maximum-likelihood',
  'residual-flows',
  'continuous-time',
  'two-views',
  'flow-matching',
  'appendix-diffusion',
  'references',
];
// tag -> how many the article holds
const FIGURES = {
  'flow-change-of-variables': 1,
  'flow-coupling': 1,
  'flow-residual': 1,
  'flow-lab': 3,
  'flow-diffusion': 1,
  'flow-marginal': 1,
};
const ARXIV = ['2210.02747', '1806.07366', '1810.01367', '2011.13456', '1605.08803', '1906.02735'];
const RAW_TEX = /\\frac|\\\(|\\\)|\\\[|\\\]|\$\$|\\mathbb|\\nabla|\\phi\b/;
const CJK = /[\u3400-\u9fff]/;

let session;
const problems = []; // the console errors and failed requests of every page opened here, one list each

before(async () => {
  session = await startSession({ maxSeconds: 480 }); // a long page: seven figures, three of them training
});
after(async () => {
  await session?.close();
});

async function open(path = '', viewport) {
  const opened = await openPage(session.browser, `${session.url}${path}`);
  problems.push(opened.problems);
  if (viewport) await opened.page.setViewportSize(viewport);
  await opened.page.waitForFunction(() => document.documentElement.dataset.article, null, { timeout: 30_000 });
  assert.equal(await opened.page.evaluate(() => document.documentElement.dataset.article), 'ready');
  return opened.page;
}

/** What a reader sees: the page language, the visible h1, and the text of the article. */
function visibleText(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1: [...document.querySelectorAll('h1')].find((h) => h.offsetParent !== null)?.innerText ?? '',
    main: document.querySelector('main.article').innerText,
    body: document.body.innerText,
    katex: document.querySelectorAll('.katex').length,
    errors: document.querySelectorAll('.katex-error').length,
    pressed: document.querySelector('.lang-option[aria-pressed=true]')?.dataset.lang,
    title: document.title,
    // Formula-and-punctuation groups that stick out of their paragraph.
    stickingOut: [...document.querySelectorAll('.nobr')]
      .filter((group) => group.checkVisibility())
      .filter((group) => {
        const box = group.closest('p, li, summary, td, figcaption').getBoundingClientRect();
        return group.getBoundingClientRect().right > box.right + 1;
      })
      .map((group) => group.textContent.slice(0, 40)),
  }));
}

/** The visible prose of the article: its text outside formulas, figures and the references. */
function proseText(page) {
  return page.evaluate((figureTags) => {
    const skip = `.katex, #references, ${figureTags.join(', ')}`;
    const walker = document.createTreeWalker(document.querySelector('main.article'), NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent.closest(skip) || !parent.checkVisibility()) continue;
      text += node.textContent.replace(/\s+/g, '');
    }
    return text;
  }, Object.keys(FIGURES));
}

async function switchTo(page, lang) {
  await page.click(`.lang-option[data-lang="${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function screenshotChapters(page, prefix) {
  mkdirSync(ARTIFACTS, { recursive: true });
  // The sticky bar would be pictured in the middle of every chapter.
  await page.addStyleTag({ content: '.topbar { position: static !important; }' });
  await page.screenshot({ path: join(ARTIFACTS, `${prefix}-title.png`) });
  for (const [i, id] of CHAPTERS.entries()) {
    await page.locator(`#${id}`).screenshot({ path: join(ARTIFACTS, `${prefix}-${i + 1}-${id}.png`) });
  }
}

test('the article: chapters, references, math typeset, and both languages', async () => {
  const page = await open();
  const structure = await page.evaluate((ids) => {
    const found = ids.map((id) => {
      const section = document.getElementById(id);
      return [id, section?.querySelectorAll(':scope > h2[lang=en]').length, section?.querySelectorAll(':scope > h2[lang=zh-Hant]').length];
    });
    return {
      found,
      toc: [...document.querySelectorAll('.toc-list a')].map((a) => a.getAttribute('href')),
      links: [...document.querySelectorAll('#references a')].map((a) => a.href),
      details: document.querySelectorAll('#two-views > details').length,
      // The analogy table writes the log-density row with a minus sign and a footnote says so.
      tableTex: [...document.querySelectorAll('.analogy annotation')].map((a) => a.textContent).join(' '),
      footnote: document.getElementById('fn-sign')?.textContent ?? '',
    };
  }, CHAPTERS);
  for (const [id, en, zh] of structure.found) assert.deepEqual([id, en, zh], [id, 1, 1], `chapter #${id} and its two titles`);
  assert.deepEqual(structure.toc, CHAPTERS.map((id) => `#${id}`));
  for (const id of ARXIV) assert.ok(structure.links.some((href) => href.includes(id)), `reference arXiv:${id} is missing`);
  assert.ok(structure.links.some((href) => href.includes('mlg.eng.cam.ac.uk/blog/2024/01/20/flow-matching')));
  assert.ok(structure.links.some((href) => href.includes('diffusion.csail.mit.edu')));
  assert.equal(structure.details, 2, 'the derivations of the two views as <details>');
  assert.match(structure.tableTex, /\\log p_t\(x_t\) = -\\nabla\\cdot u_t\(x_t\)/);
  assert.match(structure.footnote, /minus/);

  // Open the derivations so that their math is visible (and checked) too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

  const en = await visibleText(page);
  assert.equal(en.lang, 'en');
  assert.equal(en.pressed, 'en');
  assert.ok(en.katex > 150, `only ${en.katex} formulas typeset`);
  assert.equal(en.errors, 0, 'KaTeX reported errors');
  assert.doesNotMatch(en.body, RAW_TEX, 'raw TeX left in the English page');
  assert.deepEqual(en.stickingOut, []);
  assert.doesNotMatch(en.main, CJK, 'Chinese text visible in the English article');
  assert.match(en.main, /Takeaway\./);
  assert.match(en.h1, /normalizing flows to flow matching/);
  // On a desktop screen every displayed formula fits its column (on a phone they may scroll).
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('.katex-display')]
      .filter((d) => d.scrollWidth > d.clientWidth + 1)
      .map((d) => d.querySelector('annotation')?.textContent.trim().slice(0, 60)),
  );
  assert.deepEqual(wide, [], 'formulas wider than the column');
  await screenshotChapters(page, 'article-en');

  await switchTo(page, 'zh-Hant');
  const zh = await visibleText(page);
  assert.equal(zh.pressed, 'zh-Hant');
  assert.notEqual(zh.h1, en.h1);
  assert.match(zh.h1, CJK);
  assert.equal(zh.errors, 0);
  assert.doesNotMatch(zh.body, RAW_TEX, 'raw TeX left in the Chinese page');
  assert.deepEqual(zh.stickingOut, []);
  assert.doesNotMatch(zh.main, /Takeaway|Try:|The sign carries/, 'English text visible in the Chinese article');
  for (const term of ['機率密度', '向量場', '雅可比行列式', '連續性方程式', '散度', '流匹配']) assert.ok(zh.main.includes(term), term);
  const prose = await proseText(page);
  const cjkShare = [...prose].filter((c) => CJK.test(c)).length / prose.length;
  assert.ok(cjkShare > 0.6, `the Chinese prose is only ${Math.round(cjkShare * 100)}% CJK`);
  assert.match(zh.title, CJK);
  await screenshotChapters(page, 'article-zh-Hant');

  // The choice is remembered; the English button switches back.
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.article === 'ready');
  assert.equal((await visibleText(page)).lang, 'zh-Hant', 'the language choice was not remembered');
  await switchTo(page, 'en');
  assert.equal((await visibleText(page)).h1, en.h1);
  // A switch made elsewhere through lang.js (as a figure might) moves the buttons too.
  await page.evaluate(() => import('/js/kit/lang.js').then((m) => m.setPageLang('zh-Hant')));
  assert.equal((await visibleText(page)).pressed, 'zh-Hant');
  await page.close();
});

test('?lang=zh-Hant starts in Chinese, and the article fits a phone', async () => {
  const page = await open('?lang=zh-Hant', { width: 390, height: 844 });
  const zh = await visibleText(page);
  assert.equal(zh.lang, 'zh-Hant');
  assert.equal(zh.pressed, 'zh-Hant');
  assert.match(zh.h1, CJK);
  // Nothing of the text sticks out sideways (wide formulas scroll inside their own box).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  // What a phone shows: the screen at the start of chapter 5 and at its first derivation.
  const phoneShot = async (selector, name) => {
    await page.evaluate((sel) => document.querySelector(sel).scrollIntoView(), selector);
    await page.screenshot({ path: join(ARTIFACTS, `article-phone-${name}.png`) });
  };
  await phoneShot('#two-views', 'zh-Hant-5-two-views');
  await phoneShot('#two-views details', 'zh-Hant-5-derivation');
  await switchTo(page, 'en');
  assert.ok(page.url().includes('lang=en'), 'the URL follows the switch');
  await phoneShot('#flow-matching', 'en-6-flow-matching');
  await phoneShot('#flow-matching .katex-display', 'en-6-formulas');
  await page.close();
});

/** Whether some visible canvas of `element` (or its shadow root) has non-uniform pixels. */
function figureDrawn(page, tag, index) {
  return page.waitForFunction(
    ([tagName, i]) => {
      const element = document.querySelectorAll(tagName)[i];
      const root = element.shadowRoot ?? element;
      for (const canvas of root.querySelectorAll('canvas')) {
        if (!canvas.width || !canvas.height || canvas.offsetParent === null) continue;
        let ctx = canvas.getContext('2d');
        if (!ctx) {
          const copy = document.createElement('canvas');
          [copy.width, copy.height] = [canvas.width, canvas.height];
          ctx = copy.getContext('2d');
          ctx.drawImage(canvas, 0, 0);
        }
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const colours = new Set();
        let [sum, sumSq] = [0, 0];
        for (let k = 0; k < data.length; k += 4) {
          colours.add((data[k] << 16) | (data[k + 1] << 8) | data[k + 2]);
          const y = 0.2126 * data[k] + 0.7152 * data[k + 1] + 0.0722 * data[k + 2];
          sum += y;
          sumSq += y * y;
        }
        const n = data.length / 4;
        const std = Math.sqrt(Math.max(0, sumSq / n - (sum / n) ** 2));
        if (colours.size >= 3 && std > 1) return true;
      }
      return false;
    },
    [tag, index],
    { timeout: 60_000, polling: 500 },
  );
}

test('every figure element is defined, draws a non-uniform canvas once visible, and speaks both languages', async () => {
  const page = await open();
  await page.addStyleTag({ content: '.topbar { position: static !important; }' }); // not over the shots
  const figures = [];
  for (const [tag, count] of Object.entries(FIGURES)) {
    assert.equal(await page.locator(tag).count(), count, `<${tag}> elements in the article`);
    const defined = await page
      .waitForFunction((t) => customElements.get(t) !== undefined, tag, { timeout: 15_000 })
      .then(() => true, () => false);
    assert.ok(defined, `<${tag}> is not defined: its module did not load`);
    for (let i = 0; i < count; i += 1) figures.push([tag, i]);
  }
  // In the article's order, so that each screenshot shows the figure the reader meets there.
  const order = await page.evaluate((tags) => {
    const all = [...document.querySelectorAll(tags.join(','))];
    return all.map((el) => [el.localName, [...document.querySelectorAll(el.localName)].indexOf(el)]);
  }, Object.keys(FIGURES));
  assert.equal(order.length, figures.length);
  for (const [k, [tag, i]] of order.entries()) {
    const figure = page.locator(tag).nth(i);
    await figure.scrollIntoViewIfNeeded();
    await figureDrawn(page, tag, i).catch(() => assert.fail(`<${tag}> #${i + 1} shows no picture after 60 s`));
    await page.waitForTimeout(tag === 'flow-lab' ? 4000 : 1500); // let it train or settle a little
    await figure.screenshot({ path: join(ARTIFACTS, `article-figure-${k + 1}-${tag}-en.png`) });
  }
  await switchTo(page, 'zh-Hant');
  for (const [k, [tag, i]] of order.entries()) {
    const figure = page.locator(tag).nth(i);
    await figure.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    const text = await figure.innerText();
    assert.ok(CJK.test(text), `<${tag}> #${i + 1} shows no Chinese after the switch: ${text.slice(0, 200)}`);
    await figure.screenshot({ path: join(ARTIFACTS, `article-figure-${k + 1}-${tag}-zh-Hant.png`) });
  }
  await page.close();
});

test('no console errors and no failed requests on any article page opened above', () => {
  assert.deepEqual(problems.flat(), []);
});
