// Starts a module worker from a script that may live on another origin than the page.
//
// Browsers refuse `new Worker(url)` when `url` is on another origin, even with CORS headers: a
// worker's script must be same-origin. A page that embeds FlowLab from a CDN or another host is in
// that case. The fix: a tiny module script made on the page's own origin (a blob: URL) whose only
// line imports the real worker module; module imports may cross origins under CORS, and the real
// module keeps its own URL (import.meta.url), so its relative imports (the core in pkg/) resolve
// beside it. Same-origin scripts start directly, so a page on our own site needs no blob: in its
// Content-Security-Policy; an embedding page on another origin needs `blob:` and that origin in
// worker-src (scripts/csp.mjs embeddingPolicy).
// Every worker of the front end is started here (kit/client.js calls it).

/** blob: URLs of the loader scripts, one per worker script, kept for the page's life (a few bytes each). */
const loaders = new Map();

/** The same-origin blob: URL of a module script that imports `href`. */
function loaderFor(href) {
  let loader = loaders.get(href);
  if (!loader) {
    const source = `import ${JSON.stringify(href)};\n`;
    loader = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    loaders.set(href, loader);
  }
  return loader;
}

/**
 * A module Worker running the script at `url` (a URL or string, relative to `base`, by default the
 * page): started directly when the script is on the page's origin, through a blob: loader when not.
 * Throws what `new Worker` throws (a SecurityError when the page's policy forbids the worker).
 * @param {string | URL} url
 * @param {string | URL} [base]
 * @returns {Worker}
 */
export function startWorker(url, base = location.href) {
  const href = new URL(url, base).href;
  const sameOrigin = new URL(href).origin === location.origin;
  return new Worker(sameOrigin ? href : loaderFor(href), { type: 'module' });
}
