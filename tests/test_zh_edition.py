"""The Chinese edition is the English notebooks with the prose translated: these tests keep the
two in step (translations current and consistent, code, outputs and metadata identical, reader
notebooks current). The built sites of both editions are compared in tests/test_site.py."""

import copy
import json
import re

import nbformat
import pytest
import reader_notebooks as rn
import translations as tr
from myst_nb.core.variables import format_plain_text

PAGES = tr.pages()
NOTEBOOK_PAGES = [p for p in PAGES if tr.english_path(p).suffix == ".ipynb"]
RELEASED = tr.released()


def test_released_pages_are_pages_of_the_book():
    assert RELEASED and set(RELEASED) <= set(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_translation_is_current_and_consistent(page):
    """A released page has a current, consistent translation of every cell and caption; a page
    not yet released (shown in English in the Chinese edition) at least has no wrong block."""
    report = tr.check(page)
    if page in RELEASED:
        assert report.problems() == []
    else:
        assert report.orphan + report.inconsistent + report.duplicate == []


def _blank_prose(notebook):
    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = ""
        figure = cell.metadata.get("mystnb", {}).get("figure", {})
        if "caption" in figure:
            figure["caption"] = ""
    return notebook


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_chinese_notebook_is_the_english_one_but_for_the_prose(page):
    """Cell ids, code, outputs (so every glued value) and metadata are the English notebook's:
    strict nbval of the English chapters covers the Chinese edition's code; nothing runs twice."""
    english = nbformat.read(tr.english_path(page), as_version=4)
    chinese = tr.chinese_notebook(page)
    assert _blank_prose(chinese) == _blank_prose(english)
    if page in RELEASED:
        changed = [c.id for c, e in zip(chinese.cells, english.cells)
                   if c.cell_type == "markdown" and c.source != e.source]
        assert changed  # the prose really is replaced


# ----------------------------------------------------------------------------------------------
# The checker fails when it should (a small book in a temporary folder)


@pytest.fixture
def tiny_book(tmp_path, monkeypatch):
    (tmp_path / "chapters").mkdir()
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 1 Title · 标题\n\nThe share is {glue:text}`share:.1%` "
                                      "{cite:p}`porter_2000`, see {numref}`fig-a`."),
        nbformat.v4.new_code_cell("x = 1", metadata={"mystnb": {"figure": {
            "caption": "Shares, $s_i$, by region.", "name": "fig-a"}}}),
    ])
    notebook.cells[0].id, notebook.cells[1].id = "aaaa", "bbbb"
    nbformat.write(notebook, tmp_path / "chapters" / "01_x.ipynb")
    monkeypatch.setattr(tr, "ROOT", tmp_path)
    monkeypatch.setattr(tr, "ZH", tmp_path / "zh")
    monkeypatch.setattr(tr, "MARKDOWN_PAGES", ())
    page = "chapters/01_x"
    tr.scaffold(page)
    blocks = tr.read_blocks(page)
    blocks[0].text = ("# 1 标题\n\n份额为 {glue:text}`share:.1%` {cite:p}`porter_2000`，"
                      "见{numref}`fig-a`。")
    blocks[1].text = "各地区的份额 $s_i$。"
    tr.write_blocks(page, blocks)
    return tmp_path, page


def test_checker_passes_a_faithful_translation(tiny_book):
    assert tr.check(tiny_book[1]).problems() == []


def test_changed_english_paragraph_makes_its_block_stale(tiny_book):
    root, page = tiny_book
    path = root / "chapters" / "01_x.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[0].source += " A new sentence."
    nbformat.write(notebook, path)
    report = tr.check(page)
    assert len(report.stale) == 1 and "cell aaaa" in report.stale[0]
    tr.accept(page)  # a translator updated the block and records the new English text
    assert tr.check(page).stale == []


def test_translation_that_drops_a_glued_value_is_inconsistent(tiny_book):
    page = tiny_book[1]
    blocks = tr.read_blocks(page)
    blocks[0].text = blocks[0].text.replace("{glue:text}`share:.1%`", "12.5%")
    tr.write_blocks(page, blocks)
    report = tr.check(page)
    assert len(report.inconsistent) == 1 and "glued values" in report.inconsistent[0]


