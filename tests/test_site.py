"""The built web site, as a reader gets it: built once here from the committed sources.

Checks every chapter page (figures present, no raw MyST, no font warning or traceback, the same
citations and figure numbers as the reader notebook), the bilingual search index, the API page,
the download and launch buttons, and that no page loads a script or stylesheet from another host
(the site works offline, formulas included).
"""

import functools
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest
import build_book
import reader_notebooks as rn
import translations as tr
import snowballstemmer
from bs4 import BeautifulSoup, CData, NavigableString
from book_citations import cite_text
from myst_nb.core.variables import format_plain_text
from notebook_checks import ROOT, chapter_notebooks

SOURCES = chapter_notebooks()
RAW_MYST = ("{glue", "{cite", "{numref", "{ref}", "{doc}", "{exercise", "{solution", ":::", "```{")
BAD_TEXT = ("findfont", "missing from font", "Traceback (most recent call last)")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Build both editions strictly (warnings are errors) into a temporary folder, as
    `python3 dev.py book` does: English in html/, Chinese in html/zh/."""
    output = tmp_path_factory.mktemp("site")
    failures = build_book.build(output, quiet=True)
    assert failures == [], "\n".join(failures)[-6000:]
    return output / "html"


@functools.cache
def _parsed(path: Path) -> BeautifulSoup:
    """Each page is parsed once for all the tests here (parsing is most of their time); the
    tests only read the tree."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _page(site: Path, docname: str) -> BeautifulSoup:
    return _parsed(site / f"{docname}.html")


def _article_text(soup: BeautifulSoup) -> str:
    """The article's text without the contents of its scripts and styles, read from the shared
    tree without changing it: only plain text and CDATA strings count (BeautifulSoup gives the
    contents of <script> and <style> their own string types, and comments are left out)."""
    article = soup.select_one("article.bd-article")
    return " ".join(article.get_text(" ", types=(NavigableString, CData)).split())


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_chapter_page_is_clean_and_complete(site, source):
    docname = f"chapters/{source.stem}"
    soup = _page(site, docname)
    images = [img["src"] for img in soup.select("article.bd-article img")]
    figures = sum(1 for c in nbformat.read(source, as_version=4).cells
                  if c.cell_type == "code" and "figure" in c.metadata.get("mystnb", {}))
    assert len(images) >= figures
    missing = [src for src in images if not (site / "chapters" / src).resolve().is_file()]
    assert missing == []
    text = _article_text(soup)
    prose = " ".join(p.get_text(" ") for p in soup.select("article.bd-article p, article.bd-article li"))
    assert [token for token in RAW_MYST if token in prose] == []
    assert [token for token in BAD_TEXT if token in text] == []


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_page_and_reader_notebook_agree(site, source):
    """Citations read the same on the page as in the reader notebook, and figures carry the same
    numbers and captions."""
    notebook = nbformat.read(source, as_version=4)
    text = _article_text(_page(site, f"chapters/{source.stem}"))
    for role, keys in re.findall(r"\{(cite(?::[pt])?)\}`([^`]+)`",
                                 "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")):
        cited = cite_text([k.strip() for k in keys.split(",")], textual=role == "cite:t")
        assert "".join(cited.split()) in "".join(text.split()), cited  # tags split the spacing
    reader_captions = re.findall(r"^\*\*Fig\. ([\d.]+)\.\*\* ", "\n".join(
        c.source for c in nbformat.read(rn.reader_path(source), as_version=4).cells),
        re.MULTILINE)
    page_numbers = re.findall(r"Fig\. ([\d.]+) ", " ".join(
        span.get_text() for span in _page(site, f"chapters/{source.stem}").select(
            "figcaption .caption-number")))
    assert reader_captions == page_numbers
    chapter = re.match(r"(\d{2})_", source.name)
    if chapter:  # numbered within the chapter, as a book numbers them: 5.1, 5.2, ...
        assert reader_captions == [f"{int(chapter.group(1))}.{n}" for n in range(1, len(page_numbers) + 1)]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_buttons_serve_the_reader_notebook(site, source):
    soup = _page(site, f"chapters/{source.stem}")
    links = [a["href"] for a in soup.select("a[href]")]
    reader = f"notebooks/{source.name}"
    assert f"../{reader}" in links and (site / reader).is_file()
    launch = [href for href in links if "colab.research.google.com" in href or "mybinder.org" in href]
    assert len(launch) == 2 and all(href.endswith(reader) for href in launch)
    assert f"../_sources/chapters/{source.name}" in links  # instructors still get the source


