// The language switch of every page: the EN / 中文 buttons, the choice remembered in localStorage,
// `?lang=zh-Hant` in the URL (which wins), the reader's place kept when the text reflows, and the
// links to the site's other pages carrying the language (`?lang=`) so that the next page opens in it.
import { onLangChange, setPageLang } from './lang.js';

const STORAGE_KEY = 'flowlab-lang';

/** One of LANGS for a language tag ('zh', 'zh-TW', 'zh-Hant' -> 'zh-Hant'; 'en-GB' -> 'en'), else null. */
function known(tag) {
  if (/^zh(-|$)/i.test(tag ?? '')) return 'zh-Hant';
  return /^en(-|$)/i.test(tag ?? '') ? 'en' : null;
}

/** The language to start in: `?lang=` if known, else the remembered choice, else `fallback`. */
export function initialLang(search, storage, fallback = 'en') {
  return known(new URLSearchParams(search).get('lang')) ?? known(readStored(storage)) ?? fallback;
}

/**
 * The note for a `?lang=` this page does not have ({ en, 'zh-Hant' } texts quoting it, cut to 40
 * characters), or null when there is none or it is known.
 */
export function langNote(search) {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === null || known(asked)) return null;
  const value = [...asked.slice(0, 80)].length > 40 ? `${[...asked].slice(0, 39).join('')}…` : asked;
  return {
    en: `This page has no language lang=${value} (from the link); it is written in English and Chinese: EN / 中文 above.`,
    'zh-Hant': `本頁沒有連結中指定的語言 lang=${value}；本頁有英文與中文，可用上方的 EN／中文 切換。`,
  };
}

/** Shows `note` (langNote) under the bar that holds `switchElement`, in the page's language. */
function showNote(doc, switchElement, note) {
  const element = doc.createElement('p');
  element.className = 'lang-note';
  element.setAttribute('role', 'status');
  const write = (lang) => (element.textContent = note[lang] ?? note.en);
  switchElement?.closest('header')?.after(element);
  onLangChange(write);
  write(doc.documentElement.lang);
}

function readStored(storage) {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage may be blocked (private windows, file://)
  }
}

function store(storage, lang) {
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    /* not remembered; the switch still works */
  }
}

/** The first chapter still on screen and its distance from the top of the viewport. */
function readingPlace(doc) {
  const chapters = doc.querySelectorAll('.chapter, .title');
  for (const element of chapters) {
    const { top, bottom } = element.getBoundingClientRect();
    if (bottom > 0) return { element, top };
  }
  return null;
}

/**
 * The address `href` (relative to `base`) with `?lang=lang` when it leads to another page of the
 * same site (an .html page or a folder); otherwise null (other sites, files, links within the page).
 */
export function withLang(href, base, lang) {
  let url;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  const here = new URL(base);
  if (url.origin !== here.origin || !/(\.html|\/)$/.test(url.pathname)) return null;
  if (url.pathname === here.pathname && url.search === here.search) return null; // a link within the page
  url.searchParams.set('lang', lang);
  return url.href;
}

/**
 * Gives every link of the page's own text to another page of the site the language `lang` (see
 * withLang). Links inside a figure (a custom element) are the figure's own to write.
 */
function keepLangInLinks(doc, lang) {
  const inFigure = (/** @type {Element} */ link) => {
    for (let e = link.parentElement; e; e = e.parentElement) if (e.localName.includes('-')) return true;
    return false;
  };
  for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (doc.querySelectorAll('a[href]'))) {
    if (inFigure(link)) continue;
    link.dataset.href ??= link.getAttribute('href') ?? '';
    const href = withLang(link.dataset.href, doc.baseURI, lang);
    if (href) link.href = href;
  }
}

/**
 * Wires the buttons `.lang-option[data-lang]` of `doc` and starts in the initial language.
 * Returns `apply(lang)`, which switches without touching storage or the URL.
 */
export function setupLangSwitch(doc = document, win = window) {
  const buttons = [.../** @type {NodeListOf<HTMLElement>} */ (doc.querySelectorAll('.lang-option[data-lang]'))];
  const root = doc.documentElement;
  // The buttons and the title follow every switch, also one made by other code through lang.js.
  const show = (lang) => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    const title = lang === 'en' ? root.dataset.titleEn : root.dataset.titleZhHant;
    if (title) doc.title = title;
    keepLangInLinks(doc, lang);
  };
  onLangChange(show);
  const apply = (lang) => {
    setPageLang(lang);
    show(lang);
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const lang = button.dataset.lang;
      if (lang === root.lang) return;
      const place = readingPlace(doc);
      apply(lang);
      // The two texts differ in length: keep the chapter being read where it was.
      if (place) win.scrollBy(0, place.element.getBoundingClientRect().top - place.top);
      store(win.localStorage, lang);
      const url = new URL(win.location.href);
      if (url.searchParams.has('lang')) {
        url.searchParams.set('lang', lang);
        win.history.replaceState(null, '', url);
      }
    });
  }
  const note = langNote(win.location.search);
  if (note) showNote(doc, buttons[0], note);
  // Without ?lang= or a remembered choice, the language the page is written in.
  apply(initialLang(win.location.search, win.localStorage, known(root.lang) ?? 'en'));
  return apply;
}
