// Display formulas wider than the column (on a phone) scroll sideways inside their own box; this
// marks the sides where more of a formula is hidden (data-more="left right"), which article.css
// fades out, so that a reader sees there is more to scroll to.

/** Keeps `data-more` of one display formula up to date with its width and scroll position. */
function mark(display) {
  const hidden = display.scrollWidth - display.clientWidth;
  const sides = [];
  if (hidden > 1 && display.scrollLeft > 1) sides.push('left');
  if (hidden > 1 && display.scrollLeft < hidden - 1) sides.push('right');
  if (sides.length) display.dataset.more = sides.join(' ');
  else delete display.dataset.more;
}

/** Watches every `.katex-display` under `root` (KaTeX has typeset it) as it scrolls and resizes. */
export function markWideFormulas(root) {
  const displays = [...root.querySelectorAll('.katex-display')];
  const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
    for (const entry of entries) mark(entry.target);
  });
  for (const display of displays) {
    display.addEventListener('scroll', () => mark(display), { passive: true });
    resize?.observe(display);
    mark(display);
  }
  // KaTeX's fonts arriving, or a narrower window, can widen a formula without resizing its box.
  const markAll = () => displays.forEach(mark);
  root.ownerDocument.fonts?.ready.then(markAll);
  root.ownerDocument.defaultView?.addEventListener('resize', markAll);
}