def _html_pages(root: Path) -> list[Path]:
    """Every page of one edition (its root pages and its chapters)."""
    return sorted(root.glob("*.html")) + sorted(root.glob("chapters/*.html"))


def _all_pages(site: Path) -> list[Path]:
    """Every page of both editions."""
    return [page for root in (site, site / "zh") for page in _html_pages(root)]


def test_no_page_loads_anything_from_another_host(site):
    """Scripts and stylesheets come from the built site itself: it works offline."""
    external = []
    for page in _all_pages(site):
        soup = _parsed(page)
        sources = [tag.get("src") for tag in soup.select("script[src], img[src]")]
        sources += [tag.get("href") for tag in soup.select("link[href]")
                    if "stylesheet" in tag.get("rel", []) or tag.get("as") in ("script", "style", "font")]
        external += [f"{page.name}: {src}" for src in sources if urlparse(src).netloc]
    assert external == []
    mathjax = [tag["src"] for tag in _page(site, "chapters/01_theory").select("script[src]")
               if "mathjax" in tag["src"].lower()]
    assert len(mathjax) == 1 and (site / "chapters" / mathjax[0]).resolve().is_file()


def _search_index(root: Path) -> dict:
    """The search index of the edition built in `root`."""
    text = (root / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


def _found(index: dict, query: str) -> set[str]:
    """Pages a search box query finds, as Sphinx's search does: every word of the query, stemmed
    by the Porter stemmer of the Chinese search language, must be a term of the page."""
    stemmer = snowballstemmer.stemmer("porter")
    pages = None
    for word in query.lower().split():
        stem = word if re.search(r"[\u3400-\u9fff]", word) else stemmer.stemWord(word)
        hits = set()
        for table in ("terms", "titleterms"):
            entry = index[table].get(stem, [])
            hits |= set([entry] if isinstance(entry, int) else entry)
        pages = hits if pages is None else pages & hits
    return {index["docnames"][number] for number in pages or set()}


@pytest.mark.parametrize("query, page", [
    ("集群", "chapters/01_theory"), ("区位商", "chapters/01_theory"),
    ("基尼系数", "chapters/01_theory"), ("location quotient", "chapters/01_theory"),
    ("区位商", "chapters/glossary"), ("Herfindahl", "chapters/01_theory"),
])
def test_search_finds_english_and_chinese_terms(site, query, page):
    assert page in _found(_search_index(site), query)


def test_api_page_lists_parameters_once_per_object(site):
    soup = _page(site, "chapters/api")
    objects = soup.select("dl.py.function, dl.py.class")
    counts = {}
    for entry in objects:
        rubrics = [tag.get_text(strip=True).rstrip(":") for tag in entry.select_one("dd").select(
            "dt.field-odd, dt.field-even, p.rubric")]
        counts[entry.select_one("dt").get("id")] = rubrics.count("Parameters")
    assert len(objects) >= 20 and sum(counts.values()) >= 15  # the selectors see the blocks
    assert {name: n for name, n in counts.items() if n > 1} == {}


# Void elements have no end tag; everything else Sphinx writes is closed. A start tag left open
# on a page is raw HTML that slipped through the Markdown (e.g. "indicators/<code>/data.csv" in a
# dataset's metadata), and it restyles everything after it.
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
             "track", "wbr", "path", "circle", "rect", "line", "polyline", "polygon", "use",
             "stop", "ellipse"}


