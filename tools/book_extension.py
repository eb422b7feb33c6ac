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
- The code a reader sees has no book plumbing: ``glue`` calls and the ``myst_nb`` import are
  removed from the shown code cells (the same rule as the reader notebooks), and a cell left
  with nothing to show is not shown.
- Every figure's image has its caption's first sentence as alt text (not the file path).
- Chinese text is marked ``lang="zh-Hans"`` so that browsers pick a Chinese font (the stylesheet
  names the CJK font stack) and screen readers a Chinese voice.
- The glossary opens with an A–Z bar that jumps to the first term of each letter.
- Two editions, English and Chinese (``book_edition``, set by ``tools/translations.py`` for the
  Chinese tree): a button in the page header goes to the same page of the other edition, and to
  the same section (every section also gets an id by its position, ``s-3``, the same in both
  editions, because the heading ids are made from the heading text).
- The PDF edition (``python3 dev.py pdf``), when it has been built, is copied into the site and
  offered by a download button on every page of both editions; without it there is no button.
- A docstring's citation reads "[1]" in the text as in its reference list (numpydoc left some
  as "[Rd0d6452ea7c3-1]").
- Search results show clean excerpts (``_static/search_excerpt.js``): the prose of the article,
  without formulas in TeX source, launch buttons, navigation or cell outputs.
- A table, formula or code line that scrolls sideways fades out at the edge where it continues
  (``_static/scroll_cue.js`` sets the classes, ``book.css`` draws the fade).
- sphinx-thebe's scripts are not loaded: the book has no live-code button, and the scripts were
  added twice (a console error on every page) and name a host outside the site.
