"""The Chinese edition's translations: files keyed to the English cells, checked and applied.

The English sources stay the only notebooks: the Chinese edition is generated from them with the
prose replaced, so code, outputs, metadata and every glued number are the English notebook's own.

Translation files live under ``zh/`` with the English file's path and the suffix ``.md``
(``zh/chapters/01_theory.md`` translates ``chapters/01_theory.ipynb``; ``zh/intro.md`` translates
``intro.md``). A file is a sequence of blocks, each headed by a marker line::

    <!-- cell 2060393f sha 3b1f0c9e21aa -->
    # 1 产业集群：理论与测度

    <!-- caption 86c6c289 sha 0d9e... -->
    2017 年中国 36 个主要城市三次产业的区位商……

``cell ID`` translates the markdown cell with that id, ``caption ID`` the figure caption of the
code cell with that id (``mystnb.figure.caption``), and ``part N`` the N-th part of a Markdown
page (a page is split before each heading outside code fences). ``sha`` is the first 12 hex digits
of the SHA-256 of the English text the block was translated from: when the English changes, the
block is *stale* until a translator updates the text and the hash (``scaffold`` rewrites hashes
only of blocks it creates; ``accept`` records the current hash of a block after review).

Commands (``python tools/translations.py COMMAND [PAGE ...]``, PAGE e.g. ``chapters/01_theory``):

- ``check``    report stale, missing, orphan and inconsistent blocks (exit 1 if any);
- ``scaffold`` add a block, holding the English text, for every cell or caption that has none,
               in the English order (existing blocks are kept as they are);
- ``accept``   set the hash of every block of the named pages to the current English text (after a
               translator has updated stale blocks);
- ``write``    write the Chinese source tree (default ``_build/zh-source``).

A block is *consistent* with its English text when both have the same glued values (key and
format), citations (role and keys), cross-reference targets, inline and display math, labels,
directives and heading levels, in the same order where order matters.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from notebook_checks import chapter_notebooks

ROOT = Path(__file__).resolve().parents[1]
ZH = ROOT / "zh"
BUILD_SOURCE = ROOT / "_build" / "zh-source"
MARKER = re.compile(r"^<!-- (cell|caption|part) (\S+) sha ([0-9a-f]{12}) -->[ ]*$", re.MULTILINE)
HEADER = "<!-- translation of {source}: one block per {units}; see tools/translations.py -->\n"
# Pages of the book in both editions: English source -> translation file.
MARKDOWN_PAGES = ("intro.md", "chapters/glossary.md", "chapters/api.md", "chapters/references.md")


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def pages() -> list[str]:
    """Every page of the book, as a path relative to the root without suffix."""
    notebooks = [f"chapters/{path.stem}" for path in chapter_notebooks()]
    return notebooks + [Path(p).with_suffix("").as_posix() for p in MARKDOWN_PAGES]


def released() -> list[str]:
    """The pages released in Chinese (``zh/released.txt``, one page a line): each must have a
    current, consistent translation of every block. Other pages show in English in the Chinese
    edition until they are translated."""
    path = ZH / "released.txt"
    if not path.is_file():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def english_path(page: str) -> Path:
    notebook = ROOT / f"{page}.ipynb"
    return notebook if notebook.is_file() else ROOT / f"{page}.md"


def translation_path(page: str) -> Path:
    return ZH / f"{page}.md"


# ----------------------------------------------------------------------------------------------
# Units of the English text


def _split_markdown_page(text: str) -> list[str]:
    """A Markdown page cut before every heading that is not inside a code fence."""
    parts, current, fence = [], [], None
    for line in text.split("\n"):
        stripped = line.lstrip()
        match = re.match(r"(`{3,}|:{3,})", stripped)
        if match and (fence is None or stripped.startswith(fence)):
            if fence is None:
                fence = match.group(1)
            elif stripped.rstrip() == fence or stripped.rstrip().strip(fence[0]) == "":
                fence = None
        if fence is None and re.match(r"#{1,6} ", line) and any(x.strip() for x in current):
            parts.append("\n".join(current).strip("\n"))
            current = []
        current.append(line)
    if any(x.strip() for x in current):
        parts.append("\n".join(current).strip("\n"))
    return parts


def english_units(page: str) -> dict[tuple[str, str], str]:
    """(kind, key) -> English text, in document order."""
    path = english_path(page)
    units: dict[tuple[str, str], str] = {}
    if path.suffix == ".ipynb":
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                units[("cell", cell.id)] = cell.source.strip("\n")
            caption = cell.metadata.get("mystnb", {}).get("figure", {}).get("caption")
            if cell.cell_type == "code" and caption:
                units[("caption", cell.id)] = caption.strip("\n")
    else:
        for number, part in enumerate(_split_markdown_page(path.read_text(encoding="utf-8")), 1):
            units[("part", str(number))] = part
    return units


# ----------------------------------------------------------------------------------------------
# Translation files


@dataclass
class Block:
    kind: str
    key: str
    sha: str
    text: str
    line: int


@dataclass
class Report:
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    orphan: list[str] = field(default_factory=list)
    inconsistent: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [f"{kind}: {item}" for kind in ("stale", "missing", "orphan", "inconsistent",
                                               "duplicate") for item in getattr(self, kind)]


def read_blocks(page: str) -> list[Block]:
    path = translation_path(page)
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    markers = list(MARKER.finditer(text))
    blocks = []
    for number, match in enumerate(markers):
        end = markers[number + 1].start() if number + 1 < len(markers) else len(text)
        body = text[match.end():end].strip("\n")
        blocks.append(Block(match.group(1), match.group(2), match.group(3), body,
                            text.count("\n", 0, match.start()) + 1))
    return blocks


def write_blocks(page: str, blocks: list[Block]) -> None:
    source = english_path(page).relative_to(ROOT).as_posix()
    units = ("markdown cell and figure caption" if source.endswith(".ipynb")
             else "part of the page (cut before each heading)")
    out = [HEADER.format(source=source, units=units)]
    for block in blocks:
        out.append(f"\n<!-- {block.kind} {block.key} sha {block.sha} -->\n{block.text}\n")
    path = translation_path(page)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(out), encoding="utf-8")


def all_prose() -> list[tuple[str, str]]:
    """(where, text) of every English unit and every translation block of every page: the prose
    of both editions, for checks that read it all."""
    found = []
    for page in pages():
        for (kind, key), text in english_units(page).items():
            found.append((f"{page} {kind} {key}", text))
        for block in read_blocks(page):
            found.append((f"zh/{page}.md:{block.line}", block.text))
    return found


# ----------------------------------------------------------------------------------------------
# Consistency of one block with its English text

GLUE = re.compile(r"\{glue(?::[a-z]+)?\}`([^`]+)`")
CITE = re.compile(r"\{(cite(?::[a-z]+)?)\}`([^`]+)`")
XREF = re.compile(r"\{(numref|ref|doc|eq|term|download)\}`([^`]+)`")
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)((?:[^$\n]|\n(?![ ]*\n))+?)\$")  # may wrap a line
LABEL = re.compile(r"^\(([\w:-]+)\)=[ ]*$", re.MULTILINE)
DIRECTIVE = re.compile(r"^[ ]*(`{3,}|:{3,})\{([\w-]+)\}(.*)$", re.MULTILINE)
OPTION = re.compile(r"^[ ]*:(label|name|class|nonumber|tags|sorted):(.*)$", re.MULTILINE)
HEADING = re.compile(r"^(#{1,6}) ", re.MULTILINE)
FENCE_BODY = re.compile(r"^```(?!\{)[^\n]*\n.*?^```", re.MULTILINE | re.DOTALL)


def _target(text: str) -> str:
    match = re.search(r"<([^<>]+)>\s*$", text)
    return match.group(1) if match else text.strip()


ZH_VARIANT = re.compile(r"_zh(?=:|$)")  # the suffix of a glued value's Chinese variant

def features(text: str) -> dict[str, object]:
    """What a translation must keep of its English text."""
    display = DISPLAY_MATH.findall(text)
    without_display = DISPLAY_MATH.sub("", text)
    return {
        "glued values": Counter(GLUE.findall(text)),
        "citations": Counter((role, ",".join(k.strip() for k in keys.split(",")))
                             for role, keys in CITE.findall(text)),
        "cross-references": Counter((role, _target(body)) for role, body in XREF.findall(text)),
        "display math": [" ".join(m.split()) for m in display],
        "inline math": Counter(" ".join(m.split()) for m in INLINE_MATH.findall(without_display)),
        "labels": LABEL.findall(text),
        "directives": [(name, arg.strip() if name in ("glossary", "eval-rst", "math") else "")
                       for _, name, arg in DIRECTIVE.findall(text)],
        "directive options": [(name, value.strip()) for name, value in OPTION.findall(text)],
        "heading levels": [len(h) for h in HEADING.findall(FENCE_BODY.sub("", text))],
        "code blocks": FENCE_BODY.findall(text),
    }


def differences(english: str, chinese: str) -> list[str]:
    found = []
    a, b = features(english), features(chinese)
    # a Chinese variant of a glued value (`key_zh`, glued beside `key`: a name in Chinese)
    # stands for the English block's `key`
    b["glued values"] = Counter(ZH_VARIANT.sub("", key) for key in b["glued values"].elements())
    for name in a:
        if a[name] != b[name]:
            if isinstance(a[name], Counter):
                lost = sorted(map(str, (a[name] - b[name]).elements()))
                added = sorted(map(str, (b[name] - a[name]).elements()))
                found.append(f"{name} differ (English only: {lost[:4]}; translation only: "
                             f"{added[:4]})")
            else:
                found.append(f"{name} differ ({a[name]!r:.120} vs {b[name]!r:.120})")
    return found


# ----------------------------------------------------------------------------------------------
# Check, scaffold, accept


def check(page: str) -> Report:
    report = Report()
    units = english_units(page)
    seen: set[tuple[str, str]] = set()
    where = translation_path(page).relative_to(ROOT).as_posix()
    for block in read_blocks(page):
        unit = (block.kind, block.key)
        label = f"{where}:{block.line} {block.kind} {block.key}"
        if unit in seen:
            report.duplicate.append(label)
            continue
        seen.add(unit)
        if unit not in units:
            report.orphan.append(f"{label} (no such English {block.kind})")
            continue
        english = units[unit]
        if block.sha != sha(english):
            report.stale.append(f"{label} (the English changed since it was translated)")
        elif block.text.strip() == english.strip() and re.search(r"[A-Za-z]{4,}", english) \
                and not _needs_no_translation(english):
            report.missing.append(f"{label} (still the English text)")
        for difference in differences(english, block.text):
            report.inconsistent.append(f"{label}: {difference}")
    for unit in units:
        if unit not in seen:
            report.missing.append(f"{where} {unit[0]} {unit[1]} (no block)")
    return report


def _needs_no_translation(text: str) -> bool:
    """A unit that is only math, a directive's fence line or a glue/label line."""
    prose = DISPLAY_MATH.sub("", text)
    prose = re.sub(r"^[ ]*(`{3,}|:{3,}).*$|^\(([\w:-]+)\)=$", "", prose, flags=re.MULTILINE)
    prose = OPTION.sub("", prose)
    prose = GLUE.sub("", INLINE_MATH.sub("", prose))
    return not re.search(r"[A-Za-z]{4,}", prose)


