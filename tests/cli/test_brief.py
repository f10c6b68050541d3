"""`bpstrat brief`: -o, --check (writes nothing, exits 1 when out of date) and stdout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bpstrat.cli.brief import run_brief
from bpstrat.errors import UsageError
from tests.helpers import EXAMPLE_NAMES, EXAMPLES, TODAY


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_committed_example_brief_is_up_to_date(name: str) -> None:
    committed = EXAMPLES / name / "BRIEF.md"
    assert run_brief(EXAMPLES / name, output=committed, template=None, check=True, today=TODAY) == 0


def test_output_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "BRIEF.md"
    example = EXAMPLES / "customer-data"
    assert run_brief(example, output=out, template=None, check=True, today=TODAY) == 1  # missing
    assert not out.exists()
    assert run_brief(example, output=out, template=None, check=False, today=TODAY) == 0
    assert run_brief(example, output=out, template=None, check=True, today=TODAY) == 0
    out.write_text(out.read_text() + "edited\n")
    before = out.read_text()
    assert run_brief(example, output=out, template=None, check=True, today=TODAY) == 1
    assert out.read_text() == before  # --check writes nothing
    assert "out of date" in capsys.readouterr().err
    with pytest.raises(UsageError, match="--check needs -o"):
        run_brief(example, output=None, template=None, check=True, today=TODAY)


def test_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    example = EXAMPLES / "customer-data"
    assert run_brief(example, output=None, template=None, check=False, today=TODAY) == 0
    assert capsys.readouterr().out.startswith("# Customer Data Service: product strategy")


def test_check_without_today_uses_the_date_the_brief_records(tmp_path: Path) -> None:
    out = tmp_path / "BRIEF.md"
    example = EXAMPLES / "customer-data"
    weeks_ago = TODAY - dt.timedelta(days=40)
    assert run_brief(example, output=out, template=None, check=False, today=weeks_ago) == 0
    before = out.read_bytes()
    assert run_brief(example, output=out, template=None, check=True, today=None) == 0
    assert out.read_bytes() == before
    assert run_brief(example, output=out, template=None, check=True, today=TODAY) == 1


def test_check_hint_is_a_command_that_fixes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "BRIEF.md"
    example = EXAMPLES / "customer-data"
    assert run_brief(example, output=out, template=None, check=True, today=TODAY) == 1
    hint = capsys.readouterr().err
    assert f"run bpstrat brief {example} -o {out}" in hint
