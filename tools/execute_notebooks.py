"""Re-run every chapter in place, in a fresh offline kernel started in the chapter's folder.

Called by `python3 dev.py execute` after a change to clusterlib, a dataset or a chapter; commit
the refreshed notebooks in their own commit. Each notebook runs alone, top to bottom. The reader
notebooks in notebooks/ are regenerated from the refreshed sources.
"""

from __future__ import annotations

import sys

import nbformat
import reader_notebooks
from nbclient import NotebookClient
from notebook_checks import chapter_notebooks, problems

KERNEL = "clusterlib-offline"


def main(names: list[str]) -> None:
    paths = [p for p in chapter_notebooks() if not names or p.stem in names or p.name in names]
    for path in paths:
        print(f"executing {path.name}", flush=True)
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, timeout=600, kernel_name=KERNEL, record_timing=False,
                                resources={"metadata": {"path": str(path.parent)}})
        client.execute()
        for cell in notebook.cells:  # no wall-clock values in the committed file
            cell.metadata.pop("execution", None)
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                           "language": "python"}
        nbformat.write(notebook, path)
        for problem in problems(path):
            print("  problem:", problem, flush=True)
    for reader in reader_notebooks.write_editions():  # the readers follow their sources
        print(f"wrote {reader.relative_to(reader_notebooks.ROOT)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
