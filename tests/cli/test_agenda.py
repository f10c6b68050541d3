"""`bpstrat agenda`: the command line, its formats and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.agenda.strategy import EXPECTED, write
from tests.helpers import EXAMPLES, bpstrat


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("agenda-cli") / "strategy")


def test_json_is_the_documented_shape(demo: Path) -> None:
    result = bpstrat("agenda", demo, "--today", "2026-11-22", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["today"] == "2026-11-22" and data["days"] == 30
    assert [(i["date"], i["kind"], i["entity"]) for i in data["items"]] == [
        (date, kind, entity) for date, kind, entity, *_ in EXPECTED
    ]
    first = data["items"][0]
    assert set(first) >= {"date", "kind", "entity", "title", "overdue", "path", "line"}
    assert first["path"] == "people/cy.yaml" and first["overdue"] is True
    assert first["owner"] == "ana"


def test_days_widens_the_window(demo: Path) -> None:
    narrow = bpstrat("agenda", demo, "--today", "2026-11-22", "--days", "0", "-f", "json")
    data = json.loads(narrow.stdout)
    assert data["days"] == 0
    assert all(i["date"] <= "2026-11-22" for i in data["items"])
    assert len(data["items"]) == 4


def test_text_lists_overdue_then_due_with_owner_and_place(demo: Path) -> None:
    result = bpstrat("agenda", demo, "--today", "2026-11-22", cwd=demo)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Agenda of Demo Platform as of 2026-11-22: 13 items due by 2026-12-22 (30 days), 2 overdue."
    )
    assert lines[2] == "Overdue:"
    assert lines[3].split()[:2] == ["2026-01-31", "stakeholder-review"]
    assert lines[3].endswith("[Ana Lopez]  (people/cy.yaml:7)")
    revisit = next(line for line in lines if "decision-revisit" in line)
    assert "[Cy Mensah]" in revisit and "(decisions/new.yaml:9)" in revisit


def test_markdown_is_a_table_for_a_job_summary(demo: Path) -> None:
    result = bpstrat("agenda", demo, "--today", "2026-11-22", "-f", "markdown", cwd=demo)
    lines = result.stdout.splitlines()
    assert lines[0] == "## Agenda: Demo Platform"
    assert "| Date | What | Kind | Owner | Where |" in lines
    assert (
        "| **2026-01-31 overdue** | Review the analysis of Cy Mensah (last reviewed 2026-01-01)"
        " | stakeholder-review | Ana Lopez | people/cy.yaml:7 |"
    ) in lines


def test_nothing_due_says_so(tmp_path: Path) -> None:
    (tmp_path / "bpstrat.yaml").write_text("product: {id: d, name: D}\n")
    text = bpstrat("agenda", tmp_path, "--today", "2026-11-22").stdout
    assert text == "Agenda of D as of 2026-11-22: nothing is due by 2026-12-22 (30 days).\n"
    markdown = bpstrat("agenda", tmp_path, "--today", "2026-11-22", "-f", "markdown").stdout
    assert markdown.endswith("As of 2026-11-22, nothing is due by 2026-12-22 (30 days).\n")


def test_ics_to_stdout_and_to_a_file_are_the_same_bytes(demo: Path, tmp_path: Path) -> None:
    out = bpstrat("agenda", demo, "--today", "2026-11-22", "-f", "ics")
    target = tmp_path / "agenda.ics"
    written = bpstrat("agenda", demo, "--today", "2026-11-22", "-f", "ics", "-o", target)
    assert written.returncode == 0 and written.stdout == ""
    data = target.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") > 20
    # the in-process runner reads stdout with its line ends made \n; the real process
    # below keeps them
    assert data.replace(b"\r\n", b"\n") == out.stdout.encode("utf-8")


@pytest.mark.slow
def test_a_real_process_writes_crlf_lines_to_stdout(demo: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "bpstrat", "agenda", str(demo), "--today", "2026-11-22",
         "-f", "ics"],
        capture_output=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert result.stdout.count(b"\r\n") == result.stdout.count(b"\n")


def test_the_same_inputs_give_the_same_bytes() -> None:
    runs = {
        fmt: {
            bpstrat(
                "agenda", EXAMPLES / "pricing-platform", "--today", "2026-11-20", "-f", fmt
            ).stdout
            for _ in range(2)
        }
        for fmt in ("json", "ics", "markdown")
    }
    assert all(len(outputs) == 1 for outputs in runs.values())


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--days", "-1"], "--days"),
        (["--days", "soon"], "--days"),
        (["--today", "tomorrow"], "--today"),
        (["--format", "pdf"], "text, markdown, json or ics"),
    ],
)
def test_bad_options_are_usage_errors(demo: Path, args: list[str], words: str) -> None:
    result = bpstrat("agenda", demo, *args)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr


def test_no_root_is_a_usage_error(tmp_path: Path) -> None:
    result = bpstrat("agenda", tmp_path)
    assert result.returncode == 2 and "no bpstrat.yaml" in result.stderr


def test_an_unwritable_output_is_a_usage_error(demo: Path, tmp_path: Path) -> None:
    result = bpstrat("agenda", demo, "-f", "ics", "-o", tmp_path / "missing" / "a.ics")
    assert result.returncode == 2 and "cannot write" in result.stderr


def test_names_from_the_files_cannot_steer_a_terminal_or_a_table(tmp_path: Path) -> None:
    person = (
        'kind: stakeholder\nid: eve\nname: "Eve \\e]0;owned\\a | **bold** \\u202e"\n'
        "power: 1\ninterest: 1\n"
    )
    root = write(tmp_path / "s", people__eve=person)
    text = bpstrat("agenda", root, "--today", "2026-11-22").stdout
    markdown = bpstrat("agenda", root, "--today", "2026-11-22", "-f", "markdown").stdout
    for out in (text, markdown):
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
        assert "x1b" in out and "owned" in out and "u202e" in out  # shown as escapes
    assert "\\x1b]0;owned\\x07" in text
    row = next(line for line in markdown.splitlines() if "Eve" in line)
    assert "\\| \\*\\*bold\\*\\*" in row and row.count(" | ") == 4
