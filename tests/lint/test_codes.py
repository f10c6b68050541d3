"""Every BP1xx-BP3xx code: a failing case with exact file, line and column, and a passing one.

Configuration (severity, ignore) is in test_config.py, suppressions in test_suppress.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Writer, run, where

CONSUMER = """\
kind: consumer
id: web
name: Web
importance: 3
"""

DIMENSION = """\
kind: dimension
id: interface
name: Interface
options:
  - {id: rest-json, name: REST/JSON}
  - {id: soap-xml}
"""

PROBLEM = """\
kind: problem
id: stale
title: Stale prices
"""


def codes(base: Path) -> list[tuple[str, str, int, int]]:
    return where(run(base))


# --- BP101 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("kind: consumer\nid: 'web\n", 3, 1),  # unclosed quote
        ("kind: consumer\n\tid: web\n", 2, 1),  # tab indentation
        ("kind: consumer\nid: [a, b\n", 3, 1),  # unclosed bracket
        ("kind: consumer\n  id: web\n", 2, 5),  # bad indentation
    ],
)
def test_bp101_syntax(root: Writer, text: str, line: int, column: int) -> None:
    assert codes(root({"x.yaml": text})) == [("BP101", "x.yaml", line, column)]


def test_bp101_passing(root: Writer) -> None:
    assert codes(root({"x.yaml": CONSUMER})) == []


# --- BP102 ---------------------------------------------------------------------------


def test_bp102_duplicate_key_at_second_occurrence(root: Writer) -> None:
    result = run(root({"x.yaml": CONSUMER + "name: Web again\n"}))
    assert where(result) == [("BP102", "x.yaml", 5, 1)]
    assert "first defined at line 3" in result.findings[0].message


def test_bp102_nested(root: Writer) -> None:
    text = CONSUMER + "strategy:\n  summary: a\n  summary: b\n"
    assert codes(root({"x.yaml": text})) == [("BP102", "x.yaml", 7, 3)]


# --- BP103 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("- a\n- b\n", 1, 1),
        ("just text\n", 1, 1),
        ("id: web\nname: Web\n", 1, 1),
        ("# c\n---\nid: x\n", 3, 1),
    ],
)
def test_bp103_not_an_entity(root: Writer, text: str, line: int, column: int) -> None:
    assert codes(root({"x.yaml": text})) == [("BP103", "x.yaml", line, column)]


def test_bp103_second_document_of_a_file(root: Writer) -> None:
    assert codes(root({"x.yaml": CONSUMER + "---\n- oops\n"})) == [("BP103", "x.yaml", 6, 1)]


# --- BP104 ---------------------------------------------------------------------------


def test_bp104_unknown_kind_suggests(root: Writer) -> None:
    result = run(root({"x.yaml": "id: a\nkind: consmer\n"}))
    assert where(result) == [("BP104", "x.yaml", 2, 1)]
    assert "did you mean `consumer`" in result.findings[0].message


def test_bp104_kind_must_be_text(root: Writer) -> None:
    assert codes(root({"x.yaml": "kind: [consumer]\n"})) == [("BP104", "x.yaml", 1, 1)]


# --- BP105 ---------------------------------------------------------------------------


def test_bp105_and_passing(root: Writer) -> None:
    base = root({"bad.yaml": b"kind: consumer\nname: \xff\n", "good.yaml": CONSUMER})
    assert codes(base) == [("BP105", "bad.yaml", 2, 7)]


# --- BP201 ---------------------------------------------------------------------------


def test_bp201_missing_field_points_at_mapping_start(root: Writer) -> None:
    result = run(root({"x.yaml": "# a consumer\nkind: consumer\nid: web\nname: Web\n"}))
    assert where(result) == [("BP201", "x.yaml", 2, 1)]
    assert "`importance`" in result.findings[0].message


def test_bp201_nested_mapping(root: Writer) -> None:
    text = CONSUMER + "demands:\n  - dimension: interface\n    strength: must\n"
    base = root({"x.yaml": text, "d.yaml": DIMENSION})
    assert codes(base) == [("BP201", "x.yaml", 6, 5)]


def test_bp201_passing(root: Writer) -> None:
    assert codes(root({"x.yaml": CONSUMER})) == []


# --- BP202 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "line", "column", "words"),
    [
        ("side: [a]\n", 5, 1, "must be text"),
        ("owner: Ana Lopez\n", 5, 1, "not a valid id"),
        ("strategy: {summary: ok, sources: oops}\n", 5, 25, "must be a list"),
        (
            "demands:\n  - {dimension: interface, option: rest-json, strength: musst}\n",
            6,
            47,
            "did you mean 'must'",
        ),
        (
            "demands:\n  - {dimension: interface, option: rest-json, strength: must,"
            " needed_by: 2027-02-30}\n",
            6,
            63,
            "not a real date",
        ),
        (
            "demands:\n  - {dimension: interface, option: rest-json, strength: must,"
            " needed_by: 20270201}\n",
            6,
            63,
            "YYYY-MM-DD",
        ),
    ],
)
def test_bp202_invalid_values(
    root: Writer, extra: str, line: int, column: int, words: str | None
) -> None:
    result = run(root({"x.yaml": CONSUMER + extra, "d.yaml": DIMENSION}))
    found = where(result, "BP202")
    assert found == [("BP202", "x.yaml", line, column)], where(result)
    if words:
        assert words in result.findings[0].message


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("0", "greater than or equal to 1"),
        ("6", "less than or equal to 5"),
        ('"5"', "remove the quotes"),
        ("true", "whole number"),
        ("4.5", "whole number"),
    ],
)
def test_bp202_scale(root: Writer, value: str, words: str) -> None:
    text = CONSUMER.replace("importance: 3", f"importance: {value}")
    result = run(root({"x.yaml": text}))
    assert where(result) == [("BP202", "x.yaml", 4, 1)]
    assert words in result.findings[0].message


def test_bp202_side_must_be_declared(root: Writer) -> None:
    config = "product: {id: demo, name: Demo, sides: [client, supply]}\n"
    result = run(root({"x.yaml": CONSUMER + "side: suply\n"}, config=config))
    assert where(result) == [("BP202", "x.yaml", 5, 1)]
    assert "client, supply" in result.findings[0].message
    ok = root({"x.yaml": CONSUMER + "side: supply\n"}, config=config)
    assert codes(ok) == []


def test_bp202_yaml11_booleans_are_text(root: Writer) -> None:
    # `no` is text in YAML 1.2: a goal with `key: no` is a type error, not False.
    text = "kind: goal\nid: g\ntitle: G\nkey: no\n"
    assert codes(root({"x.yaml": text})) == [("BP202", "x.yaml", 4, 1)]


def test_bp202_tag_refused(root: Writer) -> None:
    text = CONSUMER.replace("name: Web", "name: !!python/object/apply:os.system [echo]")
    assert ("BP202", "x.yaml", 3, 7) in codes(root({"x.yaml": text}))


def test_bp202_choose_and_choice_counts(root: Writer) -> None:
    dimension = DIMENSION.replace("name: Interface", "name: Interface\nchoose: 3")
    decision = (
        "kind: decision\nid: d\ndimension: interface\nchoice: [rest-json, soap-xml]\n"
        "status: accepted\ndate: 2026-01-01\n"
    )
    assert codes(root({"d.yaml": dimension, "e.yaml": decision})) == [("BP202", "d.yaml", 4, 1)]
    assert codes(root({"d.yaml": DIMENSION, "e.yaml": decision})) == [("BP202", "e.yaml", 4, 1)]


# --- BP203 ---------------------------------------------------------------------------


def test_bp203_unknown_field_with_did_you_mean(root: Writer) -> None:
    result = run(root({"x.yaml": CONSUMER + "strategy:\n  sumary: x\n"}))
    assert where(result) == [("BP203", "x.yaml", 6, 3)]
    assert "did you mean `summary`" in result.findings[0].message


def test_bp203_unknown_field_without_close_match_lists_fields(root: Writer) -> None:
    result = run(root({"x.yaml": CONSUMER + "zzz: 1\n"}))
    assert where(result) == [("BP203", "x.yaml", 5, 1)]
    assert "known fields" in result.findings[0].message


def test_bp203_does_not_hide_the_entity(root: Writer) -> None:
    # The consumer is still checked: its dangling owner is reported too.
    base = root({"x.yaml": CONSUMER + "colour: blue\nowner: bob\n"})
    assert codes(base) == [("BP203", "x.yaml", 5, 1), ("BP302", "x.yaml", 6, 1)]


# --- BP301 ---------------------------------------------------------------------------


def test_bp301_duplicate_id_names_first_place(root: Writer) -> None:
    result = run(root({"a.yaml": CONSUMER, "b.yaml": "# copy\n" + CONSUMER}))
    assert where(result) == [("BP301", "b.yaml", 3, 1)]
    assert "a.yaml:2" in result.findings[0].message


def test_bp301_same_id_in_other_kinds_is_fine(root: Writer) -> None:
    problem = "kind: problem\nid: web\ntitle: Web is slow\n"
    assert codes(root({"a.yaml": CONSUMER, "b.yaml": problem})) == []


def test_bp301_duplicate_option(root: Writer) -> None:
    text = DIMENSION + "  - {id: rest-json}\n"
    assert codes(root({"d.yaml": text})) == [("BP301", "d.yaml", 7, 6)]


# --- BP302 ---------------------------------------------------------------------------


def test_bp302_dangling_references(root: Writer) -> None:
    text = CONSUMER + (
        "owner: anna\n"
        "demands:\n"
        "  - dimension: interfce\n"
        "    option: rest-json\n"
        "    strength: must\n"
        "    problem: stale\n"
    )
    result = run(root({"x.yaml": text, "d.yaml": DIMENSION}))
    assert where(result) == [
        ("BP302", "x.yaml", 5, 1),
        ("BP302", "x.yaml", 7, 5),
        ("BP302", "x.yaml", 10, 5),
    ]
    assert "did you mean 'ana'" in result.findings[0].message
    assert "did you mean 'interface'" in result.findings[1].message


def test_bp302_list_item_points_at_item(root: Writer) -> None:
    goal = "kind: goal\nid: g\ntitle: G\nproblems:\n  - stale\n  - stael\n"
    result = run(root({"g.yaml": goal, "p.yaml": PROBLEM}))
    assert where(result) == [("BP302", "g.yaml", 6, 5)]


def test_bp302_in_bpstrat_yaml(root: Writer) -> None:
    config = "product:\n  id: demo\n  name: Demo\n  sponsor: cfo\n"
    assert codes(root({}, config=config)) == [("BP302", "bpstrat.yaml", 4, 3)]


def test_bp302_passing(root: Writer) -> None:
    text = CONSUMER + (
        "owner: ana\ndemands:\n  - {dimension: interface, option: soap-xml, strength: could,"
        " problem: stale}\n"
    )
    assert codes(root({"x.yaml": text, "d.yaml": DIMENSION, "p.yaml": PROBLEM})) == []


def test_bp302_invalid_target_is_not_dangling(root: Writer) -> None:
    # A stakeholder with an error is still known: no cascade of BP302.
    bad = "kind: stakeholder\nid: bob\nname: Bob\npower: 9\ninterest: 1\n"
    base = root({"x.yaml": CONSUMER + "owner: bob\n", "bob.yaml": bad})
    assert codes(base) == [("BP202", "bob.yaml", 4, 1)]


# --- BP303 ---------------------------------------------------------------------------


def test_bp303_unknown_option(root: Writer) -> None:
    text = CONSUMER + "demands:\n  - {dimension: interface, option: rest_json, strength: must}\n"
    result = run(root({"x.yaml": text, "d.yaml": DIMENSION}))
    assert where(result) == [("BP303", "x.yaml", 6, 28)]
    assert "did you mean 'rest-json'" in result.findings[0].message


def test_bp303_decision_choice(root: Writer) -> None:
    decision = (
        "kind: decision\nid: d\ndimension: interface\nchoice:\n  - grpc\n"
        "status: accepted\ndate: 2026-01-01\n"
    )
    result = run(root({"d.yaml": DIMENSION, "e.yaml": decision}))
    assert where(result) == [("BP303", "e.yaml", 5, 5)]


# --- order --------------------------------------------------------------------------


def test_findings_are_sorted(root: Writer) -> None:
    base = root({"b.yaml": CONSUMER + "zzz: 1\nyyy: 2\n", "a.yaml": "kind: x\n"})
    found = where(run(base))
    assert found == sorted(found, key=lambda f: (f[1], f[2], f[3], f[0]))
    assert [f[1] for f in found] == ["a.yaml", "b.yaml", "b.yaml"]
