"""Fixtures of the fmt tests."""

from __future__ import annotations

import pytest

from bpstrat.edit import fmt as fmt_module


@pytest.fixture
def no_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if fmt runs the round-trip reader."""

    def refuse(text: str) -> list[object]:
        raise AssertionError("the round-trip reader ran")

    monkeypatch.setattr(fmt_module, "load_all", refuse)
