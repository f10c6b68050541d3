"""The Mermaid diagrams: valid by Mermaid's rules, and (slow, opt-in) in a real Mermaid."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bpstrat.brief.mermaid import Point, label, quadrant_chart
from bpstrat.brief.render import render_brief
from tests.brief.hostile import HOSTILE
from tests.helpers import EXAMPLE_NAMES, EXAMPLES, TODAY, Writer


def test_quadrant_chart_is_valid_mermaid() -> None:
    points = [Point(f"P{i}", 5, 5) for i in range(12)] + [Point('A "quoted" [x]', 1, 1)]
    chart = quadrant_chart(points)
    coords = re.findall(r"\[([^\]]*)\]$", chart, re.M)
    assert len(coords) == 13
    seen = set()
    for pair in coords:
        for value in pair.split(", "):
            assert re.fullmatch(r"0\.\d\d|1", value), value
            assert 0 <= float(value) <= 1
        assert pair not in seen, "points overlap"
        seen.add(pair)
    assert label('A "quoted" [x]') == "A quoted x"


MERMAID_DIR = os.environ.get("BPSTRAT_MERMAID_DIR")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.slow
@pytest.mark.skipif(
    not MERMAID_DIR or not CHROMIUM.exists() or not shutil.which("node"),
    reason="set BPSTRAT_MERMAID_DIR to a folder with mermaid@11 and "
    "playwright-core installed (needs node and chromium)",
)
def test_diagrams_render_in_a_real_mermaid(root: Writer, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_text(render_brief(root(HOSTILE), None, TODAY))
    crowded = tmp_path / "crowded.md"
    points = [Point(f"P{i}", 5, 5) for i in range(20)] + [Point('end "x" [y]', 1, 1)]
    crowded.write_text("```mermaid\n" + quadrant_chart(points) + "\n```\n")
    briefs = [EXAMPLES / name / "BRIEF.md" for name in EXAMPLE_NAMES]
    result = subprocess.run(
        [
            "node",
            str(Path(__file__).parent / "mermaid_render.mjs"),
            *map(str, [*briefs, hostile, crowded]),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    blocks = sum(f.read_text().count("```mermaid") for f in [*briefs, hostile, crowded])
    assert blocks >= 9  # both briefs' flowcharts, charts and value chains; hostile; crowded
    assert result.stdout.count('"ok":true') == blocks
