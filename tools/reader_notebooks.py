"""Reader notebooks: each chapter as instructors and students open it in Jupyter or Colab.

A chapter's source notebook (``chapters/0N_*.ipynb``) is written for the book: its prose holds
MyST roles (``{glue:text}``, ``{cite:t}``, ``{numref}``, ...) that only the Sphinx build fills in,
and its code glues values for the prose. The reader notebook (``notebooks/0N_*.ipynb``) is the
same chapter for a plain notebook interface, generated from the source and its stored outputs:

- every glued value written into the prose as the web page shows it (myst-nb's own formatting);
- citations as author-year text, with the chapter's reference list at the end
  (``tools/book_citations.py``, the style the web site uses);
- figure and exercise references as "Fig. 3" / "Exercise 2"; links to other chapters and
  sections point at the published pages;
- exercises as headed Markdown, every solution (text, code and output) gathered at the end under
  "Solutions", whose heading (and each solution's) opens collapsed in JupyterLab; admonitions
  as block quotes; figure captions under their figures;
- glue calls and the ``myst_nb`` import removed from the code a student reads;
- a first cell that installs the book's package, pinned dependencies and data where
  ``clusterlib`` is missing (Colab) and does nothing in the book's own environment (or Binder).

The source stays the notebook that strict nbval checks, so the numbers are verified there; the
tests check that each reader notebook is current (regenerating it gives the committed file), has
no MyST left, holds every glued value, and runs top to bottom offline. Why a converter of our own
rather than QuantEcon's ``sphinx-tojupyter`` builder: that builder re-renders the whole book
through Sphinx into notebooks, is pinned to older Sphinx releases than Jupyter Book 1 uses, and
does not support myst-nb's glue; the book needs only the handful of constructs listed here, and a
converter that refuses anything else keeps chapters honest.

Run ``python tools/reader_notebooks.py`` (``python3 dev.py execute`` and ``python3 dev.py book``
do it) to regenerate every reader notebook of both editions (the Chinese ones, in
``zh/notebooks/``, from the Chinese tree that ``tools/translations.py`` writes); ``--check`` only
reports stale ones.
"""

from __future__ import annotations

import ast
import copy
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import nbformat
import yaml
from myst_nb.core.variables import format_plain_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from book_citations import cite_text, reference_list, set_language  # noqa: E402
from book_extension import READER_DIRS, chapter_number  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# The edition being converted (see `use_edition`): where its sources are, where its readers go,
# its address on the site and the words the converter writes.
SOURCE_ROOT = ROOT
SOURCE_DIR = ROOT / "chapters"
READER_DIR = READER_DIRS["en"]
EDITION = "en"
LABELS = {
    "en": {"figure": "Fig. %s", "exercise": "Exercise %s", "solution": "Solution to Exercise %s",
           "solutions": "Solutions · 参考答案", "references": "References · 参考文献",
           "about_title": "About this notebook · 关于本笔记本",
           "about": ("This is the reader's copy of a chapter of *Industrial Clusters and "
                     "Upgrading*; the web version is [{title}]({url}). Every number in the text "
                     "was computed by the code cells below when the book was built: run all cells "
                     "(*Run → Run All*) to reproduce them. "),
           "about_solutions": "Solutions to the exercises are at the end, under **Solutions**.",
           "admonitions": {}},
    "zh": {"figure": "图 %s", "exercise": "练习 %s", "solution": "练习 %s 解答",
           "solutions": "参考答案", "references": "参考文献", "about_title": "关于本笔记本",
           "about": ("这是《产业集群与产业升级》一章的读者版笔记本，网页版见 [{title}]({url})。"
                     "正文中的每个数字都由下面的代码单元在成书时计算得出：运行全部单元"
                     "（*Run → Run All*）即可复现。"),
           "about_solutions": "练习的参考答案在文末“参考答案”部分。",
           "admonitions": {"note": "注", "tip": "提示", "hint": "提示", "warning": "警告",
                           "important": "重要", "caution": "注意", "attention": "注意",
                           "danger": "危险", "error": "错误", "seealso": "另见"}},
}
GLUE_MIME = "application/papermill.record/"
ADMONITIONS = {"admonition", "note", "tip", "warning", "important", "caution", "attention",
               "hint", "danger", "error", "seealso"}
