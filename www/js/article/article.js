// The article page (index.html): the language switch, the table of contents and anchors, and the
// math, written as TeX between \( \) and \[ \] and typeset at load by KaTeX's auto-render
// (served by our own server at /vendor/katex/). Marks <html data-article> 'ready' or 'error'.
import { setupLangSwitch } from '../kit/lang-switch.js';
import { addAnchors, buildToc } from './toc.js';
import { markWideFormulas } from './wide-math.js';

// KaTeX's minified builds (half the bytes of katex.mjs): scripts that define the globals katex and
// renderMathInElement, imported in that order.
const KATEX = new URL('../../vendor/katex/katex.min.js', import.meta.url).href;
const KATEX_AUTO_RENDER = new URL('../../vendor/katex/contrib/auto-render.min.js', import.meta.url).href;
// Never typeset inside a figure: the figures draw their own labels.
const FIGURE_TAGS = ['flow-change-of-variables', 'flow-coupling', 'flow-residual', 'flow-lab', 'flow-diffusion'];
const SKIPPED_TAGS = ['script', 'noscript', 'style', 'textarea', 'pre', 'code', 'option', ...FIGURE_TAGS];

async function typesetMath(root) {
  await import(KATEX);
  await import(KATEX_AUTO_RENDER);
  const renderMathInElement = /** @type {any} */ (globalThis).renderMathInElement;
  renderMathInElement(root, {
    delimiters: [
      { left: '\\[', right: '\\]', display: true },
      { left: '\\(', right: '\\)', display: false },
    ],
    ignoredTags: SKIPPED_TAGS,
    throwOnError: false,
  });
}

// Punctuation that must not start a line: ASCII and the full-width marks of Chinese text.
const TRAILING_PUNCTUATION = /^[.,;:!?)\]\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\uff09\u300d]+/;
// Formulas up to this many characters of TeX are grouped with their punctuation (no longer one is
// inline); article.css keeps a group on one line only on screens wide enough for it.
const SHORT_TEX = 100;

/** Keeps the punctuation after a short inline formula on its line ("… \(x\)." never breaks before "."). */
function keepPunctuation(root) {
  for (const formula of root.querySelectorAll('.katex')) {
    if (formula.closest('.katex-display')) continue;
    const tex = formula.querySelector('annotation')?.textContent ?? '';
    const wrapper = formula.parentElement; // auto-render's <span> around one formula
    const next = wrapper.nextSibling;
    const match = next?.nodeType === Node.TEXT_NODE && TRAILING_PUNCTUATION.exec(next.data);
    if (!match || tex.length > SHORT_TEX) continue;
    next.splitText(match[0].length);
    const group = root.ownerDocument.createElement('span');
    group.className = 'nobr';
    wrapper.before(group);
    group.append(wrapper, next);
  }
}

async function main() {
  setupLangSwitch(document, window);
  const article = document.querySelector('main.article');
  const sections = [...article.querySelectorAll('section.chapter[id]')];
  buildToc(article.querySelector('.toc-list'), sections);
  addAnchors(sections);
  await typesetMath(article);
  keepPunctuation(article);
  markWideFormulas(article);
  // Typesetting changes the heights: go back to the section named in the URL.
  if (location.hash.length > 1) document.getElementById(sectionId(location.hash))?.scrollIntoView();
}

/** The id a URL hash names ('#sec-3' -> 'sec-3'); a malformed %-escape is taken as written. */
function sectionId(hash) {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

main().then(
  () => (document.documentElement.dataset.article = 'ready'),
  (error) => {
    document.documentElement.dataset.article = 'error';
    console.error('article:', error);
  },
);
