"""Build the book strictly, both editions: refuse stored error outputs, then jupyter-book with
warnings as errors, the English edition into _build/html and the Chinese one into _build/html/zh.

Called by `python3 dev.py book` inside the project environment. The build renders the outputs
stored in the notebooks (the test suite proves them current), so it first checks them; then it
writes the Chinese edition's source tree (tools/translations.py: the English notebooks with their
prose translated, outputs unchanged), regenerates the reader notebooks of both editions (served
by the download and launch buttons) and builds the two editions side by side.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import reader_notebooks
import translations
from notebook_checks import ROOT, exit_unless_fit_to_publish


def build_commands(output: Path) -> list[tuple[list[str], Path, Path]]:
    """(command, built html folder, where it belongs) for each edition, building into `output`."""
    chinese = translations.write_tree(output / "zh-source")
    options = ["--builder", "html", "--warningiserror", "--nitpick", "--keep-going"]
    book = str(Path(sys.executable).parent / "jupyter-book")
    return [([book, "build", str(ROOT), "--path-output", str(output / "en"), *options],
             output / "en" / "_build" / "html", output / "html"),
            ([book, "build", str(chinese), *options],
             chinese / "_build" / "html", output / "html" / "zh")]


def build(output: Path, *, quiet: bool = False) -> list[str]:
    """Build both editions at once (two processes) into output/html and output/html/zh; return
    the failures (command output) or an empty list."""
    # jieba 0.42 (Sphinx's Chinese search) imports setuptools' deprecated pkg_resources before
    # the book's extension can filter the warning; it says nothing about the book, so hide it.
    env = {**os.environ, "PYTHONWARNINGS": "ignore:pkg_resources is deprecated:UserWarning"}
    commands = build_commands(output)
    running = [subprocess.Popen(command + (["--quiet"] if quiet else []), cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for command, _, _ in commands]
    failures = []
    for process, (command, _, _) in zip(running, commands):
        log, _ = process.communicate()
        if process.returncode:
            failures.append(f"{' '.join(command)} failed:\n{log[-5000:]}")
        elif not quiet:
            print(log, flush=True)
    if not failures:
        shutil.rmtree(output / "html", ignore_errors=True)
        for _, built, target in commands:  # the English edition first: html/zh goes inside it
            shutil.move(str(built), str(target))
    return failures


def main() -> None:
    exit_unless_fit_to_publish()
    # a clean build (no stale cache), keeping only the PDF edition's folder, which the site
    # links when it is there (python3 dev.py pdf)
    for child in (ROOT / "_build").glob("*"):
        if child.name != "latex":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    for reader in reader_notebooks.write_editions():  # readers generated from the sources
        print(f"wrote {reader.relative_to(ROOT)}", flush=True)
    failures = build(ROOT / "_build")
    if failures:
        sys.exit("\n\n".join(failures))


if __name__ == "__main__":
    main()
