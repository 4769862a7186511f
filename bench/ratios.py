#!/usr/bin/env python3
"""Prints a Markdown table of FlowLab's figures against PyTorch's (1 and 2 threads).

Usage: ratios.py flowlab.jsonl reference.jsonl  (JSON lines of bench_m64 and run_all.sh).
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


if __name__ == "__main__":
    main()