class _TagBalance(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if tag not in self.open:
            self.problems.append(f"</{tag}> closes nothing (line {self.getpos()[0]})")
            return
        while self.open and self.open[-1] != tag:  # HTML lets <p> and <li> close implicitly
            left = self.open.pop()
            if left not in ("p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody"):
                self.problems.append(f"<{left}> is never closed (line {self.getpos()[0]})")
        self.open.pop()


def test_no_page_has_an_unbalanced_html_tag(site):
    problems = {}
    for page in _all_pages(site):
        parser = _TagBalance()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        found = parser.problems + [f"<{tag}> is never closed" for tag in parser.open]
        if found:
            problems[page.name] = found[:3]
    assert problems == {}


def test_unbalanced_tag_check_sees_raw_html():
    parser = _TagBalance()
    parser.feed("<html><body><p>via indicators/<code>/data.csv</p><div>x</div></body></html>")
    assert parser.problems  # the <code> from the text is reported


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_shown_code_has_no_book_plumbing(site, source):
    """glue calls and the myst_nb import are removed from the code a reader sees on the page."""
    soup = _page(site, f"chapters/{source.stem}")
    code = "\n".join(block.get_text() for block in soup.select("div.cell_input pre"))
    assert "glue(" not in code and "myst_nb" not in code
    if "glue(" in "".join(c.source for c in nbformat.read(source, as_version=4).cells):
        assert code.strip()  # the rest of the code is still shown


def test_every_figure_has_alt_text(site):
    missing = []
    for page in _all_pages(site):
        for img in _parsed(page).select("article.bd-article img"):
            alt = (img.get("alt") or "").strip()
            if not alt or alt == img.get("src") or alt.endswith((".png", ".svg", ".jpg")):
                missing.append(f"{page.name}: {img.get('src')}")
    assert missing == []


def test_chinese_text_is_marked_and_styled(site):
    soup = _page(site, "chapters/01_theory")
    spans = soup.select('article.bd-article span[lang="zh-Hans"]')
    assert len(spans) > 50 and all(re.search(r"[\u3400-\u9fff]", s.get_text()) for s in spans)
    assert not soup.select('article.bd-article pre span[lang="zh-Hans"]')  # code stays code
    css = (site / "_static" / "book.css").read_text(encoding="utf-8")
    assert ":lang(zh-Hans)" in css and "Noto Sans CJK SC" in css and "Microsoft YaHei" in css


def test_pages_load_no_thebe_and_have_a_favicon(site):
    for page in _all_pages(site):
        html = page.read_text(encoding="utf-8")
        if html.startswith('<meta http-equiv="Refresh"'):
            continue  # index.html only redirects to intro.html
        assert "THEBE_JS_URL" not in html and "sphinx-thebe" not in html, page.name
        assert re.search(r'<link rel="icon" href="[^"]*favicon\.svg', html), page.name


def test_glossary_has_an_a_to_z_bar(site):
    soup = _page(site, "chapters/glossary")
    links = soup.select("p.glossary-index a")
    assert len(links) >= 10
    assert all(soup.find(id=a["href"].lstrip("#")) is not None for a in links)
    assert [a.get_text() for a in links] == sorted(a.get_text() for a in links)



# ----------------------------------------------------------------------------------------------
# The two editions side by side


def _pages_of(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in _html_pages(root)}


def test_both_editions_have_the_same_pages(site):
    assert _pages_of(site / "zh") == _pages_of(site) and len(_pages_of(site)) > 10
    assert _page(site, "zh/intro").html["lang"] == "zh-CN"
    assert _page(site, "intro").html["lang"] == "en"


def _text_outside(element, name: str) -> str:
    """The text of `element` without what is inside its `name` elements (captions differ by
    edition; the outputs they caption do not)."""
    return " ".join(string for string in element.find_all(string=True)
                    if isinstance(string, (NavigableString, CData)) and string.find_parent(name) is None
                    and string.find_parent(["script", "style"]) is None)


def _comparable(soup: BeautifulSoup) -> dict[str, list[str]]:
    article = soup.select_one("article.bd-article")
    return {
        "images": [img["src"] for img in article.select("img")],
        "code": [pre.get_text() for pre in article.select("div.cell_input pre")],
        "outputs": [" ".join(_text_outside(out, "figcaption").split())
                    for out in article.select("div.cell_output")],
        # formulas and citations as multisets: a sentence orders them by its language
        "formulas": sorted(" ".join(m.get_text().split())
                           for m in article.select("span.math, div.math")),
        "citations": sorted(a["href"].split("#", 1)[1]
                            for a in article.select("a.reference.internal[href]")
                            if "references.html#" in a["href"]),
        "figures": [f.get("id") for f in article.select("figure")],
    }


def _bibliography(site: Path, root: str) -> dict[str, str]:
    """id -> the formatted entry (without its label) on the references page of an edition."""
    page = _page(site, f"{root}chapters/references")
    return {entry["id"]: " ".join(entry.select_one("p").get_text(" ").split())
            for entry in page.select("div.citation[id]")}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_editions_show_the_same_code_outputs_figures_formulas_and_citations(site, source):
    english = _comparable(_page(site, f"chapters/{source.stem}"))
    chinese = _comparable(_page(site, f"zh/chapters/{source.stem}"))
    for edition, root in ((english, ""), (chinese, "zh/")):  # cited works, not their page ids
        entries = _bibliography(site, root)
        edition["citations"] = sorted(entries[target] for target in edition["citations"])
    for what in english:
        assert chinese[what] == english[what], what
    assert english["code"] and english["outputs"]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_chinese_page_shows_every_glued_value(site, source):
    """Every value glued in the chapter's Chinese text is on its Chinese page (the Chinese text
    glues what the English does, or its Chinese variant `key_zh`: tools/translations.py checks
    that)."""
    chinese_source = tr.chinese_notebook(f"chapters/{source.stem}")
    values = rn._glue_values(chinese_source)
    english = _article_text(_page(site, f"chapters/{source.stem}"))
    chinese = _article_text(_page(site, f"zh/chapters/{source.stem}"))
    keys = re.findall(r"\{glue:text\}`([^`:]+):?([^`]*)`", "\n".join(
        c.source for c in chinese_source.cells if c.cell_type == "markdown"))
    squeezed = "".join(chinese.split())  # spans around Chinese runs split the spacing
    for key, fmt in keys:
        text = format_plain_text(values[key], fmt)
        assert "".join(text.split()) in squeezed, key
    assert len(keys) == 0 or english


def test_edition_switch_goes_to_the_same_page(site):
    for root, other in (("", "zh/"), ("zh/", "")):
        for docname in ("intro", "chapters/01_theory", "chapters/glossary"):
            soup = _page(site, f"{root}{docname}")
            link = soup.select_one("a.btn-edition-switch")
            assert link is not None, f"{root}{docname}"
            target = (site / f"{root}{docname}.html").parent / link["href"]
            assert target.resolve() == (site / f"{other}{docname}.html").resolve()
    # the section anchors by position exist in both editions, in the same number
    for docname in ("chapters/03_jimei", "chapters/06_cluster_transfer"):
        ids = [re.findall(r'id="(s-\d+)"', (site / f"{root}{docname}.html").read_text(encoding="utf-8"))
               for root in ("", "zh/")]
        assert ids[0] == ids[1] and len(ids[0]) > 5


@pytest.mark.parametrize("query, page", [
    ("区位商", "chapters/01_theory"), ("location quotient", "chapters/01_theory"),
    ("耦合协调度", "chapters/05_guangzhou_synergy"), ("Herfindahl", "chapters/01_theory"),
])
def test_chinese_edition_search_finds_chinese_and_english_terms(site, query, page):
    assert page in _found(_search_index(site / "zh"), query)


def test_chinese_edition_cites_and_numbers_in_chinese(site):
    text = _article_text(_page(site, "zh/chapters/01_theory"))
    assert "图 1.1" in text and "et al." not in text
    assert "Fig. 1.1" not in text
    soup = _page(site, "zh/chapters/01_theory")
    assert any(a["href"].endswith("zh/notebooks/01_theory.ipynb")
               for a in soup.select("a[href]") if "colab" in a["href"])


# The article column of sphinx-book-theme is 672 px wide at a 1280 px desktop; a wider image is
# scaled down, and its text with it. A figure drawn at most 840 px wide keeps 80 % of its size.
CONTENT_WIDTH = 672


def test_no_figure_is_shrunk_below_four_fifths_of_its_size(site):
    from PIL import Image

    too_wide = []
    for page in _all_pages(site):
        for img in _parsed(page).select("article.bd-article figure img"):
            width = Image.open((page.parent / img["src"]).resolve()).size[0]
            if width * 0.8 > CONTENT_WIDTH:
                too_wide.append(f"{page.relative_to(site)}: {img['src'].rsplit('/', 1)[-1]} {width} px")
    assert too_wide == []


def test_site_offers_the_pdf_edition_only_when_it_is_built(site):
    """`python3 dev.py pdf`'s book.pdf, when it exists, is copied into the site and every page of
    both editions links it; without it no page links a missing file."""
    built = (ROOT / "_build" / "latex" / "book.pdf").is_file()
    book_pages = [page for page in _all_pages(site)  # the book's own pages (genindex, search
                  if page.name == "intro.html" or page.parent.name == "chapters"]  # have no menu)
    assert len(book_pages) > 20
    for page in book_pages:
        links = [a["href"] for a in _parsed(page).select("a[href]") if a["href"].endswith(".pdf")]
        if built:
            assert len(links) == 1, page
            assert (page.parent / links[0]).resolve() == (site / "book.pdf").resolve(), page
        else:
            assert links == [], page
    assert (site / "book.pdf").is_file() == built


def test_pages_load_each_script_once_and_search_cleans_its_excerpts(site):
    """Every script once (edition.js and togglebutton's settings were loaded twice); the search
    page of each edition loads the excerpt cleaner (_static/search_excerpt.js) before Sphinx's
    searchtools.js, whose Search.htmlToText and makeSearchSummary it replaces."""
    for page in _all_pages(site):
        scripts = [tag.get("src") or tag.get_text() for tag in _parsed(page).select("script")]
        scripts = [re.sub(r"\?v=\w+$", "", s) for s in scripts if s.strip()]
        assert sorted(s for s in set(scripts) if scripts.count(s) > 1) == [], page
    for root in (site, site / "zh"):
        sources = [tag["src"] for tag in _parsed(root / "search.html").select("script[src]")]
        names = [src.split("?")[0].rsplit("/", 1)[-1] for src in sources]
        assert "search_excerpt.js" in names
        assert names.index("search_excerpt.js") < names.index("searchtools.js")
        assert (root / "_static" / "search_excerpt.js").is_file()
    searchtools = (site / "_static" / "searchtools.js").read_text(encoding="utf-8")
    # what the override relies on: Sphinx's global Search calls these two by property lookup
    assert "Search.htmlToText(htmlText, anchor)" in searchtools
    assert "Search.makeSearchSummary(data, searchTerms, anchor)" in searchtools


CHROMIUM = next((path for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser")
                 if Path(path).is_file()), None)
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync")


def _chromium_json(tmp_path, name: str, html: str, *flags: str, timeout: int = 120):
    """Open `html` (a harness page that writes JSON into ``<pre id='out'>``) in headless
    Chromium and return that JSON."""
    harness = tmp_path / name
    harness.write_text(html, encoding="utf-8")
    result = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *flags,
         "--dump-dom", harness.as_uri()], capture_output=True, text=True, timeout=timeout)
    dom = BeautifulSoup(result.stdout, "html.parser").select_one("#out")
    assert dom is not None and dom.get_text(), result.stderr[-2000:]
    return json.loads(dom.get_text())


