#!/usr/bin/env bash
# FlowLab's native M64 benchmark and the reference (PyTorch CPU, TensorFlow.js) in one go, then a
# table of ratios. Results (JSON lines) go to bench/results/, which is not committed.
#
#   bench/run.sh            full run (about 10 minutes; the first run installs torch, about 5 GB)
#   bench/run.sh --quick    smoke test (about 4 minutes)
#
# The reference is copied from $BENCH_REF_SRC (default ../shared/bench-ref, read-only) to
# $BENCH_REF (default /tmp/bench-ref) and run there; its copy keeps the installed venv between runs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
QUICK=()
if [[ "${1:-}" == "--quick" ]]; then QUICK=(--quick); fi
SRC="${BENCH_REF_SRC:-$ROOT/../shared/bench-ref}"
REF="${BENCH_REF:-/tmp/bench-ref}"
OUT="$ROOT/bench/results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)${QUICK:+-quick}"
mkdir -p "$OUT"

echo "[bench] FlowLab native (cargo run --release --example bench_m64 ${QUICK[*]:-})" >&2
(cd "$ROOT" && cargo build -q --release --example bench_m64 --example bench_views)
"$ROOT/target/release/examples/bench_m64" "${QUICK[@]}" | tee "$OUT/flowlab-$STAMP.jsonl"
"$ROOT/target/release/examples/bench_views" "${QUICK[@]}" | tee -a "$OUT/flowlab-$STAMP.jsonl"

echo "[bench] FlowLab coupling cost, independent vs optimal transport (cargo run --release --example bench_coupling ${QUICK[*]:-})" >&2
(cd "$ROOT" && cargo build -q --release --example bench_coupling)
"$ROOT/target/release/examples/bench_coupling" "${QUICK[@]}" | tee "$OUT/coupling-$STAMP.jsonl"

echo "[bench] FlowLab wasm in headless Chromium (node bench/browser.mjs ${QUICK[*]:-})" >&2
(cd "$ROOT" && bash scripts/build.sh && node bench/browser.mjs "${QUICK[@]}") | tee "$OUT/wasm-$STAMP.jsonl"

if [[ ! -d "$REF" ]]; then
  echo "[bench] copying $SRC to $REF" >&2
  cp -r "$SRC" "$REF"
fi
echo "[bench] reference ($REF/run_all.sh ${QUICK[*]:-})" >&2
"$REF/run_all.sh" "${QUICK[@]}" | tee "$OUT/reference-$STAMP.jsonl"

python3 "$ROOT/bench/ratios.py" "$OUT/flowlab-$STAMP.jsonl" "$OUT/reference-$STAMP.jsonl" "$OUT/wasm-$STAMP.jsonl" \
  | tee "$OUT/ratios-$STAMP.md"
