// Subscripts in a figure's words without a TeX engine: x_{k+1}, e_K and p_ODE are written with
// <sub> elements, so a figure embedded on any page (with or without KaTeX) shows them typeset.

const SUBSCRIPT = /_(?:\{([^{}]*)\}|([A-Za-z0-9]+))/g;

/**
 * Writes `text` into `element`, each `_{...}` or `_word` as a subscript (as text nodes and <sub>
 * elements: nothing in `text` is read as HTML).
 * @param {Element} element
 * @param {string} text
 */
export function setSubscripted(element, text) {
  const doc = element.ownerDocument;
  const parts = [];
  let at = 0;
  for (const match of text.matchAll(SUBSCRIPT)) {
    parts.push(text.slice(at, match.index));
    const sub = doc.createElement('sub');
    sub.textContent = match[1] ?? match[2];
    parts.push(sub);
    at = match.index + match[0].length;
  }
  parts.push(text.slice(at));
  element.replaceChildren(...parts.filter((p) => p !== ''));
}
