"""The brief tells the v2 story: compromises, who decided, progress, factions, the chain."""

from __future__ import annotations

from pathlib import Path

from bpstrat.brief.mermaid import value_chain_flowchart
from bpstrat.brief.render import render_brief
from tests.v2_strategy import TODAY, write


def test_brief_shows_compromise_progress_factions_and_chain(tmp_path: Path) -> None:
    text = render_brief(write(tmp_path), None, TODAY)
    assert (
        "- Decided by Irene Kowalski, after consulting Raj Patel, Tom Berg; revisit by "
        "2027-06-30; supersedes `integration-style-2026`"
    ) in text
    assert (
        "  - Billing (nightly-batch): a nightly file generated from the event stream, "
        "until 2027-12-31"
    ) in text
    assert "## Are we getting there?" in text
    assert (
        "| Prices at checkout are never older than 60 seconds | 420 s on 2026-11-15 | "
        "60 s by 2027-06-30 | 57% | `██████····` | 38% | on track |"
    ) in text
    assert "| finance | 8 | 62% (5 of 8) |" in text
    assert "- **checkout**: Prices shown at checkout are up to 15 minutes old" in text
    assert "- **payment**: no problem written down yet" in text
    assert "  S1 --> S2 --> S3 --> S4 --> S5" in text
    assert "- Key goals: Prices at checkout are never older than 60 seconds: on track." in text


def test_value_chain_chart_is_safe_for_mermaid() -> None:
    chart = value_chain_flowchart(
        ["end", 'quote"d', "o"], [["a [bracketed] | piped; title"], [], ["x"]]
    )
    assert chart.splitlines() == [
        "flowchart LR",
        '  S1["end"]',
        '  S2["quote d"]',
        '  S3["o"]',
        "  S1 --> S2 --> S3",
        '  Q1("a bracketed piped title")',
        "  S1 -.- Q1",
        '  Q2("x")',
        "  S3 -.- Q2",
    ]