MYST_LEFTOVERS = re.compile(r"\{[a-z][\w:-]*\}`|\{(glue|cite|numref|ref|doc|exercise|solution)[:}-]|"
                            r"^\s*:::|^\s*```+\{", re.MULTILINE)
DIRECTIVE = re.compile(r"^(?P<indent>[ ]*)(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}[ ]*(?P<arg>.*)$")
CODE_FENCE = re.compile(r"^(?P<indent>[ ]*)(?P<fence>`{3,}|~{3,})(?!\{)")
OPTION = re.compile(r"^[ ]*:(?P<key>[\w-]+):[ ]*(?P<value>.*)$")
ROLE = re.compile(r"\{(?P<role>[a-z][\w:-]*)\}`(?P<content>[^`]+)`")
TARGET = re.compile(r"^\((?P<label>[\w:.-]+)\)=[ ]*$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ ]+(?P<title>.+?)[ ]*$")
EXPLICIT = re.compile(r"^(?P<text>.*?)[ ]*<(?P<target>[^<>]+)>$", re.DOTALL)


class ReaderError(ValueError):
    """A chapter uses something the reader-notebook converter does not support."""


# ----------------------------------------------------------------------------------------------
# Book settings and the chapters' titles and labels


def use_edition(edition: str) -> None:
    """Convert the English chapters (``"en"``) or the Chinese edition's generated ones (``"zh"``,
    from ``_build/zh-source``, written by ``tools/translations.py``) from now on."""
    global SOURCE_ROOT, SOURCE_DIR, READER_DIR, EDITION
    if edition not in LABELS:
        raise ValueError(f"edition {edition!r} is not one of {sorted(LABELS)}.")
    import translations  # the Chinese source tree and its location

    EDITION = edition
    SOURCE_ROOT = ROOT if edition == "en" else translations.BUILD_SOURCE
    SOURCE_DIR = SOURCE_ROOT / "chapters"
    READER_DIR = READER_DIRS[edition]
    set_language(edition)
    documents.cache_clear()


@lru_cache(maxsize=1)
def book_config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def repository() -> tuple[str, str]:
    """The repository URL of the launch buttons (the one setting in _config.yml) and branch."""
    repo = book_config()["repository"]
    return repo["url"].rstrip("/"), repo.get("branch", "main")


def site_url() -> str:
    """Where the book is published: ``html.baseurl`` if set, else the repository's GitHub Pages
    address (https://<owner>.github.io/<name>/)."""
    baseurl = (book_config().get("html") or {}).get("baseurl")
    if baseurl:
        return baseurl.rstrip("/") + "/"
    url, _ = repository()
    match = re.fullmatch(r"https://github\.com/(?P<owner>[^/]+)/(?P<name>[^/]+)", url)
    if not match:
        raise ReaderError(f"repository.url {url!r} in _config.yml is not a GitHub repository; set "
                          f"html.baseurl to the address where the book is published.")
    return f"https://{match['owner']}.github.io/{match['name']}/"


def _markdown_sources(path: Path) -> list[str]:
    if path.suffix == ".ipynb":
        notebook = nbformat.read(path, as_version=4)
        return [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]
    return [path.read_text(encoding="utf-8")]


@dataclass(frozen=True)
class Document:
    """Title and section labels of one page of the book (for {doc} and {ref})."""

    docname: str  # e.g. "chapters/03_jimei"
    title: str
    sections: dict[str, str] = field(default_factory=dict)  # label -> heading text

    @property
    def url(self) -> str:
        edition = "" if EDITION == "en" else f"{EDITION}/"
        return f"{site_url()}{edition}{self.docname}.html"


@lru_cache(maxsize=1)
def documents() -> dict[str, Document]:
    """Every page of the book by docname: chapters (notebooks and Markdown), intro."""
    pages = [SOURCE_ROOT / "intro.md", *sorted(SOURCE_DIR.glob("*.ipynb")),
             *sorted(SOURCE_DIR.glob("*.md"))]
    found = {}
    for path in pages:
        title, sections, pending = None, {}, None
        for text in _markdown_sources(path):
            for line in text.splitlines():
                target, heading = TARGET.match(line), HEADING.match(line)
                if target:
                    pending = target["label"]
                elif heading:
                    title = title or heading["title"]
                    if pending:
                        sections[pending] = heading["title"]
                        pending = None
        docname = path.relative_to(SOURCE_ROOT).with_suffix("").as_posix()
        found[docname] = Document(docname, title or docname, sections)
    return found


