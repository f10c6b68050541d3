"""Property test: score and brief on random valid strategies never crash, and the brief
is the same twice."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstrat.source.yaml_fast import resolve_plain
from tests.helpers import TODAY, write_root

pytestmark = pytest.mark.slow


class _Writer(yaml.SafeDumper):
    """PyYAML writes YAML 1.1: it leaves `0E0` or `1_0` plain, which bpstrat (YAML 1.2
    core) reads as a number. A string that bpstrat would not read back as the same
    string is double-quoted, so every generated name stays a name."""


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None if resolve_plain(value) == value else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Writer.add_representer(str, _string)

names = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != "")
slugs = st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True)


@st.composite
def strategies(draw: Any) -> dict[str, Any]:
    options = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    dimension = {
        "kind": "dimension",
        "id": "dim",
        "name": draw(names),
        "choose": draw(st.integers(1, len(options))),
        "options": [
            {"id": o, "name": draw(names), "cost": draw(st.integers(1, 5))} for o in options
        ],
    }
    consumers = []
    for i in range(draw(st.integers(0, 5))):
        consumers.append(
            {
                "kind": "consumer",
                "id": f"c{i}",
                "name": draw(names),
                "importance": draw(st.integers(1, 5)),
                "side": draw(st.sampled_from(["client", "supply"])),
                "strategy": {"summary": draw(names)},
                "demands": [
                    {
                        "dimension": "dim",
                        "option": draw(st.sampled_from(options)),
                        "strength": draw(st.sampled_from(["must", "should", "could"])),
                        "note": draw(names),
                    }
                    for _ in range(draw(st.integers(0, 3)))
                ],
            }
        )
    people = [
        {
            "kind": "stakeholder",
            "id": f"s{i}",
            "name": draw(names),
            "power": draw(st.integers(1, 5)),
            "interest": draw(st.integers(1, 5)),
            "engagement": {
                "current": draw(
                    st.sampled_from(["unaware", "resistant", "neutral", "supportive", "leading"])
                )
            },
            "plan": {"next_step": draw(names)},
        }
        for i in range(draw(st.integers(0, 6)))
    ]

    def metric() -> dict[str, Any]:
        target = draw(st.integers(-5, 5))  # a target equal to the baseline is BP202
        baseline = draw(st.floats(-1e6, 1e6).filter(lambda b: b != target))
        measured = draw(
            st.lists(
                st.tuples(
                    st.dates(dt.date(2026, 1, 1), dt.date(2026, 11, 20)), st.floats(-1e6, 1e6)
                ),
                max_size=3,
            )
        )
        return {
            "name": draw(names),
            "baseline": baseline,
            "target": target,
            "by": "2027-01-01",
            "measurements": [{"date": d.isoformat(), "value": v} for d, v in measured],
        }

    goals = [
        {
            "kind": "goal",
            "id": f"g{i}",
            "title": draw(names),
            "key": draw(st.booleans()),
            "problems": ["p0"],
            "metric": metric(),
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    decisions = []
    if draw(st.booleans()):
        decisions.append(
            {
                "kind": "decision",
                "id": "d",
                "dimension": "dim",
                "choice": options[: dimension["choose"]],
                "status": "accepted",
                "date": "2026-01-01",
            }
        )
    problem = {"kind": "problem", "id": "p0", "title": draw(names), "impact": 3}
    return {
        "docs": [dimension, problem, *consumers, *people, *goals, *decisions],
        "phase": draw(st.sampled_from(["buy-in", "problem", "minimum", "attention", "handover"])),
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies())
def test_score_and_brief_never_crash(strategy: dict[str, Any]) -> None:
    from bpstrat.brief.render import render_brief
    from bpstrat.cli.score import run_score

    config = (
        "product:\n  id: demo\n  name: Demo\n  sides: [client, supply]\n"
        f"  phase: {strategy['phase']}\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        base = write_root(
            Path(tmp) / "root",
            {"all.yaml": yaml.dump_all(strategy["docs"], Dumper=_Writer, allow_unicode=True)},
            config=config,
            with_ana=False,
        )
        errors = [f for f in lint_result(base).findings if f.severity == "error"]
        assert errors == [], errors
        for format in ("text", "json", "markdown", "csv"):
            with contextlib.redirect_stdout(io.StringIO()):
                assert run_score(base, format=format, dimension=None, what_if=[]) == 0
        brief = render_brief(base, None, TODAY)
        assert brief.startswith("# Demo: product strategy")
        assert render_brief(base, None, TODAY) == brief
        check_html(base)


def check_html(base: Path) -> None:
    """The HTML brief: no script, every chart valid SVG whose labels do not overlap, the
    same bytes twice."""
    import xml.etree.ElementTree as ET

    from bpstrat.brief.html import chart_link, to_html
    from bpstrat.brief.render import render_document
    from tests.brief.test_html import SVG, boxes, overlapping

    document = render_document(base, None, TODAY, output_format="html", chart_links=chart_link)
    page = to_html(document)
    assert "<script" not in page
    for svg in SVG.findall(page):
        ET.fromstring(svg)
    for chart in document.charts:
        assert overlapping(boxes(chart)) == [], chart.name
    again = render_document(base, None, TODAY, output_format="html", chart_links=chart_link)
    assert to_html(again) == page


def lint_result(base: Path) -> Any:
    from bpstrat.lint.linter import lint

    return lint(base, TODAY)
