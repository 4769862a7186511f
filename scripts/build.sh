#!/usr/bin/env bash
# Builds the WebAssembly package into pkg/ (wasm-pack, --target web: plain ES modules).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
with_wasm_toolchain wasm-pack --quiet build --target web --release --out-dir pkg --no-pack </dev/null
# Checks the core cannot make: each method's `this`, and which call a class argument belongs to.
node scripts/package/guard-glue.mjs pkg/flowlab.js
