"""The realistic strategy of tests/lint/bank_strategy.py, written and linted once."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstrat.findings import Finding
from bpstrat.lint.linter import lint
from tests.lint import bank_strategy


@pytest.fixture(scope="session")
def bank(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Finding]]:
    """The bank's strategy on disk, and its findings (copy it to make a mistake)."""
    base = bank_strategy.write(tmp_path_factory.mktemp("bank") / "strategy")
    return base, lint(base, bank_strategy.TODAY).findings
