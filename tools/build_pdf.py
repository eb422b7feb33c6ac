"""Build the PDF edition (English) with Jupyter Book's LaTeX route: XeLaTeX, xeCJK, Noto CJK fonts.

Called by `python3 dev.py pdf` inside the project environment, after dev.py has checked that the
TeX tools are installed. Like the HTML build it renders the stored outputs (and refuses to build
if one holds an error). The PDF-only settings live in `tools/book_pdf.py` (a Sphinx extension);
this script writes a configuration that is `_config.yml` plus that extension and the LaTeX
engine, so that the site's configuration stays as it is. Sphinx warnings are errors; the LaTeX
run itself is checked afterwards by `tools/check_pdf.py` (missing glyphs, page count, text).

Result: `_build/latex/book.pdf` (the LaTeX log is `_build/latex/book.log`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from notebook_checks import ROOT, exit_unless_fit_to_publish

OUTPUT = ROOT / "_build"
LATEX = OUTPUT / "latex"
PDF = LATEX / "book.pdf"


def pdf_config(source: Path = ROOT) -> dict:
    """The book's `_config.yml` with the PDF edition's additions (absolute paths, because the
    configuration is written into the build folder)."""
    config = yaml.safe_load((source / "_config.yml").read_text(encoding="utf-8"))
    config["latex"] = {"latex_engine": "xelatex", "use_jupyterbook_latex": True,
                       "latex_documents": {"targetname": "book.tex"}}
    sphinx = config.setdefault("sphinx", {})
    tools = str(ROOT / "tools")
    sphinx["local_extensions"] = {**{name: tools for name in sphinx.get("local_extensions", {})},
                                  "book_pdf": tools}
    config["bibtex_bibfiles"] = [str((source / path).resolve())
                                 for path in config.get("bibtex_bibfiles", [])]
    return config


def build(source: Path = ROOT, output: Path = OUTPUT) -> int:
    """Write the PDF configuration and run jupyter-book's pdflatex builder; its return code."""
    latex = output / "latex"
    shutil.rmtree(latex, ignore_errors=True)  # a clean LaTeX build: no stale doctrees or aux
    shutil.rmtree(output / ".doctrees", ignore_errors=True)
    output.mkdir(parents=True, exist_ok=True)
    config_path = output / "pdf_config.yml"
    config_path.write_text(yaml.safe_dump(pdf_config(source), allow_unicode=True,
                                          sort_keys=False), encoding="utf-8")
    book = str(Path(sys.executable).parent / "jupyter-book")
    command = [book, "build", str(source), "--path-output", str(output.parent), "--config",
               str(config_path), "--builder", "pdflatex", "--warningiserror", "--nitpick",
               "--keep-going"]
    # jieba (Chinese search, HTML only) is not used here; latexmk must not stop to ask.
    env = {**os.environ, "PYTHONWARNINGS": "ignore:pkg_resources is deprecated:UserWarning",
           "LATEXMKOPTS": "-interaction=nonstopmode -halt-on-error"}
    print("+", " ".join(command), flush=True)
    return subprocess.run(command, cwd=source, env=env).returncode


PDF_ZH = LATEX / "book-zh.pdf"


def build_chinese() -> int:
    """The Chinese edition (tools/translations.py writes its source tree), built the same way
    into that tree and copied to _build/latex/book-zh.pdf."""
    import translations

    tree = translations.write_tree(OUTPUT / "zh-pdf-source")
    code = build(tree, tree / "_build")
    built = tree / "_build" / "latex" / "book.pdf"
    if code == 0 and built.is_file():
        LATEX.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, PDF_ZH)
        shutil.copyfile(built.with_suffix(".log"), PDF_ZH.with_suffix(".log"))
    return code


def main(arguments: list[str]) -> None:
    exit_unless_fit_to_publish()
    start = time.monotonic()
    if arguments == ["zh"]:
        code = build_chinese()
        target = PDF_ZH
    else:
        code = build()
        target = PDF
    if code or not target.is_file():
        sys.exit(f"The PDF build failed (exit status {code}); see the messages above and the "
                 f"LaTeX log next to {target.relative_to(ROOT)}.")
    print(f"\nBuilt {target.relative_to(ROOT)} in {time.monotonic() - start:.0f} s.", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
