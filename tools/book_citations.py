"""The book's author-year citation style, shared by the web site and the reader notebooks.

One style, one place: the Sphinx build (through ``tools/book_extension.py``) cites as
"Porter (2000)" and "(Krugman, 1991; Audretsch and Feldman, 1996)" and labels the reference
list "[Porter, 2000]"; the reader notebooks (``tools/reader_notebooks.py``) write the same text
with :func:`cite_text` and :func:`reference_list`. Titles keep the capitals ``references.bib``
gives them (pybtex's default style lower-cases "Chinese", "Xiamen", ...).
"""

from __future__ import annotations

import importlib.metadata
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pybtex.plugin
from pybtex.database import Entry, parse_file
from pybtex.richtext import Text
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting.author_year_title import SortingStyle as AuthorYearTitleSorting
from pybtex.style.template import field as bib_field
from pybtex.style.template import sentence

ROOT = Path(__file__).resolve().parents[1]
BIBFILE = ROOT / "references.bib"
FORMATTING_STYLE = "book_author_year"  # bibtex_default_style in _config.yml
REFERENCING_STYLE = "book_author_year_round"  # bibtex_reference_style in _config.yml
NO_YEAR = "n.d."
# The words between authors in each edition: "Hidalgo and Hausmann", "Timmer et al." in English;
# "Hidalgo 和 Hausmann", "Timmer 等" in the Chinese edition (names stay as the sources print them).
WORDS = {"en": {"and": " and ", "et al.": " et al."}, "zh": {"and": " 和 ", "et al.": " 等"}}
_LANGUAGE = ["en"]


def set_language(language: str) -> None:
    """Cite in the words of `language` ("en" or "zh") from now on (reader notebooks, labels)."""
    if language not in WORDS:
        raise ValueError(f"language {language!r} is not one of {sorted(WORDS)}.")
    _LANGUAGE[0] = language


def _surname(person) -> str:
    """A person's surname with its particles, as text ("de Vries")."""
    return str(Text.from_latex(" ".join(person.prelast_names + person.last_names)))


def authors_short(entry: Entry) -> str:
    """"Porter", "Hidalgo and Hausmann" or "Timmer et al." (authors, else editors)."""
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    if not persons:
        raise ValueError(f"references.bib entry {entry.key!r} has no author or editor; add one.")
    names = [_surname(person) for person in persons]
    if len(names) == 1:
        return names[0]
    words = WORDS[_LANGUAGE[0]]
    if len(names) == 2:
        return f"{names[0]}{words['and']}{names[1]}"
    return f"{names[0]}{words['et al.']}"


def year(entry: Entry) -> str:
    return entry.fields.get("year", NO_YEAR)


class AuthorYearLabelStyle(BaseLabelStyle):
    """Labels of the reference list: "Porter, 2000", as a parenthetical citation reads."""

    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            yield f"{authors_short(entry)}, {year(entry)}"


class AuthorYearSorting(AuthorYearTitleSorting):
    """Author, year, title; an organisation written in braces ({World Trade Organization}) sorts
    by its name, not after every other author."""

    def person_key(self, person):
        return super().person_key(person).replace("{", "").replace("}", "")


class AuthorYearStyle(UnsrtStyle):
    """pybtex's plain style sorted by author and year, with author-year labels, keeping the
    capitals of titles as written (proper nouns stay capitalised)."""

    default_sorting_style = FORMATTING_STYLE
    default_label_style = FORMATTING_STYLE

    def format_title(self, e, which_field, as_sentence=True):
        formatted_title = bib_field(which_field)
        return sentence[formatted_title] if as_sentence else formatted_title


@lru_cache(maxsize=1)
def _installed_entry_points() -> importlib.metadata.EntryPoints:
    return importlib.metadata.entry_points()


def _entry_points(**selection) -> importlib.metadata.EntryPoints:
    """``importlib.metadata.entry_points(group=..., name=...)``, from one reading of the
    installed distributions."""
    return _installed_entry_points().select(**selection)


def read_entry_points_once() -> None:
    """Let pybtex read the installed entry points once per process.

    pybtex (and sphinxcontrib-bibtex) look a plugin up at every use (every formatted entry,
    every citation style), and each lookup reads the metadata of every installed distribution:
    7 s of a site build and 15 s of the 22 s the reader notebooks took to render, measured with
    cProfile (issue 15). Installed distributions do not change while a build runs, so the
    lookups share one reading. Plugins registered at run time are still looked up first.
    sphinxcontrib-bibtex gets the same in :func:`register_sphinx_styles`."""
    pybtex.plugin.entry_points = _entry_points


