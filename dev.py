#!/usr/bin/env python3
"""The book's two commands, for a fresh machine that has only Python >= 3.11 and git.

    python3 dev.py book   # create .venv, install the pinned dependencies, build _build/html
    python3 dev.py test   # (create .venv if needed) run unit tests, doctests and strict nbval
    python3 dev.py execute [0N_name ...]  # re-run chapters in place (refresh stored outputs)
    python3 dev.py pdf [zh]  # the PDF edition, _build/latex/book.pdf (book-zh.pdf: Chinese;
                             # needs TeX, see README)

Both steps use only the standard library until the virtual environment exists. The environment
is rebuilt whenever requirements.lock or pyproject.toml changes (a stamp file records their hash).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".clusterlib-stamp"
OFFLINE_KERNEL = "clusterlib-offline"
PINNED_TOOLS = ["pip==26.3", "setuptools==80.9.0", "wheel==0.45.1"]


def _run(*args: str | os.PathLike[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def _inputs_hash() -> str:
    digest = hashlib.sha256()
    for name in ("requirements.lock", "pyproject.toml", "dev.py"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def setup() -> None:
    """Create .venv with exactly the pinned versions and clusterlib installed in editable mode."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python >= 3.11 is needed; this is {sys.version.split()[0]}.")
    wanted = _inputs_hash()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        print(f"environment {VENV} is up to date", flush=True)
        return
    if VENV.exists():
        shutil.rmtree(VENV)
    venv.EnvBuilder(with_pip=True).create(VENV)
    _run(PYTHON, "-m", "pip", "install", "--quiet", *PINNED_TOOLS)
    _run(PYTHON, "-m", "pip", "install", "--quiet", "-r", "requirements.lock")
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", ".")
    # The kernel the notebooks name ("python3") must be this environment's Python.
    _run(PYTHON, "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3",
         "--display-name", "Python 3 (clusterlib)")
    _install_offline_kernel()
    STAMP.write_text(wanted)


def _install_offline_kernel() -> None:
    """A kernel for the tests: the same Python, with every non-loopback connection refused."""
    spec = VENV / "share" / "jupyter" / "kernels" / OFFLINE_KERNEL
    spec.mkdir(parents=True, exist_ok=True)
    argv = [str(PYTHON), str(ROOT / "tools" / "offline_kernel.py"), "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "Python 3 (clusterlib, offline)", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel, indent=1))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(VENV)
    env["JUPYTER_PATH"] = str(VENV / "share" / "jupyter")
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONPATH", None)
    return env


def book() -> None:
    """Set up, then build the book strictly (warnings are errors) into _build/html."""
    setup()
    _run(PYTHON, "tools/build_book.py", env=_env())
    print(f"\nBuilt. Open {ROOT / '_build' / 'html' / 'index.html'} in a browser.")


def test() -> None:
    """Set up, then run every test: unit tests, doctests, strict nbval over every chapter."""
    setup()
    _run(PYTHON, "-m", "pytest", env=_env())


def execute(*chapters: str) -> None:
    """Set up, then re-run every chapter (or the named ones) in place to refresh its stored
    outputs and regenerate the reader notebooks."""
    setup()
    _run(PYTHON, "tools/execute_notebooks.py", *chapters, env=_env())


# The PDF edition's TeX tools: (program or font, the Debian package that provides it).
PDF_TOOLS = [("xelatex", "texlive-xetex"), ("latexmk", "latexmk"), ("xindy", "xindy"),
             ("make", "make"), ("pdftotext", "poppler-utils"), ("kpsewhich", "texlive-base")]
PDF_TEX_FILES = [("xeCJK.sty", "texlive-lang-chinese"), ("fncychap.sty", "texlive-latex-extra"),
                 ("tabulary.sty", "texlive-latex-extra"), ("capt-of.sty", "texlive-latex-extra"),
                 ("needspace.sty", "texlive-latex-extra"), ("unicode-math.sty",
                                                           "texlive-latex-recommended"),
                 ("lmroman10-regular.otf", "fonts-lmodern")]
PDF_PACKAGES = ("texlive-xetex texlive-lang-chinese latexmk texlive-latex-recommended "
                "texlive-latex-extra texlive-fonts-recommended fonts-noto-cjk xindy poppler-utils "
                "make")


def _missing_pdf_packages() -> list[str]:
    """The Debian packages whose programs, TeX files or fonts the PDF build cannot find."""
    missing = [package for program, package in PDF_TOOLS if shutil.which(program) is None]
    if shutil.which("kpsewhich"):
        for name, package in PDF_TEX_FILES:
            found = subprocess.run(["kpsewhich", name], capture_output=True, text=True)
            if not found.stdout.strip():
                missing.append(package)
    if shutil.which("fc-list"):
        fonts = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    else:  # XeTeX finds fonts through fontconfig's library; without its tools look for the files
        files = {p.name for p in Path("/usr/share/fonts").rglob("Noto*CJK*")}
        both = {"NotoSerifCJK-Regular.ttc", "NotoSansCJK-Regular.ttc"} <= files
        fonts = "Noto Serif CJK SC, Noto Sans Mono CJK SC" if both else ""
    if "Noto Serif CJK SC" not in fonts or "Noto Sans Mono CJK SC" not in fonts:
        missing.append("fonts-noto-cjk")
    return sorted(set(missing))


def pdf(*edition: str) -> None:
    """Check the TeX tools, set up, then build the PDF edition into _build/latex/book.pdf (or,
    with "zh", the Chinese edition into _build/latex/book-zh.pdf)."""
    if edition not in ((), ("zh",)):
        sys.exit("usage: python3 dev.py pdf [zh]")
    missing = _missing_pdf_packages()
    if missing:
        sys.exit("The PDF edition needs TeX and fonts that are not installed (missing here: "
                 f"{' '.join(missing)}). On Debian or Ubuntu, as root:\n"
                 f"    apt-get update && apt-get install -y {PDF_PACKAGES}\n"
                 "then run `python3 dev.py pdf` again (see README, \"PDF edition\").")
    setup()
    _run(PYTHON, "tools/build_pdf.py", *edition, env=_env())


def main() -> None:
    commands = {"setup": setup, "book": book, "test": test, "execute": execute, "pdf": pdf}
    if len(sys.argv) < 2 or sys.argv[1] not in commands or (
            len(sys.argv) > 2 and sys.argv[1] not in ("execute", "pdf")):
        sys.exit(f"usage: python3 dev.py {{{'|'.join(commands)}}} (execute takes optional chapter "
                 f"names, e.g. python3 dev.py execute 01_theory)")
    commands[sys.argv[1]](*sys.argv[2:])


if __name__ == "__main__":
    main()
