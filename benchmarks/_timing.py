"""Timing helper shared by the benchmark scripts (benchmarks are measurements, not tests)."""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable
from pathlib import Path


def best_time(function: Callable[[], object], repeats: int) -> float:
    """Smallest wall-clock time of `repeats` calls, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def cpu_model() -> str:
    """The processor's model name, for the machine line of a results table."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def add_run_options(parser: argparse.ArgumentParser, *, repeats: int, slow_repeats: int,
                    slow_name: str, output: Path) -> None:
    """The options every benchmark script shares: repeats of the fast and of the slow timings
    and the results file (``-`` prints only)."""
    parser.add_argument("--repeats", type=int, default=repeats, help="repeats of the fast timings")
    parser.add_argument("--slow-repeats", type=int, default=slow_repeats,
                        help=f"repeats of {slow_name}")
    parser.add_argument("--output", default=str(output),
                        help="markdown file to write, or - for stdout only")


def write_results(lines: list[str], output: str) -> None:
    """Print the results table and write it to `output` (unless it is ``-``)."""
    text = "\n".join(lines)
    print(text)
    if output != "-":
        Path(output).write_text(text, encoding="utf-8")
