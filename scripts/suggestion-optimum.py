#!/usr/bin/env python3
"""The exact optimum of the capacitated maximal covering problems SuggestionQuality wrote, with CBC.

Each instance: candidates with their slots and the cells each reaches within the walk, demand per cell.
Choose K sites (y binary), send children from chosen sites to cells they reach (x >= 0) with at most
a site's slots from it and at most a cell's demand into it; maximise what is sent. Prints greedy / optimum.
Usage: suggestion-optimum.py INSTANCE.json ...
"""
import json
import sys

import pulp


def optimum(instance, k):
    demand = {int(c): d for c, d in instance["demand"].items()}
    reach = instance["reach"]
    problem = pulp.LpProblem("covering", pulp.LpMaximize)
    chosen = [pulp.LpVariable(f"y{s}", cat="Binary") for s in range(len(reach))]
    flows = {}
    into = {}
    for s, cells in enumerate(reach):
        out = []
        for c in cells:
            if demand.get(c, 0) > 0:
                x = pulp.LpVariable(f"x{s}_{c}", lowBound=0)
                flows[(s, c)] = x
                out.append(x)
                into.setdefault(c, []).append(x)
        problem += pulp.lpSum(out) <= instance["slots"] * chosen[s]
    for c, xs in into.items():
        problem += pulp.lpSum(xs) <= demand[c]
    problem += pulp.lpSum(chosen) <= k
    problem += pulp.lpSum(flows.values())
    problem.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=600))
    return pulp.value(problem.objective), pulp.LpStatus[problem.status]


def main():
    worst = 1.0
    for path in sys.argv[1:]:
        with open(path) as f:
            instance = json.load(f)
        for k, greedy in sorted(instance["greedy"].items()):
            best, status = optimum(instance, int(k))
            ratio = greedy / best if best > 0 else 1.0
            worst = min(worst, ratio)
            print(f"{path}: K = {k}: greedy {greedy:.2f}, optimum {best:.2f} ({status}), greedy / optimum {ratio:.4f}")
    print(f"worst greedy / optimum: {worst:.4f}")


if __name__ == "__main__":
    main()
