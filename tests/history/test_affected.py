"""`bpstrat diff BASE HEAD --affected`: the consumers and stakeholders a change concerns."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from bpstrat.cli.app import app
from tests.history.conftest import Story

runner = CliRunner()


def affected(story: Story, base: str, head: str, *args: str) -> tuple[int, str]:
    c = story.commits
    result = runner.invoke(
        app,
        ["diff", c[base], c[head], str(story.root), "--affected", "--today", "2026-11-20", *args],
    )
    return result.exit_code, result.stdout


def test_a_decision_concerns_its_consumers_and_the_people_who_made_it(story: Story) -> None:
    code, out = affected(story, "measure", "merge", "--format", "json")
    assert code == 0, out
    assert json.loads(out)["affected"] == [
        {
            "ref": "consumer:billing",
            "name": "Billing",
            "why": [
                "nightly-batch on Integration style: unserved → accommodated",
                "demands nightly-batch on Integration style: decision integration-style-2026 "
                "added, integration-style-2027 added",
            ],
        },
        {
            "ref": "consumer:checkout",
            "name": "Checkout",
            "why": [
                "demands messaging on Integration style: decision integration-style-2026 "
                "added, integration-style-2027 added"
            ],
        },
        {
            "ref": "stakeholder:irene-kowalski",
            "name": "Irene Kowalski",
            "why": ["decision integration-style-2027 added"],
        },
        {
            "ref": "stakeholder:raj-patel",
            "name": "Raj Patel",
            "why": ["decision integration-style-2027 added"],
        },
        {
            "ref": "stakeholder:tom-berg",
            "name": "Tom Berg",
            "why": ["decision integration-style-2027 added"],
        },
    ]


def test_text_and_markdown_name_each_one_and_why(story: Story) -> None:
    code, out = affected(story, "start", "win")
    assert code == 0
    assert out == (
        f"Who the change from {story.commits['start']} to {story.commits['win']} concerns:\n"
        "  stakeholder:raj-patel (Raj Patel)\n"
        "      changed (engagement.current: neutral → supportive)\n"
    )
    code, out = affected(story, "start", "win", "--format", "markdown")
    assert (
        "| Raj Patel (stakeholder:raj-patel) | changed (engagement.current: neutral → supportive) |"
        in out
    )


def test_a_change_that_concerns_nobody(story: Story) -> None:
    code, out = affected(story, "start", "readme")
    assert code == 0 and out.endswith("concerns: nobody\n")
