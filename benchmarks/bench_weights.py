"""Benchmark of clusterlib.weights: entropy and CRITIC weights on a 1,000,000 x 20 matrix.

What it measures, in one run (best of several repeats, ``time.perf_counter``):

* a plain NumPy column-sum pass ``x.sum(axis=0)`` over the same array (the floor: one read of
  the data), target: each clusterlib method within 3x of it;
* ``clusterlib.entropy_weights`` (default ``normalisation="sum"``) and
  ``clusterlib.critic_weights`` (default: all indicators benefits), called on the DataFrame, as
  a user would;
* ``pymcdm.weights.entropy_weights`` and ``pymcdm.weights.critic_weights`` on the NumPy array,
  target: clusterlib at least 5x faster;
* the largest absolute difference between the two libraries' weights (target: <= 1e-12).
  pymcdm's entropy uses sum normalisation (p = x / column sum, strictly positive data) and its
  CRITIC uses min–max normalisation with every criterion a profit: these are clusterlib's
  defaults, so the conventions match. The data are log-normal (strictly positive) so that
  pymcdm's sum normalisation accepts them.

It runs in its own environment, not the book's, because pymcdm is not a dependency of the book:

    python3 -m venv .venv-bench
    .venv-bench/bin/pip install -r benchmarks/requirements-weights.txt
    .venv-bench/bin/pip install --no-deps -e .
    .venv-bench/bin/python benchmarks/bench_weights.py          # writes results_weights.md

``--rows`` and ``--repeats`` make a quick smoke run possible (``--output -`` prints only).
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
import pymcdm

import clusterlib.weights as cw
from _timing import add_run_options, best_time, cpu_model, write_results

SEED = 20240611
HERE = Path(__file__).resolve().parent


def blockwise_log(x: np.ndarray) -> None:
    """np.log of every value, block by block into one buffer: the arithmetic floor of entropy."""
    buffer = np.empty((min(x.shape[0], cw._BLOCK_ROWS), x.shape[1]), order="F")
    for start in range(0, x.shape[0], cw._BLOCK_ROWS):
        block = x[start:start + cw._BLOCK_ROWS]
        np.log(block, out=buffer[: block.shape[0]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--cols", type=int, default=20)
    add_run_options(parser, repeats=15, slow_repeats=3, slow_name="pymcdm",
                    output=HERE / "results_weights.md")
    args = parser.parse_args()

    rng = np.random.default_rng(SEED)
    frame = pd.DataFrame(rng.lognormal(mean=0.0, sigma=0.5, size=(args.rows, args.cols)),
                         columns=[f"x{j:02d}" for j in range(args.cols)])
    x = frame.to_numpy()  # the array clusterlib reads (no copy of the DataFrame's block)

    ours_entropy = cw.entropy_weights(frame).to_numpy()
    ours_critic = cw.critic_weights(frame).to_numpy()
    theirs_entropy = pymcdm.weights.entropy_weights(x)
    theirs_critic = pymcdm.weights.critic_weights(x)

    t_sum = best_time(lambda: x.sum(axis=0), args.repeats)
    t_entropy = best_time(lambda: cw.entropy_weights(frame), args.repeats)
    t_critic = best_time(lambda: cw.critic_weights(frame), args.repeats)
    t_log = best_time(lambda: blockwise_log(x), args.repeats)
    t_sum_again = best_time(lambda: x.sum(axis=0), args.repeats)
    t_sum = min(t_sum, t_sum_again)  # before and after, against drift in machine load
    t_pm_entropy = best_time(lambda: pymcdm.weights.entropy_weights(x), args.slow_repeats)
    t_pm_critic = best_time(lambda: pymcdm.weights.critic_weights(x), args.slow_repeats)

    diff_entropy = float(np.abs(ours_entropy - theirs_entropy).max())
    diff_critic = float(np.abs(ours_critic - theirs_critic).max())
    rows = [
        ("NumPy column sum `x.sum(axis=0)`", t_sum, None, None, None),
        ("NumPy `np.log` of every value (blockwise, no allocation)", t_log, t_log / t_sum,
         None, None),
        ("clusterlib `entropy_weights` (sum)", t_entropy, t_entropy / t_sum,
         t_pm_entropy / t_entropy, diff_entropy),
        ("clusterlib `critic_weights`", t_critic, t_critic / t_sum, t_pm_critic / t_critic,
         diff_critic),
        ("pymcdm `entropy_weights`", t_pm_entropy, t_pm_entropy / t_sum, None, None),
        ("pymcdm `critic_weights`", t_pm_critic, t_pm_critic / t_sum, None, None),
    ]

    def cell(value, fmt):
        return "" if value is None else format(value, fmt)

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    lines = [
        "# Benchmark: entropy and CRITIC weights",
        "",
        f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} with `benchmarks/bench_weights.py` "
        f"in `.venv-bench` (`benchmarks/requirements-weights.txt`).",
        "",
        f"- Machine: {os.cpu_count()} cores, {cpu_model()}; Python {platform.python_version()}; "
        f"numpy {np.__version__}, pandas {pd.__version__}, pymcdm {version('pymcdm')}.",
        f"- Load average (1 min) at the end of the run: {load[0]:.2f}; other processes may "
        f"share the two cores, which is why both passes of the column sum are timed.",
        f"- Data: {args.rows:,} x {args.cols} log-normal values (seed {SEED}), a pandas "
        f"DataFrame; clusterlib is called on the DataFrame, NumPy and pymcdm on its array.",
        f"- Best of {args.repeats} repeats (pymcdm: best of {args.slow_repeats}).",
        "- Conventions: pymcdm's entropy uses sum normalisation and its CRITIC min–max with all "
        "criteria profits, which are clusterlib's defaults (`normalisation=\"sum\"`, "
        "`directions=None`).",
        "",
        "| method | time (ms) | x column sum | pymcdm / clusterlib | max abs diff vs pymcdm |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, seconds, ratio, speedup, diff in rows:
        lines.append(f"| {name} | {seconds * 1e3:.1f} | {cell(ratio, '.2f')} | "
                     f"{cell(speedup, '.1f')} | {cell(diff, '.1e')} |")
    verdict = []
    for label, ratio, speedup, diff in (("entropy", t_entropy / t_sum,
                                          t_pm_entropy / t_entropy, diff_entropy),
                                         ("CRITIC", t_critic / t_sum,
                                          t_pm_critic / t_critic, diff_critic)):
        verdict.append(
            f"- {label}: {ratio:.2f}x the column sum (target <= 3x: "
            f"{'met' if ratio <= 3 else 'NOT met'}), {speedup:.1f}x faster than pymcdm (target "
            f">= 5x: {'met' if speedup >= 5 else 'NOT met'}), weights within {diff:.1e} of "
            f"pymcdm's (target 1e-12: {'met' if diff <= 1e-12 else 'NOT met'})."
        )
    lines += ["", "Targets:", "", *verdict, "",
              "Floors measured in the same run: entropy needs one logarithm per value "
              f"({t_log * 1e3:.1f} ms, {t_log / t_sum:.2f}x the column sum, before any other "
              "work), so being 5x faster than pymcdm's entropy would mean "
              f"{t_pm_entropy / 5 * 1e3:.1f} ms ({t_pm_entropy / 5 / t_sum:.2f}x the column "
              "sum). CRITIC needs two reads of the data (the standard deviations must be known "
              "before the correlation sums), each at least one column-sum time.", ""]
    write_results(lines, args.output)


if __name__ == "__main__":
    main()
