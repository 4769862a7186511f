#!/usr/bin/env python3
"""Times reference exact-assignment solvers on the batches bench_assignment wrote.

Usage: assignment_ref.py BATCHES.jsonl
(the file of `bench_assignment --batches`: x0, x1 interleaved, and FlowLab's optimal total).
Solvers, each once per batch on the n x n matrix of squared distances (its construction not timed):
  scipy   scipy.optimize.linear_sum_assignment (shortest augmenting paths, Crouse 2016)
  pot     ot.emd of POT with uniform weights (network simplex; what torchcfm, the code of
          Tong et al. 2023's minibatch OT, calls)
  lap     lap.lapjv (Jonker-Volgenant 1987)
Every solver's optimal total must equal FlowLab's to 1e-9 relative (the script fails otherwise).
Prints one JSON object per solver, target and batch size: min and median in ms.
"""
import json
import sys
import time

import lap
import numpy as np
import ot
from scipy.optimize import linear_sum_assignment


def scipy_total(cost):
    rows, cols = linear_sum_assignment(cost)
    return cost[rows, cols].sum()


def pot_total(cost):
    n = len(cost)
    weights = np.full(n, 1.0 / n)
    return (ot.emd(weights, weights, cost) * cost).sum() * n


def lap_total(cost):
    return lap.lapjv(cost)[0]


SOLVERS = {"scipy": scipy_total, "pot": pot_total, "lap": lap_total}


def main():
    times = {}
    with open(sys.argv[1]) as f:
        for line in f:
            b = json.loads(line)
            x0 = np.array(b["x0"]).reshape(-1, 2)
            x1 = np.array(b["x1"]).reshape(-1, 2)
            cost = ((x0[:, None, :] - x1[None, :, :]) ** 2).sum(-1)
            for name, solve in SOLVERS.items():
                start = time.perf_counter()
                total = solve(cost)
                elapsed = (time.perf_counter() - start) * 1e3
                if abs(total - b["total"]) > 1e-9 * b["total"]:
                    sys.exit(f"{name} on {b['target']} (n = {b['batch']}): total {total!r}, FlowLab {b['total']!r}")
                times.setdefault((name, b["target"], b["batch"]), []).append(elapsed)
    for (name, target, n), ms in times.items():
        ms.sort()
        print(json.dumps({"bench": f"{name}_assignment", "unit": "ms", "target": target, "batch": n,
                          "batches": len(ms), "min": round(ms[0], 4), "median": round(ms[len(ms) // 2], 4)}))


if __name__ == "__main__":
    main()
