"""Benchmark of clusterlib.synergy: order degrees, synergy and coupling coordination at scale.

What it measures, in one run (best of several repeats, ``time.perf_counter``): each public
function of ``clusterlib.synergy`` on a seeded random panel far larger than the chapter's, against
a plain NumPy computation of the same formula on the same numbers (no validation, no labels), and
the largest absolute difference between the two results. The ratio is the price of validation,
labels and result objects; the difference checks that the library computes the formula.

    .venv/bin/python benchmarks/bench_synergy.py          # writes results_synergy.md

``--periods`` and ``--repeats`` make a quick smoke run possible (``--output -`` prints only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd

import clusterlib as cl
from _timing import best_time, write_results

SEED = 20240605
HERE = Path(__file__).resolve().parent


def numpy_order_degree(x: np.ndarray, margin: float) -> np.ndarray:
    low, high = x.min(axis=0), x.max(axis=0)
    return ((x - low) / (high - low) + margin) / (1.0 + 2.0 * margin)


def numpy_critic_sum(u: np.ndarray) -> np.ndarray:
    z = (u - u.min(axis=0)) / (u.max(axis=0) - u.min(axis=0))
    info = z.std(axis=0, ddof=1) * (1.0 - np.corrcoef(z, rowvar=False)).sum(axis=0)
    return u @ (info / info.sum())


def numpy_synergy(levels: np.ndarray) -> np.ndarray:
    delta = np.diff(levels, axis=0)
    size = np.prod(np.abs(delta), axis=1) ** (1.0 / delta.shape[1])
    return np.where((delta > 0).all(axis=1), size, -size)


def numpy_coordination(levels: np.ndarray) -> np.ndarray:
    c = np.prod(levels, axis=1) ** (1.0 / levels.shape[1]) / levels.mean(axis=1)
    return np.sqrt(c * levels.mean(axis=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--periods", type=int, default=100_000)
    parser.add_argument("--indicators", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--output", default=str(HERE / "results_synergy.md"))
    args = parser.parse_args()
    rng = np.random.default_rng(SEED)
    raw = pd.DataFrame(rng.lognormal(size=(args.periods, args.indicators)),
                       columns=[f"e{i:02d}" for i in range(args.indicators)])
    levels = pd.DataFrame(rng.uniform(0.05, 1.0, size=(args.periods, 3)), columns=["a", "b", "c"])
    od = cl.order_degree(raw, bounds="extended", margin=0.1)
    cases = [
        ("order_degree(bounds='extended')", f"{args.periods:,} x {args.indicators}",
         lambda: cl.order_degree(raw, bounds="extended", margin=0.1).order.to_numpy(),
         lambda: numpy_order_degree(raw.to_numpy(), 0.1)),
        ("subsystem_order_degree(weights='critic')", f"{args.periods:,} x {args.indicators}",
         lambda: cl.subsystem_order_degree(od, weights="critic").order_degree.to_numpy(),
         lambda: numpy_critic_sum(od.order.to_numpy())),
        ("synergy_degree (chained, 3 subsystems)", f"{args.periods:,} x 3",
         lambda: cl.synergy_degree(levels).synergy.to_numpy(),
         lambda: numpy_synergy(levels.to_numpy())),
        ("coupling_coordination (3 subsystems, graded)", f"{args.periods:,} x 3",
         lambda: cl.coupling_coordination(levels).coordination.to_numpy(),
         lambda: numpy_coordination(levels.to_numpy())),
    ]
    rows = []
    for name, size, library, reference in cases:
        seconds = best_time(library, args.repeats)
        plain = best_time(reference, args.repeats)
        difference = float(np.max(np.abs(library() - reference())))
        rows.append({"function": name, "input": size, "clusterlib (s)": round(seconds, 4),
                     "NumPy formula (s)": round(plain, 4),
                     "clusterlib / NumPy": round(seconds / plain, 1),
                     "max |difference|": f"{difference:.1e}"})
    table = pd.DataFrame(rows).to_markdown(index=False)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# Benchmark: clusterlib.synergy at scale",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} with `benchmarks/bench_synergy.py` in the book's "
        "environment.",
        "",
        f"- Machine: {os.cpu_count()} cores; Python {platform.python_version()}; numpy "
        f"{version('numpy')}, pandas {version('pandas')}.",
        f"- Load average (1 min) at the end of the run: {load:.2f}; other processes may share the "
        "cores, which is why both timings of a row come from the same run.",
        f"- Data: seeded random panels (seed {SEED}); best of {args.repeats} runs. The NumPy column "
        "is the same formula without validation, labels or result objects; the last column is "
        "the largest absolute difference between the two results.",
        "",
        table,
        "",
    ]
    write_results(lines, args.output)


if __name__ == "__main__":
    main()
