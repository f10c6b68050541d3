"""`bpstrat diff` reports: text (also when nothing changed) and Markdown for a PR comment."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from bpstrat.cli.diff import run_diff
from tests.helpers import TODAY, change_pricing


def test_no_change_and_formats(repo: Path) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_diff("HEAD", None, repo / "strategy", format="text", today=TODAY)
    assert out.getvalue() == "Strategy changes from HEAD to working tree: none\n"
    change_pricing(repo)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_diff("HEAD", None, repo / "strategy", format="markdown", today=TODAY)
    text = out.getvalue()
    assert text.startswith("## Strategy changes (HEAD → working tree)")
    assert "| ~ | `consumer:hotel-connector` Hotel Connector | importance: 4 → 5 |" in text
    assert "- Coalition: 52% → 68%" in text
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_diff("HEAD", None, repo / "strategy", format="text", today=TODAY)
    assert (
        "\nScore:\n  chosen Price delivery: sync-api, price-events → sync-api, bulk-file\n"
        in out.getvalue()
    )
    assert "\n  coalition 52% → 68%\n  flywheel imbalance 45% → 17%\n" in out.getvalue()
