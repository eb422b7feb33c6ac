"""Chinese typography in the prose of both editions and in the docstrings the API page shows:
“ ” quotes around Chinese text (an ASCII quote next to a Chinese character is curled by the
build's smart quotes, often into two closing quotes: ”邻近”), and no line break between two
Chinese characters in Markdown source (it renders as a space inside a word: 产业结构 高级化)."""

import ast
import re

import pytest
import translations as tr
from notebook_checks import ROOT

CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
ASCII_QUOTE = re.compile(rf"{CJK}[\"']|[\"']{CJK}")
BREAK = re.compile(rf"{CJK}\n[ ]*{CJK}")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


def _problems(text: str) -> list[str]:
    prose = CODE.sub("", text)
    return [f"{what}: {prose[max(0, m.start() - 15):m.end() + 15]!r}"
            for pattern, what in ((ASCII_QUOTE, "ASCII quote beside Chinese"),
                                  (BREAK, "line break inside Chinese text"))
            for m in pattern.finditer(prose)]


def test_prose_uses_chinese_quotes_and_no_breaks_inside_chinese_text():
    problems = [f"{where}: {p}" for where, text in tr.all_prose() for p in _problems(text)]
    assert problems == []


def test_docstrings_use_chinese_quotes():
    problems = []
    for path in sorted((ROOT / "clusterlib").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Module)):
                doc = (ast.get_docstring(node) or "").split("Examples\n--------")[0]  # prose
                problems += [f"{path.name} {getattr(node, 'name', 'module')}: {p}"
                             for p in _problems(doc)]
    assert problems == []


@pytest.mark.parametrize("text, bad", [
    ('以"大北京"为例', True), ("以“大北京”为例", False), ("产业结构\n高级化", True),
    ("产业结构高级化，\nand more", False), ('`"代码"中`', False),
])
def test_typography_check_sees_the_problems(text, bad):
    assert bool(_problems(text)) is bad
