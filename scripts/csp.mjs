// The Content-Security-Policy the dev server sends with every response: only our own origin, and
// WebAssembly compiled from our own files ('wasm-unsafe-eval' allows WebAssembly.instantiate, not
// eval). KaTeX styles its formulas through the CSSOM (element.style), which style-src does not
// restrict, so no inline styles are allowed. Workers are module scripts of our own origin.
// Issue 11 defines the policy of the static site and the embeds; the two are one string here.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
