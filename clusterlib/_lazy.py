"""Heavy dependencies imported on first use, so that ``import clusterlib`` stays fast.

scipy's submodules, statsmodels, matplotlib and seaborn take seconds to import, against about
half a second for pandas; most chapters use a few of them and a test process may use none. A
module's import block therefore names them lazily instead of importing them::

    from clusterlib import _lazy

    stats = _lazy.module("scipy.stats")                     # was: from scipy import stats
    spearmanr = _lazy.function("scipy.stats", "spearmanr")  # was: from scipy.stats import spearmanr

and the functions below use ``stats.f.sf(...)`` and ``spearmanr(a, b)`` exactly as before. The
real module is imported the first time one of its attributes is read (or the function is called)
and is then cached by Python as usual (``sys.modules``). New code may equally import a heavy
dependency inside the function that uses it. ``tests/test_imports.py`` fails if
``import clusterlib`` imports any of the heavy modules listed there.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

__all__: list[str] = []  # private module


class LazyModule:
    """Stands for a module that is imported when one of its attributes is first read."""

    __slots__ = ("_name", "_module")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def _load(self) -> ModuleType:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return self._module

    def __getattr__(self, attribute: str) -> Any:
        # Introspection (doctest collection, inspect.unwrap, copy, pickle) asks for dunder names
        # such as __wrapped__; answering those must not import the module.
        if attribute.startswith("__") and attribute.endswith("__"):
            raise AttributeError(attribute)
        return getattr(self._load(), attribute)

    def __setattr__(self, attribute: str, value: Any) -> None:
        if attribute in LazyModule.__slots__:
            object.__setattr__(self, attribute, value)
        else:  # as on the module itself (what monkeypatch.setattr in a test does)
            setattr(self._load(), attribute, value)

    def __delattr__(self, attribute: str) -> None:
        delattr(self._load(), attribute)

    def __dir__(self) -> list[str]:
        return dir(self._load())

    def __repr__(self) -> str:
        state = "imported" if self._module is not None else "not imported yet"
        return f"<lazy module {self._name!r} ({state})>"


def module(name: str) -> LazyModule:
    """A stand-in for ``import name`` that imports the module when it is first used."""
    return LazyModule(name)


def function(module_name: str, name: str) -> Callable[..., Any]:
    """A stand-in for ``from module_name import name`` (a function or class that is only
    called): the module is imported at the first call."""
    source = LazyModule(module_name)

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(source, name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"``{module_name}.{name}``, imported at the first call."
    return call
