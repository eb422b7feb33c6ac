"""Reader notebooks (notebooks/): what instructors and Colab users open.

Each is generated from its chapter (tools/reader_notebooks.py); these tests prove that the
committed one is current, holds no MyST, carries every glued number in its prose, keeps solutions
after the exercises, and runs top to bottom in a fresh offline kernel from an unrelated folder.
"""

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
import reader_notebooks as rn
from myst_nb.core.variables import format_plain_text
from nbclient import NotebookClient
from notebook_checks import ROOT, chapter_notebooks

SOURCES = chapter_notebooks()
MYST_ONLY = ("{glue", "{cite", "{numref", "{ref", "{doc", "{exercise", "{solution", ":::", "```{")
GLUE_ROLE = re.compile(r"\{glue(?::text)?\}`([^`]+)`")


def _reader(source: Path):
    return nbformat.read(rn.reader_path(source), as_version=4)


def test_every_chapter_has_a_reader_notebook():
    assert [p.name for p in rn.sources()] == [p.name for p in SOURCES]
    assert sorted(p.name for p in rn.READER_DIR.glob("*.ipynb")) == [p.name for p in SOURCES]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_reader_notebook_is_current(source):
    committed = rn.reader_path(source).read_text(encoding="utf-8")
    assert rn.render(source) == committed, (
        f"notebooks/{source.name} is older than chapters/{source.name}: run "
        f"`python3 dev.py execute {source.stem}` (or `python3 dev.py book`) and commit it.")


def test_a_stale_reader_notebook_is_detected(tmp_path, monkeypatch):
    """The check fails when a source changed after its reader was written (and when a reader
    has no source left)."""
    for source in SOURCES:
        shutil.copy(rn.reader_path(source), tmp_path / source.name)
    stale = tmp_path / SOURCES[0].name
    reader = nbformat.read(stale, as_version=4)
    reader.cells[-1].source += "\nan edit by hand"
    nbformat.write(reader, stale)
    (tmp_path / "99_orphan.ipynb").write_text("{}")
    monkeypatch.setattr(rn, "READER_DIR", tmp_path)
    assert rn.write_all(check=True) == [stale, tmp_path / "99_orphan.ipynb"]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_reader_has_no_myst_and_no_glue(source):
    reader = _reader(source)
    for cell in reader.cells:
        for text in (cell.source, json.dumps(cell.get("outputs", []), ensure_ascii=False)):
            found = [token for token in MYST_ONLY if token in text]
            assert found == [], f"{source.name}: {found} in cell {cell.id}"
        if cell.cell_type == "code":
            assert "glue(" not in cell.source and "myst_nb" not in cell.source
            assert not any(key.startswith(rn.GLUE_MIME) for output in cell.outputs
                           for key in output.get("data", {}))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_reader_prose_holds_every_glued_value(source):
    """Each glued number of a Markdown cell is written, as the web page formats it, into the
    reader's copy of that cell."""
    notebook = nbformat.read(source, as_version=4)
    values = {output["metadata"]["scrapbook"]["name"]: output["data"][rn.GLUE_MIME + "text/plain"]
              for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
              if "scrapbook" in output.get("metadata", {})}
    reader = {cell.id: cell.source for cell in _reader(source).cells}
    checked = 0
    for cell in notebook.cells:
        for role in GLUE_ROLE.findall(cell.source) if cell.cell_type == "markdown" else []:
            key, fmt = role.rsplit(":", 1) if ":" in role else (role, "")
            assert format_plain_text(values[key], fmt) in reader[cell.id], (key, cell.id)
            checked += 1
    glued = sum(len(GLUE_ROLE.findall(c.source)) for c in notebook.cells if c.cell_type == "markdown")
    assert checked == glued


