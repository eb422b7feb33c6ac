"""The book's own Sphinx extension (``sphinx.local_extensions`` in ``_config.yml``).

- Citations in one author-year style on the page and in the reference list
  (``tools/book_citations.py``).
- Search in English and Chinese: Sphinx's Chinese search language segments text with jieba (and
  stems English words as usual); the book's glossary terms are added to jieba's dictionary so
  that a search for 区位商 or 基尼系数 finds the pages that teach them.
- Figures and exercises numbered within their chapter ("Fig. 5.3", "Exercise 5.2"), as a book
  numbers them; Sphinx alone would number them across the whole book (Fig. 13 in Chapter 5).
- One search box (in the sidebar), not a second one in a top bar.
- The download button and the Binder/Colab launch buttons of a chapter serve its reader
  notebook (``notebooks/``, see ``tools/reader_notebooks.py``); the source notebook stays
  downloadable for instructors and authors.
"""

from __future__ import annotations

import logging
import re
import shutil
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from book_citations import register_pybtex_styles, register_sphinx_styles  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
READER_DIR = ROOT / "notebooks"
GLOSSARY = ROOT / "chapters" / "glossary.md"
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,}")


def glossary_terms() -> list[str]:
    """Chinese terms of the glossary (every run of two or more CJK characters in a term line)."""
    terms: list[str] = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and " · " in line:
            terms.extend(CJK_RUN.findall(line.split(" · ", 1)[1]))
    return sorted(set(terms))


def _search_dictionary(app, config) -> None:
    """Give jieba the glossary's terms (a user dictionary written next to the doctrees)."""
    if config.html_search_language != "zh":
        return
    with warnings.catch_warnings():  # jieba 0.42 imports setuptools' deprecated pkg_resources
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated",
                                category=UserWarning)
        import jieba  # noqa: F401  (imported here once; Sphinx's Chinese search uses it)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    path = Path(app.doctreedir) / "search_terms.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{term} 100000 n\n" for term in glossary_terms()), encoding="utf-8")
    config.html_search_options = {**(config.html_search_options or {}), "dict": str(path)}


def chapter_number(docname: str) -> int | None:
    """5 for "chapters/05_guangzhou_synergy"; None for a page that is not a numbered chapter."""
    match = re.fullmatch(r"chapters/(\d{2})_[\w-]+", docname)
    return int(match.group(1)) if match else None


def _number_within_chapters(app, env) -> list[str]:
    """Renumber every enumerable node (figures, tables, exercises) per page, prefixed with the
    chapter number; Sphinx's own pass (toctree collector) runs first and numbers across pages."""
    renumbered = []
    for docname, by_type in env.toc_fignumbers.items():
        prefix = (chapter_number(docname),) if chapter_number(docname) else ()
        for figtype, numbers in by_type.items():
            ordered = sorted(numbers, key=numbers.get)
            new = {node: (*prefix, position) for position, node in enumerate(ordered, start=1)}
            if new != numbers:
                by_type[figtype] = new
                renumbered.append(docname)
    return sorted(set(renumbered))


class _TermSet(set):
    """A set that takes ``extend`` like a list."""

    extend = set.update


def _fast_chinese_search() -> None:
    """Sphinx 7.4's Chinese search keeps every Latin word of the book in a list and looks each
    stemmed word up in it (quadratic: 22 s of a 45 s build here). The same lookup in a set gives
    the same index."""
    from sphinx import search
    from sphinx.search.zh import SearchChinese

    class BookChineseSearch(SearchChinese):
        def init(self, options):
            super().init(options)
            self.latin_terms = _TermSet()

    search.languages["zh"] = BookChineseSearch


def _one_search_box(app, config) -> None:
    """pydata-sphinx-theme 0.17 adds a search field to a top navigation bar unless told otherwise;
    the book already has one in the sidebar (sphinx-book-theme's place for it)."""
    config.html_theme_options = {**(config.html_theme_options or {}), "navbar_persistent": []}


def _reader_buttons(app, pagename, templatename, context, doctree) -> None:
    """Point the download and launch buttons of a chapter at its reader notebook."""
    reader = READER_DIR / f"{Path(pagename).name}.ipynb"
    if not pagename.startswith("chapters/") or not reader.is_file():
        return
    source_path = f"{pagename}.ipynb"
    reader_path = f"notebooks/{reader.name}"
    for group in context.get("header_buttons", []):
        if group.get("label") == "launch-buttons":
            for button in group["buttons"]:
                if "url" in button:
                    button["url"] = button["url"].replace(source_path, reader_path)
                    button["tooltip"] += " (reader notebook: numbers in the text, solutions at the end)"
        if group.get("label") == "download-buttons":
            buttons = group["buttons"]
            for button in buttons:
                if button.get("label") == "download-source-button":
                    button["text"] = "source .ipynb"
                    button["tooltip"] = ("The book's source notebook (MyST roles and glue, as the "
                                         "build reads it)")
            buttons.insert(0, {
                "type": "link",
                "url": context["pathto"](reader_path, 1),
                "text": ".ipynb",
                "icon": "fas fa-code",
                "tooltip": "This chapter as a notebook for Jupyter or Colab",
                "label": "download-reader-button",
            })


def _copy_readers(app, exception) -> None:
    if exception is None and app.builder.format == "html" and READER_DIR.is_dir():
        target = Path(app.outdir) / "notebooks"
        target.mkdir(exist_ok=True)
        for path in sorted(READER_DIR.glob("*.ipynb")):
            shutil.copyfile(path, target / path.name)


def setup(app):
    register_pybtex_styles()
    register_sphinx_styles()
    _fast_chinese_search()
    app.connect("config-inited", _search_dictionary)
    app.connect("config-inited", _one_search_box)
    app.connect("env-get-updated", _number_within_chapters, priority=900)
    app.connect("html-page-context", _reader_buttons, priority=600)
    app.connect("build-finished", _copy_readers)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
