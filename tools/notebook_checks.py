"""Checks of stored notebook outputs shared by the build and the tests (standard library only).

A chapter is committed with its outputs; these checks make sure the stored outputs are there,
hold no error, no traceback, no font warning and no other stderr text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NO_OUTPUT_TAG = "no-output"  # a code cell that truly prints nothing says so with this tag
FORBIDDEN_TEXT = ("Traceback (most recent call last)", "missing from font", "findfont:",
                  "Warning:", "warn(")


def chapter_notebooks() -> list[Path]:
    """Every notebook of the book, in a stable order."""
    return sorted(p for p in (ROOT / "chapters").glob("*.ipynb"))


def exit_unless_fit_to_publish() -> None:
    """Stop a build (exit with the list) when a chapter's stored outputs are not fit to publish;
    the site and the PDF render the stored outputs and check them first."""
    found = [p for path in chapter_notebooks() for p in problems(path)]
    if found:
        sys.exit("Stored notebook outputs are not fit to publish:\n  " + "\n  ".join(found))


def problems(path: Path) -> list[str]:
    """What is wrong with the stored outputs of one notebook (empty if nothing)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    found = []
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    if not code:
        found.append(f"{path.name}: has no code cell")
    for number, cell in enumerate(code, start=1):
        source = "".join(cell["source"]).strip()
        tags = cell.get("metadata", {}).get("tags", [])
        outputs = cell.get("outputs", [])
        where = f"{path.name}, code cell {number} ({source.splitlines()[0][:50] if source else 'empty'!r})"
        if not source:
            found.append(f"{where}: empty code cell; delete it")
        if not outputs and NO_OUTPUT_TAG not in tags:
            found.append(f"{where}: has no stored output; run `python3 dev.py execute`, or tag the "
                         f"cell '{NO_OUTPUT_TAG}' if it truly prints nothing")
        if "execution" in cell.get("metadata", {}):
            found.append(f"{where}: stores execution timestamps (wall-clock values); re-run with "
                         f"`python3 dev.py execute`")
        if cell.get("execution_count") is None and outputs:
            found.append(f"{where}: outputs without an execution count; re-execute the notebook")
        for output in outputs:
            if output["output_type"] == "error":
                found.append(f"{where}: stored output is an error ({output.get('ename')})")
            if output["output_type"] == "stream" and output.get("name") == "stderr":
                found.append(f"{where}: stored output writes to stderr: {''.join(output['text'])[:200]!r}")
            text = json.dumps(output, ensure_ascii=False)
            for bad in FORBIDDEN_TEXT:
                if bad in text:
                    found.append(f"{where}: stored output contains {bad!r}")
    return found
