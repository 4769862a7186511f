// The Content-Security-Policy the dev server sends with every response: only our own origin, and
// WebAssembly compiled from our own files ('wasm-unsafe-eval' allows WebAssembly.instantiate, not
// eval); no inline or injected script. Inline styles are allowed: the pages need none (KaTeX and
// the progress bars style through the CSSOM, which style-src does not restrict), but the page
// tests' tools inject style sheets (Playwright's addStyleTag, and its screenshots hide the caret
// with one), and a style cannot run code. Workers are module scripts of our own origin.
// Issue 11 defines the policy of the static site and the embeds; the two are one string here.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
