"""The brief: golden files, escaping, determinism, --check, templates and the sandbox.

Regenerate the golden files after an intended change with
BPSTRAT_UPDATE_GOLDEN=1 python -m pytest tests/test_brief.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bpstrat.brief.mermaid import Point, label, quadrant_chart
from bpstrat.brief.render import render_brief
from bpstrat.cli.brief import run_brief
from bpstrat.errors import UsageError
from conftest import EXAMPLES, TODAY, Writer

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("BPSTRAT_UPDATE_GOLDEN") == "1"
EXAMPLE_NAMES = ["pricing-platform", "customer-data"]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_golden_brief(name: str) -> None:
    text = render_brief(EXAMPLES / name, today=TODAY)
    golden = GOLDEN / f"{name}.md"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_committed_example_brief_is_up_to_date(name: str) -> None:
    assert run_brief(EXAMPLES / name, EXAMPLES / name / "BRIEF.md", None, True, TODAY) == 0


def test_brief_sections_in_order() -> None:
    text = render_brief(EXAMPLES / "pricing-platform", today=TODAY)
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == ["Executive summary", "Consumers", "Demands and choices",
                        "Flywheel balance", "Stakeholders",
                        "Problems and the goals that address them", "Key goals",
                        "Suggested goals", "Open risks"]
    assert "```mermaid\nflowchart LR" in text and "```mermaid\nquadrantChart" in text
    assert "only if Hotel Connector's weight rose to 1.25x would Nightly bulk file win" in text
    assert "Coalition: 52% of stakeholder power (13 of 25)" in text


HOSTILE = {
    "p.yaml": """\
        kind: stakeholder
        id: evil
        name: "<script>alert(1)</script> | a | b"
        role: "end"
        power: 5
        interest: 5
        engagement: {current: resistant, desired: supportive}
        plan: {next_step: "line one\\nline two | [x](javascript:y)"}
        reviewed: 2026-11-01
        """,
    "c.yaml": """\
        kind: consumer
        id: end
        name: "Checkout \\"Web\\" [beta] (new) {x} #1; end"
        importance: 3
        strategy: {summary: "*bold* _it_ `code` # not a heading"}
        demands:
          - {dimension: x, option: o, strength: must}
        """,
    "d.yaml": """\
        kind: dimension
        id: x
        name: "## Interface | style"
        options: [{id: o, name: "A -->|edge| B"}]
        """,
}


def test_user_text_cannot_break_the_document(root: Writer) -> None:
    text = render_brief(root(HOSTILE), today=TODAY)
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    table_rows = [line for line in text.splitlines() if line.startswith("| Evil") or
                  ("script" in line and line.startswith("|"))]
    for row in table_rows:
        # Every cell border is a real border: user pipes are escaped.
        assert row.count("|") - row.count("\\|") == 8
    assert "\n## Interface" not in text  # a name cannot open a heading
    assert "### \\#\\# Interface \\| style" in text
    flow = text.split("```mermaid\n")[1].split("```")[0]
    for line in flow.splitlines()[1:]:
        node = line.split()[0]
        assert node not in ("end", "End") and node[0] not in "ox"
        labels = re.findall(r'"([^"]*)"', line)
        assert all(not set(lab) & set('"[]{}()<>#;|') for lab in labels)


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


def test_brief_is_deterministic(root: Writer, tmp_path: Path) -> None:
    first = render_brief(EXAMPLES / "pricing-platform", today=TODAY)
    assert render_brief(EXAMPLES / "pricing-platform", today=TODAY) == first
    assert "As of 2026-11-20" in first.replace("| As of | ", "As of ").replace(" |", "")
    assert "As of" not in render_brief(EXAMPLES / "customer-data")


def test_output_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "BRIEF.md"
    example = EXAMPLES / "customer-data"
    assert run_brief(example, out, None, True, TODAY) == 1  # missing
    assert not out.exists()
    assert run_brief(example, out, None, False, TODAY) == 0
    assert run_brief(example, out, None, True, TODAY) == 0
    out.write_text(out.read_text() + "edited\n")
    before = out.read_text()
    assert run_brief(example, out, None, True, TODAY) == 1
    assert out.read_text() == before  # --check writes nothing
    assert "out of date" in capsys.readouterr().err
    with pytest.raises(UsageError, match="--check needs -o"):
        run_brief(example, None, None, True, TODAY)


def test_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_brief(EXAMPLES / "customer-data", None, None, False, TODAY) == 0
    assert capsys.readouterr().out.startswith("# Customer Data Service: product strategy")


def test_block_override_from_the_root_templates_folder(root: Writer) -> None:
    base = root({})
    (base / "templates").mkdir()
    (base / "templates" / "brief.md.j2").write_text(
        '{% extends "bpstrat/brief.md.j2" %}{% block risks %}## Risks our way{% endblock %}\n')
    text = render_brief(base, today=TODAY)
    assert text.startswith("# Demo Platform: product strategy")
    assert text.rstrip().endswith("## Risks our way")


def test_whole_template_override(root: Writer, tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text("{{ product.name | md }} has {{ consumers | length }} consumers\n")
    assert render_brief(root({}), template, TODAY) == "Demo Platform has 0 consumers\n"


@pytest.mark.parametrize(("source", "words"), [
    ("{{ prodcut.name }}\n", "mine.md.j2:1"),
    ("line\n{{ product.nme }}\n", "mine.md.j2:2"),
    ("{% for x in %}\n", "mine.md.j2:1"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", "unsafe"),
    ("{{ cycler.__init__.__globals__.os }}\n", "mine.md.j2"),
    ("{{ product.__class__ }}\n", "mine.md.j2"),
    ("{% include '/etc/passwd' %}\n", "not found"),
    ("{% include '../../../../etc/passwd' %}\n", "not found"),
    ("{{ 1 / 0 }}\n", "ZeroDivisionError"),
])
def test_template_errors_and_sandbox(root: Writer, tmp_path: Path, source: str,
                                     words: str) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(source)
    with pytest.raises(UsageError, match=re.escape(words)):
        render_brief(root({}), template, TODAY)


def test_missing_template_is_a_usage_error(root: Writer, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        render_brief(root({}), tmp_path / "nope.j2", TODAY)


def test_empty_strategy_renders(root: Writer) -> None:
    text = render_brief(root({}, with_ana=False), today=dt.date(2026, 1, 1))
    assert "No consumers are listed yet." in text and "No key goal is set yet." in text


MERMAID_DIR = os.environ.get("BPSTRAT_MERMAID_DIR")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not MERMAID_DIR or not CHROMIUM.exists() or not shutil.which("node"),
                    reason="set BPSTRAT_MERMAID_DIR to a folder with mermaid@11 and "
                           "playwright-core installed (needs node and chromium)")
def test_diagrams_render_in_a_real_mermaid(root: Writer, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_text(render_brief(root(HOSTILE), today=TODAY))
    crowded = tmp_path / "crowded.md"
    points = [Point(f"P{i}", 5, 5) for i in range(20)] + [Point('end "x" [y]', 1, 1)]
    crowded.write_text("```mermaid\n" + quadrant_chart(points) + "\n```\n")
    briefs = [EXAMPLES / name / "BRIEF.md" for name in EXAMPLE_NAMES]
    result = subprocess.run(
        ["node", str(Path(__file__).parent / "mermaid" / "render.mjs"),
         *map(str, [*briefs, hostile, crowded])],
        capture_output=True, text=True, timeout=300, env={**os.environ})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count('"ok":true') == 7