def _measure_in_frames(tmp_path, name: str, pages, *, width: int, height: int, measure: str,
                       wait_ms: int, budget_ms: int):
    """Open each page in an iframe `width` px wide of one harness page (headless Chromium's
    window is at least 500 px wide), and return, per page, what the JavaScript function
    `measure` (of the frame's document) returns once `wait_ms` after loading have passed."""
    frames = "".join(f'<iframe src="{path.as_uri()}" width="{width}" height="{height}"></iframe>'
                     for path in pages)
    return _chromium_json(
        tmp_path, name,
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>" + frames +
        "<pre id='out'></pre><script>window.addEventListener('load', () => setTimeout(() => {"
        f"const measure = {measure}; const out = Array.from(document.querySelectorAll('iframe'))"
        ".map((frame) => measure(frame.contentDocument));"
        f"document.getElementById('out').textContent = JSON.stringify(out); }}, {wait_ms}));"
        "</script></body></html>",
        "--allow-file-access-from-files", "--window-size=2600,900",
        f"--virtual-time-budget={budget_ms}", timeout=300)


@pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium")
def test_search_excerpts_are_clean_text(site, tmp_path):
    """The excerpt text that search_excerpt.js makes from real pages of both editions (run in
    headless Chromium, whose DOMParser the search page uses): prose without TeX source, launch
    buttons, navigation or cell outputs, and inline formulas as plain text."""
    pages = {"en_01": site / "chapters" / "01_theory.html",
             "en_api": site / "chapters" / "api.html",
             "zh_01": site / "zh" / "chapters" / "01_theory.html"}
    script = (site / "_static" / "search_excerpt.js").read_text(encoding="utf-8")
    text = _chromium_json(
        tmp_path, "harness.html",
        "<!DOCTYPE html><html><head><meta charset='utf-8'><script>" + script + "</script></head>"
        "<body><pre id='out'></pre><script>const pages = "
        + json.dumps({key: path.read_text(encoding="utf-8") for key, path in pages.items()})
        .replace("</", "<\\/")  # no "</script>" inside the script
        + ";\nconst out = {};\nfor (const [key, html] of Object.entries(pages))"
        " out[key] = bookExcerptText(html, '');\nout.tex = bookTexToText("
        + json.dumps(r"\(LQ_{ri} \ge 1,\ \sum_i s_{ri} = \frac{a}{b}\)") + ");\n"
        "document.getElementById('out').textContent = JSON.stringify(out);</script></body></html>")
    assert text["tex"] == "LQ_ri ≥ 1, Σ_i s_ri = (a)/(b)"
    for key in pages:
        excerpt = text[key]
        assert len(excerpt) > 2000, key
        leftovers = [token for token in ("\\(", "\\[", "$$", "\\frac", "\\sum", "_{", "Binder",
                                         "Colab", "  ", "\n") if token in excerpt]
        assert leftovers == [], (key, leftovers)
    assert "location quotient" in text["en_01"] and "LQ_ri" in text["en_01"]
    assert "区位商" in text["zh_01"] and "LQ_ri" in text["zh_01"]
    assert "normalisation of the CRITIC method" in text["en_api"]


