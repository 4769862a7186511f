// Adds a figure's style sheets to the page once, so that one script tag is enough to embed it.

/** Links each of `urls` (absolute, or relative to `base`) as a style sheet unless it is linked. */
export function addStyles(doc, urls, base) {
  for (const url of urls) {
    const href = new URL(url, base).href;
    if ([...doc.querySelectorAll('link[rel=stylesheet]')].some((link) => link.href === href)) continue;
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    doc.head.append(link);
  }
}
