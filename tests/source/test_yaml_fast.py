"""The fast reader: YAML 1.2 scalars, positions, and everything it refuses."""

from __future__ import annotations

import math

import pytest

from bpstrat.source.positions import Pos
from bpstrat.source.yaml_fast import MAX_DEPTH, MAX_NODES, parse, resolve_plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no", "no"),
        ("on", "on"),
        ("NO", "NO"),
        ("yes", "yes"),
        ("off", "off"),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("null", None),
        ("~", None),
        ("", None),
        ("42", 42),
        ("-7", -7),
        ("0o17", 15),
        ("0x1F", 31),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("2026-10-01", "2026-10-01"),
        ("12:30", "12:30"),
        ("1_000", "1_000"),
        ("0b101", "0b101"),
        ("rest-json", "rest-json"),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
    ],
)
def test_core_schema_scalars(text: str, expected: object) -> None:
    assert resolve_plain(text) == expected


def test_nan() -> None:
    assert math.isnan(resolve_plain(".nan"))


def test_quoted_scalars_stay_text() -> None:
    docs, error = parse("a: '5'\nb: \"true\"\nc: |\n  x\n")
    assert error is None
    assert docs[0].data == {"a": "5", "b": "true", "c": "x\n"}


def test_positions_of_keys_values_and_items() -> None:
    text = "kind: consumer\ndemands:\n  - dimension: x\n    option: y\n  - {dimension: z}\n"
    docs, _ = parse(text)
    positions = docs[0].positions
    assert positions.key(("kind",)) == Pos(1, 1)
    assert positions.key(("demands", 0)) == Pos(3, 5)
    assert positions.key(("demands", 0, "option")) == Pos(4, 5)
    assert positions.key(("demands", 1)) == Pos(5, 5)
    assert positions.key(("demands", 1, "dimension")) == Pos(5, 6)
    assert positions.value(("demands", 0)) == Pos(3, 5)
    # An unknown path falls back to its nearest known ancestor.
    assert positions.key(("demands", 0, "missing")) == Pos(3, 5)


def test_flow_sequences_with_urls() -> None:
    docs, error = parse("sources: [https://wiki.example.com/a, b]\n")
    assert error is None
    assert docs[0].data == {"sources": ["https://wiki.example.com/a", "b"]}


def test_duplicate_key_points_at_second_occurrence() -> None:
    docs, _ = parse("a: 1\nb: 2\na: 3\n")
    [problem] = docs[0].problems
    assert (problem.code, problem.mark) == ("BP102", Pos(3, 1))
    assert "line 1" in problem.message
    assert docs[0].data == {"a": 1, "b": 2}


@pytest.mark.parametrize(
    "tag",
    ["!!python/object:os.system", "!!python/name:os.system", "!custom", "!!binary", "!!timestamp"],
)
def test_tags_are_refused_and_never_constructed(tag: str) -> None:
    docs, error = parse(f"a: {tag} echo\n")
    assert error is None
    assert docs[0].data == {"a": "echo"}
    [problem] = docs[0].problems
    assert problem.code == "BP202" and problem.mark == Pos(1, 4)


def test_core_tags_mean_what_they_say() -> None:
    docs, _ = parse("a: !!str 2027\nb: !!int 5\nc: !!float 1\nd: !!bool true\ne: !!int x\n")
    assert docs[0].data == {"a": "2027", "b": 5, "c": 1.0, "d": True, "e": "x"}
    assert [p.mark for p in docs[0].problems] == [Pos(5, 4)]


def test_collection_tags_are_refused() -> None:
    docs, _ = parse("a: !!python/object/apply:os.system [ls]\nb: !!set {x}\n")
    assert [p.code for p in docs[0].problems] == ["BP202", "BP202"]


def test_alias_bomb_is_bounded() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 10)}]")
    _docs, error = parse("\n".join(lines) + "\n")
    assert error is not None and str(MAX_NODES) in error.message
    assert "alias bomb" in error.message


def test_a_large_document_without_aliases_is_no_alias_bomb() -> None:
    _docs, error = parse("items: [" + "1, " * MAX_NODES + "1]\n")
    assert error is not None and str(MAX_NODES) in error.message
    assert "alias" not in error.message and "split it" in error.message


def test_small_aliases_work() -> None:
    docs, error = parse("base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\nl: *b\n")
    assert error is None
    assert docs[0].data["m"] == {"y": 2, "x": 1}
    assert docs[0].data["l"] == {"x": 1}


def test_recursive_alias_is_an_error() -> None:
    _, error = parse("a: &x {b: *x}\n")
    assert error is not None and "itself" in error.message


def test_undefined_alias_is_an_error() -> None:
    _, error = parse("a: *nothing\n")
    assert error is not None and error.pos == Pos(1, 4)


@pytest.mark.parametrize(
    "text", ["[" * 100_000, "[" * 5000 + "]" * 5000, "".join("  " * i + "- \n" for i in range(500))]
)
def test_pathological_nesting_is_an_error_not_a_crash(text: str) -> None:
    _, error = parse(text)
    assert error is not None


def test_nesting_within_limit_is_fine() -> None:
    depth = MAX_DEPTH - 1
    _docs, error = parse("[" * depth + "]" * depth)
    assert error is None


def test_syntax_error_keeps_documents_before_it() -> None:
    docs, error = parse("kind: goal\nid: a\n---\nkind: [\n")
    assert [d.data for d in docs] == [{"kind": "goal", "id": "a"}]
    assert error is not None and error.pos.line == 5


def test_non_string_keys_are_reported() -> None:
    docs, _ = parse("1: a\n[x]: b\nnull: c\nok: d\n")
    assert docs[0].data == {"ok": "d"}
    assert [p.mark[0] if p.mark else 0 for p in docs[0].problems] == [1, 2, 3]


def test_control_characters_are_syntax_errors_with_position() -> None:
    _, error = parse("a: b\nc: \x00\n")
    assert error is not None and error.pos == Pos(2, 4)


def test_crlf_positions() -> None:
    docs, _ = parse("a: 1\r\nb: 2\r\n")
    assert docs[0].positions.key(("b",)) == Pos(2, 1)
