"""The history's Mermaid charts in a real Mermaid (slow, opt-in, as the brief's diagrams)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bpstrat.history.timeline import read_history
from bpstrat.report import history_markdown
from bpstrat.report.history_markdown import xychart
from tests.history.conftest import Story

MERMAID_DIR = os.environ.get("BPSTRAT_MERMAID_DIR")
CHROMIUM = Path("/usr/bin/chromium")
RENDER = Path(__file__).resolve().parent.parent / "brief" / "mermaid_render.mjs"


@pytest.mark.slow
@pytest.mark.skipif(
    not MERMAID_DIR or not CHROMIUM.exists() or not shutil.which("node"),
    reason="set BPSTRAT_MERMAID_DIR to a folder with mermaid@11 and "
    "playwright-core installed (needs node and chromium)",
)
def test_history_charts_render_in_a_real_mermaid(story: Story, tmp_path: Path) -> None:
    history = read_history(story.root)
    charted = tmp_path / "history.md"
    charted.write_text(history_markdown.render(history))
    # a goal that went backwards and overshot, with a title full of Mermaid syntax
    points = history.points[:3]
    hostile = tmp_path / "hostile.md"
    chart = xychart('Progress of "end" [x]; y-axis', "progress %", points, [-0.4, 0.5, 1.3])
    hostile.write_text("```mermaid\n" + chart + "\n```\n")
    result = subprocess.run(
        ["node", str(RENDER), str(charted), str(hostile)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count('"ok":true') == 3  # coalition, fresh-prices, hostile