def scaffold(page: str) -> int:
    """Add a block holding the English text for every unit without one; keep the rest."""
    units = english_units(page)
    existing = {(b.kind, b.key): b for b in read_blocks(page)}
    blocks, added = [], 0
    for unit, english in units.items():
        if unit in existing:
            blocks.append(existing.pop(unit))
        else:
            blocks.append(Block(unit[0], unit[1], sha(english), english, 0))
            added += 1
    blocks.extend(existing.values())  # orphans stay until a translator removes them
    write_blocks(page, blocks)
    return added


def accept(page: str) -> None:
    units = english_units(page)
    blocks = read_blocks(page)
    for block in blocks:
        if (block.kind, block.key) in units:
            block.sha = sha(units[(block.kind, block.key)])
    write_blocks(page, blocks)


# ----------------------------------------------------------------------------------------------
# The Chinese source tree


def translated(page: str) -> dict[tuple[str, str], str]:
    """(kind, key) -> Chinese text, for the blocks that exist (stale or not)."""
    return {(b.kind, b.key): b.text for b in read_blocks(page)}


def chinese_notebook(page: str) -> nbformat.NotebookNode:
    """The English notebook with its markdown and captions replaced by their translations
    (English where a block is missing); code, outputs and metadata unchanged."""
    notebook = nbformat.read(english_path(page), as_version=4)
    text = translated(page)
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and ("cell", cell.id) in text:
            cell.source = text[("cell", cell.id)]
        figure = cell.metadata.get("mystnb", {}).get("figure", {})
        if cell.cell_type == "code" and figure.get("caption") and ("caption", cell.id) in text:
            figure["caption"] = text[("caption", cell.id)]
    return notebook


