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

echo "[bench] exact assignment alone: FlowLab against scipy, POT and lap on the same batches" >&2
VENV="${BENCH_ASSIGNMENT_VENV:-/tmp/bench-assignment-venv}"
if ! "$VENV/bin/python" -c 'import lap, ot, scipy' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -r "$ROOT/bench/requirements-assignment.txt" >&2
fi
(cd "$ROOT" && cargo build -q --release --example bench_assignment)
"$ROOT/target/release/examples/bench_assignment" "${QUICK[@]}" --batches "$OUT/assignment-batches-$STAMP.jsonl" \
  | tee "$OUT/assignment-$STAMP.jsonl"
"$VENV/bin/python" "$ROOT/bench/assignment_ref.py" "$OUT/assignment-batches-$STAMP.jsonl" | tee -a "$OUT/assignment-$STAMP.jsonl"
rm "$OUT/assignment-batches-$STAMP.jsonl"

echo "[bench] FlowLab wasm in headless Chromium (node bench/browser.mjs ${QUICK[*]:-})" >&2
(cd "$ROOT" && bash scripts/build.sh && node bench/browser.mjs "${QUICK[@]}") | tee "$OUT/wasm-$STAMP.jsonl"

if [[ ! -d "$REF" ]]; then
  echo "[bench] copying $SRC to $REF" >&2
  cp -r "$SRC" "$REF"
fi
echo "[bench] reference ($REF/run_all.sh ${QUICK[*]:-})" >&2
"$REF/run_all.sh" "${QUICK[@]}" | tee "$OUT/reference-$STAMP.jsonl"

python3 "$ROOT/bench/ratios.py" "$OUT/flowlab-$STAMP.jsonl" "$OUT/reference-$STAMP.jsonl" "$OUT/wasm-$STAMP.jsonl" \
  "$OUT/assignment-$STAMP.jsonl" \
  | tee "$OUT/ratios-$STAMP.md"
