"""After a load in a one-command process, what the load built is out of the collector's reach."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from bpstrat.model.load import freeze_after_load, load_strategy

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "pricing-platform"


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    freeze_after_load(False)
    gc.unfreeze()


def test_load_freezes_what_it_built_when_asked(unfrozen: None) -> None:
    freeze_after_load()
    strategy = load_strategy(EXAMPLE)
    assert gc.get_freeze_count() > 0
    assert gc.isenabled()
    assert strategy.records  # the strategy is intact and usable


def test_load_leaves_the_collector_alone_by_default(unfrozen: None) -> None:
    load_strategy(EXAMPLE)
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_a_one_command_process_resumes_the_collector_its_entry_paused(unfrozen: None) -> None:
    gc.disable()  # what the console script does first
    try:
        freeze_after_load()
        load_strategy(EXAMPLE)
        assert gc.isenabled()
    finally:
        gc.enable()
