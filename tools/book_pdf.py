"""The PDF edition's Sphinx extension (loaded only by ``tools/build_pdf.py``, never by the site).

Jupyter Book's LaTeX route with XeLaTeX gives a PDF, but not yet a book a reader can use; this
extension fixes what a first build of this book showed:

- Chinese through xeCJK with the Noto CJK fonts (serif for text, sans for headings, the
  monospaced Noto Sans Mono CJK for code, whose Latin letters and Chinese characters keep the
  columns of printed tables aligned).
- Curly quotes, dashes, the ellipsis and the middle dot of English text were set as full-width
  Chinese punctuation (xeCJK's default classes): they are declared Latin ("Default") characters.
  The Chinese quotes “ ” of Chinese text are the same code points and are set by the Latin font,
  which is how Chinese text mixed with English is usually typeset.
- sphinx-jupyterbook-latex loads ``ucharclasses``, which competes with xeCJK for the same
  character classes: not loaded.
- The headings carry their numbers in the source ("1.2 Agglomeration ..."), and LaTeX numbers
  them again: the typed numbers are dropped from the LaTeX headings (LaTeX's numbers are the
  same, and the cross-references use LaTeX's).
- pandas tables are stored as HTML, which LaTeX cannot show, and would fall back to the
  monospaced text repr: the HTML table is converted to a real table (column widths from the
  content, a long table that breaks across pages when it is long).
- The appendices (glossary, data sources, API, references) were numbered as chapters 7-10: they
  are appendices A-D (``\\appendix``).
- Long chapter titles overprinted the running header and footer: the marks use short titles.
- Chapter heads in normal case ("Chapter 1" and the title; fncychap set them in capitals), and
  the index in roman with only code (Python objects, modules) in monospace.
- A table whose unbreakable words do not fit side by side in its font is set smaller
  (``table_font``), so that no cell's word sticks out of its column.
- ``\\setminus`` has no glyph in Latin Modern Math: drawn as a backslash operator.
- ``bbm.sty`` (loaded by the jupyterBook class for ``\\mathbbm``) lives in texlive-fonts-extra
  (1.45 GB); a two-line stand-in maps ``\\mathbbm`` to unicode-math's ``\\mathbb``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

# Latin punctuation that xeCJK would otherwise set full-width: – — … ·  (the curly quotes are
# decided one by one, by their context: see EnglishQuotes)
LATIN_PUNCTUATION = '"2013, "2014, "2026, "00B7'
# Characters of the running text that Latin Modern Roman lacks: set from the math font.
MATH_IN_TEXT = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "varepsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu",
    "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "varphi",
    "χ": "chi", "ψ": "psi", "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta",
    "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
    "≥": "geq", "≤": "leq", "≠": "neq", "≈": "approx", "→": "rightarrow", "←": "leftarrow",
    "↔": "leftrightarrow", "∞": "infty", "∈": "in", "∑": "sum", "√": "surd", "∝": "propto",
    "⇒": "Rightarrow", "≡": "equiv", "∂": "partial", "∆": "Delta", "≪": "ll", "≫": "gg",
}

FONTS = r"""
\setmainfont{Latin Modern Roman}
\setsansfont{Latin Modern Sans}
\setmonofont{Noto Sans Mono CJK SC}[Scale=0.9, ItalicFont={Noto Sans Mono CJK SC},
  BoldItalicFont={Noto Sans Mono CJK SC Bold}]
%% Chinese has no italic: emphasis in Chinese text stays upright
\setCJKmainfont{Noto Serif CJK SC}[BoldFont={Noto Serif CJK SC Bold},
  ItalicFont={Noto Serif CJK SC}, BoldItalicFont={Noto Serif CJK SC Bold}]
\setCJKsansfont{Noto Sans CJK SC}[BoldFont={Noto Sans CJK SC Bold},
  ItalicFont={Noto Sans CJK SC}, BoldItalicFont={Noto Sans CJK SC Bold}]
\setCJKmonofont{Noto Sans Mono CJK SC}[Scale=0.9, ItalicFont={Noto Sans Mono CJK SC},
  BoldItalicFont={Noto Sans Mono CJK SC Bold}]
