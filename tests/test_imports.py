"""`import clusterlib` is fast: it imports no heavy dependency until a function needs one.

scipy's submodules, statsmodels, matplotlib and seaborn take seconds to import on two cores;
every chapter, every nbval kernel and every student's first cell would pay for them. They are
named lazily in each module's import block (clusterlib/_lazy.py) or imported inside the functions
that use them. benchmarks/bench_import.py measures the time; these tests guard the rule.
"""

import json
import subprocess
import sys

import pytest

import clusterlib as cl
from clusterlib import _lazy

# Modules (and their submodules) that `import clusterlib` must not import.
HEAVY = ("statsmodels", "seaborn", "matplotlib", "mplfonts", "scipy.stats", "scipy.optimize",
         "scipy.integrate", "scipy.sparse", "scipy.linalg", "scipy.special", "scipy.spatial",
         "scipy.interpolate", "IPython", "myst_nb")


def _modules_after(code: str) -> list[str]:
    """The modules a fresh interpreter holds after running `code`."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout.splitlines()[-1])


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


def test_import_clusterlib_imports_no_heavy_module():
    assert _heavy(_modules_after("import clusterlib as cl")) == []


def test_a_function_imports_its_dependency_when_called():
    """The first call imports what the function needs, and the guard above sees it (it can
    fail)."""
    modules = _modules_after("import clusterlib as cl\n"
                             "cl.dynamics.stats.f.sf(1.0, 1, 10)\n"
                             "cl.weights.spearmanr([1, 2, 3], [1, 3, 2])")
    assert "scipy.stats" in _heavy(modules) and "seaborn" not in modules


def test_flat_namespace_is_complete():
    """Every public name resolves at the top level, and nothing lazy leaks into it."""
    missing = [name for name in cl.__all__ if not hasattr(cl, name)]
    assert missing == []
    assert not [name for name in cl.__all__ if isinstance(getattr(cl, name), _lazy.LazyModule)]
    assert set(cl.__all__) <= set(dir(cl))


def test_lazy_module_loads_on_first_attribute():
    lazy = _lazy.module("json")
    assert repr(lazy) == "<lazy module 'json' (not imported yet)>"
    assert lazy.dumps([1]) == "[1]"
    assert repr(lazy) == "<lazy module 'json' (imported)>"
    assert "dumps" in dir(lazy)


def test_lazy_module_answers_introspection_without_importing():
    lazy = _lazy.module("no_such_module_anywhere")
    assert not hasattr(lazy, "__wrapped__")  # what doctest and inspect.unwrap ask
    with pytest.raises(ModuleNotFoundError, match="no_such_module_anywhere"):
        lazy.anything


def test_lazy_module_attributes_are_set_on_the_module():
    lazy = _lazy.module("json")
    real = lazy.dumps
    lazy.dumps = len
    try:
        import json

        assert json.dumps is len
    finally:
        lazy.dumps = real
    assert lazy.dumps is real


def test_lazy_function_calls_through():
    dumps = _lazy.function("json", "dumps")
    assert dumps.__name__ == "dumps"
    assert dumps({"a": 1}, sort_keys=True) == '{"a": 1}'
    with pytest.raises(AttributeError, match="no_such_function"):
        _lazy.function("json", "no_such_function")()
