"""Plain lint text (pipes, files, CI logs) is written without the terminal library, to the
same text the terminal library writes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from bpstrat.lint.linter import lint
from bpstrat.report import lint_text

REPO = Path(__file__).resolve().parent.parent.parent
TODAY = dt.date(2026, 11, 20)

ODD = """\
kind: consumer
id: odd-consumer
name: "Ünïcode 名前 [bold]not markup[/bold] :smile:"
side: client
importance: 9
owner: nobody-at-all
strategy:
  summary: x
demands:
  - dimension: interface
    option: "rest\\tjson"
    strength: must
"""


def odd_root(tmp_path: Path) -> Path:
    root = tmp_path / "odd"
    (root / "consumers").mkdir(parents=True)
    (root / "bpstrat.yaml").write_text(
        "product:\n  id: odd\n  name: Odd\n  vision: v\n  phase: problem\n  owner: ana\n"
    )
    (root / "consumers" / "odd.yaml").write_text(ODD, encoding="utf-8")
    (root / "consumers" / "tabs.yaml").write_text("kind: consumer\nid:\tx\n\tname: y\n")
    (root / "consumers" / "wide.yaml").write_text("kind: consumer\nid: 名前\nfoo: 😀 bar\n")
    return root


@pytest.mark.parametrize("name", ["pricing-platform", "customer-data", "odd"])
def test_plain_report_equals_the_terminal_library_without_colour(name: str, tmp_path: Path) -> None:
    root = odd_root(tmp_path) if name == "odd" else REPO / "examples" / name
    result = lint(root, TODAY, None, False)
    assert result.findings or name != "odd"
    for prefix in ("", "../some/where/"):
        styled = lint_text.render_styled(result, prefix)  # not a terminal here: plain
        assert lint_text.render(result, prefix) == styled
        if "\t" not in styled:
            assert lint_text.render_plain(result, prefix) == styled


@pytest.mark.slow
def test_piped_lint_does_not_load_the_terminal_library() -> None:
    code = (
        "import sys, datetime\n"
        "from pathlib import Path\n"
        "from bpstrat.lint.linter import lint\n"
        "from bpstrat.report import lint_text\n"
        f"r = lint(Path({str(REPO / 'examples' / 'pricing-platform')!r}),"
        " datetime.date(2026, 11, 20), None, False)\n"
        "text = lint_text.render(r)\n"
        "assert 'no findings' in text or 'in ' in text\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