\xeCJKDeclareCharClass{Default}{%s}
\usepackage{newunicodechar}
%s
""" % (LATIN_PUNCTUATION, "\n".join(f"\\newunicodechar{{{char}}}{{\\ensuremath{{\\{name}}}}}"
                                    for char, name in MATH_IN_TEXT.items()))

PREAMBLE = r"""
% book_pdf.py: PDF edition settings
\AtBeginDocument{\renewcommand{\setminus}{\mathbin{\backslash}}}
\setcounter{tocdepth}{1}
% running head and foot: a title too long for the line ends in "..." instead of running into
% the page number
\usepackage{truncate}
\usepackage{etoolbox}
\makeatletter
\fancypagestyle{normal}{%
  \fancyhf{}%
  \fancyfoot[RO]{{\py@HeaderFamily\thepage}}%
  \fancyfoot[LO]{{\py@HeaderFamily\truncate{0.86\textwidth}{\nouppercase{\rightmark}}}}%
  \fancyhead[RO]{{\py@HeaderFamily\truncate{0.86\textwidth}{\@title}}}%
  \renewcommand{\headrulewidth}{0.4pt}%
  \renewcommand{\footrulewidth}{0.4pt}}
% headings and contents lines ragged right: a heading "English · 中文" breaks before its
% Chinese title (kept whole) without stretching the spaces of the English words
\titleformat{\section}{\Large\py@HeaderFamily\raggedright}%
            {\py@TitleColor\thesection}{0.5em}{\py@TitleColor}
\titleformat{\subsection}{\large\py@HeaderFamily\raggedright}%
            {\py@TitleColor\thesubsection}{0.5em}{\py@TitleColor}
\titleformat{\subsubsection}{\normalsize\py@HeaderFamily\raggedright}%
            {\py@TitleColor\thesubsubsection}{0.5em}{\py@TitleColor}
\renewcommand{\@tocrmarg}{2.55em plus 1fil}
\patchcmd{\l@chapter}{\rightskip \@pnumwidth}{\rightskip \@pnumwidth plus 1fil}{}{}
\patchcmd{\l@chapter}{\hfil}{\hfill}{}{}
% chapter heads in the case they are written in ("Chapter 1", then the title), not fncychap's
% capitals; the Chinese edition changes the label (PREAMBLE_ZH)
\newcommand{\bookchapterlabel}{\chaptertitlename\ \thechapter}
\titleformat{\chapter}[display]{\py@HeaderFamily\huge\bfseries\raggedright}%
  {\bookchapterlabel}{12pt}{\py@TitleColor\Huge}
