#!/usr/bin/env python3
"""Prints a Markdown table of FlowLab's figures against PyTorch's (1 and 2 threads).

Usage: ratios.py flowlab.jsonl reference.jsonl [wasm.jsonl [assignment.jsonl]]
(JSON lines of bench_m64, run_all.sh, bench/browser.mjs, and bench_assignment with
bench/assignment_ref.py).
Ratios are ours / theirs: above 1 is better for steps/s, below 1 is better for times (ms).
"""
import json
import sys


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip().startswith("{")]


def pick(lines, bench, **match):
    for r in lines:
        if r.get("bench") == bench and all(r.get(k) == v for k, v in match.items()):
            return r
    return None


def main():
    ours, ref = load(sys.argv[1]), load(sys.argv[2])
    rows = [
        ("training, steps/s (higher is better)", "flowlab_native_train", "torch_cpu_train"),
        ("sample 10,000 points, RK4 x 20, ms", "flowlab_native_sample_10k_rk4_20",
         "torch_cpu_sample_10k_rk4_20"),
        ("exact log-density 64x64 grid, RK4 x 20, ms", "flowlab_native_logdensity_grid64_rk4_20",
         "torch_cpu_logdensity_grid64_rk4_20"),
    ]
    print("| figure (medians) | FlowLab native, 1 thread | PyTorch 1 thread | PyTorch 2 threads "
          "| ours / PyTorch 1t | ours / PyTorch 2t |")
    print("|---|---|---|---|---|---|")
    for label, mine, theirs in rows:
        o = pick(ours, mine)
        t1, t2 = pick(ref, theirs, threads=1), pick(ref, theirs, threads=2)
        if not (o and t1 and t2):
            print(f"| {label} | missing | | | | |")
            continue
        a, b, c = o["median"], t1["median"], t2["median"]
        print(f"| {label} | {a:.1f} | {b:.1f} | {c:.1f} | {a / b:.2f} | {a / c:.2f} |")
    print()
    print("| held-out NLL (nats), median over seeds | FlowLab | PyTorch | target entropy |")
    print("|---|---|---|---|")
    for name in ["8gaussians", "checkerboard"]:
        mine = [r for r in ours if r.get("bench") == "flowlab_native_quality" and r["dataset"] == name]
        theirs = [r for r in ref if r.get("bench") == "torch_cpu_quality" and r["dataset"] == name]
        if not (mine and theirs):
            continue
        med = lambda rs: sorted(r["nll_nats"] for r in rs)[len(rs) // 2]
        steps = mine[0]["train_steps"]
        print(f"| {name}, {steps} steps, {len(mine)} / {len(theirs)} seeds | {med(mine):.4f} "
              f"| {med(theirs):.4f} | {mine[0]['target_entropy_nats']:.4f} |")
    wasm = load(sys.argv[3]) if len(sys.argv) > 3 else []
    if wasm:
        wasm_table(wasm, ref)
    views_table(ours, wasm)
    if len(sys.argv) > 4:
        assignment_table(load(sys.argv[4]))


def wasm_table(wasm, ref):
    """FlowLab's wasm core in headless Chromium against PyTorch and TensorFlow.js (wasm backend)."""
    print()
    print("| figure | FlowLab wasm (Chromium) | PyTorch 1t | PyTorch 2t | TF.js wasm | "
          "ours / PyTorch 1t | ours / TF.js wasm |")
    print("|---|---|---|---|---|---|---|")
    rows = [
        ("training, steps/s", "wasm_train", "steps_per_s", "torch_cpu_train", "tfjs_train"),
        ("sample 10,000 points, RK4 x 20, ms", "wasm_sample_10k_rk4x20", "ms",
         "torch_cpu_sample_10k_rk4_20", "tfjs_sample"),
        ("exact log-density 64x64, RK4 x 20, ms", "wasm_logdensity_64x64_rk4x20", "ms",
         "torch_cpu_logdensity_grid64_rk4_20", None),
    ]
    for label, mine, key, torch, tfjs in rows:
        o = pick(wasm, mine)
        t1, t2 = pick(ref, torch, threads=1), pick(ref, torch, threads=2)
        tf = pick(ref, tfjs, config="wasm") if tfjs else None
        if not o:
            print(f"| {label} | missing | | | | | |")
            continue
        a = o[key]
        cell = lambda r: f"{r['median']:.1f}" if r else "–"
        ratio = lambda r: f"{a / r['median']:.2f}" if r else "–"
        print(f"| {label} | {a:.1f} | {cell(t1)} | {cell(t2)} | {cell(tf)} | {ratio(t1)} | {ratio(tf)} |")
    print()
    for r in wasm:
        if r["bench"].startswith(("wasm_eulerian", "wasm_lagrangian")):
            print(f"- {r['bench']}: {r.get('ms_per_step', r.get('ms')):.3f} ms")


def views_table(ours, wasm):
    """A full refresh of both density views (128 x 128 grid, 64 x 64 mesh, 101 frames)."""
    native = {r["bench"].removeprefix("flowlab_native_views_"): r["median"] for r in ours
              if r.get("bench", "").startswith("flowlab_native_views_")}
    if not native:
        return
    print()
    print("| density views, full refresh (ms) | native | wasm (Chromium) | wasm / native |")
    print("|---|---|---|---|")
    one = native.get("refresh_1_thread")
    for r in [r for r in wasm if r.get("bench") == "wasm_views_refresh"]:
        w = r["workers"]
        mine = native.get("refresh_1_thread" if w == 1 else "refresh_2_threads" if w == 2 else None)
        ratio = f"{r['ms'] / mine:.2f}" if mine else "–"
        label = f"{w} worker{'s' if w > 1 else ''} ({r['cores']} cores)"
        print(f"| {label} | {mine:.0f} | {r['ms']:.0f} | {ratio} |" if mine else f"| {label} | – | {r['ms']:.0f} | – |")
    print()
    for part in ["table_19_nodes", "grid_film", "mesh_film_rk4x20", "compare", "grid_direct_to_t1"]:
        if part in native:
            print(f"- native {part}: {native[part]:.1f} ms")
    if one and "grid_direct_to_t1" in native:
        print(f"- the grid to t = 1 evaluating the network every step takes "
              f"{native['grid_direct_to_t1'] / one:.1f}x a whole refresh of both films")


def assignment_table(lines):
    """The exact OT pairing alone, FlowLab native against reference solvers on the same batches."""
    refs = ["scipy", "pot", "lap"]
    print()
    print("| exact assignment, median ms | FlowLab native | scipy | POT emd | lap.lapjv | "
          "scipy / ours | POT / ours | lap / ours |")
    print("|---|---|---|---|---|---|---|---|")
    for r in [r for r in lines if r.get("bench") == "flowlab_native_assignment"]:
        match = {"target": r["target"], "batch": r["batch"]}
        theirs = [pick(lines, f"{name}_assignment", **match) for name in refs]
        cells = " | ".join(f"{t['median']:.2f}" if t else "–" for t in theirs)
        ratios = " | ".join(f"{t['median'] / r['median']:.1f}" if t else "–" for t in theirs)
        print(f"| {r['target']}, n = {r['batch']} | {r['median']:.2f} | {cells} | {ratios} |")


if __name__ == "__main__":
    main()
