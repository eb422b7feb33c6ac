"""Benchmark the book: cold build, cached rebuild, the test suite, each chapter alone, clusterlib.

Run from the repository root inside the project environment (after `python3 dev.py setup`):

    .venv/bin/python benchmarks/bench_book.py            # everything, writes benchmarks/results.md
    .venv/bin/python benchmarks/bench_book.py --quick    # functions only (no build, no test suite)

Benchmarks are measurements, not tests: nothing here passes or fails. Each clusterlib function is
timed on a seeded random matrix (best of several repeats, time.perf_counter) and reported beside a
plain NumPy column-sum pass over the same data, so that the ratio, not the machine, is the result.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

import clusterlib as cl
from _timing import best_time

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261121
REPEATS = 5


def best_of(function) -> float:
    """Best wall-clock time of REPEATS calls, in seconds."""
    return best_time(function, REPEATS)


def once(command: list[str]) -> float:
    """Wall-clock time of one run of a command (which must succeed), in seconds."""
    env = dict(os.environ, PATH=f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
               JUPYTER_PATH=str(ROOT / ".venv" / "share" / "jupyter"))
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def function_rows() -> list[dict[str, object]]:
    rng = np.random.default_rng(SEED)
    regions, industries = 5_000, 500
    matrix = pd.DataFrame(rng.gamma(2.0, 50.0, size=(regions, industries)),
                          index=[f"r{i}" for i in range(regions)],
                          columns=[f"i{j}" for j in range(industries)])
    plant_h = pd.Series(rng.uniform(0.001, 0.2, industries), index=matrix.columns)
    indicators = pd.DataFrame(rng.gamma(2.0, 1.0, size=(1_000_000, 20)),
                              columns=[f"x{j}" for j in range(20)])
    values = pd.Series(rng.gamma(2.0, 1.0, size=1_000_000))
    cases = [
        ("location_quotient", "5,000 x 500", matrix, lambda: cl.location_quotient(matrix)),
        ("location_quotient(binary=True)", "5,000 x 500", matrix,
         lambda: cl.location_quotient(matrix, binary=True)),
        ("herfindahl", "5,000 x 500", matrix, lambda: cl.herfindahl(matrix)),
        ("concentration_ratio(n=4)", "5,000 x 500", matrix,
         lambda: cl.concentration_ratio(matrix, n=4)),
        ("krugman_index", "5,000 x 500", matrix, lambda: cl.krugman_index(matrix)),
        ("hoover_coefficient", "5,000 x 500", matrix, lambda: cl.hoover_coefficient(matrix)),
        ("locational_gini", "5,000 x 500", matrix, lambda: cl.locational_gini(matrix)),
        ("ellison_glaeser", "5,000 x 500", matrix,
         lambda: cl.ellison_glaeser(matrix, plant_herfindahl=plant_h)),
        ("gini", "1,000,000 values", values.to_frame(), lambda: cl.gini(values)),
        ("entropy_weights", "1,000,000 x 20", indicators, lambda: cl.entropy_weights(indicators)),
        ("critic_weights", "1,000,000 x 20", indicators, lambda: cl.critic_weights(indicators)),
        ("composite_index", "1,000,000 x 20", indicators,
         lambda: cl.composite_index(indicators, cl.equal_weights(indicators))),
    ]
    rows = []
    for name, size, data, call in cases:
        array = data.to_numpy()
        baseline = best_of(lambda array=array: array.sum(axis=0))
        seconds = best_of(call)
        rows.append({"function": name, "input": size, "seconds": seconds,
                     "column-sum pass (s)": baseline, "ratio to column sum": seconds / baseline})
        print(f"{name:34s} {size:18s} {seconds:8.4f} s  ({seconds / baseline:6.1f}x column sum)",
              flush=True)
    return rows


def book_rows() -> list[dict[str, object]]:
    jupyter_book = str(ROOT / ".venv" / "bin" / "jupyter-book")
    build = [jupyter_book, "build", str(ROOT), "--builder", "html", "--warningiserror",
             "--nitpick", "--keep-going"]
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    rows = [{"step": "cold build (empty _build)", "seconds": once(build)},
            {"step": "cached rebuild (nothing changed)", "seconds": once(build)},
            {"step": "whole test suite (python -m pytest)",
             "seconds": once([sys.executable, "-m", "pytest", "-q"])}]
    jupyter = str(ROOT / ".venv" / "bin" / "jupyter")
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):  # each alone, fresh kernel
        command = [jupyter, "nbconvert", "--to", "notebook", "--execute", "--stdout",
                   str(notebook)]
        rows.append({"step": f"{notebook.stem} alone in a fresh kernel (nbconvert --execute)",
                     "seconds": once(command)})
    for row in rows:
        print(f"{row['step']:40s} {row['seconds']:8.1f} s", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="time the functions only")
    args = parser.parse_args()
    functions = pd.DataFrame(function_rows())
    lines = [
        "# Benchmark results",
        "",
        f"Measured {date.today().isoformat()} by `benchmarks/bench_book.py` on "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"NumPy {np.__version__}, pandas {pd.__version__}. Best of {REPEATS} runs; the ratio "
        "compares each call with a NumPy column-sum pass over the same data.",
        "",
        "## clusterlib at scale",
        "",
        functions.to_markdown(index=False, floatfmt=".4f"),
    ]
    if not args.quick:
        lines += ["", "## The book", "", pd.DataFrame(book_rows()).to_markdown(index=False,
                                                                                floatfmt=".1f")]
    lines += ["", "The other benchmarks: `results_weights.md` (entropy and CRITIC against pymcdm), "
              "`results_complexity.md` (against py-ecomplexity), `results_dynamics.md` (Granger "
              "tests) and `results_synergy.md`.", ""]
    (ROOT / "benchmarks" / "results.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
