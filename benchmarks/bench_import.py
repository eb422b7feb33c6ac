"""Benchmark `import clusterlib` against `import pandas`, each in a fresh interpreter.

Run from the repository root inside the project environment:

    .venv/bin/python benchmarks/bench_import.py             # writes its section of results.md
    .venv/bin/python benchmarks/bench_import.py --output -  # prints only

Each statement runs in a new Python process (nothing cached in memory from an earlier import), and
is timed inside that process with time.perf_counter, so interpreter start-up is left out; the best
of `--repeats` processes is reported. Because the cores may be shared, `import pandas` is timed in
the same run, alternating with the others, and the ratio to it is the result to compare (goal of
issue 15: `import clusterlib` at most 1.0 s and at most 1.5 x `import pandas`).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from _timing import load_average, write_section

ROOT = Path(__file__).resolve().parents[1]
FIRST_CELL = ("import clusterlib as cl\nimport matplotlib.pyplot as plt\nimport numpy as np\n"
              "import pandas as pd\nimport seaborn as sns\nfrom myst_nb import glue\n\n"
              "cl.plotting.use_book_style()")
CASES = [
    ("`import pandas`", "import pandas"),
    ("`import clusterlib`", "import clusterlib"),
    ("`import clusterlib` + `cl.plotting.use_book_style()`",
     "import clusterlib as cl\ncl.plotting.use_book_style()"),
    ("a chapter's first cell (clusterlib, pyplot, seaborn, glue, book style)", FIRST_CELL),
    ("`import scipy.stats` (for comparison)", "import scipy.stats"),
    ("`import statsmodels.api` (for comparison)", "import statsmodels.api"),
]
TIMER = ("import time\n_start, _cpu = time.perf_counter(), time.process_time()\n"
         "exec(compile({code!r}, 'case', 'exec'))\n"
         "print(time.perf_counter() - _start, time.process_time() - _cpu)")


def time_in_fresh_process(code: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds that `code` takes in a new interpreter (start-up excluded);
    the CPU time is what other processes on shared cores do not inflate."""
    env = dict(os.environ, MPLBACKEND="Agg")  # a plain process has no notebook backend
    result = subprocess.run([sys.executable, "-c", TIMER.format(code=code)], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    wall, cpu = result.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="fresh processes per statement")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "results.md"),
                        help="markdown file whose section to write, or - to print only")
    args = parser.parse_args()
    load_before = load_average()
    times: dict[str, list[float]] = {label: [] for label, _ in CASES}
    cpu: dict[str, list[float]] = {label: [] for label, _ in CASES}
    for _ in range(args.repeats):  # interleaved, so that a burst of load hits every case alike
        for label, code in CASES:
            wall, seconds = time_in_fresh_process(code)
            times[label].append(wall)
            cpu[label].append(seconds)
    best = {label: min(values) for label, values in times.items()}
    pandas = best["`import pandas`"]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "unknown"
    lines = [
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC at commit {commit} by "
        f"`benchmarks/bench_import.py` on {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; load average {load_before} before and {load_average()} "
        f"after. Best of {args.repeats} fresh processes, interpreter start-up excluded.",
        "",
        "| statement | best (s) | median (s) | ratio to `import pandas` | best CPU (s) |",
        "|:--|--:|--:|--:|--:|",
    ]
    for label, _ in CASES:
        values = sorted(times[label])
        lines.append(f"| {label} | {best[label]:.2f} | {values[len(values) // 2]:.2f} | "
                     f"{best[label] / pandas:.2f} | {min(cpu[label]):.2f} |")
    clusterlib = best["`import clusterlib`"]
    ratio = "met" if clusterlib <= 1.5 * pandas else "NOT met"
    absolute = "met" if clusterlib <= 1.0 else "NOT met"
    lines += ["", f"Goals of issue 15: at most 1.5 x `import pandas` in the same run: {ratio}; "
              f"at most 1.0 s: {absolute} at this load (the limit is for a quiet machine; "
              f"the CPU column is the load-independent measure)."]
    if args.output == "-":
        print("\n".join(lines))
    else:
        write_section(Path(args.output), "import clusterlib", lines)


if __name__ == "__main__":
    main()
