"""A long flow list is written as a block list without the round-trip reader, exactly as
the round-trip format writes it, and only when that (with keys moved into the format's
order, tests/edit/test_fmt_layout.py) is the whole change."""

from __future__ import annotations

import pytest

from bpstrat.edit import fmt as fmt_module
from bpstrat.edit.fmt import format_full
from bpstrat.edit.fmt_rewrite import rewrite_lines
from bpstrat.edit.fmt_scan import MAX_NESTING, scan

PROBLEM = "kind: problem\nid: p\ntitle: P\n"
ITEMS = [f"measured in week {i}" for i in range(12)]


def listed(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


REWRITTEN = {
    "plain items": PROBLEM + f"evidence: {listed(ITEMS)}\n",
    "quoted items": PROBLEM
    + "evidence: "
    + listed([*(f"'a, b {i}'" for i in range(9)), '"c: d"'])
    + "\n",
    "under a key": "kind: consumer\nid: c\nname: C\nimportance: 3\nstrategy:\n  summary: x\n"
    "  sources: " + listed([f"https://wiki.example.com/page/{i}" for i in range(5)]) + "\n",
    "with comments and empty lines": "# the problem\n" + PROBLEM + "# what we know\n"
    f"evidence: {listed(ITEMS)}\n\nconsumers: [a]  # who\n",
    "two documents": "---\n" + PROBLEM + f"evidence: {listed(ITEMS)}\n---\n" + PROBLEM,
    "keys out of order too": "id: p\nkind: problem\ntitle: P\n" + f"evidence: {listed(ITEMS)}\n",
}

LEFT_TO_THE_ROUND_TRIP = {
    "a comment after the list": PROBLEM + f"evidence: {listed(ITEMS)}  # c\n",
    "a flow mapping": PROBLEM + "notes: {" + ", ".join(f"k{i}: {i}" for i in range(30)) + "}\n",
    "nested lists": PROBLEM + "notes: [[a], " + ", ".join(ITEMS) + "]\n",
    "a short list": PROBLEM + "evidence: [a, b]\n",
    "a list item's list": PROBLEM + f"notes:\n  - {listed(ITEMS)}\n",
}


def round_trip(text: str) -> str:
    """What the round-trip reader and writer make of `text`."""
    return fmt_module._format_stream(text, scan(text), False, [])


@pytest.mark.parametrize("text", REWRITTEN.values(), ids=REWRITTEN.keys())
def test_a_long_flow_list_is_written_as_the_round_trip_writes_it(text: str) -> None:
    quick = rewrite_lines(text)
    assert quick is not None and quick != text
    assert quick == round_trip(text)
    assert format_full(text).text == quick
    crlf = text.replace("\n", "\r\n")
    assert format_full(crlf).text == quick.replace("\n", "\r\n")


@pytest.mark.parametrize("text", LEFT_TO_THE_ROUND_TRIP.values(), ids=LEFT_TO_THE_ROUND_TRIP.keys())
def test_anything_else_is_left_to_the_round_trip(text: str) -> None:
    assert rewrite_lines(text) is None


def test_fmt_of_a_long_flow_list_never_runs_the_round_trip(no_round_trip: None) -> None:
    text = PROBLEM + "evidence: " + listed([f"item {i}" for i in range(20_000)]) + "\n"
    out = format_full(text).text
    assert out.count("\n  - item ") == 20_000


def test_a_hostile_long_line_is_read_in_one_pass() -> None:
    # a line of 200,000 characters that is almost a flow list, and one that is one
    assert rewrite_lines(PROBLEM + "evidence: [" + "a, " * 100_000 + "\n") is None
    assert rewrite_lines(PROBLEM + "evidence: [" + "a, " * 66_000 + "a]\n") is not None
    # an item longer than the writer's line width is left to the round trip
    assert rewrite_lines(PROBLEM + "evidence: [" + "a" * 200_000 + "]\n") is None


def test_values_nested_deeper_than_the_bound_are_left_as_they_are(no_round_trip: None) -> None:
    deep = MAX_NESTING  # the document's own mapping is one level
    text = PROBLEM + "notes: " + "[" * deep + "x" + "]" * deep + "\n"
    result = format_full(text)
    assert result.text == text
    assert result.refused is not None and "nested more than 20 levels deep" in result.refused


def test_values_nested_to_the_bound_are_formatted() -> None:
    deep = MAX_NESTING - 1  # mappings under `notes`, below the document's own
    nested = (
        "".join("  " * level + f"k{level}:\n" for level in range(1, deep)) + "  " * deep + "x: 1\n"
    )
    text = "id: p\nkind: problem\ntitle: P\nnotes:\n" + nested
    result = format_full(text)
    assert result.refused is None
    assert result.text == "kind: problem\nid: p\ntitle: P\nnotes:\n" + nested