PHONE = 390  # CSS px: the width of a common phone
PHONE_PAGES = ("chapters/api", "chapters/data_sources", "genindex", "zh/chapters/01_theory",
               "zh/chapters/api", "zh/genindex")


@pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium")
def test_no_page_is_wider_than_a_phone_and_wide_boxes_show_a_cue(site, tmp_path):
    """At 390 px no page scrolls sideways as a whole (the API's field lists, a dataset id in a
    heading, a list of file names, the general index's two columns, the Chinese edition's header
    buttons made pages 407-708 px wide) and a table or code block that scrolls sideways inside
    the page fades out at its right edge (scroll_cue.js). Each page is opened in a 390 px wide
    frame of a harness page (headless Chromium's window is at least 500 px wide)."""
    widths = _measure_in_frames(
        tmp_path, "phone.html", [site / f"{page}.html" for page in PHONE_PAGES], width=PHONE,
        height=800, measure="(doc) => ({width: doc.documentElement.scrollWidth, "
        "cues: doc.querySelectorAll('.book-more-right').length})", wait_ms=3000, budget_ms=20000)
    measured = dict(zip(PHONE_PAGES, widths))
    assert {page: m["width"] for page, m in measured.items() if m["width"] > PHONE} == {}
    assert measured["chapters/data_sources"]["cues"] > 0  # the catalogue table, code cells
    assert measured["zh/chapters/01_theory"]["cues"] > 0


