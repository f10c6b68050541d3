"""Plain `bpstrat agenda` runs without Typer and answers exactly as the Typer command
does."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstrat.cli.quick_agenda import parse
from tests.cli.test_quick_lint import EXAMPLE, run


def test_plain_invocations_are_answered_directly() -> None:
    request = parse([EXAMPLE, "--days", "7", "-f", "ics", "--today", "2026-11-20", "-o", "a.ics"])
    assert request is not None
    assert (request.path, request.days, request.format) == (Path(EXAMPLE), 7, "ics")
    assert request.output == Path("a.ics") and request.cache
    assert request.today is not None and request.today.isoformat() == "2026-11-20"
    request = parse(["--no-cache"])
    assert request is not None and request.path == Path(".") and request.days == 30
    assert request.format == "text" and not request.cache and request.output is None


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--days=7"],
        ["--days", "-1"],
        ["--days", "soon"],
        ["--days", "٣"],  # a digit, but not one Typer reads
        ["--days", "9" * 40],
        ["--format", "pdf"],
        ["--today", "tomorrow"],
        ["--today"],
        ["-o", "--no-cache"],
        ["a", "b"],
        ["--", "a"],
        [""],
        ["--unknown"],
    ],
)
def test_everything_else_goes_through_typer(args: list[str]) -> None:
    assert parse(args) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["agenda", EXAMPLE, "--today", "2027-02-20"],
        ["agenda", EXAMPLE, "--today", "2027-02-20", "--days", "400", "-f", "json"],
        ["agenda", EXAMPLE, "--today", "2027-02-20", "--format", "markdown", "--no-cache"],
        ["agenda", EXAMPLE, "--today", "2027-02-20", "-f", "ics", "--days", "0"],
        ["agenda", "does-not-exist", "--today", "2026-11-20"],
        ["agenda", "--today", "2026-11-20"],
        ["agenda", EXAMPLE, "-o", "/nonexistent/folder/a.ics", "--today", "2026-11-20"],
    ],
)
def test_direct_agenda_answers_as_typer_does(args: list[str], tmp_path: Path) -> None:
    code, out, err, typer = run("bpstrat.entry", args, tmp_path)
    assert not typer
    assert run("bpstrat.cli.app", args, tmp_path) == (code, out, err, True)
    assert code in (0, 2)
    assert "Traceback" not in err
