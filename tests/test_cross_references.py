"""Mentions of the book's own parts are cross-references the strict build checks, never plain text.

A typed "Chapter 5" or "Fig. 2.3" cannot be checked and goes stale when chapters move; a MyST role
({doc}, {ref}, {numref}) fails the nitpicky build if its target is missing. Sections, tables and
figures *of the source documents* ("section 3.3 of the document") are not the book's and stay text.
"""

import json
import re

import pytest
from notebook_checks import ROOT, chapter_notebooks

# "Chapter 5", "Fig. 2.3", "Figure 4", "Exercise 1.2", "第五章": a book part named by number.
PLAIN_MENTION = re.compile(
    r"(?<![\w`{])(?:Chapter|Chap\.|Fig\.|Figure|Exercise)\s+\d|第[一二三四五六七八九十\d]+章")
ROLE = re.compile(r"\{(?:doc|ref|numref|term|cite:[tp]|glue:text|glue|math)\}`[^`]*`")


def _markdown(path):
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


SOURCES = [*chapter_notebooks(), ROOT / "intro.md", ROOT / "chapters" / "glossary.md"]


def plain_mentions(text: str) -> list[str]:
    """Plain-text mentions of a numbered book part, outside roles and inline code."""
    text = re.sub(r"`[^`\n]*`", "", ROLE.sub("", text))
    return [m.group(0) for m in PLAIN_MENTION.finditer(text)]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_book_parts_are_mentioned_by_cross_reference(path):
    assert plain_mentions(_markdown(path)) == []


def test_plain_mention_checker_finds_and_spares():
    assert plain_mentions("as shown in Chapter 5 and Fig. 2.3") == ["Chapter 5", "Fig. 2"]
    assert plain_mentions("see {numref}`fig-lq` and {doc}`05_guangzhou_synergy`") == []
    assert plain_mentions("section 3.3 of the document; `Figure 1` in code") == []
    assert plain_mentions("见第五章") == ["第五章"]


def _glossary_entries():
    text = (ROOT / "chapters" / "glossary.md").read_text(encoding="utf-8")
    body = text.split("```{glossary}", 1)[1].split("\n```", 1)[0]
    entries, term = {}, None
    for line in body.splitlines():
        if line and not line.startswith((" ", ":")):
            term = line
            entries[term] = []
        elif line.strip() and term is not None:
            entries[term].append(line.strip())
    return {term: " ".join(lines) for term, lines in entries.items()}


GLOSSARY = _glossary_entries()


def test_glossary_is_read_whole():
    assert len(GLOSSARY) >= 60
    assert all(" · " in term for term in GLOSSARY), "every term is given in English · Chinese"


@pytest.mark.parametrize("term", sorted(GLOSSARY))
def test_glossary_entry_links_where_it_is_taught(term):
    """Each definition ends by linking the chapters that teach the term, and says nothing after."""
    definition = GLOSSARY[term]
    taught = re.search(r"Taught in (\{doc\}`\w+`(?:,? (?:and )?\{doc\}`\w+`)*)\.$", definition)
    assert taught, f"{term!r} does not end with 'Taught in {{doc}}`…`.': {definition[-80:]!r}"
    for target in re.findall(r"\{doc\}`(\w+)`", taught.group(1)):
        assert (ROOT / "chapters" / f"{target}.ipynb").exists(), target
