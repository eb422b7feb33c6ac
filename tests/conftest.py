"""Shared test set-up: the tools folder (stored-output checks) is importable from the tests, and
the order in which the two xdist workers take up the slow parts of the suite."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

# Work units of `--dist=loadscope` (pyproject.toml): every cell of one notebook stays in one
# worker (one kernel, in order), every module's tests in one worker (module fixtures such as the
# site build run once). Two changes to how xdist hands the units out:
# - each run of a reader notebook in a fresh kernel is a unit of its own, so the seven runs are
#   shared between the workers instead of running one after another in one of them;
# - the longest units start first (the site build, then the notebooks' kernels), so that the
#   suite does not end with one worker building the site while the other waits; the many small
#   modules of unit tests fill in at the end.
INDEPENDENT = ("tests/test_reader_notebooks.py::test_reader_runs_top_to_bottom_offline",)
FIRST = ("tests/test_site.py",)
KERNELS = ("chapters/", "tests/test_reader_notebooks.py::test_reader_runs_top_to_bottom_offline")


def _rank(scope: str) -> int:
    """0 for the site build, 1 for a notebook run in a kernel, 2 for everything else."""
    if scope.startswith(FIRST):
        return 0
    return 1 if scope.startswith(KERNELS) else 2


def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class BookScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith(INDEPENDENT):
                return nodeid
            return super()._split_scope(nodeid)

        def _assign_work_unit(self, node) -> None:
            # The waiting unit of the lowest rank goes next (ties: xdist's order, most tests
            # first); the base class hands out the first unit of the queue.
            order = {scope: position for position, scope in enumerate(self.workqueue)}
            scope = min(self.workqueue, key=lambda s: (_rank(s), order[s]))
            self.workqueue.move_to_end(scope, last=False)
            super()._assign_work_unit(node)

    return BookScheduling(config, log)
