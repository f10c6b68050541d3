"""`bpstrat diff` reports: text (also when nothing changed) and Markdown for a PR comment."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from bpstrat.brief.markdown import cell, code, inline
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


def test_a_new_finding_in_a_file_with_markup_in_its_name(repo: Path) -> None:
    broken = repo / "strategy" / "my_<draft>|x.yaml"
    broken.write_text("kind: [\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_diff("HEAD", None, repo / "strategy", format="markdown", today=TODAY)
    line = next(x for x in out.getvalue().splitlines() if "BP101" in x)
    assert "`my_<draft>|x.yaml:2`" in line  # a code span shows its text as it is
    assert "\\_" not in line and "&lt;" not in line


def test_backtick_spans_stay_code_in_markdown_text() -> None:
    message = "more than `lint.max_payback_months` (36) for <a_b> | `x|y`"
    assert inline(message) == (
        "more than `lint.max_payback_months` (36) for &lt;a\\_b&gt; \\| `x|y`"
    )
    assert cell(message).endswith("\\| `x\\|y`")  # a table reads `\|` as `|`
    assert inline("`a_b` and one ` alone") == "`a_b` and one \\` alone"
    assert code("odd`name_1.yaml:3") == "`odd'name_1.yaml:3`"
    assert inline("`\x1b[2J`") == "`\\x1b[2J`"  # controls stay escapes inside code too
