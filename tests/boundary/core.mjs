// Loads the built WebAssembly package (pkg/, `--target web`) in Node, for the boundary tests.
import { readFileSync } from 'node:fs';
import * as flowlab from '../../pkg/flowlab.js';

const wasm = new URL('../../pkg/flowlab_bg.wasm', import.meta.url);

/** The initialised module namespace and its `WebAssembly.Memory`. */
export async function loadCore() {
  const exports = await flowlab.default({ module_or_path: readFileSync(wasm) });
  return { api: flowlab, memory: exports.memory };
}