"""

from __future__ import annotations

import logging
import re
import shutil
import sys
import warnings
from pathlib import Path

from docutils import nodes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from book_citations import (  # noqa: E402
    REFERENCING_STYLE, register_pybtex_styles, register_sphinx_styles, set_language)

ROOT = Path(__file__).resolve().parents[1]
READER_DIRS = {"en": ROOT / "notebooks", "zh": ROOT / "zh" / "notebooks"}
EDITION_SWITCH = {"en": ("中文", "本页的中文版 · This page in Chinese"),
                  "zh": ("English", "This page in English · 本页的英文版")}
GLOSSARY = ROOT / "chapters" / "glossary.md"
PDF = ROOT / "_build" / "latex" / "book.pdf"  # the PDF edition, if `python3 dev.py pdf` built it
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,}")
# Chinese characters with the CJK punctuation and full-width forms written between them.
CHINESE_SPAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff](?:[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff"
                          r"\uff00-\uffef\u00b7\u2014\u2026\u201c\u201d]*[\u3000-\u303f\u3400-\u9fff"
                          r"\uf900-\ufaff\uff00-\uffef])?")


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
    reader = READER_DIRS[app.config.book_edition] / f"{Path(pagename).name}.ipynb"
    if not pagename.startswith("chapters/") or not reader.is_file():
        return
    source_path = f"{pagename}.ipynb"
    reader_path = f"notebooks/{reader.name}"
    for group in context.get("header_buttons", []):
        if group.get("label") == "launch-buttons":
            for button in group["buttons"]:
                if "url" in button:  # the reader notebook's path in the repository
                    in_repository = reader.relative_to(ROOT).as_posix()
                    button["url"] = button["url"].replace(source_path, in_repository)
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
    readers = READER_DIRS[app.config.book_edition]
    if exception is None and app.builder.format == "html" and readers.is_dir():
        target = Path(app.outdir) / "notebooks"
        target.mkdir(exist_ok=True)
        for path in sorted(readers.glob("*.ipynb")):
            shutil.copyfile(path, target / path.name)


def _pdf_button(app, pagename, templatename, context, doctree) -> None:
    """A download button for the PDF edition (English), only when it exists."""
    if app.builder.format != "html" or not PDF.is_file():
        return
    up = "../" * pagename.count("/")
    url = f"{up}book.pdf" if app.config.book_edition == "en" else f"{up}../book.pdf"
    for group in context.get("header_buttons", []):
        if group.get("label") == "download-buttons":
            group["buttons"].append({"type": "link", "url": url, "text": ".pdf (book)",
                                     "icon": "fas fa-file-pdf", "label": "download-book-pdf",
                                     "tooltip": "The whole book as one PDF (English edition)"})


def _copy_pdf(app, exception) -> None:
    if (exception is None and app.builder.format == "html" and app.config.book_edition == "en"
            and PDF.is_file()):
        shutil.copyfile(PDF, Path(app.outdir) / "book.pdf")


class chinese(nodes.inline):
    """A run of Chinese text: ``<span lang="zh-Hans">`` in HTML, the text itself elsewhere."""


def _visit_chinese_html(self, node) -> None:
    self.body.append('<span lang="zh-Hans">')


def _depart_chinese_html(self, node) -> None:
    self.body.append("</span>")


def _pass(self, node) -> None:
    pass


_NOT_PROSE = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.math, nodes.math_block,
              nodes.comment, nodes.target, nodes.substitution_definition)


def _mark_chinese(app, doctree, docname) -> None:
    """Wrap every run of Chinese characters in running text in a `chinese` node."""
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, chinese) or any(
                isinstance(ancestor, _NOT_PROSE) for ancestor in _ancestors(parent)):
            continue
        value = str(text)
        pieces, end = [], 0
        for match in CHINESE_SPAN.finditer(value):
            if match.start() > end:
                pieces.append(nodes.Text(value[end:match.start()]))
            pieces.append(chinese("", match.group(0)))
            end = match.end()
        if not pieces:
            continue
        if end < len(value):
            pieces.append(nodes.Text(value[end:]))
        parent.replace(text, pieces)


def _ancestors(node):
    while node is not None:
        yield node
        node = node.parent


class _GlueError(Exception):
    pass


class _CellContext:
    """What `reader_notebooks.strip_glue` needs to report a cell it cannot strip."""

    def __init__(self, docname: str, index) -> None:
        self.where = f"{docname}, code cell {index}"

    def fail(self, message: str) -> Exception:
        return _GlueError(f"{self.where}: {message}")


def _hide_glue(app, doctree) -> None:
    """Remove glue calls and the myst_nb import from the code cells shown on the page; drop a
    cell's input when nothing else is left, and the cell when it shows nothing at all."""
    from reader_notebooks import strip_glue

    docname = app.env.docname
    for cell in list(doctree.findall(nodes.container)):
        if cell.get("nb_element") != "cell_code":
            continue
        for source in [c for c in cell.children if c.get("nb_element") == "cell_code_source"]:
            block = next(iter(source.findall(nodes.literal_block)), None)
            if block is None:
                continue
            code = strip_glue(block.astext(), _CellContext(docname, cell.get("cell_index")))
            if code.strip():
                if code != block.astext():
                    block.children = [nodes.Text(code)]
                    block.rawsource = code
            else:
                cell.remove(source)
        if not cell.children:
            cell.parent.remove(cell)


def _figure_alt_text(app, doctree) -> None:
    """Give each figure's image its caption's first sentence as alt text."""
    for figure in doctree.findall(nodes.figure):
        caption = next(iter(figure.findall(nodes.caption)), None)
        if caption is None:
            continue
        text = " ".join(caption.astext().split())
        first = re.split(r"(?<=[.;:])\s", text, maxsplit=1)[0]
        for image in figure.findall(nodes.image):
            if not image.get("alt") or image["alt"] == image.get("uri"):
                image["alt"] = first


def _glossary_index(app, doctree, docname) -> None:
    """An A–Z bar above the glossary: one link per initial letter, to its first term."""
    from sphinx import addnodes

    for glossary in list(doctree.findall(addnodes.glossary)):
        first: dict[str, str] = {}
        for term in glossary.findall(nodes.term):
            letter = term.astext().strip()[:1].upper()
            if letter.isalpha() and letter not in first and term["ids"]:
                first[letter] = term["ids"][0]
        bar = nodes.paragraph(classes=["glossary-index"])
        for position, (letter, target) in enumerate(first.items()):
            if position:
                bar += nodes.Text(" · ")
            bar += nodes.reference("", letter, refid=target, internal=True)
        glossary.parent.insert(glossary.parent.index(glossary), bar)


NUMPYDOC_LABEL = re.compile(r"\[R[0-9a-f]{6,}-(\d+)\]")