def chinese_markdown(page: str) -> str:
    text = translated(page)
    parts = _split_markdown_page(english_path(page).read_text(encoding="utf-8"))
    return "\n\n".join(text.get(("part", str(n)), part) for n, part in enumerate(parts, 1)) + "\n"


TOC_CAPTIONS = {"Chapters · 章节": "章节", "Appendices · 附录": "附录"}
CONFIG_ZH = {
    "title": "产业集群与产业升级",
    "language": "zh_CN",
}


def write_tree(target: Path = BUILD_SOURCE) -> Path:
    """Write the Chinese edition's source tree (a Jupyter Book root) into `target`."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for page in pages():
        path = english_path(page)
        out = target / path.relative_to(ROOT)
        out.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".ipynb":
            nbformat.write(chinese_notebook(page), out)
        else:
            out.write_text(chinese_markdown(page), encoding="utf-8")
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for english, chinese in TOC_CAPTIONS.items():
        toc = toc.replace(f"caption: {english}", f"caption: {chinese}")
    (target / "_toc.yml").write_text(toc, encoding="utf-8")
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    config = re.sub(r'^title: .*$', f'title: "{CONFIG_ZH["title"]}"', config, count=1,
                    flags=re.MULTILINE)
    config = config.replace("    language: en\n", f"    language: {CONFIG_ZH['language']}\n"
                                                    "    book_edition: zh\n")
    config = config.replace("book_extension: tools", f"book_extension: {ROOT / 'tools'}")
    config = config.replace("  - references.bib", f"  - {ROOT / 'references.bib'}")
    (target / "_config.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "_static", target / "_static")
    return target


def main(arguments: list[str]) -> None:
    if not arguments or arguments[0] not in ("check", "scaffold", "accept", "write"):
        sys.exit(__doc__)
    command, names = arguments[0], arguments[1:] or pages()
    if command == "write":
        print(write_tree())
        return
    failed = False
    for page in names:
        if command == "scaffold":
            print(f"{page}: {scaffold(page)} block(s) added")
        elif command == "accept":
            accept(page)
            print(f"{page}: hashes updated")
        else:
            problems = check(page).problems()
            failed |= bool(problems)
            print(f"{page}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
            for problem in problems:
                print("  " + problem)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
