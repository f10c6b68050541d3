"""The brief: sections, escaping, determinism, templates and the sandbox.

The examples' briefs are compared in test_golden.py, the diagrams in test_mermaid.py,
-o/--check/stdout in tests/cli/test_brief.py.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bpstrat.brief.render import render_brief
from bpstrat.errors import UsageError
from tests.brief.hostile import HOSTILE
from tests.helpers import EXAMPLES, TODAY, Writer


def test_brief_sections_in_order() -> None:
    text = render_brief(EXAMPLES / "pricing-platform", None, TODAY)
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == [
        "Executive summary",
        "Consumers",
        "Demands and choices",
        "Flywheel balance",
        "Stakeholders",
        "The value chain, end to end",
        "Problems and the goals that address them",
        "Key goals",
        "Are we getting there?",
        "Suggested goals",
        "What it costs and returns",
        "How to read this brief",
        "Open risks",
        "For the team",
    ]
    assert "```mermaid\nflowchart LR" in text and "\nquadrantChart\n" in text
    assert "only if Hotel Connector's weight rose to 1.1x would Nightly bulk file win" in text
    assert "Coalition: 52% of stakeholder power (13 of 25)" in text


def test_user_text_cannot_break_the_document(root: Writer) -> None:
    text = render_brief(root(HOSTILE), None, TODAY)
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    table_rows = [
        line
        for line in text.splitlines()
        if line.startswith("| Evil") or ("script" in line and line.startswith("|"))
    ]
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


def test_brief_is_deterministic(root: Writer, tmp_path: Path) -> None:
    first = render_brief(EXAMPLES / "pricing-platform", None, TODAY)
    assert render_brief(EXAMPLES / "pricing-platform", None, TODAY) == first
    assert "As of 2026-11-20" in first.replace("| As of | ", "As of ").replace(" |", "")
    other_day = render_brief(EXAMPLES / "customer-data", None, dt.date(2027, 2, 3))
    assert "| As of | 2027-02-03 |" in other_day  # always dated, with the day it was given


def test_block_override_from_the_root_templates_folder(root: Writer) -> None:
    base = root({})
    (base / "templates").mkdir()
    (base / "templates" / "brief.md.j2").write_text(
        '{% extends "bpstrat/brief.md.j2" %}{% block risks %}## Risks our way{% endblock %}\n'
    )
    text = render_brief(base, None, TODAY)
    assert text.startswith("# Demo Platform: product strategy")
    assert text.rstrip().endswith("## Risks our way")


def test_whole_template_override(root: Writer, tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text("{{ product.name | md }} has {{ consumers | length }} consumers\n")
    assert render_brief(root({}), template, TODAY) == "Demo Platform has 0 consumers\n"


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("{{ prodcut.name }}\n", "mine.md.j2:1"),
        ("line\n{{ product.nme }}\n", "mine.md.j2:2"),
        ("{% for x in %}\n", "mine.md.j2:1"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", "unsafe"),
        ("{{ cycler.__init__.__globals__.os }}\n", "mine.md.j2"),
        ("{{ product.__class__ }}\n", "mine.md.j2"),
        ("{% include '/etc/passwd' %}\n", "not found"),
        ("{% include '../../../../etc/passwd' %}\n", "not found"),
        ("{{ 1 / 0 }}\n", "ZeroDivisionError"),
    ],
)
def test_template_errors_and_sandbox(root: Writer, tmp_path: Path, source: str, words: str) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(source)
    with pytest.raises(UsageError, match=re.escape(words)):
        render_brief(root({}), template, TODAY)


def test_missing_template_is_a_usage_error(root: Writer, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        render_brief(root({}), tmp_path / "nope.j2", TODAY)


def test_empty_strategy_renders(root: Writer) -> None:
    text = render_brief(root({}, with_ana=False), None, dt.date(2026, 1, 1))
    assert "No consumers are listed yet." in text and "No key goal is set yet." in text
