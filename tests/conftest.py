"""Shared test set-up: the tools folder (stored-output checks) is importable from the tests."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
