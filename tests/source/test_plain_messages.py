"""Syntax and value errors in plain words that name the cause and the fix."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bpstrat.cli.app import app
from bpstrat.lint.linter import lint
from tests.helpers import TODAY, write_root


def messages(root: Path, rel: str) -> list[str]:
    return [f.message for f in lint(root, TODAY).findings if f.path == rel]


def test_a_tab_is_named_with_its_line_and_column_and_the_parser_words_follow(
    tmp_path: Path,
) -> None:
    root = write_root(
        tmp_path,
        {
            "c.yaml": (
                "kind: consumer\nid: c\nname: C\nimportance: 3\ndemands:\n"
                "\t- {dimension: x, option: y, strength: must}\n"
            )
        },
    )
    [message] = messages(root, "c.yaml")
    assert "a tab at line 6 column 1: indent with spaces" in message
    assert "(parser: found character that cannot start any token)" in message
    assert message.index("a tab") < message.index("parser:")


def test_the_text_report_shows_the_tab_visibly(tmp_path: Path) -> None:
    root = write_root(tmp_path, {"c.yaml": "kind: consumer\nid: c\n\tname: C\n"})
    result = CliRunner().invoke(app, ["lint", str(root), "--today", "2026-11-20"])
    assert "→name: C" in result.output


def test_bad_indentation_names_the_line_and_the_block(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "c.yaml": """\
        kind: consumer
        id: c
        name: C
        importance: 3
        demands:
          - dimension: x
           option: y
        """
        },
    )
    [message] = messages(root, "c.yaml")
    assert (
        "indentation of line 7 (3 spaces) matches neither the items of the list that starts at "
        "line 6 (2 spaces) nor their fields (4 spaces)" in message
    )
    assert "(parser: did not find expected '-' indicator)" in message


def test_a_key_indented_under_a_value_is_explained(tmp_path: Path) -> None:
    root = write_root(tmp_path, {"c.yaml": "kind: consumer\nid: c\nname: C\n  importance: 3\n"})
    [message] = messages(root, "c.yaml")
    assert "line 4 (indented 2 spaces) is indented under the value of line 3" in message
    assert "(parser: mapping values are not allowed in this context)" in message


def test_status_approved_suggests_accepted_by_meaning(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "dec.yaml": "kind: decision\nid: x\ndimension: d\nchoice: [a]\n"
            "status: approved\ndate: 2026-01-01\n",
            "c.yaml": "kind: consumer\nid: c\nname: C\nimportance: 3\n"
            "demands: [{dimension: d, option: a, strength: high}]\n",
            "d.yaml": "kind: dimension\nid: d\nname: D\noptions: [{id: a}]\n",
        },
    )
    assert "did you mean 'accepted'?" in messages(root, "dec.yaml")[0]
    assert [m for m in messages(root, "c.yaml") if "strength" in m and "'must'?" in m]


def test_another_tools_yaml_is_not_a_strategy_file(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "docker-compose.yaml": "services:\n  web:\n    image: nginx\n",
            ".github/x.yaml": "on: push\n",  # hidden folders are not read
            "ci.yaml": "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n",
            "k8s.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: x}\n",
        },
    )
    for rel in ("docker-compose.yaml", "ci.yaml", "k8s.yaml"):
        [message] = messages(root, rel)
        assert "not a strategy file? " in message and "`exclude:` in bpstrat.yaml" in message


def test_a_comma_inside_a_number_in_a_flow_list_gets_a_hint(tmp_path: Path) -> None:
    root = write_root(
        tmp_path, {"p.yaml": ("kind: problem\nid: p\ntitle: P\nevidence: [2,000 carriers wait]\n")}
    )
    [message] = [m for m in messages(root, "p.yaml") if "two items" in m]
    assert "`2,000 carriers wait` was read as two items" in message
    assert "quote the text" in message


def test_remove_the_quotes_only_when_the_value_was_quoted(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "a.yaml": "kind: stakeholder\nid: a\nname: A\npower: '5'\ninterest: \"4\"\n",
            "b.yaml": "kind: stakeholder\nid: b\nname: B\npower: high\ninterest: 2020-01-01\n",
        },
    )
    quoted = messages(root, "a.yaml")
    assert [m for m in quoted if "remove the quotes" in m] == quoted and len(quoted) == 2
    plain = [m for m in messages(root, "b.yaml") if "power" in m or "interest" in m]
    assert plain and not [m for m in plain if "quotes" in m]


def test_library_wording_never_reaches_a_message(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "a.yaml": "kind: stakeholder\nid: a\nname: A\npower: 0\ninterest: 9\n"
            "reviewed: 2026-02-30\nconsumers: {x: 1}\nengagement: {current: 3}\n",
            "d.yaml": "kind: dimension\nid: d\nname: D\nchoose: 0\noptions: []\n",
            "g.yaml": "kind: goal\nid: g\ntitle: T\nkey: yes\nmetric: {baseline: ten}\n",
        },
    )
    text = " ".join(f.message for f in lint(root, TODAY).findings)
    for wording in ("Value error", "Input should", "input should", "validation error"):
        assert wording not in text
    assert "`power` must be greater than or equal to 1 (got 0)" in text
