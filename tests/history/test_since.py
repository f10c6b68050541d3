"""`brief --since REV`: what changed since a commit, in plain words, in every language of
the brief; `--since last` and `--check`; a consumer's letter says what changed for it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bpstrat.cli.app import app
from tests.doc_repos import pricing_history
from tests.history.conftest import Story
from tests.history.gitrepo import Repo

runner = CliRunner()
TODAY = ["--today", "2026-11-20"]


def brief(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["brief", *args])
    return result.exit_code, result.stdout + (result.stderr or "")


def section(text: str, heading: str) -> list[str]:
    """The list items of the section whose heading starts with `heading`."""
    found = re.search(rf"^## {re.escape(heading)}.*?\n(.*?)(?=^## )", text, re.S | re.M)
    assert found, text
    return [line[2:] for line in found.group(1).splitlines() if line.startswith("- ")]


def test_every_change_since_a_commit_is_named(story: Story) -> None:
    code, text = brief(str(story.root), "--since", story.commits["start"], *TODAY)
    assert code == 0, text
    assert f"<!-- bpstrat: since {story.commits['start']} -->" in text
    assert section(text, "What changed since 2026-09-01") == [
        "Decision integration-style-2026 superseded.",
        "Decision integration-style-2027 taken on Integration style: messaging.",
        "Stakeholder Dana Cho added.",
        "Raj Patel moved from neutral to supportive.",
        "Goal Prices at checkout are never older than 60 seconds: not measured yet, now on track.",
        "Coalition share from 70% to 71%.",
        "Risk opened: These stakeholders are less engaged than we need, with no plan to "
        "change it: Dana Cho.",
        # as of 2026-09-01 both measurements lay in the future: mistakes, and no measurement
        "Risk closed: 5 mistakes in the strategy files leave parts of the strategy out.",
        "Risk closed: Consumers want conflicting things on Integration style, and nothing "
        "is decided.",
        "Risk closed: Nobody has measured these key goals lately: Prices at checkout are "
        "never older than 60 seconds.",
    ]


@pytest.mark.parametrize(
    ("lang", "heading", "line"),
    [
        (
            "de",
            "Was sich seit dem 1. September 2026 geändert hat",
            "Stakeholder Dana Cho hinzugekommen.",
        ),
        ("nl", "Wat er sinds 1 september 2026 is veranderd", "Belanghebbende Dana Cho toegevoegd."),
    ],
)
def test_in_german_and_dutch(story: Story, lang: str, heading: str, line: str) -> None:
    code, text = brief(str(story.root), "--since", story.commits["start"], "--lang", lang, *TODAY)
    assert code == 0, text
    assert line in section(text, heading)


def test_nothing_changed_since_the_newest_commit(story: Story) -> None:
    # as of the commit's own date: the same strategy, the same day
    code, text = brief(str(story.root), "--since", "HEAD", "--today", "2026-11-10")
    assert code == 0
    assert "## What changed since 2026-11-10\n<!-- bpstrat: since" in text
    assert "\nNothing changed.\n" in text


def test_a_letter_says_what_changed_for_its_reader(story: Story) -> None:
    since = ["--since", story.commits["start"], *TODAY]
    code, text = brief(str(story.root), "--for", "consumer:billing", *since)
    assert code == 0, text
    assert section(text, "What changed for you since 2026-09-01") == [
        "A compromise now meets your nightly-batch on Integration style: "
        "a nightly file generated from the event stream."
    ]
    code, text = brief(str(story.root), "--for", "consumer:checkout", *since)
    assert code == 0 and "\nNothing changed for you.\n" in text


def test_since_last_takes_the_briefs_last_commit_and_check_keeps_it(
    story: Story, tmp_path: Path
) -> None:
    top = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(story.repo.top), str(top)], check=True)
    repo = Repo.__new__(Repo)
    repo.top = top
    out = top / "BRIEF.md"
    root = str(top / "strategy")
    code, text = brief(root, "-o", str(out), "--since", "last", *TODAY)
    assert code == 2 and "no commit has changed" in text
    assert brief(root, "--since", "last", *TODAY)[0] == 2  # no -o FILE
    assert brief(root, "-o", str(out), *TODAY)[0] == 0
    first = repo.commit("The brief", "2026-11-20T08:00:00+00:00")
    repo.edit("strategy/dana.yaml", "current: resistant", "current: supportive")
    repo.commit("Win Dana", "2026-11-21T08:00:00+00:00")
    assert brief(root, "-o", str(out), "--since", "last", *TODAY)[0] == 0
    written = out.read_text()
    assert f"<!-- bpstrat: since {first} -->" in written
    assert "- Dana Cho moved from resistant to supportive." in written
    repo.commit("The brief, with what changed", "2026-11-22T08:00:00+00:00")
    # the brief's own commit is now the last to change it; the check compares with the
    # commit the brief records, so it stays up to date and writes nothing
    assert brief(root, "-o", str(out), "--since", "last", "--check")[0] == 0
    assert out.read_text() == written
    repo.edit("strategy/dana.yaml", "current: supportive", "current: neutral")
    code, message = brief(root, "-o", str(out), "--since", "last", "--check")
    assert code == 1 and "--since last" in message


def test_since_outside_git_and_unknown_revisions_are_usage_errors(
    story: Story, root: object
) -> None:
    code, text = brief(str(story.root), "--since", "no-such", *TODAY)
    assert code == 2 and "unknown revision 'no-such'" in text
    code, text = brief(str(root({})), "--since", "HEAD", *TODAY)  # type: ignore[operator]
    assert code == 2 and "not inside a git repository" in text


def test_the_catalog_read_only_now_is_no_news(tmp_path: Path) -> None:
    """The commit's service catalog is not read (it is not on disk): a product the
    catalog lists and the strategy forgot, at the commit as now, opens no risk."""
    top = pricing_history(tmp_path / "repo")
    root = str(top / "pricing-platform")
    code, text = brief(root, "--since", "HEAD", "--today", "2026-10-05")
    assert code == 0, text
    assert section(text, "What changed since 2026-10-05") == []
    assert "\nNothing changed.\n" in text
    # the brief itself reads the catalog: the forgotten product is one of its risks
    assert "The service catalog lists consumers the strategy has forgotten: Loyalty Points." in text
