"""Formatting a file: canonical, idempotent, keeps every comment and value.

Writing files (--check, errors, atomic writes) is in tests/cli/test_fmt.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bpstrat.edit.fmt import format_text
from bpstrat.source.yaml_fast import parse
from tests.edit.messy import MESSY
from tests.helpers import EXAMPLES


def comments(text: str) -> list[str]:
    """Every comment in a file, in order (full-line and end-of-line)."""
    out = []
    for line in text.splitlines():
        if "#" in line:
            out.append(line[line.index("#") :].strip())
    return out


def data(text: str) -> list[object]:
    docs, error = parse(text)
    assert error is None
    return [d.data for d in docs]


def test_canonical_key_order_and_indentation() -> None:
    out = format_text(MESSY).text
    assert out.splitlines()[:6] == [
        "# A consumer, written carelessly.",
        "kind: consumer",
        "id: checkout-web",
        "name: Checkout Web",
        "importance: 5            # weight in scoring",
        "strategy: {summary: Moving to SSR., sources: [https://wiki.example.com/x]}",
    ]
    assert re.search(r"\n  - dimension: interface\n    option: rest-json +# they insist\n", out)
    assert "\n---\n# bpstrat: ignore-file[BP405]\nkind: consumer\n" in out
    assert "successor_note: null" in out
    assert comments(out) == comments(MESSY)
    assert data(out) == data(MESSY)


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("*.yaml")), ids=lambda p: p.name)
def test_examples_keep_data_and_comments_and_are_stable(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    out = format_text(text, path.name == "bpstrat.yaml").text
    assert data(out) == data(text)
    assert comments(out) == comments(text)
    assert format_text(out, path.name == "bpstrat.yaml").text == out  # idempotent
    assert out == text, "the examples are committed in canonical form"


def test_comments_between_keys_keep_the_order() -> None:
    text = "name: X\n# about the id\nid: x\nkind: goal\ntitle: T\n"
    result = format_text(text)
    assert result.text == text
    assert result.notes and "comments stand between its keys" in result.notes[0]


def test_long_flow_lists_become_block() -> None:
    long_list = ", ".join(f"consumer-number-{i}" for i in range(8))
    text = f"kind: problem\nid: p\ntitle: P\nconsumers: [{long_list}]\n"
    out = format_text(text).text
    assert "consumers:\n  - consumer-number-0\n" in out
    assert data(out) == data(text)


def test_explicit_start_and_bom_are_kept() -> None:
    text = "---\nkind: goal\nid: g\ntitle: G\n"
    assert format_text(text).text == text
    assert format_text("\ufeff" + text).text == "\ufeff" + text
