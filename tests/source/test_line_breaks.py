"""libyaml counts NEL, LS and PS as line breaks; positions follow the lines editors show."""

from __future__ import annotations

from bpstrat.source.yaml_fast import parse


def test_positions_count_lines_as_editors_do() -> None:
    text = "a: 'x\x85y'\nb:\n  c: '\u2028'\n--- [1]\n"
    docs, error = parse(text)
    assert error is None
    assert docs[0].positions.key(("b", "c")) == (3, 3)
    assert docs[1].start.line == 4
    _docs, error = parse("a: '\x85'\nb: [\n")
    assert error is not None and error.pos.line <= 3
