"""One look for every figure and table in the book: a seaborn theme, a CJK font with a Latin
fallback, and pandas display options that keep table text whole.

Every chapter calls :func:`use_book_style` in its first code cell. Chinese labels then render with
Noto Sans CJK SC (shipped by the ``mplfonts`` package, so no system font or root step is needed);
Latin text and symbols the CJK font lacks fall back to DejaVu Sans. Tables print text cells in
full (pandas would cut them at 50 characters, "Pearl River Delta, Yangtze River Delta and Boh...").
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd

from clusterlib import _lazy

# Heavy dependencies, imported at first use so that `import clusterlib` stays fast (_lazy.py).
matplotlib = _lazy.module("matplotlib")
font_manager = _lazy.module("matplotlib.font_manager")
sns = _lazy.module("seaborn")

__all__ = ["CJK_FONT", "cjk_font_path", "use_book_style"]

CJK_FONT = "Noto Sans CJK SC"
_FONT_FILE = "NotoSansCJKsc-Regular.otf"


def cjk_font_path() -> Path:
    """Path of the Noto Sans CJK SC font file inside the installed ``mplfonts`` package.

    Raises
    ------
    FileNotFoundError
        If ``mplfonts`` is installed without the font file.

    Examples
    --------
    >>> cjk_font_path().name
    'NotoSansCJKsc-Regular.otf'
    """
    # Located, not imported: importing mplfonts loads fontTools (a quarter of a second).
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(
            "The mplfonts package (the book's CJK font) is not installed; install the book's "
            "pinned requirements (python3 dev.py setup).", name="mplfonts")
    path = Path(spec.origin).resolve().parent / "fonts" / _FONT_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"{_FONT_FILE} is missing from the mplfonts package at {path.parent}; reinstall it "
            f"with the book's pinned requirements (python3 dev.py setup)."
        )
    return path


def use_book_style(*, context: str = "notebook") -> None:
    """Register the CJK font, set the book's seaborn theme and let tables print text in full
    (pandas option ``display.max_colwidth``); safe to call more than once.

    Parameters
    ----------
    context : str, default "notebook"
        A seaborn plotting context: ``"paper"``, ``"notebook"``, ``"talk"`` or ``"poster"``.

    Raises
    ------
    ValueError
        If `context` is not one of seaborn's contexts.

    Examples
    --------
    >>> use_book_style()
    >>> import matplotlib
    >>> matplotlib.rcParams["font.sans-serif"][:2]
    ['Noto Sans CJK SC', 'DejaVu Sans']
    >>> pd.get_option("display.max_colwidth") is None
    True
    """
    contexts = ("paper", "notebook", "talk", "poster")
    if context not in contexts:
        raise ValueError(f"`context` must be one of {list(contexts)}; received {context!r}.")
    path = str(cjk_font_path())
    if path not in {entry.fname for entry in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(path)
    sns.set_theme(
        context=context,
        style="whitegrid",
        palette="colorblind",
        font=CJK_FONT,
        rc={
            "font.sans-serif": [CJK_FONT, "DejaVu Sans"],
            "axes.unicode_minus": False,  # the CJK font has no U+2212 minus sign
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "figure.figsize": (7.0, 4.2),
        },
    )
    matplotlib.rcParams["svg.hashsalt"] = "clusterlib"  # stable SVG ids between runs
    pd.set_option("display.max_colwidth", None)  # text cells whole, never "Boh..."
