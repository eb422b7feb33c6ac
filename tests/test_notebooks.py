"""Stored outputs of every chapter: present, clean, and checkable by strict nbval.

nbval (run by the same test command) re-executes each chapter and compares every output with the
stored one; these tests make sure there is something to compare, so that an output-free notebook
cannot pass vacuously, and that nothing a reader sees is an error or a warning.
"""

import json
import re
import tomllib

import pytest
from notebook_checks import ROOT, chapter_notebooks, problems

NOTEBOOKS = chapter_notebooks()
ADDOPTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
    "tool"]["pytest"]["ini_options"]["addopts"]


def test_there_are_chapters():
    assert [p.name for p in NOTEBOOKS][:1] == ["01_theory.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_outputs_are_complete_and_clean(path):
    assert problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_most_code_cells_have_output(path):
    cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
             if c["cell_type"] == "code"]
    with_output = sum(bool(c["outputs"]) for c in cells)
    assert with_output >= 0.6 * len(cells), f"{with_output} of {len(cells)} code cells have output"


def test_checker_rejects_output_free_cell(tmp_path):
    notebook = {"cells": [{"cell_type": "code", "source": ["1 + 1"], "metadata": {},
                           "outputs": [], "execution_count": None}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "empty.ipynb"
    path.write_text(json.dumps(notebook))
    assert any("no stored output" in p for p in problems(path))


def test_checker_rejects_error_and_font_warning(tmp_path):
    outputs = [{"output_type": "error", "ename": "ValueError", "evalue": "x", "traceback": []},
               {"output_type": "stream", "name": "stderr",
                "text": ["UserWarning: Glyph 20135 missing from font(s) DejaVu Sans."]}]
    notebook = {"cells": [{"cell_type": "code", "source": ["f()"], "metadata": {},
                           "outputs": outputs, "execution_count": 1}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "bad.ipynb"
    path.write_text(json.dumps(notebook))
    found = " ".join(problems(path))
    assert "error (ValueError)" in found and "stderr" in found and "missing from font" in found


def test_nbval_is_strict_and_offline():
    """The test command runs nbval strictly (not --nbval-lax) in the offline kernel."""
    assert "--nbval" in ADDOPTS and "--nbval-lax" not in ADDOPTS
    assert "--nbval-kernel-name=clusterlib-offline" in ADDOPTS
    assert "--allow-hosts=127.0.0.1,::1" in ADDOPTS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_follows_conventions(path):
    """First code cell imports clusterlib as cl and sets the book style; no hidden state tricks."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert "import clusterlib as cl" in code[0]
    assert "cl.plotting.use_book_style()" in code[0]
    joined = "\n".join(code)
    for banned in ("filterwarnings", "sys.path", "!pip", "%pip", "os.chdir", "read_csv("):
        assert banned not in joined, f"{path.name} uses {banned!r}"


CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$|\{math\}`([^`]*)`", re.DOTALL)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_chinese_in_math_mode(path):
    """MathJax renders CJK in math badly: Chinese stays in the prose around formulas."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    formulas = ["".join(groups) for groups in MATH.findall(text)]
    assert formulas or path.name == "data_sources.ipynb"
    assert [f for f in formulas if CJK.search(f)] == []
