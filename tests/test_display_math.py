"""Display formulas that fit the page, in both editions: a $$ … $$ formula shows one relation per
line (``\\begin{aligned} … \\\\ … \\end{aligned}``), so no displayed line is longer than a page
column can show. Before this rule, Chapter 5's order degree put two fractions and their labels on
one line (183 characters of TeX) and ran off the page at 1280 px.

The measure is the TeX source of one displayed line with spaces removed (a matrix counts as one
symbol): a crude but stable proxy for its printed width; the longest line the book shows fits at
1280 px."""

import re

import translations as tr

MAX_LINE = 110  # characters of TeX (no spaces) in one displayed line
MATRIX = re.compile(r"\\begin\{pmatrix\}.*?\\end\{pmatrix\}", re.DOTALL)


def _lines(formula: str) -> list[str]:
    """The displayed lines of one formula (split at the line breaks of aligned forms)."""
    return [re.sub(r"\s+", "", line) for line in re.split(r"\\\\", MATRIX.sub("M", formula))]


def test_measure_splits_aligned_lines_and_counts_a_matrix_once():
    formula = "\n\\begin{aligned}\nH &= \\sum_r s_r^2, \\\\\nJ &= \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}\n\\end{aligned}\n"
    assert [len(line) for line in _lines(formula)] == [len("\\begin{aligned}H&=\\sum_rs_r^2,"),
                                                       len("J&=M\\end{aligned}")]


def test_the_old_one_line_order_degree_is_too_long():
    old = ("u_j(e_{ji}) = \\frac{e_{ji} - \\beta_{ji}}{\\alpha_{ji} - \\beta_{ji}} \\ \\text{(positive "
           "indicator)},\n\\qquad\nu_j(e_{ji}) = \\frac{\\alpha_{ji} - e_{ji}}{\\alpha_{ji} - "
           "\\beta_{ji}} \\ \\text{(negative indicator)},")
    assert max(len(line) for line in _lines(old)) > MAX_LINE


def test_every_displayed_line_fits():
    too_long = [f"{where}: {line}" for where, text in tr.all_prose()
                for formula in tr.DISPLAY_MATH.findall(text)  # the consistency check's reading
                for line in _lines(formula) if len(line) > MAX_LINE]
    assert too_long == [], (f"display formula lines of more than {MAX_LINE} characters; break each "
                            f"into an aligned form, one relation per line: {too_long}")
