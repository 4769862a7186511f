// Every word the lab shows, in its two languages: the tables in strings/en.js and
// strings/zh-Hant.js (same keys), and the settings' labels in lab-settings.js. The language of a
// lab is that of its element (kit/lang.js: the nearest `lang` attribute).
import { langOf } from '../kit/lang.js';
import en from './strings/en.js';
import zhHant from './strings/zh-Hant.js';

export const STRINGS = Object.freeze({ en, 'zh-Hant': zhHant });

/** The language in force for `element` and its table of words: { lang, words }. */
export function wordsFor(element) {
  const lang = langOf(element);
  return { lang, words: STRINGS[lang] };
}

/**
 * A label of the settings table in `lang`: a plain string reads alike in every language, an
 * object { en, 'zh-Hant' } gives one per language (English when one is missing).
 */
export function textOf(label, lang) {
  if (label === null || typeof label !== 'object') return label;
  return label[lang] ?? label.en;
}
