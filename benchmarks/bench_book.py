"""Benchmark the book: cold build, cached rebuild, the test suite, each chapter alone, clusterlib.

Run from the repository root inside the project environment (after `python3 dev.py setup`):

    .venv/bin/python benchmarks/bench_book.py            # everything, writes benchmarks/results.md
    .venv/bin/python benchmarks/bench_book.py --quick    # functions only (no build, no test suite)
    .venv/bin/python benchmarks/bench_book.py --chapters # each chapter alone in a fresh kernel

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
from _timing import best_time, load_average, write_section

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


def build_rows() -> list[dict[str, object]]:
    jupyter_book = str(ROOT / ".venv" / "bin" / "jupyter-book")
    build = [jupyter_book, "build", str(ROOT), "--builder", "html", "--warningiserror",
             "--nitpick", "--keep-going"]
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    rows = [{"step": "cold build, English edition alone (empty _build)", "seconds": once(build)},
            {"step": "cached rebuild, English alone (nothing changed)", "seconds": once(build)},
            # what `python3 dev.py book` does after set-up: checks, reader notebooks of both
            # editions, the Chinese tree, both editions built at once from an empty _build
            {"step": "cold build of both editions (tools/build_book.py)",
             "seconds": once([sys.executable, str(ROOT / "tools" / "build_book.py")])},
            {"step": "whole test suite (python -m pytest)",
             "seconds": once([sys.executable, "-m", "pytest", "-q"])}]
    for row in rows:
        print(f"{row['step']:40s} {row['seconds']:8.1f} s", flush=True)
    return rows


def in_fresh_kernel(notebook: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of `notebook` in a fresh kernel started in its own
    folder, from the kernel's start to its shutdown after the last cell (what a reader waits
    for after "Restart and run all"). CPU time is the kernel's own, read from the process
    accounting of this process's finished children, so the load of other processes does not
    inflate it as it does the wall-clock time."""
    import resource

    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    env = dict(os.environ, PATH=f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
               JUPYTER_PATH=str(ROOT / ".venv" / "share" / "jupyter"), PYTHONHASHSEED="0")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    os.environ.update(env)  # the kernel inherits this process's environment
    NotebookClient(nb, kernel_name="python3", timeout=600,
                   resources={"metadata": {"path": str(notebook.parent)}}).execute()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def chapter_rows() -> list[dict[str, object]]:
    jupyter = str(ROOT / ".venv" / "bin" / "jupyter")
    rows = []
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):  # each alone, fresh kernel
        load = os.getloadavg()[0]
        wall, cpu = in_fresh_kernel(notebook)
        command = [jupyter, "nbconvert", "--to", "notebook", "--execute", "--stdout",
                   str(notebook)]
        rows.append({"chapter": notebook.stem, "fresh kernel, wall (s)": wall,
                     "fresh kernel, CPU (s)": cpu,
                     "nbconvert --execute, wall (s)": once(command), "load (1 min)": load})
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="time the functions only")
    parser.add_argument("--chapters", action="store_true",
                        help="time only each chapter alone in a fresh kernel")
    args = parser.parse_args()
    results = ROOT / "benchmarks" / "results.md"
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python "
               f"{platform.python_version()}, NumPy {np.__version__}, pandas {pd.__version__}")
    if not args.chapters:
        functions = pd.DataFrame(function_rows())
        write_section(results, "clusterlib at scale", [
            f"Measured {date.today().isoformat()} by `benchmarks/bench_book.py` on {machine}. "
            f"Best of {REPEATS} runs; the ratio compares each call with a NumPy column-sum pass "
            "over the same data.", "", functions.to_markdown(index=False, floatfmt=".4f")])
    if not (args.quick or args.chapters):
        write_section(results, "The book", [
            f"Measured {date.today().isoformat()} by `benchmarks/bench_book.py` on {machine}; "
            f"load average {load_average()} at the end.", "",
            pd.DataFrame(build_rows()).to_markdown(index=False, floatfmt=".1f")])
    if not args.quick:
        chapters = pd.DataFrame(chapter_rows())
        write_section(results, "Each chapter alone in a fresh kernel", [
            f"Measured {date.today().isoformat()} by `benchmarks/bench_book.py --chapters` on "
            f"{machine}; load average {load_average()} at the end. One run each. *Fresh "
            "kernel*: from starting the kernel in the chapter's folder to its shutdown after "
            "the last cell (nbclient, as nbval runs it; CPU is the kernel's own, which other "
            "processes on the shared cores do not inflate). *nbconvert*: the whole "
            "`jupyter nbconvert --execute` command, its own start-up and output included (the "
            "measure of earlier tables).", "",
            chapters.to_markdown(index=False, floatfmt=".1f")])


if __name__ == "__main__":
    main()
