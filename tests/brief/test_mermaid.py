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
    # a cell shows at most three points; the last names how many more share it
    assert len(coords) == 4
    assert '"P10 +10": [0.90, 0.85]' in chart  # names in order: P0, P1, P10
    seen = set()
    for pair in coords:
        for value in pair.split(", "):
            assert re.fullmatch(r"0\.\d\d|1", value), value
            assert 0 <= float(value) <= 1
        assert pair not in seen, "points overlap"
        seen.add(pair)
    assert label('A "quoted" [x]') == "A quoted x"


def _label_boxes(chart: str) -> list[tuple[float, float, float, float]]:
    """Each point's label as Mermaid draws it at the chart's size: centred under the
    point, 12px high, at most 7.2px a character (wider than any of its fonts' average)."""
    size = float(re.search(r'"chartWidth": (\d+)', chart)[1])  # type: ignore[index]
    boxes = []
    for name, x, y in re.findall(r'^  "(.*)": \[(0\.\d\d), (0\.\d\d)\]$', chart, re.M):
        half = len(name) * 7.2 / size / 2
        boxes.append((float(x) - half, float(x) + half, float(y) - 24 / size, float(y) + 5 / size))
    return boxes


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


@pytest.mark.parametrize(
    "points",
    [
        [Point("Ana Lopez", 5, 3), Point("Lena Fischer", 5, 3)],
        [Point(f"Stakeholder {i}", 5, 5) for i in range(5)]
        + [Point(f"Person {i}", 4, 5) for i in range(3)]
        + [Point(f"Someone {i}", 5, 4) for i in range(2)],
        [Point("Irene Kowalski", 4, 5), Point("Mark Jansen", 3, 5), Point("Raj Patel", 4, 4)],
    ],
)
def test_labels_of_close_points_do_not_collide(points: list[Point]) -> None:
    boxes = _label_boxes(quadrant_chart(points))
    assert len(boxes) == min(len(points), 8)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not _overlap(a, b), (a, b)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_labels_of_the_examples_stakeholders_do_not_collide(name: str) -> None:
    text = (EXAMPLES / name / "BRIEF.md").read_text(encoding="utf-8")
    boxes = _label_boxes(next(block for block in text.split("```") if "quadrantChart" in block))
    assert len(boxes) >= 6
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not _overlap(a, b), (a, b)


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
