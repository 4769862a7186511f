// The Content-Security-Policy FlowLab's pages work under: the smallest one, and the single source
// of it (the CSP page tests, the embedding guide's text and any server that sends it).
//
// - script-src 'self' 'wasm-unsafe-eval': our module scripts, and compiling WebAssembly (without
//   'wasm-unsafe-eval' the core is refused; no 'unsafe-eval' and no inline script are needed).
// - worker-src 'self': the figures' workers, started from our own scripts.
// - connect-src 'self': the workers fetch flowlab_bg.wasm.
// - style-src 'self', font-src 'self', img-src 'self': our style sheets (no inline styles; styles
//   set from scripts go through the CSSOM, which CSP allows), KaTeX's fonts, the icon.
// - everything else is refused (default-src 'none', base-uri, form-action, object-src).

/** The policy of the site itself (dist/, served from one origin). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The policy an embedding page on another origin needs for figures loaded from `origin` (e.g.
 * 'https://cdn.jsdelivr.net'): the scripts, styles and wasm come from there, and each worker starts
 * from a same-origin blob: loader (kit/start-worker.js), which inherits this policy. Chromium
 * checks the modules a module worker imports against worker-src (their fetch destination is
 * 'worker'), so `origin` is in worker-src as well as in script-src.
 */
export function embeddingPolicy(origin) {
  return [
    "default-src 'none'",
    `script-src 'self' ${origin} 'wasm-unsafe-eval'`,
    `worker-src 'self' blob: ${origin}`,
    `connect-src 'self' ${origin}`,
    `style-src 'self' ${origin}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The policy the development server (scripts/serve.mjs) sends: the site's, except that inline
 * styles are allowed. The pages need none, but the page tests' tools inject style sheets
 * (Playwright's addStyleTag, and its screenshots hide the caret with one), and a style runs no code.
 */
export const DEV_SERVER_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
