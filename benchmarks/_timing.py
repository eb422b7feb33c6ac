"""Timing helper shared by the benchmark scripts (benchmarks are measurements, not tests)."""

from __future__ import annotations

import argparse
import os
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


def load_average() -> str:
    """The 1-, 5- and 15-minute load averages, as `uptime` prints them."""
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def write_section(path: Path, heading: str, lines: list[str]) -> None:
    """Print a section and put it into the markdown file `path` under ``## heading``, replacing
    that section (up to the next ``## ``) if it is there and appending it otherwise, so that
    several scripts share one results file."""
    body = "\n".join(lines).strip("\n")
    print(body)
    section = f"## {heading}\n\n{body}\n"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    start = text.find(f"\n## {heading}\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start + 1] + section + (text[end:] if end >= 0 else "")
    path.write_text(text, encoding="utf-8")
