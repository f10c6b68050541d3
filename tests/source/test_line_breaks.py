"""libyaml counts NEL, LS and PS as line breaks; positions follow the lines editors show."""

from __future__ import annotations

from bpstrat.lint.linter import lint
from bpstrat.source.files import read_file
from bpstrat.source.positions import editor_lines
from bpstrat.source.yaml_fast import parse
from tests.helpers import TODAY, Writer


def test_positions_count_lines_as_editors_do() -> None:
    text = "a: 'x\x85y'\nb:\n  c: '\u2028'\n--- [1]\n"
    docs, error = parse(text)
    assert error is None
    assert docs[0].positions.key(("b", "c")) == (3, 3)
    assert docs[1].start.line == 4
    _docs, error = parse("a: '\x85'\nb: [\n")
    assert error is not None and error.pos.line <= 3


BREAKS = "\x85\u2028\u2029"  # str.splitlines breaks at each; editors do not


def test_source_lines_agree_with_the_position_table(root: Writer) -> None:
    text = f'kind: goal\nid: g1\ntitle: "{BREAKS}"\nkey: true\nproblems: [nobody]\n'
    base = root({"g.yaml": text})
    source = read_file(base / "g.yaml", "g.yaml")
    at = source.documents[0].positions.key(("problems",))
    assert source.line(at.line).startswith("problems:")
    assert len(source.lines) == 5
    assert editor_lines("a\r\nb\rc\n\nd\x0ce") == ["a", "b", "c", "", "d\x0ce"]
    assert editor_lines("") == [] and editor_lines("a\n") == ["a"]


def test_a_suppression_after_a_line_separator_covers_its_own_line(root: Writer) -> None:
    goal = (
        'kind: goal\nid: g1\ntitle: "A\u2028B\u2029C\x85D"\nkey: true\n'
        "problems: [nobody-here]  # bpstrat: ignore[BP302] -- not written yet\n"
    )
    result = lint(root({"g.yaml": goal}), TODAY)
    assert [f.code for f in result.findings if f.code in ("BP302", "BP106")] == []


def test_a_syntax_error_after_a_line_separator_names_the_line_editors_show() -> None:
    _docs, error = parse("a: '\u2028\u2029'\nb:\n  c: 1\n d: 2\n")
    assert error is not None
    assert error.pos.line == 4
    assert "line 4" in error.message and "line 5" not in error.message
