// The WebAssembly core as the workers load it. This is the one module that knows where pkg/ is:
// beside js/, found from this module's own URL, so it is found under any sub-path and when the
// scripts come from another origin (wasm-bindgen fetches flowlab_bg.wasm relative to flowlab.js).
// Workers import the core's functions from here and await loadCore() before calling them.
import init from '../pkg/flowlab.js';

export * from '../pkg/flowlab.js';

const WASM = new URL('../pkg/flowlab_bg.wasm', import.meta.url).href;
let loading = null;

/** Why the core did not load, in words a reader of the figure can act on. */
function explain(error) {
  const text = error?.message ?? String(error);
  if (/unsafe-eval|content.security.policy|CSP/i.test(text)) {
    return `the page's Content-Security-Policy does not allow WebAssembly (script-src needs 'wasm-unsafe-eval'): ${text}`;
  }
  return text;
}

/** The response for the wasm file; an HTTP error (404, ...) is an Error naming the status. */
async function fetchWasm() {
  const response = await fetch(WASM);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return response;
}

/** Loads and starts the core once; rejects with an Error naming the wasm file and the reason. */
export function loadCore() {
  loading ??= fetchWasm()
    .then((response) => init({ module_or_path: response }))
    .catch((error) => {
      loading = null;
      throw new Error(`the WebAssembly core ${WASM} could not be loaded: ${explain(error)}`);
    });
  return loading;
}
