"""The PDF edition's Sphinx extension (tools/book_pdf.py), without TeX: the decisions it makes on
text and tables. The PDF itself is built and checked by `python3 dev.py pdf` and
`tools/check_pdf.py` (CI runs both after the tests)."""

import book_pdf
import build_pdf
from notebook_checks import ROOT


def _latex(text: str) -> str:
    """The text as the LaTeX writer gets it, raw pieces in angle brackets."""
    return "".join(f"<{piece}>" if raw else piece for piece, raw in book_pdf.latex_quotes(text))


def test_english_quotes_become_tex_quotes_and_chinese_quotes_stay():
    assert _latex("a “block economy” (块状经济)") == "a <``>block economy<''> (块状经济)"
    assert _latex("the paper says, “跨域协作项目占比达37%”.") == "the paper says, “跨域协作项目占比达37%”."
    assert _latex("“2022年”") == "“2022年”"  # quoted words hold Chinese: Chinese quotes
    assert _latex("Porter’s 中文“引号”") == "Porter<'>s 中文“引号”"  # an apostrophe is English
    assert _latex("no quotes 没有引号") == "no quotes 没有引号"


PANDAS_HTML = """<div><style scoped>.dataframe tbody tr th {vertical-align: top;}</style>
<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;"><th></th><th></th><th>value</th><th>unit</th></tr>
    <tr><th>subsystem</th><th>indicator</th><th></th><th></th></tr>
  </thead>
  <tbody>
    <tr><th rowspan="2" valign="top">digital trade 数字贸易</th><th>exports</th>
        <td>1,400</td><td>years (年)</td></tr>
    <tr><th>container_teu</th><td>2.5</td><td>&amp; more</td></tr>
  </tbody>
</table></div>"""


def test_pandas_html_table_keeps_its_grid():
    header, body = book_pdf.parse_html_table(PANDAS_HTML)
    assert header == [["subsystem", "indicator", "value", "unit"]]  # index names folded in
    assert body == [["digital trade 数字贸易", "exports", "1,400", "years (年)"],
                    ["", "container_teu", "2.5", "& more"]]  # rowspan: empty below
    assert book_pdf.parse_html_table("<p>no table</p>") is None


def test_column_widths_fit_the_line_and_keep_short_columns_whole():
    rows = [["id", "subject", "value", "wording_zh"],
            ["JM-006", "cross-regional collaboration projects (virtual cluster with Hsinchu and "
             "Southeast Asia) " * 2, "37", "2022年跨域协作项目占比达37%，其构建的工业大数据平台"]]
    widths = book_pdf.column_widths(rows, line=95)
    assert abs(sum(widths) - 95) <= len(widths)  # the whole line, no more
    assert widths[0] >= book_pdf._text_width("JM-006") + book_pdf.PADDING - 1  # id unbroken
    assert widths[3] >= 18  # a Chinese column is not squeezed
    assert widths[1] == max(widths)  # the longest text gets the most room
    narrow = [["a", "b"], ["1", "2"]]
    natural = round(1 + book_pdf.PADDING + book_pdf.FLOOR_MARGIN)
    assert book_pdf.column_widths(narrow) == [natural] * 2  # natural widths


def test_a_table_whose_words_do_not_fit_side_by_side_is_set_smaller():
    """Columns are never narrower than their longest word (the floor): when the floors of all
    columns exceed the line in the table's font, a smaller font is chosen (the words stuck out
    of their cells: overfull boxes in the LaTeX log)."""
    few = [["id", "value"], ["GQ-004", "1,400"]]
    assert book_pdf.table_font(few) == "\\small"
    words = [[f"{name}{i}" for i in range(6)] for name in ("destinations", "Holukulukuland")]
    assert book_pdf.font_size(6) == "\\small" and book_pdf.table_font(words) != "\\small"
    size = book_pdf.table_font(words)
    widths = book_pdf.column_widths(words, line=book_pdf.LINE * book_pdf.FONT_SCALE[size])
    longest = max(book_pdf._text_width(w) for row in words for w in row)
    assert min(widths) >= longest + book_pdf.PADDING  # every word keeps its room


def test_pdf_configuration_adds_the_extension_and_keeps_the_site_settings():
    config = build_pdf.pdf_config()
    assert config["latex"]["latex_engine"] == "xelatex"
    assert config["latex"]["latex_documents"]["targetname"] == "book.tex"
    assert set(config["sphinx"]["local_extensions"]) == {"book_extension", "book_pdf"}
    assert all(path.startswith(str(ROOT)) for path in config["bibtex_bibfiles"])
    assert config["sphinx"]["config"]["nitpicky"] is True


def test_chapter_heads_in_normal_case_and_index_terms_in_roman():
    """fncychap's Bjarne style set chapter heads in capitals, and Sphinx sets every index entry
    in monospace; the PDF's own chapter head and index style replace them (both editions)."""
    from types import SimpleNamespace

    for edition in ("en", "zh"):
        config = SimpleNamespace(latex_elements={}, book_edition=edition)
        book_pdf._latex_settings(None, config)
        elements = config.latex_elements
        assert elements["fncychap"] == ""
        assert "\\titleformat{\\chapter}[display]" in elements["preamble"]
        assert "\\def\\sphinxstyleindexentry" in elements["preamble"]
        assert ("第" in elements["preamble"]) == (edition == "zh")