\titlespacing*{\chapter}{0pt}{0pt}{24pt}
% the index sets terms in roman and only code in monospace: a Python object (its entry is
% followed by "in module ..."), a module (clusterlib...) and a module's "module" line
\def\book@module{module}
\def\sphinxstyleindexentry#1{\@ifnextchar\spxextra{\texttt{#1}}{\book@indexterm{#1}}}
\def\book@indexterm#1{\in@{clusterlib}{#1}\def\book@entry{#1}%
  \ifin@\texttt{#1}\else\ifx\book@entry\book@module\texttt{#1}\else#1\fi\fi}
% the bibliography is the References appendix itself, not a chapter of its own after it
\def\book@nochapter*#1{}
\renewenvironment{sphinxthebibliography}[1]
  {\let\chapter\book@nochapter\let\@mkboth\@gobbletwo\begin{thebibliography}{#1}}
  {\end{thebibliography}}
\makeatother
"""

# The Chinese edition: 第 1 章, 附录 A, 目录, 索引 (without babel, LaTeX's names are English)
PREAMBLE_ZH = r"""
\makeatletter
\renewcommand{\bookchapterlabel}{\ifx\@chapapp\appendixname 附录\,\thechapter\else
  第\,\thechapter\,章\fi}
\makeatother
\renewcommand{\contentsname}{目录}
\renewcommand{\indexname}{索引}
\renewcommand{\partname}{}
\renewcommand{\chaptername}{}
\renewcommand{\appendixname}{附录}
\renewcommand{\figurename}{图}
\renewcommand{\tablename}{表}
"""

BBM_STANDIN = r"""\NeedsTeXFormat{LaTeX2e}
\ProvidesPackage{bbm}[2026/01/01 stand-in for bbm (tools/book_pdf.py)]
\providecommand{\mathbbm}[1]{\mathbb{#1}}
"""

TYPED_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")
APPENDIX_DOCS = ("chapters/glossary", "chapters/data_sources", "chapters/api",
                 "chapters/references")


def _latex_settings(app, config) -> None:
    """xeCJK and the fonts; runs after sphinx-jupyterbook-latex has written its preamble."""
    elements = dict(config.latex_elements or {})
    elements["papersize"] = "a4paper"
    elements["pointsize"] = "10pt"
    elements["fontenc"] = "\\usepackage{fontspec}\n\\usepackage{xeCJK}"
    elements["fontpkg"] = FONTS
    elements["fvset"] = "\\fvset{fontsize=\\small,formatcom=\\xeCJKVerbAddon}"
    elements["printindex"] = "\\raggedright\\printindex"  # narrow index columns: not justified
    elements["polyglossia"] = ""
    elements["babel"] = ""
    elements["fncychap"] = ""  # chapter heads by titlesec (PREAMBLE), not in capitals
    preamble = elements.get("preamble", "").replace(
        r"\usepackage[Latin,Greek]{ucharclasses}", "").replace(  # babel's \addto: no babel
        r"\addto\captionsenglish{\renewcommand{\contentsname}{Contents}}", "")
    elements["preamble"] = preamble + PREAMBLE + (
        PREAMBLE_ZH if getattr(config, "book_edition", "en") == "zh" else "")
    config.latex_elements = elements


def _bbm_standin(app) -> None:
    if app.builder.format == "latex":
        Path(app.outdir).mkdir(parents=True, exist_ok=True)
        (Path(app.outdir) / "bbm.sty").write_text(BBM_STANDIN, encoding="utf-8")


class DropTypedNumbers(SphinxTransform):
    """"1.2 Agglomeration ..." -> "Agglomeration ..." in the headings of the chapters."""

    default_priority = 100  # before the labels and the table of contents are collected

    def apply(self, **kwargs) -> None:
        if not re.fullmatch(r"chapters/\d{2}_[\w-]+", self.env.docname):
            return
        for title in self.document.findall(nodes.title):
            if not isinstance(title.parent, nodes.section):
                continue
            first = title.children[0] if title.children else None
            if isinstance(first, nodes.Text) and TYPED_NUMBER.match(str(first)):
                title.replace(first, nodes.Text(TYPED_NUMBER.sub("", str(first), count=1)))


# -- quotes and titles ------------------------------------------------------------------------

CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
QUOTES = {"\u201c": "``", "\u201d": "''", "\u2018": "`", "\u2019": "'"}
OPENING = ("\u201c", "\u2018")
_NOT_PROSE = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.math, nodes.math_block,
              nodes.comment, nodes.target)


def _neighbour_is_chinese(text: str, index: int) -> bool:
    """The character an unpaired quote quotes (the next one for an opening quote, the previous
    one for a closing quote or an apostrophe) is Chinese."""
    step = 1 if text[index] in OPENING else -1
    position = index + step
    while 0 <= position < len(text) and text[position] in " \u201c\u201d\u2018\u2019":
        position += step
    return 0 <= position < len(text) and bool(CJK.match(text[position]))


def chinese_quotes(text: str) -> set[int]:
    """Positions of the curly quotes that belong to Chinese text: a pair whose quoted words hold
    a Chinese character, or an unpaired quote next to a Chinese character."""
    chinese, open_at = set(), {"\u201c": [], "\u2018": []}
    closing = {"\u201d": "\u201c", "\u2019": "\u2018"}
    paired = set()
    for index, char in enumerate(text):
        if char in open_at:
            open_at[char].append(index)
        elif char in closing and open_at[closing[char]]:
            if char == "\u2019" and index + 1 < len(text) and text[index + 1].isalpha():
                continue  # an apostrophe inside a word (Porter’s), not a closing quote
            start = open_at[closing[char]].pop()
            paired.update((start, index))
            if CJK.search(text[start + 1:index]):
                chinese.update((start, index))
    for index, char in enumerate(text):
        if char in QUOTES and index not in paired and _neighbour_is_chinese(text, index):
            chinese.add(index)
    return chinese


def latex_quotes(text: str) -> list[tuple[str, bool]]:
    """Split `text` into (piece, is_latex) pairs: each curly quote of English text becomes TeX's
    ``` `` ``` / ``''`` (typeset by the Latin font's ligatures); a quote of Chinese text stays
    the character, which xeCJK sets as Chinese punctuation."""
    pieces, start = [], 0
    chinese = chinese_quotes(text)
    for index, char in enumerate(text):
        if char in QUOTES and index not in chinese:
            if index > start:
                pieces.append((text[start:index], False))
            pieces.append((QUOTES[char], True))
            start = index + 1
    if start < len(text):
        pieces.append((text[start:], False))
    return pieces


class EnglishQuotes(SphinxPostTransform):
    """English quotes in the Latin font, Chinese quotes as Chinese punctuation (see
    `latex_quotes`); xeCJK alone can only give one class to each character."""

    default_priority = 950  # after the bibliography and the glue roles have made their text
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or not any(q in text for q in QUOTES):
                continue
            ancestor = parent
            while ancestor is not None and not isinstance(ancestor, _NOT_PROSE):
                ancestor = ancestor.parent
            if ancestor is not None:
                continue
            value = str(text)
            pieces = latex_quotes(value)
            if len(pieces) == 1 and not pieces[0][1]:
                continue
            parent.replace(text, [nodes.raw("", piece, format="latex") if is_latex
                                  else nodes.Text(piece) for piece, is_latex in pieces])


class ChineseTitleUnbroken(SphinxPostTransform):
    """A heading "English · 中文" breaks before its Chinese title, never inside it."""

    default_priority = 940
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        from sphinx.util.texescape import escape

        for title in list(self.document.findall(nodes.title)):
            if not isinstance(title.parent, nodes.section) or not title.children:
                continue
            last = title.children[-1]
            if not isinstance(last, nodes.Text) or " · " not in last:
                continue
            english, chinese = str(last).rsplit(" · ", 1)
            if not CJK.search(chinese) or len(chinese) > 24:
                continue
            text = escape(chinese)
            title.replace(last, [nodes.Text(english + " · "), nodes.raw(
                "", f"\\texorpdfstring{{\\mbox{{{text}}}}}{{{text}}}", format="latex")])


# -- HTML tables (pandas) -> docutils tables ---------------------------------------------------

class _TableParser(HTMLParser):
    """The rows of the first <table> of an HTML fragment: [(is_header_row, [(text, colspan,
    rowspan)])]."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[bool, list[tuple[str, int, int]]]] = []
        self._section = None
        self._row = None
        self._cell = None
        self._skip = 0
        self.tables = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("style", "script"):
            self._skip += 1
        elif tag == "table":
            self.tables += 1
        elif self.tables != 1:
            return
        elif tag in ("thead", "tbody", "tfoot"):
            self._section = tag
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = [int(attrs.get("colspan") or 1), int(attrs.get("rowspan") or 1), []]
        elif tag == "br" and self._cell is not None:
            self._cell[2].append(" ")

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1
        elif self.tables != 1:
            return
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            colspan, rowspan, text = self._cell
            self._row.append((" ".join("".join(text).split()), colspan, rowspan))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append((self._section == "thead", self._row))
            self._row = None
        elif tag == "table":
            self.tables += 1  # ignore any later table

    def handle_data(self, data):
        if self._cell is not None and not self._skip:
            self._cell[2].append(data)


def parse_html_table(fragment: str) -> tuple[list[list[str]], list[list[str]]] | None:
    """(header rows, body rows) of a pandas HTML table, every row as wide as the table; None if
    the fragment holds no table. A cell spanning rows (a MultiIndex level) is written in its
    first row and left empty below; a cell spanning columns fills the first. pandas writes the
    index names in a second header row whose text is only in the index columns: it is folded
    into the first header row."""
    parser = _TableParser()
    parser.feed(fragment)
    if not parser.rows:
        return None
    header, body = [], []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for is_head, cells in parser.rows:
        row: list[str] = []
        queue = list(cells)
        column = 0
        while queue or any(c >= column for c in pending):
            if pending.get(column, 0) > 0:
                pending[column] -= 1
                row.append("")
                column += 1
                continue
            if not queue:
                break
            text, colspan, rowspan = queue.pop(0)
            for offset in range(colspan):
                row.append(text if offset == 0 else "")
                if rowspan > 1:
                    pending[column + offset] = rowspan - 1
            column += colspan
        pending = {c: n for c, n in pending.items() if n > 0}
        (header if is_head else body).append(row)
    width = max(len(row) for row in header + body)
    for row in header + body:
        row.extend([""] * (width - len(row)))
    if len(header) >= 2:
        names = header[-1]
        filled = [i for i, text in enumerate(names) if text]
        index_columns = next((i for i, text in enumerate(header[0]) if text), 0)
        if filled and all(i < index_columns for i in filled):
            for i in filled:
                header[0][i] = names[i]
            header.pop()
    return header, body


def _text_width(text: str) -> float:
    """Printed width in units of a lowercase Latin letter (a capital or a digit is wider, a
    Chinese character is two)."""
    return sum(2.0 if "\u2e80" <= ch <= "\uffef" else 1.35 if ch.isupper() else
               1.1 if ch.isdigit() else 1.0 for ch in text)


LINE = 95.0  # letters of text in one line of a table at the body's font size
PADDING = 4.0  # the space between two columns (2 \\tabcolsep), in letters
FONT_SCALE = {"\\small": 1.1, "\\footnotesize": 1.25, "\\scriptsize": 1.45}


FLOOR_MARGIN = 2.0  # letters a column keeps beyond its estimated widest entry and longest word
SIZES = ("\\small", "\\footnotesize", "\\scriptsize")


def font_size(columns: int) -> str:
    """A table with many columns is set in a smaller font."""
    return "\\small" if columns <= 6 else "\\footnotesize" if columns <= 9 else "\\scriptsize"


def table_font(rows: list[list[str]]) -> str:
    """The table's font: by its number of columns, and smaller still while the words that may
    not break (the columns' floors, see `column_widths`) do not fit the line side by side (they
    would be squeezed below their width and stick out of their cells)."""
    size = font_size(len(rows[0]))
    floors = sum(_natural_and_floor(rows)[1])
    while floors > LINE * FONT_SCALE[size] and size != SIZES[-1]:
        size = SIZES[SIZES.index(size) + 1]
    return size


def _words(text: str) -> list[str]:
    """What a line may not break inside: Latin words; each Chinese character stands alone."""
    return re.findall(r"[\u2e80-\uffef]|[^\s\u2e80-\uffef]+", text)


def column_widths(rows: list[list[str]], *, line: float = LINE) -> list[int]:
    """Relative column widths (in letters, with the cell padding). A table that fits keeps
    every column at its widest entry. Otherwise every column starts at its floor (its longest
    word; a column with Chinese text at least eight characters wide, so that it is not squeezed
    to a character a line) and the room left is shared in proportion to what each column still
    lacks, so short columns (ids, numbers, units) stay whole and long texts wrap."""
    natural, floor = _natural_and_floor(rows)
    if sum(natural) <= line:
        return [round(w) for w in natural]
    widths = list(floor)
    if line - sum(floor) <= 0:
        return [max(1, round(f)) for f in floor]
    # share the room in proportion to the square root of what each column lacks (so that one
    # very long column does not take it all), never beyond a column's natural width
    open_columns = [i for i in range(len(widths)) if natural[i] > widths[i]]
    while open_columns and line - sum(widths) > 0.5:
        room = line - sum(widths)
        shares = {i: (natural[i] - widths[i]) ** 0.5 for i in open_columns}
        total = sum(shares.values())
        for i in open_columns:
            widths[i] = min(natural[i], widths[i] + room * shares[i] / total)
        open_columns = [i for i in open_columns if natural[i] - widths[i] > 0.01]
    return [max(1, round(w)) for w in widths]


def _natural_and_floor(rows: list[list[str]]) -> tuple[list[float], list[float]]:
    """Each column's natural width (its widest entry) and floor (its longest unbreakable word,
    with a margin for the estimate and the rounding; eight Chinese characters for Chinese)."""
    natural, floor = [], []
    for column in zip(*rows):
        width = max([_text_width(cell) for cell in column] + [1.0]) + PADDING + FLOOR_MARGIN
        words = max([_text_width(w) for cell in column for w in _words(cell)] + [1.0]) + PADDING
        chinese = any(CJK.search(cell) for cell in column)
        # a snake_case name may break after its underscores (see `_cell_paragraph`)
        pieces = max([_text_width(piece) for cell in column for w in _words(cell)
                      for piece in w.split("_")] + [1.0]) + PADDING + 1
        natural.append(width)
        floor.append(min(width, max(min(words, pieces) + FLOOR_MARGIN,
                                    18.0 if chinese else 0.0)))
    return natural, floor


def _cell_paragraph(text: str) -> nodes.paragraph:
    """A table cell's text, ragged right (a narrow justified column stretches its spaces); a
    line may break after each underscore of a snake_case name."""
    paragraph = nodes.paragraph()
    paragraph += nodes.raw("", "\\rightskip 0pt plus 3em\\relax ", format="latex")
    if text and " " not in text and "_" not in text and _text_width(text) <= 14:
        # an id, a number or a unit: never broken at its hyphen ("GZ-" / "001")
        paragraph += [nodes.raw("", "\\mbox{", format="latex"), nodes.Text(text),
                      nodes.raw("", "}", format="latex")]
        return paragraph
    pieces = text.split("_")
    for position, piece in enumerate(pieces):
        if piece:
            paragraph += nodes.Text(piece)
        if position < len(pieces) - 1:
            paragraph += nodes.Text("_")
            paragraph += nodes.raw("", "\\allowbreak{}", format="latex")
    return paragraph


def table_node(header: list[list[str]], body: list[list[str]], *,
               size: str | None = None) -> nodes.table:
    rows = header + body
    widths = column_widths(rows, line=LINE * FONT_SCALE[size or table_font(rows)])
    table = nodes.table(classes=["book-data-table"])
    group = nodes.tgroup(cols=len(widths))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    table["classes"].append("colwidths-given")  # Sphinx then sets p{} columns that wrap

    def make_row(cells):
        row = nodes.row()
        for text in cells:
            entry = nodes.entry()
            entry += _cell_paragraph(text)
            row += entry
        return row

    if header:
        thead = nodes.thead()
        for cells in header:
            thead += make_row(cells)
        group += thead
    tbody = nodes.tbody()
    for cells in body:
        tbody += make_row(cells)
    group += tbody
    if estimated_lines(rows, widths) > LONG_TABLE_LINES:
        table["classes"].append("longtable")  # may break across pages
    return table


LONG_TABLE_LINES = 18  # a taller table breaks across pages rather than leave a page half empty


def estimated_lines(rows: list[list[str]], widths: list[int]) -> int:
    """Printed lines of a table whose columns have these relative widths."""
    import math

    scale = (LINE * 1.1) / sum(widths)  # letters of a line in the table's own (smaller) font
    room = [max(w * scale - PADDING, 1.0) for w in widths]
    return sum(max(math.ceil(_text_width(cell) / r) if cell else 1 for cell, r in zip(row, room))
               for row in rows)


def sized(table: nodes.table, size: str) -> list[nodes.Node]:
    """A table in a LaTeX group: in its font (`table_font`), and no table number."""
    # a table without a caption has no number: its page-break header says only "continued from
    # previous page" (not "Table 3.5 - continued ...", the number of another table)
    quiet = "\\def\\tablename{}\\def\\thetable{}\\def\\textendash{}"
    return [nodes.raw("", f"\\begingroup{size}{quiet}\n", format="latex"), table,
            nodes.raw("", "\\endgroup\n", format="latex")]


class HtmlTablesToLatex(SphinxPostTransform):
    """A mime bundle whose HTML holds a table becomes that table (before myst-nb picks the
    text/plain repr for LaTeX)."""

    default_priority = 3  # myst-nb's SelectMimeType runs at 4
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for bundle in list(self.document.findall(nodes.container)):
            if bundle.get("nb_element") != "mime_bundle":
                continue
            for child in bundle.children:
                if child.get("mime_type") != "text/html":
                    continue
                fragment = "".join(raw.astext() for raw in child.findall(nodes.raw))
                parsed = parse_html_table(fragment) if "<table" in fragment else None
                if parsed:
                    size = table_font(parsed[0] + parsed[1])
                    bundle.replace_self(sized(table_node(*parsed, size=size), size))
                break


# -- the API docstrings' own references ------------------------------------------------------

class DocstringReferencesInPlace(SphinxPostTransform):
    """A docstring's References ("[1] Krugman, P. (1991) ...") stay under its function, as on
    the site; Sphinx's LaTeX writer would move them into the book's bibliography, where every
    function's "[1]" stands beside the others."""

    default_priority = 700  # before Sphinx's LaTeX BibliographyTransform (750)
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        from sphinx import addnodes

        keys = {}
        for citation in list(self.document.findall(nodes.citation)):
            inside = citation.parent
            while inside is not None and not isinstance(inside, addnodes.desc):
                inside = inside.parent
            if inside is None or not citation["ids"]:
                continue
            label = citation.children[0].astext() if citation.children else "?"
            key = f"{citation.get('docname', self.env.docname)}:{citation['ids'][0]}"
            keys[key] = label
            paragraph = nodes.paragraph()
            paragraph += nodes.raw("", f"\\phantomsection\\label{{\\detokenize{{{key}}}}}",
                                   format="latex")
            paragraph += nodes.Text(f"[{label}] ")
            for child in citation.children[1:]:
                paragraph.extend(child.children if isinstance(child, nodes.paragraph)
                                 else [child])
            citation.replace_self(paragraph)
        def key_of(reference):
            return f"{reference.get('docname', '')}:{reference.get('refname', '')}"

        # numpydoc adds a paragraph of bare "[1]_" (or "[1]_, [2]_") in an ``only:: latex``
        # block, so that LaTeX puts the references into its bibliography: not needed once they
        # stay in place
        for paragraph in list(self.document.findall(nodes.paragraph)):
            refs = [c for c in paragraph.children if isinstance(c, nodes.citation_reference)]
            rest = [c for c in paragraph.children if not isinstance(c, nodes.citation_reference)]
            if refs and all(key_of(r) in keys for r in refs) and not "".join(
                    c.astext() for c in rest).strip(" ,;\n"):  # "[1], [2]" too
                paragraph.parent.remove(paragraph)
        for reference in list(self.document.findall(nodes.citation_reference)):
            key = key_of(reference)
            if key in keys:
                reference.replace_self(nodes.raw(
                    "", f"\\hyperref[\\detokenize{{{key}}}]{{[{keys[key]}]}}", format="latex"))


# -- appendices and running heads ----------------------------------------------------------------

def _appendix_raw(app, doctree, docname) -> None:
    """``\\appendix`` before the first appendix (the glossary) of the assembled LaTeX tree."""
    from sphinx import addnodes

    if app.builder.format != "latex":
        return
    for start in doctree.findall(addnodes.start_of_file):
        if start.get("docname") == APPENDIX_DOCS[0]:
            start.parent.insert(start.parent.index(start),
                                nodes.raw("", "\\appendix\n", format="latex"))
            break


def setup(app):
    app.connect("config-inited", _latex_settings, priority=900)
    app.connect("builder-inited", _bbm_standin)
    app.add_transform(DropTypedNumbers)
    app.add_post_transform(HtmlTablesToLatex)
    app.add_post_transform(EnglishQuotes)
    app.add_post_transform(DocstringReferencesInPlace)
    app.add_post_transform(ChineseTitleUnbroken)
    app.connect("doctree-resolved", _appendix_raw)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