COLUMN = 690  # px: the article column at a 1280 px window (672 px, and a little slack)


@pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium")
def test_api_display_formulas_fit_the_column(site, tmp_path):
    """The docstrings' display formulas, typeset by MathJax on the API page of each edition at
    a 1280 px window, are no wider than the article column (aligned multi-line forms, one
    relation per line); before, COI/COG (700 px) and the method of reflections (760 px) ran
    past it."""
    pages = ("chapters/api", "zh/chapters/api")
    measured = _measure_in_frames(
        tmp_path, "formulas.html", [site / f"{page}.html" for page in pages], width=1280,
        height=900, measure="(doc) => Array.from(doc.querySelectorAll("
        "'article mjx-container[display=\"true\"]')).map((m) => Math.round("
        "(m.firstElementChild || m).getBoundingClientRect().width))",
        wait_ms=8000, budget_ms=30000)
    for page, widths in zip(pages, measured):
        assert len(widths) > 30, page  # MathJax typeset the page's formulas
        assert [w for w in widths if w > COLUMN] == [], page


def test_api_citations_show_their_numbers_not_numpydoc_names(site):
    """numpydoc's unique citation names ([Rd0d6452ea7c3-1]) do not reach the reader."""
    for root in (site, site / "zh"):
        text = _article_text(_page(root, "chapters/api"))
        assert re.findall(r"\[R[0-9a-f]{6,}-\d+\]", text) == [], root
    assert "normalisation of the CRITIC method [1]" in _article_text(_page(site, "chapters/api"))
