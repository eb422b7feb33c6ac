"""Benchmark of clusterlib.dynamics: the Granger F-test vectorised over replications.

What it measures, in one run (best of several repeats, ``time.perf_counter``):

* ``clusterlib.granger_f_test`` on R replications at once (batched least squares), against
* a Python loop of statsmodels' ``grangercausalitytests`` (one call per replication; its
  ``ssr_ftest`` is the same test), and
* a Python loop of statsmodels' ``VAR(...).fit(1).test_causality`` (the same statistic with the
  system's degrees of freedom, ``denominator="system"``),

for series of 8 and 40 periods, and the largest absolute difference between the p-values (the
loops are the reference). Also the time of the chapter's whole Monte Carlo
(``granger_monte_carlo`` with the chapter's settings). The loops are timed on fewer replications
and scaled per replication, so that the run stays short; the ratio is per replication.

statsmodels is a dependency of the book, so this runs in the book's environment:

    .venv/bin/python benchmarks/bench_dynamics.py          # writes results_dynamics.md

``--replications`` and ``--repeats`` make a quick smoke run possible (``--output -`` prints only).
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
from statsmodels.tsa.stattools import grangercausalitytests
from statsmodels.tsa.vector_ar.var_model import VAR

import clusterlib as cl
from _timing import best_time, write_results

SEED = 2015
HERE = Path(__file__).resolve().parent


def simulated(replications: int, periods: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of series from the chapter's process with a causal coefficient of 0.4."""
    rng = np.random.default_rng(SEED)
    total = periods + 100
    u, v = rng.standard_normal((2, total, replications))
    x, y = np.zeros((total, replications)), np.zeros((total, replications))
    for t in range(1, total):
        x[t] = 0.5 * x[t - 1] + u[t]
        y[t] = 0.5 * y[t - 1] + 0.4 * x[t - 1] + v[t]
    return np.ascontiguousarray(y[100:].T), np.ascontiguousarray(x[100:].T)


def loop_ssr(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    return np.array([grangercausalitytests(np.column_stack([y[r], x[r]]), [1])[1][0]
                     ["ssr_ftest"][1] for r in range(len(y))])


def loop_var(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    out = []
    for r in range(len(y)):
        frame = pd.DataFrame({"y": y[r], "x": x[r]})
        out.append(VAR(frame).fit(1).test_causality("y", "x", kind="f").pvalue)
    return np.array(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=10_000)
    parser.add_argument("--loop-replications", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--output", default=str(HERE / "results_dynamics.md"))
    args = parser.parse_args()
    rows = []
    for periods in (8, 40):
        y, x = simulated(args.replications, periods)
        small_y, small_x = y[:args.loop_replications], x[:args.loop_replications]
        vector = best_time(lambda: cl.granger_f_test(y, x), args.repeats) / args.replications
        vector_system = best_time(lambda: cl.granger_f_test(y, x, denominator="system"),
                                  args.repeats) / args.replications
        ssr = best_time(lambda: loop_ssr(small_y, small_x), 1) / args.loop_replications
        var = best_time(lambda: loop_var(small_y, small_x), 1) / args.loop_replications
        ours = cl.granger_f_test(small_y, small_x)["pvalue"].to_numpy()
        ours_system = cl.granger_f_test(small_y, small_x, denominator="system")["pvalue"]
        rows.append({
            "periods": periods,
            "clusterlib per replication (µs)": 1e6 * vector,
            "grangercausalitytests loop (µs)": 1e6 * ssr,
            "loop / clusterlib": ssr / vector,
            "VAR.test_causality loop (µs)": 1e6 * var,
            "VAR loop / clusterlib": var / vector_system,
            "max |Δp| vs grangercausalitytests": float(
                np.abs(ours - loop_ssr(small_y, small_x)).max()),
            "max |Δp| vs test_causality": float(np.abs(ours_system.to_numpy()
                                                       - loop_var(small_y, small_x)).max()),
        })
    chapter = best_time(lambda: cl.granger_monte_carlo(
        n_obs=[8, 40], effects=[0.0, 0.2, 0.4, 0.6, 0.8], replications=10_000, rng=SEED),
        max(1, args.repeats // 2))
    table = pd.DataFrame(rows)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# Benchmark: Granger F-test vectorised over replications",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} with `benchmarks/bench_dynamics.py` in the book's "
        f"environment.",
        "",
        f"- Machine: {os.cpu_count()} cores; Python {platform.python_version()}; numpy "
        f"{version('numpy')}, pandas {version('pandas')}, statsmodels {version('statsmodels')}.",
        f"- Load average (1 min) at the end of the run: {load:.2f}; other processes may share "
        f"the cores, which is why all timings of a row come from the same run.",
        f"- Data: pairs of series from the chapter's process (causal coefficient 0.4, seed "
        f"{SEED}); clusterlib tests {args.replications:,} pairs at once (best of "
        f"{args.repeats}), the statsmodels loops {args.loop_replications} pairs one by one; "
        f"times are per pair. One lag, a constant.",
        "",
        table.to_markdown(index=False, floatfmt=".3g"),
        "",
        f"The chapter's whole Monte Carlo (2 lengths x 5 effects x 10,000 replications, "
        f"simulation included) takes {chapter:.2f} s.",
        "",
    ]
    write_results(lines, args.output)


if __name__ == "__main__":
    main()
