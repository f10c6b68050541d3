"""The history's text, Markdown and CSV: what moved, and the commit that moved it."""

from __future__ import annotations

import csv
import io
import re

import pytest

from bpstrat.history.timeline import History, read_history
from bpstrat.report import history_csv, history_markdown, history_text
from tests.history.conftest import Story


@pytest.fixture(scope="module")
def history(story: Story) -> History:
    return read_history(story.root)


def short(story: Story, name: str) -> str:
    return story.commits[name][:7]


def test_text_names_the_commit_of_each_change(story: Story, history: History) -> None:
    text = history_text.render(history)
    assert text.startswith(
        f"History of Pricing Platform: 5 points, 2026-09-01 ({short(story, 'start')}) "
        f"to 2026-11-10 ({short(story, 'restore')})\n"
    )
    win, merge, measure = short(story, "win"), short(story, "merge"), short(story, "measure")
    assert "\nCoalition: 70% → 71%\n" in text
    assert (
        f"  2026-09-11 {win}  70% → 100%; won Raj Patel (neutral → supportive)  (Win over Raj)\n"
        in text
    )
    assert "Dana Cho added (resistant, power 4)" in text
    assert "\nFaction finance: 62% → 100%\n" in text
    assert (
        "\nDimension Integration style: messaging (by support), unserved 44% → "
        "messaging (decided), unserved 22%\n" in text
    )
    line = next(x for x in text.splitlines() if x.startswith(f"  2026-10-21 {merge}  decision"))
    assert "decision integration-style-2027 taken: messaging" in line
    assert "now decided; unserved 44% → 22%" in line
    assert "Billing accommodated (nightly-batch)" in line
    assert f"  2026-10-01 {measure}  no-data → on-track (36%)  (Measure the price age)" in text
    assert "\nCommit by commit:\n" in text
    assert "      coalition 70%, 5 errors, 2 warnings\n" in text  # the first point's figures


def test_text_of_no_points(story: Story) -> None:
    from bpstrat.history.timeline import Window

    empty = read_history(story.root, Window(since="2030-01-01"))
    assert history_text.render(empty) == "History: no commit changed the strategy\n"


def test_markdown_charts_the_coalition_and_each_key_goal(history: History) -> None:
    text = history_markdown.render(history)
    charts = re.findall(r"```mermaid\n(.*?)```", text, re.S)
    assert len(charts) == 2
    coalition, goal = charts
    assert coalition.splitlines() == [
        "xychart-beta",
        '  title "Coalition share"',
        '  x-axis ["2026-09-01", "2026-09-11", "2026-10-01", "2026-10-21", "2026-11-10"]',
        '  y-axis "supportive power %" 0 --> 100',
        "  line [70, 100, 100, 100, 71.4]",
    ]
    # no measurement before 2026-10-01: the chart starts where the goal has a figure
    assert '  x-axis ["2026-10-01", "2026-10-21", "2026-11-10"]' in goal
    assert "  line [35.7, 35.7, 35.7]" in goal
    assert "| 2026-09-11 | `" in text and "| Win over Raj |" in text


def test_csv_has_a_row_per_point_and_a_column_per_figure(history: History) -> None:
    rows = list(csv.DictReader(io.StringIO(history_csv.render(history))))
    assert [r["date"] for r in rows] == [
        "2026-09-01",
        "2026-09-11",
        "2026-10-01",
        "2026-10-21",
        "2026-11-10",
    ]
    assert rows[0]["coalition"] == "0.7" and rows[0]["flywheel_imbalance"] == ""
    assert rows[0]["faction:sales"] == "" and rows[-1]["faction:sales"] == "0"
    assert rows[-1]["subject"] == "Restore the configuration, add Dana"
    assert [r["decided:integration-style"] for r in rows] == ["false"] * 3 + ["true"] * 2
    assert rows[2]["progress:fresh-prices"] == "0.357"
