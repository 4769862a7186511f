// Figures compute only while a reader can see them: a figure starts the first time it scrolls
// into view and pauses its animation while it is off screen.

/**
 * Calls `onShow()` when `element` comes into view (with a margin, so that it is ready in time)
 * and `onHide()` when it leaves. Returns a function that stops watching.
 */
export function watchVisibility(element, { onShow, onHide = () => {}, margin = '200px' }) {
  if (typeof IntersectionObserver === 'undefined') {
    onShow();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) (entry.isIntersecting ? onShow : onHide)();
    },
    { rootMargin: margin },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
