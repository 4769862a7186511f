#!/usr/bin/env bash
# Every check FlowLab has, in order from fastest to slowest; stops at the first failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
exec </dev/null

stage() {
  local name=$1 start=$SECONDS
  shift
  echo "==> $name"
  "$@"
  echo "<== $name: ok ($((SECONDS - start)) s)"
}

stage "cargo fmt --check" cargo fmt --all -- --check
stage "cargo clippy (native, warnings denied)" cargo clippy --all-targets -- -D warnings
stage "cargo test (native)" cargo test
stage "JavaScript unit tests (node --test)" npm run -s unit
stage "wasm-pack test --headless --firefox" with_wasm_toolchain wasm-pack test --headless --firefox
stage "wasm-pack build (pkg/)" bash scripts/build.sh
stage "tsc --noEmit (checkJs) and eslint" npm run -s check
stage "boundary tests: hostile calls, long runs (Node, pkg/)" npm run -s boundary
stage "dist/ (the static site and npm package)" node scripts/dist.mjs
stage "dist/ checks (URLs, npm pack --dry-run)" node --test tests/dist/
stage "page tests (headless Chromium)" npm run -s e2e
stage "page tests (headless Firefox)" node --test --test-concurrency=1 tests/firefox/
