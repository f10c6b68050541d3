"""Every command stays linear on every hostile shape: a reduced run of
benchmarks/complexity.py (sizes N and 4N), its ratio bound asserted generously (the
machine is shared; the benchmark prints the real table)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _complexity() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("complexity", BENCHMARKS / "complexity.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_every_command_within_bounds_from_n_to_4n_on_every_shape(tmp_path: Path) -> None:
    complexity = _complexity()
    rows, _, worst = complexity.measure(
        list(complexity.SHAPES), list(complexity.COMMANDS), 0.2, 1, tmp_path
    )
    assert len(rows) == len(complexity.SHAPES) * len(complexity.COMMANDS)
    slow = [row for row in rows if float(row[-1]) > 8]
    # linear is about 4 at most; quadratic would be 16
    assert not slow, slow
    assert worst > 0