def register_pybtex_styles() -> None:
    """Make the styles known to pybtex (formatting and labels); safe to call twice."""
    read_entry_points_once()
    pybtex.plugin.register_plugin("pybtex.style.labels", FORMATTING_STYLE, AuthorYearLabelStyle,
                                  force=True)
    pybtex.plugin.register_plugin("pybtex.style.sorting", FORMATTING_STYLE, AuthorYearSorting,
                                  force=True)
    pybtex.plugin.register_plugin("pybtex.style.formatting", FORMATTING_STYLE, AuthorYearStyle,
                                  force=True)


def register_sphinx_styles() -> None:
    """Make the in-text style known to sphinxcontrib-bibtex: round brackets, "; " between."""
    import sphinxcontrib.bibtex.plugin
    from sphinxcontrib.bibtex.plugin import register_plugin
    from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

    def round_brackets():
        return BracketStyle(left="(", right=")", sep="; ", sep2="; ", last_sep="; ")

    @dataclass
    class RoundAuthorYearReferenceStyle(AuthorYearReferenceStyle):
        bracket_textual: BracketStyle = field(default_factory=round_brackets)
        bracket_parenthetical: BracketStyle = field(default_factory=round_brackets)
        bracket_author: BracketStyle = field(default_factory=round_brackets)
        bracket_label: BracketStyle = field(default_factory=round_brackets)
        bracket_year: BracketStyle = field(default_factory=round_brackets)

    sphinxcontrib.bibtex.plugin.entry_points = _entry_points  # see read_entry_points_once
    register_plugin("sphinxcontrib.bibtex.style.referencing", REFERENCING_STYLE,
                    RoundAuthorYearReferenceStyle, force=True)

    @dataclass
    class ChineseRoundAuthorYearReferenceStyle(RoundAuthorYearReferenceStyle):
        person: PersonStyle = field(default_factory=lambda: PersonStyle(
            sep2=WORDS["zh"]["and"], last_sep=WORDS["zh"]["and"], other=WORDS["zh"]["et al."]))

    register_plugin("sphinxcontrib.bibtex.style.referencing", f"{REFERENCING_STYLE}_zh",
                    ChineseRoundAuthorYearReferenceStyle, force=True)


@lru_cache(maxsize=4)
def _sorted_entries(bibfile: str) -> tuple[Entry, ...]:
    register_pybtex_styles()
    entries = parse_file(bibfile).entries
    sorting = AuthorYearSorting()
    return tuple(sorting.sort(list(entries.values())))


def _entries(keys: list[str], bibfile: Path) -> list[Entry]:
    """The entries for `keys` in reference-list order (unknown keys are an error)."""
    ordered = _sorted_entries(str(bibfile))
    known = {entry.key for entry in ordered}
    unknown = [key for key in keys if key not in known]
    if unknown:
        raise ValueError(f"Citation keys {unknown} are not in {bibfile.name}; add them there.")
    return [entry for entry in ordered if entry.key in keys]


def cite_text(keys: list[str], *, textual: bool, bibfile: Path = BIBFILE) -> str:
    """A citation as the web site prints it: "Porter (2000)" (textual) or
    "(Krugman, 1991; Audretsch and Feldman, 1996)" (parenthetical), in reference-list order."""
    entries = _entries(keys, bibfile)
    if textual:
        return "; ".join(f"{authors_short(e)} ({year(e)})" for e in entries)
    return "(" + "; ".join(f"{authors_short(e)}, {year(e)}" for e in entries) + ")"


def reference_list(keys: list[str], *, bibfile: Path = BIBFILE) -> list[str]:
    """Markdown items "[label] formatted entry" for `keys`, as the site's reference list."""
    entries = _entries(sorted(set(keys)), bibfile)
    style = AuthorYearStyle()
    labels = dict(zip((e.key for e in entries), style.label_style.format_labels(entries)))
    items = []
    for entry in entries:
        text = style.format_entry(labels[entry.key], entry).text.render_as("text")
        text = re.sub(r"\\url\s*", "", text)  # a URL in a note: plain text shows it bare
        items.append(f"- [{labels[entry.key]}] {' '.join(text.split())}")
    return items