def _solution_cell_ids(notebook) -> set[str]:
    ids, inside = set(), False
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and "{solution-start}" in cell.source:
            inside = True
        elif cell.cell_type == "markdown" and "{solution-end}" in cell.source:
            inside = False
        elif inside:
            ids.add(cell.id)
    return ids


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_solutions_come_after_every_exercise(source):
    notebook = nbformat.read(source, as_version=4)
    solution_ids = _solution_cell_ids(notebook)
    exercises = sum(cell.source.count("{exercise}") for cell in notebook.cells
                    if cell.cell_type == "markdown")
    cells = _reader(source).cells
    headings = [i for i, c in enumerate(cells) if c.source.startswith("## Solutions")]
    if not exercises:
        assert headings == [] and solution_ids == set()
        return
    assert len(headings) == 1
    solutions_at = headings[0]
    before = cells[:solutions_at]
    assert [c.id for c in before if c.id in solution_ids] == []  # no solution text or output
    assert sum(len(re.findall(r"^### Exercise [\d.]+", c.source, re.MULTILINE))
               for c in before) == exercises
    after = cells[solutions_at:]
    assert sum(c.source.startswith("### Solution to Exercise") for c in after) == exercises
    assert {c.id for c in after} >= solution_ids
    # Opened in JupyterLab, the solutions are folded away: their part's heading and each
    # solution's heading are collapsed (JupyterLab's cell metadata), so nothing below shows.
    folded = [c for c in after if c.source.startswith(("## Solutions", "### Solution to"))]
    assert [c.metadata.get(rn.COLLAPSED) for c in folded] == [True] * (exercises + 1)
    assert not any(c.metadata.get(rn.COLLAPSED) for c in before)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_reader_citations_and_references(source):
    """Citations are author-year text, and every cited work is in the reference list at the end."""
    cells = _reader(source).cells
    text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    cited = re.findall(r"\{cite(?::[pt])?\}`([^`]+)`",
                       "\n".join(c.source for c in nbformat.read(source, as_version=4).cells))
    keys = sorted({key.strip() for group in cited for key in group.split(",")})
    if not keys:
        assert "## References" not in text
        return
    references = [c.source for c in cells if c.source.startswith("## References")]
    assert len(references) == 1
    assert len(re.findall(r"^- \[", references[0], re.MULTILINE)) == len(keys)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_reader_runs_top_to_bottom_offline_from_another_folder(source, tmp_path):
    """The reader notebook (the chapter without its glue) runs in a fresh offline kernel started
    in an unrelated folder, from the local install (its set-up cell does nothing here), and
    writes nothing where it runs. nbval runs the source notebook in its own folder."""
    notebook = _reader(source)
    NotebookClient(notebook, kernel_name="clusterlib-offline", timeout=600,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert errors == []
    assert notebook.cells[0].id == "reader-setup" and notebook.cells[0].outputs == []
    assert list(tmp_path.iterdir()) == []


def test_setup_cell_installs_the_book_where_clusterlib_is_missing(monkeypatch):
    """Where clusterlib cannot be imported (Colab), the first cell clones the repository of
    _config.yml and pip-installs it with the pinned versions as constraints; with clusterlib
    present it runs nothing."""
    import importlib.util
    import os
    import subprocess

    code = rn.setup_cell().source
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda args, check: calls.append(args))
    exec(code, {})
    assert calls == []  # the book's own environment: nothing to do

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(os.path, "isdir", lambda path: False)
    monkeypatch.setattr(os, "environ", {})  # the cell sets CLUSTERLIB_DATA: not in this process
    exec(code, {})
    url, branch = rn.repository()
    clone, install = calls
    assert clone[:6] == ["git", "clone", "--depth", "1", "--branch", branch] and clone[6] == url
    assert install[1:5] == ["-m", "pip", "install", "--quiet"]
    assert install[5] == "--constraint" and install[6].endswith("requirements.lock")
    assert install[7] == clone[7]
    assert os.environ == {"CLUSTERLIB_DATA": os.path.join(clone[7], "data")}


def _context(**figures):
    return rn.Context(source=ROOT / "chapters" / "01_theory.ipynb", glue={"n": "36", "x": "0.1234"},
                      figures=figures or {"fig-a": "1.1"}, exercises={"ex-a": "1.2"})


def test_markdown_roles_become_text():
    lines = ["(sec-x)=", "## Title", "{glue:text}`n` cities, share {glue:text}`x:.1%`,",
             "see {numref}`fig-a` and {numref}`Exercise %s <ex-a>`; {cite:t}`porter_2000` and",
             "{cite:p}`krugman_1991,balassa_1965`; {term}`Location quotient · 区位商`, {math}`x^2`."]
    assert rn._render(lines, _context()) == [
        "## Title", "36 cities, share 12.3%,",
        "see Fig. 1.1 and Exercise 1.2; Porter (2000) and",
        "(Balassa, 1965; Krugman, 1991); Location quotient · 区位商, $x^2$."]


def test_admonitions_and_exercises_become_markdown():
    lines = [":::{admonition} Learning objectives", ":class: tip", "", "Learn {glue:text}`n`.",
             ":::", "```{exercise}", ":label: ex-a", "", "Compute it.", "```"]
    assert rn._render(lines, _context()) == [
        "> **Learning objectives**", ">", "> Learn 36.", "### Exercise 1.2", "", "Compute it."]


@pytest.mark.parametrize("lines, message", [
    (["```{glue:figure} fig", "```"], "directive {glue:figure} is not supported"),
    (["{eq}`eq-1`"], "role {eq} is not supported"),
    (["{glue:text}`missing:.2f`"], "glued value 'missing' is not in the stored outputs"),
    (["{numref}`fig-zzz`"], "target 'fig-zzz' is not a figure or exercise"),
    (["{doc}`99_nowhere`"], "target '99_nowhere' is not a page of the book"),
    (["{ref}`no-such-label`"], "'no-such-label' is not a section label"),
    (["{cite:p}`no_such_key`"], r"\['no_such_key'\] are not in references.bib"),
    ([":::{note}", "never closed"], "is not closed"),
])
def test_unsupported_or_broken_myst_is_refused(lines, message):
    with pytest.raises(ValueError, match=message):
        rn._render(lines, _context())


def test_glue_is_stripped_from_code_without_touching_the_rest():
    code = ("from myst_nb import glue\nimport numpy as np  # kept\n\nfor k in ['a', 'b']:\n"
            "    glue(k, 1.0,\n         display=False)\nvalue = np.sqrt(2)\nglue('v', float(value), display=False)\n"
            "value")
    assert rn.strip_glue(code, _context()) == "import numpy as np  # kept\n\nvalue = np.sqrt(2)\nvalue"


def test_glue_sharing_a_line_with_code_is_refused():
    with pytest.raises(ValueError, match="mixes a glue call with other code"):
        rn.strip_glue("x = 1; glue('x', x, display=False)", _context())
