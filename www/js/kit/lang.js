// The notebook's two languages. The page's language is the `lang` attribute of <html> ('en' or
// 'zh-Hant'); a figure may carry its own `lang` attribute, which wins. Switching the page's
// language fires 'flowlab-lang' on the document so that figures redraw their labels.

export const LANGS = Object.freeze(['en', 'zh-Hant']);
const EVENT = 'flowlab-lang';

/** The language in force for `element` (its nearest `lang` attribute), 'en' unless it is Chinese. */
export function langOf(element = document.documentElement) {
  const lang = element.closest?.('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return /^zh/i.test(lang ?? '') ? 'zh-Hant' : 'en';
}

/** The entry of `strings` ({ en, 'zh-Hant' }) for the language of `element`. */
export function pick(strings, element) {
  return strings[langOf(element)] ?? strings.en;
}

/** Sets the page's language and tells the figures. */
export function setPageLang(lang) {
  if (!LANGS.includes(lang)) throw new Error(`unknown language ${lang}; use one of ${LANGS.join(', ')}`);
  document.documentElement.lang = lang;
  document.dispatchEvent(new CustomEvent(EVENT, { detail: { lang } }));
}

/** Calls `callback(lang)` whenever the page's language changes; returns a function that stops it. */
export function onLangChange(callback) {
  const listener = (event) => callback(event.detail.lang);
  document.addEventListener(EVENT, listener);
  return () => document.removeEventListener(EVENT, listener);
}
