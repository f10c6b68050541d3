"""`bpstrat brief`: -o, --check (writes nothing, exits 1 when out of date) and stdout."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstrat.cli.brief import run_brief
from bpstrat.errors import UsageError
from tests.helpers import EXAMPLE_NAMES, EXAMPLES, TODAY


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_committed_example_brief_is_up_to_date(name: str) -> None:
    assert run_brief(EXAMPLES / name, EXAMPLES / name / "BRIEF.md", None, True, TODAY) == 0


def test_output_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "BRIEF.md"
    example = EXAMPLES / "customer-data"
    assert run_brief(example, out, None, True, TODAY) == 1  # missing
    assert not out.exists()
    assert run_brief(example, out, None, False, TODAY) == 0
    assert run_brief(example, out, None, True, TODAY) == 0
    out.write_text(out.read_text() + "edited\n")
    before = out.read_text()
    assert run_brief(example, out, None, True, TODAY) == 1
    assert out.read_text() == before  # --check writes nothing
    assert "out of date" in capsys.readouterr().err
    with pytest.raises(UsageError, match="--check needs -o"):
        run_brief(example, None, None, True, TODAY)


def test_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_brief(EXAMPLES / "customer-data", None, None, False, TODAY) == 0
    assert capsys.readouterr().out.startswith("# Customer Data Service: product strategy")
