"""Benchmark of clusterlib.complexity against py-ecomplexity on a 200 x 2,000 export matrix.

What it measures, in one run (best of several repeats, ``time.perf_counter``):

* the floor: one dense matrix product of the same size, ``m.T @ m`` on the 200 x 2,000 presence
  matrix (the co-occurrence counts that every product-space calculation needs);
* clusterlib end to end, starting from the same long (location, product, value) table that
  py-ecomplexity takes: pivot to a matrix, ``location_quotient(binary=True)`` (RCA >= 1),
  ``economic_complexity`` (ECI, PCI), ``proximity``, ``density`` and ``complexity_outlook``
  (COI, COG), i.e. everything ``ecomplexity()`` returns;
* py-ecomplexity's ``ecomplexity()`` on that table (log-supermodularity check off, so that both
  compute the same quantities); target: clusterlib at least 4x faster;
* agreement: correlation of the two ECIs and PCIs (target above 0.9999, same sign convention:
  ECI correlates positively with diversity) and the largest difference of density where the
  conventions match (py-ecomplexity counts a product's proximity to itself, which is
  clusterlib's ``include_self=True``).

The data are a seeded random sparse matrix: each cell exports with probability 0.1, log-normal
values; every row and column has at least one export.

It runs in its own environment, not the book's, because py-ecomplexity is not a dependency of the
book:

    python3 -m venv .venv-bench-complexity
    .venv-bench-complexity/bin/pip install -r benchmarks/requirements-complexity.txt
    .venv-bench-complexity/bin/pip install --no-deps -e .
    .venv-bench-complexity/bin/python benchmarks/bench_complexity.py   # writes results_complexity.md

``--locations``, ``--products`` and ``--repeats`` make a quick smoke run possible (``--output -``
prints only).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import platform
import warnings
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd
from ecomplexity import ecomplexity

import clusterlib as cl
from _timing import add_run_options, best_time, cpu_model, write_results

SEED = 20261122
HERE = Path(__file__).resolve().parent
COLUMNS = {"time": "year", "loc": "location", "prod": "product", "val": "exports"}


def make_exports(locations: int, products: int, rng: np.random.Generator) -> pd.DataFrame:
    """Long table (year, location, product, exports) of a random sparse export matrix."""
    present = rng.random((locations, products)) < 0.1
    present[np.arange(locations), rng.integers(0, products, locations)] = True
    present[rng.integers(0, locations, products), np.arange(products)] = True
    values = np.where(present, rng.lognormal(10.0, 2.0, (locations, products)), 0.0)
    wide = pd.DataFrame(values, index=[f"L{i:03d}" for i in range(locations)],
                        columns=[f"P{j:04d}" for j in range(products)])
    long = wide.stack().rename("exports").reset_index()
    long.columns = ["location", "product", "exports"]
    long.insert(0, "year", 2017)
    return long


def clusterlib_pipeline(long: pd.DataFrame):
    """Everything ecomplexity() returns, with clusterlib."""
    wide = long.pivot(index="location", columns="product", values="exports")
    presence = cl.location_quotient(wide, binary=True)
    complexity = cl.economic_complexity(presence)
    phi = cl.proximity(presence)
    dens = cl.density(presence, proximity=phi, include_self=True)
    outlook = cl.complexity_outlook(presence, pci=complexity.pci, proximity=phi,
                                    include_self=True)
    return complexity, dens, outlook


def ecomplexity_pipeline(long: pd.DataFrame) -> pd.DataFrame:
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas deprecation chatter inside py-ecomplexity
        return ecomplexity(long, COLUMNS, check_logsupermodularity=False, verbose=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locations", type=int, default=200)
    parser.add_argument("--products", type=int, default=2000)
    add_run_options(parser, repeats=7, slow_repeats=3, slow_name="py-ecomplexity",
                    output=HERE / "results_complexity.md")
    args = parser.parse_args()

    long = make_exports(args.locations, args.products, np.random.default_rng(SEED))
    presence = cl.location_quotient(
        long.pivot(index="location", columns="product", values="exports"), binary=True)
    m = presence.to_numpy(dtype=float)

    ours, ours_density, _ = clusterlib_pipeline(long)
    theirs = ecomplexity_pipeline(long)
    their_eci = theirs.groupby("location")["eci"].first().reindex(ours.eci.index)
    their_pci = theirs.groupby("product")["pci"].first().reindex(ours.pci.index)
    their_density = theirs.pivot(index="location", columns="product", values="density").reindex(
        index=ours_density.index, columns=ours_density.columns)
    corr_eci = float(np.corrcoef(ours.eci, their_eci)[0, 1])
    corr_pci = float(np.corrcoef(ours.pci, their_pci)[0, 1])
    diff_density = float(np.abs(ours_density.to_numpy() - their_density.to_numpy()).max())
    same_presence = bool((theirs.pivot(index="location", columns="product", values="mcp")
                          .reindex(index=presence.index, columns=presence.columns).to_numpy()
                          == m).all())

    t_floor = best_time(lambda: m.T @ m, args.repeats)
    t_ours = best_time(lambda: clusterlib_pipeline(long), args.repeats)
    t_eci = best_time(lambda: cl.economic_complexity(presence), args.repeats)
    t_floor = min(t_floor, best_time(lambda: m.T @ m, args.repeats))  # before and after
    t_theirs = best_time(lambda: ecomplexity_pipeline(long), args.slow_repeats)
    speedup = t_theirs / t_ours

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    shape = f"{args.locations:,} x {args.products:,}"
    lines = [
        "# Benchmark: economic complexity (ECI, PCI, proximity, density, outlook)",
        "",
        f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} with "
        f"`benchmarks/bench_complexity.py` in `.venv-bench-complexity` "
        f"(`benchmarks/requirements-complexity.txt`).",
        "",
        f"- Machine: {os.cpu_count()} cores, {cpu_model()}; Python {platform.python_version()}; "
        f"numpy {np.__version__}, pandas {pd.__version__}, ecomplexity "
        f"{version('ecomplexity')}.",
        f"- Load average (1 min) at the end of the run: {load[0]:.2f}; other processes may "
        f"share the two cores, which is why the floor is timed before and after.",
        f"- Data: {shape} exports (seed {SEED}), about 10 % of cells non-zero, log-normal "
        f"values, as one long (year, location, product, exports) table of "
        f"{len(long):,} rows: py-ecomplexity's input, and clusterlib's too (its time includes "
        f"the pivot to a matrix).",
        f"- Best of {args.repeats} repeats (py-ecomplexity: best of {args.slow_repeats}).",
        "- Both compute RCA >= 1 presence, diversity, ubiquity, ECI, PCI, proximity, density, "
        "COI and COG; py-ecomplexity's log-supermodularity check is switched off. Density: "
        "py-ecomplexity counts each product's proximity to itself, clusterlib is called with "
        "`include_self=True` to match.",
        "",
        "| step | time (ms) | x floor |",
        "| --- | ---: | ---: |",
        f"| floor: dense product `m.T @ m` ({shape} presence matrix) | {t_floor * 1e3:.1f} | 1.00 |",
        f"| clusterlib `economic_complexity` alone (ECI, PCI) | {t_eci * 1e3:.1f} | "
        f"{t_eci / t_floor:.2f} |",
        f"| clusterlib end to end | {t_ours * 1e3:.1f} | {t_ours / t_floor:.2f} |",
        f"| py-ecomplexity `ecomplexity()` end to end | {t_theirs * 1e3:.1f} | "
        f"{t_theirs / t_floor:.2f} |",
        "",
        "| agreement with py-ecomplexity | value | target |",
        "| --- | ---: | --- |",
        f"| same presence matrix (RCA >= 1) | {same_presence} | True |",
        f"| correlation of ECI | {corr_eci:.12f} | > 0.9999 |",
        f"| correlation of PCI | {corr_pci:.12f} | > 0.9999 |",
        f"| largest absolute difference of density | {diff_density:.1e} | equal |",
        "",
        "Targets:",
        "",
        f"- speed: clusterlib end to end is {speedup:.1f}x faster than py-ecomplexity (target "
        f">= 4x: {'met' if speedup >= 4 else 'NOT met'}); it takes {t_ours / t_floor:.1f} "
        f"times the floor.",
        f"- ECI and PCI correlate at {corr_eci:.12f} and {corr_pci:.12f} (target > 0.9999: "
        f"{'met' if min(corr_eci, corr_pci) > 0.9999 else 'NOT met'}); both signs agree.",
        f"- density differs by at most {diff_density:.1e} (target: equal up to rounding: "
        f"{'met' if diff_density < 1e-12 else 'NOT met'}).",
        "",
        "Why the gap: py-ecomplexity finds the eigenvectors with `numpy.linalg.eig` of the "
        f"full, non-symmetric {args.products:,} x {args.products:,} product matrix (all "
        "eigenpairs, complex arithmetic). clusterlib uses the symmetric form "
        "D^-1/2 M U^-1 M^T D^-1/2 on the smaller side "
        f"({min(args.locations, args.products):,} x {min(args.locations, args.products):,}) and "
        "asks LAPACK for the three largest eigenpairs only; PCI then follows from ECI by one "
        "matrix-vector product.",
        "",
    ]
    write_results(lines, args.output)


if __name__ == "__main__":
    main()