def _numpydoc_citation_numbers(app, doctree, docname) -> None:
    """numpydoc renames a docstring's citation [1] to [R<hash>-1] (unique on the page) and gives
    the references to it their short number back only in some places: the API page showed
    "the CRITIC method [Rd0d6452ea7c3-1]" beside a reference list numbered [1], [2]."""
    for text in list(doctree.findall(nodes.Text)):
        if text.parent is not None and NUMPYDOC_LABEL.search(str(text)):
            text.parent.replace(text, nodes.Text(NUMPYDOC_LABEL.sub(r"[\1]", str(text))))


def _no_thebe(app, pagename, templatename, context, doctree) -> None:
    """Drop sphinx-thebe's scripts and stylesheet (unused, loaded twice, name another host), and
    load every other script once."""
    context["script_files"] = [js for js in context.get("script_files", [])
                               if "thebe" not in (getattr(js, "filename", None) or "").lower()
                               and "THEBE_JS_URL" not in (js.attributes.get("body", "")
                                                          if hasattr(js, "attributes") else "")]
    context["css_files"] = [css for css in context.get("css_files", [])
                            if "thebe" not in (getattr(css, "filename", None) or str(css)).lower()]
    # sphinx-togglebutton's inline settings (togglebuttonSelector) are registered twice and
    # appeared twice on every page: each script once, in its first place.
    seen, scripts = set(), []
    for js in context["script_files"]:
        key = (str(getattr(js, "filename", js) or ""),  # an inline script: None or ""
               str(getattr(js, "attributes", {}).get("body", "")))
        if key not in seen:
            seen.add(key)
            scripts.append(js)
    context["script_files"] = scripts


def _edition(app, config) -> None:
    """The Chinese edition cites in Chinese words ("等", "和") and serves its own notebooks."""
    if config.book_edition not in EDITION_SWITCH:
        raise ValueError(f"book_edition must be one of {sorted(EDITION_SWITCH)}, not "
                         f"{config.book_edition!r}.")
    set_language(config.book_edition)
    if config.book_edition == "zh":
        config.bibtex_reference_style = f"{REFERENCING_STYLE}_zh"


def _section_positions(app, doctree) -> None:
    """Every section gets the id ``s-N`` (N-th section of the page) besides its own ids."""
    for position, section in enumerate(doctree.findall(nodes.section), start=1):
        section["ids"].append(f"s-{position}")


def _edition_switch(app, pagename, templatename, context, doctree) -> None:
    """A header button to the same page of the other edition (edition.js adds the section)."""
    if app.builder.format != "html" or "header_buttons" not in context:
        return
    up = "../" * pagename.count("/")
    edition = app.config.book_edition
    url = f"{up}zh/{pagename}.html" if edition == "en" else f"{up}../{pagename}.html"
    text, tooltip = EDITION_SWITCH[edition]
    context["header_buttons"].insert(0, {"type": "link", "url": url, "text": text,
                                         "tooltip": tooltip, "icon": "fas fa-language",
                                         "label": "edition-switch"})


def setup(app):
    register_pybtex_styles()
    register_sphinx_styles()
    _fast_chinese_search()
    app.add_config_value("book_edition", "en", "env", types=[str])
    app.connect("config-inited", _edition)
    app.connect("config-inited", _search_dictionary)
    app.connect("config-inited", _one_search_box)
    app.connect("env-get-updated", _number_within_chapters, priority=900)
    app.connect("html-page-context", _reader_buttons, priority=600)
    app.connect("build-finished", _copy_readers)
    app.connect("html-page-context", _pdf_button, priority=650)
    app.connect("build-finished", _copy_pdf)
    app.add_node(chinese, html=(_visit_chinese_html, _depart_chinese_html),
                 latex=(_pass, _pass), text=(_pass, _pass), man=(_pass, _pass),
                 texinfo=(_pass, _pass))
    app.connect("doctree-read", _hide_glue)
    app.connect("doctree-read", _figure_alt_text)
    app.connect("doctree-read", _section_positions)
    app.connect("html-page-context", _edition_switch, priority=700)
    # edition.js, search_excerpt.js and scroll_cue.js need no add_js_file: Jupyter Book loads
    # every script of _static/ on every page (html_js_files)
    app.connect("doctree-resolved", _glossary_index)
    app.connect("doctree-resolved", _numpydoc_citation_numbers)
    app.connect("doctree-resolved", _mark_chinese, priority=900)
    app.connect("html-page-context", _no_thebe, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