# ----------------------------------------------------------------------------------------------
# One chapter


@dataclass
class Context:
    """What the conversion of one chapter needs to know."""

    source: Path
    glue: dict[str, str]  # key -> text/plain of the glued value
    figures: dict[str, str]  # figure label -> number on the page ("5.3")
    exercises: dict[str, str]  # exercise label -> number on the page
    citations: list[str] = field(default_factory=list)  # keys cited, in order of first use
    where: str = ""

    def fail(self, message: str) -> ReaderError:
        return ReaderError(f"{self.source.name}, {self.where}: {message}")

    @property
    def docname(self) -> str:
        return self.source.relative_to(SOURCE_ROOT).with_suffix("").as_posix()


def _glue_values(notebook) -> dict[str, str]:
    values = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name is not None:
                values[name] = output["data"].get(GLUE_MIME + "text/plain", "")
    return values


def _numbered_labels(notebook, docname: str) -> tuple[dict[str, str], dict[str, str]]:
    """Figure and exercise numbers as the web page gives them: in order within the chapter,
    prefixed with its number ("5.3"; tools/book_extension.py numbers the site the same way)."""
    chapter = chapter_number(docname)
    prefix = f"{chapter}." if chapter else ""
    figures, exercises = {}, {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            name = cell.metadata.get("mystnb", {}).get("figure", {}).get("name")
            if name:
                figures[name] = f"{prefix}{len(figures) + 1}"
        else:
            for match in re.finditer(r"```+\{exercise\}[^\n]*\n(?:[ ]*:[\w-]+:.*\n)*?[ ]*:label:[ ]*(\S+)",
                                     cell.source):
                exercises[match.group(1)] = f"{prefix}{len(exercises) + 1}"
    return figures, exercises


def _split_explicit(content: str) -> tuple[str | None, str]:
    match = EXPLICIT.match(content)
    return (match["text"].strip(), match["target"].strip()) if match else (None, content.strip())


def _role(match: re.Match, context: Context) -> str:
    role, content = match["role"], match["content"]
    if role in ("glue:text", "glue"):
        key, fmt = content.rsplit(":", 1) if ":" in content else (content, "")
        if key not in context.glue:
            raise context.fail(f"glued value {key!r} is not in the stored outputs; run "
                               f"`python3 dev.py execute {context.source.stem}`.")
        return format_plain_text(context.glue[key], fmt)
    if role in ("cite", "cite:p", "cite:t"):
        keys = [key.strip() for key in content.split(",") if key.strip()]
        context.citations.extend(key for key in keys if key not in context.citations)
        return cite_text(keys, textual=role == "cite:t")
    if role == "numref":
        text, label = _split_explicit(content)
        if label in context.figures:
            number, default = context.figures[label], LABELS[EDITION]["figure"]
        elif label in context.exercises:
            number, default = context.exercises[label], LABELS[EDITION]["exercise"]
        else:
            raise context.fail(f"{{numref}} target {label!r} is not a figure or exercise of this "
                               f"chapter.")
        return (text or default).replace("%s", number).replace("{number}", number)
    if role == "ref":
        text, label = _split_explicit(content)
        for document in documents().values():
            if label in document.sections:
                title = text or document.sections[label]
                if document.docname == context.docname:
                    return title
                return f"[{title}]({document.url}#{label.replace('_', '-')})"
        raise context.fail(f"{{ref}} target {label!r} is not a section label of any page.")
    if role == "doc":
        text, target = _split_explicit(content)
        base = Path(context.docname).parent
        docname = (base / target).as_posix() if not target.startswith("/") else target.lstrip("/")
        docname = re.sub(r"[^/]+/\.\./", "", docname)
        if docname not in documents():
            raise context.fail(f"{{doc}} target {target!r} is not a page of the book.")
        document = documents()[docname]
        return f"[{text or document.title}]({document.url})"
    if role == "term":
        text, term = _split_explicit(content)
        return text or term
    if role == "math":
        return f"${content}$"
    raise context.fail(f"the role {{{role}}} is not supported in chapters; use one of glue:text, "
                       f"cite:t, cite:p, numref, ref, doc, term, math.")


def _inline(text: str, context: Context) -> str:
    return ROLE.sub(lambda match: _role(match, context), text)


def _closing(lines: list[str], start: int, fence: str) -> int:
    char = fence[0]
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped and set(stripped) == {char} and len(stripped) >= len(fence):
            return index
    return -1


def _render(lines: list[str], context: Context) -> list[str]:
    """Markdown lines with MyST directives and roles turned into plain Markdown."""
    out: list[str] = []
    paragraph: list[str] = []

    def flush():
        if paragraph:
            out.extend(_inline("\n".join(paragraph), context).split("\n"))
            paragraph.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        directive, code = DIRECTIVE.match(line), CODE_FENCE.match(line)
        if directive:
            flush()
            end = _closing(lines, index, directive["fence"])
            if end < 0:
                raise context.fail(f"the directive {{{directive['name']}}} is not closed.")
            inner = [entry[len(directive["indent"]):] for entry in lines[index + 1:end]]
            options = {}
            while inner and OPTION.match(inner[0]):
                option = OPTION.match(inner.pop(0))
                options[option["key"]] = option["value"].strip()
            while inner and not inner[0].strip():
                inner.pop(0)
            rendered = _directive(directive["name"], directive["arg"].strip(), options, inner, context)
            out.extend(directive["indent"] + entry if entry else entry for entry in rendered)
            index = end + 1
            continue
        if code:
            flush()
            end = _closing(lines, index, code["fence"])
            end = len(lines) - 1 if end < 0 else end
            out.extend(lines[index:end + 1])
            index = end + 1
            continue
        if line.strip() == "$$":  # display math: copied as it is
            flush()
            end = next((j for j in range(index + 1, len(lines)) if lines[j].strip() == "$$"), -1)
            if end < 0:
                raise context.fail("a $$ display-math block is not closed.")
            out.extend(lines[index:end + 1])
            index = end + 1
            continue
        if TARGET.match(line):
            flush()
            index += 1
            continue
        paragraph.append(line)
        index += 1
    flush()
    return out


def _directive(name: str, arg: str, options: dict, body: list[str], context: Context) -> list[str]:
    if name in ADMONITIONS:
        word = LABELS[EDITION]["admonitions"].get(name, name.capitalize())
        title = arg if name == "admonition" else (word + (f": {arg}" if arg else ""))
        inner = _render(body, context)
        quoted = [f"> **{_inline(title, context)}**", ">"]
        quoted += ["> " + entry if entry.strip() else ">" for entry in inner]
        return quoted
    if name == "exercise":
        label = options.get("label")
        if label not in context.exercises:
            raise context.fail("an exercise needs a :label: to be numbered and solved.")
        title = f" · {_inline(arg, context)}" if arg else ""
        heading = LABELS[EDITION]["exercise"] % context.exercises[label]
        return [f"### {heading}{title}", "", *_render(body, context)]
    if name == "math":
        return ["$$", *body, "$$"]
    raise context.fail(f"the directive {{{name}}} is not supported in chapters; use admonitions "
                       f"({', '.join(sorted(ADMONITIONS))}), exercise with gated solutions, or math.")


def _gated(cell, kind: str) -> str | None:
    """The exercise label if `cell` is a `{solution-start}` (kind "start") or any
    `{solution-end}` (kind "end") marker cell, else None."""
    if cell.cell_type != "markdown":
        return None
    match = re.fullmatch(r"(`{3,}|:{3,})\{solution-" + kind + r"\}[ ]*(\S*)[^\n]*\n(?:[ ]*:[\w-]+:.*\n)*[ ]*\1",
                         cell.source.strip())
    return None if match is None else (match.group(2) or "end")


# ----------------------------------------------------------------------------------------------
# Code cells


def _is_glue_statement(node: ast.stmt) -> bool:
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        function = node.value.func
        return isinstance(function, ast.Name) and function.id == "glue"
    if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("myst_nb"):
        return all(alias.name == "glue" for alias in node.names)
    return False


def strip_glue(source: str, context: Context) -> str:
    """The code without glue calls, the ``myst_nb`` import and loops left empty by removing
    them; every other line stays as written (comments included)."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise context.fail(f"code does not parse as Python ({error.msg}); chapters use no magics.")
    removed: list[ast.stmt] = []

    def prune(body: list[ast.stmt]) -> bool:
        """Mark glue statements in `body`; True if nothing else is left in it."""
        left = 0
        for node in body:
            if _is_glue_statement(node):
                removed.append(node)
            elif isinstance(node, (ast.For, ast.While, ast.If, ast.With)) and not getattr(
                    node, "orelse", []) and prune(node.body):
                removed[:] = [r for r in removed if not (node.lineno <= r.lineno <= node.end_lineno)]
                removed.append(node)
            else:
                left += 1
        return left == 0

    prune(tree.body)
    lines = source.split("\n")
    drop = {number for node in removed for number in range(node.lineno, node.end_lineno + 1)}
    inside_removed = {id(node) for root in removed for node in ast.walk(root)}
    shared = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.stmt)
              and id(node) not in inside_removed
              and drop & set(range(node.lineno, node.end_lineno + 1))
              and not isinstance(node, (ast.For, ast.While, ast.If, ast.With))]
    if shared:
        raise context.fail(f"line {shared[0]} mixes a glue call with other code; put glue calls "
                           f"on lines of their own.")
    kept = [line for number, line in enumerate(lines, start=1) if number not in drop]
    return "\n".join(kept).strip("\n")


def _reader_code_cell(cell, context: Context):
    source = strip_glue(cell.source, context)
    if not source.strip():
        return None
    new = copy.deepcopy(cell)
    new.source = source
    new.outputs = [output for output in cell.outputs
                   if not any(key.startswith(GLUE_MIME) for key in output.get("data", {}))]
    new.metadata = {key: value for key, value in cell.metadata.items() if key == "tags"}
    return new


# ----------------------------------------------------------------------------------------------
# The whole notebook

SETUP_CODE = '''\
# Set-up · 环境准备: run this cell first. In the book's own environment (and on Binder) it does
# nothing. Where clusterlib is missing (e.g. Google Colab) it downloads the book, then installs its
# package and data with the book's pinned versions (a minute or two).
import importlib.util

if importlib.util.find_spec("clusterlib") is None:
    import os
    import subprocess
    import sys

    REPOSITORY = "{repository}"
    BOOK = os.path.abspath("{folder}")
    if not os.path.isdir(BOOK):
        subprocess.run(["git", "clone", "--depth", "1", "--branch", "{branch}", REPOSITORY, BOOK],
                       check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "--constraint", os.path.join(BOOK, "requirements.lock"), BOOK], check=True)
    os.environ["CLUSTERLIB_DATA"] = os.path.join(BOOK, "data")  # the book's datasets
    importlib.invalidate_caches()
    if "numpy" in sys.modules or "pandas" in sys.modules:
        print("Installed. Restart the runtime (Colab: Runtime > Restart session), then run all.")
'''


def setup_cell():
    url, branch = repository()
    code = SETUP_CODE.format(repository=url, folder=url.rsplit("/", 1)[-1], branch=branch)
    cell = nbformat.v4.new_code_cell(code.rstrip("\n"))
    cell.id = "reader-setup"
    return cell


def _markdown(text: str, cell_id: str):
    cell = nbformat.v4.new_markdown_cell(text)
    cell.id = cell_id
    return cell


# JupyterLab (3 and 4) stores a collapsed heading in this cell metadata key: the cells under the
# heading stay hidden until the reader expands it (the caret left of the heading).
COLLAPSED = "jp-MarkdownHeadingCollapsed"


def _collapsed(cell):
    """`cell` (a heading) opened collapsed in JupyterLab, so a solution is not in plain view."""
    cell.metadata[COLLAPSED] = True
    return cell


def convert(source: Path) -> nbformat.NotebookNode:
    """The reader notebook of one chapter (see the module docstring)."""
    notebook = nbformat.read(source, as_version=4)
    docname = source.relative_to(SOURCE_ROOT).with_suffix("").as_posix()
    figures, exercises = _numbered_labels(notebook, docname)
    context = Context(source=source, glue=_glue_values(notebook), figures=figures,
                      exercises=exercises)
    document = documents()[context.docname]
    body, solutions = [], []
    solving = None
    for number, cell in enumerate(notebook.cells, start=1):
        context.where = f"cell {number}"
        start, end = _gated(cell, "start"), _gated(cell, "end")
        if start:
            if start not in exercises:
                raise context.fail(f"solution of unknown exercise {start!r}.")
            solving = [_collapsed(_markdown(f"### {LABELS[EDITION]['solution'] % exercises[start]}",
                                            f"{cell.id}-solution"))]
            continue
        if end:
            if solving is None:
                raise context.fail("{solution-end} without a {solution-start}.")
            solutions.extend(solving)
            solving = None
            continue
        target = solving if solving is not None else body
        if cell.cell_type == "markdown":
            new = copy.deepcopy(cell)
            new.source = "\n".join(_render(cell.source.split("\n"), context))
            new.metadata = {}
            target.append(new)
        elif cell.cell_type == "code":
            new = _reader_code_cell(cell, context)
            if new is not None:
                target.append(new)
                caption = cell.metadata.get("mystnb", {}).get("figure", {})
                if caption.get("name"):
                    text = _inline(caption.get("caption", ""), context)
                    number = LABELS[EDITION]["figure"] % figures[caption["name"]]
                    target.append(_markdown(f"**{number}.** {text}",
                                            f"{cell.id}-caption"))
    if solving is not None:
        raise ReaderError(f"{source.name}: a {{solution-start}} is never ended.")
    words = LABELS[EDITION]
    about = _markdown(
        f"> **{words['about_title']}**\n>\n> "
        + words["about"].format(title=document.title, url=document.url)
        + (words["about_solutions"] if solutions else ""),
        "reader-about")
    cells = [setup_cell(), *body[:1], about, *body[1:]]
    if solutions:
        cells.append(_collapsed(_markdown(f"## {words['solutions']}", "reader-solutions")))
        cells.extend(solutions)
    if context.citations:
        items = reference_list(context.citations)
        cells.append(_markdown(f"## {words['references']}\n\n" + "\n".join(items),
                               "reader-references"))
    reader = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    })
    for cell in reader.cells:
        if cell.cell_type == "markdown" and MYST_LEFTOVERS.search(cell.source):
            leftover = MYST_LEFTOVERS.search(cell.source).group(0)
            raise ReaderError(f"{source.name}: MyST syntax {leftover!r} is left in the reader "
                              f"notebook; the converter does not support it.")
    nbformat.validate(reader)
    return reader


def sources() -> list[Path]:
    """Every notebook of the book that gets a reader notebook."""
    return sorted(SOURCE_DIR.glob("*.ipynb"))


def reader_path(source: Path) -> Path:
    return READER_DIR / source.name


def render(source: Path) -> str:
    return nbformat.writes(convert(source)) + "\n"


def write_all(*, check: bool = False) -> list[Path]:
    """Regenerate every reader notebook (or, with `check`, list the stale ones)."""
    stale = []
    for source in sources():
        path, text = reader_path(source), render(source)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not check:
                path.parent.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8")
    for orphan in sorted(set(READER_DIR.glob("*.ipynb")) - {reader_path(s) for s in sources()}):
        stale.append(orphan)
        if not check:
            orphan.unlink()
    return stale


def write_editions(*, check: bool = False) -> list[Path]:
    """The reader notebooks of both editions (the Chinese tree is written first)."""
    import translations

    stale = write_all(check=check)
    translations.write_tree()
    try:
        use_edition("zh")
        stale += write_all(check=check)
    finally:
        use_edition("en")
    return stale


def main(arguments: list[str]) -> None:
    check = "--check" in arguments
    stale = write_editions(check=check)
    for path in stale:
        print(("stale: " if check else "wrote ") + str(path.relative_to(ROOT)), flush=True)
    if check and stale:
        sys.exit("Reader notebooks are out of date: run `python3 dev.py execute`.")


if __name__ == "__main__":
    main(sys.argv[1:])
