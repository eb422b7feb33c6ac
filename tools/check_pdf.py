"""Check the PDF edition that `python3 dev.py pdf` built (_build/latex/book.pdf).

    .venv/bin/python tools/check_pdf.py [path/to/book.pdf]   # _build/latex/book-zh.pdf: Chinese

Exit status 0 when every check passes, 1 otherwise (each failure is printed):
- the PDF exists, is newer than the LaTeX source it was made from, and `pdfinfo` reads it;
- the LaTeX log has no "Missing character" (a glyph that no font of the book has), no undefined
  reference or citation, and no LaTeX error;
- the page count lies in a plausible range (a chapter lost or duplicated moves it);
- `pdftotext` finds English and Chinese terms from the chapters, the appendices and the
  bibliography (text that is there and extractable, so the CJK fonts were embedded with their
  Unicode mapping).
Standard library only; needs poppler-utils (pdfinfo, pdftotext).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "_build" / "latex" / "book.pdf"
PAGES = range(250, 501)  # 350 pages when this check was written (December 2026)
# term -> how many times it must at least appear
TERMS = {
    "Industrial clusters": 1, "location quotient": 5, "Lotka": 5, "shift-share": 5,
    "coupling coordination": 3, "Glossary": 1, "API reference": 1,
    "产业集群": 50, "区位商": 3, "协同度": 5, "参考文献": 1, "中英术语表": 1,
    "Krugman": 3,  # a docstring reference and the bibliography
}
# the Chinese edition (book-zh.pdf, `python3 dev.py pdf zh`)
TERMS_ZH = {
    "产业集群": 100, "区位商": 3, "协同度": 5, "参考文献": 1, "中英术语表": 1, "接口说明": 1,
    "学习目标": 5, "Lotka": 3, "Krugman": 3,
}
LOG_PROBLEMS = {
    "Missing character": re.compile(r"^Missing character: .*$", re.MULTILINE),
    "undefined reference": re.compile(r"^LaTeX Warning: Reference .* undefined.*$", re.MULTILINE),
    "undefined citation": re.compile(r"^LaTeX Warning: Citation .* undefined.*$", re.MULTILINE),
    "LaTeX error": re.compile(r"^! .*$", re.MULTILINE),
}


def check(pdf: Path = PDF) -> list[str]:
    """Every failed check, as a message (empty list: the PDF is fine)."""
    failures = []
    for tool in ("pdfinfo", "pdftotext"):
        if shutil.which(tool) is None:
            return [f"{tool} not found: install the Debian package poppler-utils"]
    if not pdf.is_file():
        return [f"{pdf} does not exist: run `python3 dev.py pdf` first"]
    tex, log = pdf.with_suffix(".tex"), pdf.with_suffix(".log")
    if tex.is_file() and tex.stat().st_mtime > pdf.stat().st_mtime:
        failures.append(f"{pdf.name} is older than {tex.name}: the last LaTeX run failed")
    if not log.is_file():
        failures.append(f"no LaTeX log {log}")
    else:
        text = log.read_text(encoding="utf-8", errors="replace")
        for name, pattern in LOG_PROBLEMS.items():
            found = sorted(set(pattern.findall(text)))
            if found:
                failures.append(f"{log.name}: {len(found)} kind(s) of {name}, e.g. "
                                + "; ".join(found[:5]))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    if info.returncode or not match:
        failures.append(f"pdfinfo cannot read {pdf}: {info.stderr.strip()}")
        return failures
    pages = int(match.group(1))
    if pages not in PAGES:
        failures.append(f"{pages} pages, expected {PAGES.start}-{PAGES.stop - 1}")
    extracted = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                               capture_output=True, text=True)
    words = " ".join(extracted.stdout.split())
    terms = TERMS_ZH if pdf.name.endswith("-zh.pdf") else TERMS
    for term, least in terms.items():
        count = words.count(term)
        if count < least:
            failures.append(f"pdftotext finds {term!r} {count} time(s), expected at least {least}")
    if not failures:
        print(f"{pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf}: {pages} pages, "
              f"{len(terms)} terms found, clean LaTeX log")
    return failures


def main(arguments: list[str]) -> int:
    pdf = Path(arguments[0]).resolve() if arguments else PDF
    failures = check(pdf)
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
