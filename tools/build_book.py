"""Build the book strictly: refuse stored error outputs, then jupyter-book with warnings as errors.

Called by `python3 dev.py book` inside the project environment. The build renders the outputs
stored in the notebooks (the test suite proves them current), so it first checks them; then it
regenerates the reader notebooks (notebooks/, served by the download and launch buttons).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import reader_notebooks
from notebook_checks import ROOT, chapter_notebooks, problems


def main() -> None:
    found = [p for path in chapter_notebooks() for p in problems(path)]
    if found:
        sys.exit("Stored notebook outputs are not fit to publish:\n  " + "\n  ".join(found))
    for reader in reader_notebooks.write_all():  # readers generated from the sources
        print(f"wrote {reader.relative_to(ROOT)}", flush=True)
    shutil.rmtree(ROOT / "_build", ignore_errors=True)  # a clean build: no stale cache
    command = ["jupyter-book", "build", str(ROOT), "--builder", "html",
               "--warningiserror", "--nitpick", "--keep-going"]
    print("+", " ".join(command), flush=True)
    # jieba 0.42 (Sphinx's Chinese search) imports setuptools' deprecated pkg_resources before
    # the book's extension can filter the warning; it says nothing about the book, so hide it.
    env = {**os.environ, "PYTHONWARNINGS": "ignore:pkg_resources is deprecated:UserWarning"}
    subprocess.run(command, cwd=ROOT, check=True, env=env)


if __name__ == "__main__":
    main()