@pytest.mark.parametrize("key, consistent", [("share_zh", True), ("other_zh", False),
                                              ("share_zhx", False)])
def test_a_chinese_variant_stands_for_its_english_glued_value(tiny_book, key, consistent):
    """`share_zh` (a name glued in Chinese beside `share`) may replace `share` in the Chinese
    block; a variant of another value, or a key that merely starts with it, may not."""
    page = tiny_book[1]
    blocks = tr.read_blocks(page)
    blocks[0].text = blocks[0].text.replace("`share:", f"`{key}:")
    tr.write_blocks(page, blocks)
    assert (tr.check(page).inconsistent == []) is consistent


@pytest.mark.parametrize("old, new, what", [
    ("{cite:p}`porter_2000`", "{cite:p}`krugman_1991`", "citations"),
    ("{numref}`fig-a`", "图 1", "cross-references"),
    ("# 1 标题", "## 1 标题", "heading levels"),
    ("$s_i$", "$s_j$", "inline math"),
])
def test_translation_that_changes_markup_is_inconsistent(tiny_book, old, new, what):
    page = tiny_book[1]
    blocks = tr.read_blocks(page)
    for block in blocks:
        block.text = block.text.replace(old, new)
    tr.write_blocks(page, blocks)
    assert any(what in problem for problem in tr.check(page).inconsistent)


def test_missing_orphan_and_duplicate_blocks_are_reported(tiny_book):
    page = tiny_book[1]
    blocks = tr.read_blocks(page)
    orphan = tr.Block("cell", "zzzz", "0" * 12, "多余", 0)
    tr.write_blocks(page, [blocks[0], blocks[0], orphan])
    report = tr.check(page)
    assert len(report.missing) == 1 and "caption bbbb" in report.missing[0]
    assert len(report.orphan) == 1 and len(report.duplicate) == 1


def test_untranslated_block_counts_as_missing(tiny_book):
    page = tiny_book[1]
    tr.write_blocks(page, [])
    tr.scaffold(page)  # blocks holding the English text
    assert len(tr.check(page).missing) == 2


# ----------------------------------------------------------------------------------------------
# The Chinese reader notebooks


@pytest.fixture(scope="module")
def chinese_readers(tmp_path_factory):
    """The Chinese reader notebooks as the converter writes them now (from a fresh tree)."""
    tr.write_tree()
    rn.use_edition("zh")
    try:
        return {source.name: rn.convert(source) for source in rn.sources()}
    finally:
        rn.use_edition("en")


def test_chinese_reader_notebooks_are_current(chinese_readers):
    committed = sorted(p.name for p in (tr.ROOT / "zh" / "notebooks").glob("*.ipynb"))
    assert committed == sorted(chinese_readers)
    for name, notebook in chinese_readers.items():
        text = (tr.ROOT / "zh" / "notebooks" / name).read_text(encoding="utf-8")
        assert text == nbformat.writes(notebook) + "\n", f"zh/notebooks/{name} is stale"


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_chinese_reader_notebook_has_no_myst_and_every_glued_value(chinese_readers, page):
    name = tr.english_path(page).name
    notebook = chinese_readers[name]
    prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert rn.MYST_LEFTOVERS.search(prose) is None
    source = tr.chinese_notebook(page)
    values = rn._glue_values(source)
    for cell in source.cells:
        if cell.cell_type == "markdown":
            for key, fmt in re.findall(r"\{glue:text\}`([^`:]+):?([^`]*)`", cell.source):
                assert format_plain_text(values[key], fmt) in prose, key


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_chinese_reader_runs_the_english_readers_code(chinese_readers, page):
    """The Chinese reader's code cells are the English reader's (which the reader tests run
    offline), in the same order: the Chinese one runs as the English one does."""
    name = tr.english_path(page).name
    english = nbformat.read(rn.READER_DIR / name, as_version=4)
    code = [(c.source, json.dumps(c.outputs, sort_keys=True))
            for c in chinese_readers[name].cells if c.cell_type == "code"]
    assert code == [(c.source, json.dumps(c.outputs, sort_keys=True))
                    for c in english.cells if c.cell_type == "code"]
