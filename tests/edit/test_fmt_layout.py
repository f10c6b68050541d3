"""Keys out of the format's order are put back, and blocks indented by 2, by moving and
re-indenting lines without the round-trip reader, exactly as the round-trip format does
it, and only where that is known."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from ruamel.yaml.comments import CommentedMap

from bpstrat.edit import fmt as fmt_module
from bpstrat.edit.fmt import format_full
from bpstrat.edit.fmt_layout import relayout
from bpstrat.edit.fmt_quick import is_canonical
from bpstrat.edit.fmt_rewrite import rewrite_lines
from bpstrat.edit.fmt_scan import scan
from bpstrat.edit.fmt_verify import read_checked
from bpstrat.source.roundtrip import dump_all, keys, load_all, move_to_end
from tests.edit.variants import Variants

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

REORDERED = {
    "the top level": "id: c\nkind: consumer\nname: C\n",
    "end of line comments": "name: C  # who\nid: c  # the id\nkind: consumer\n",
    "empty lines go with the value before them": "id: c\n\nkind: consumer\n\nname: C\n",
    "a nested mapping": "kind: consumer\nid: c\nname: C\nimportance: 3\n"
    "strategy:\n  sources: [a]\n  summary: x\n",
    "a list item's keys, the first on the dash's line": "kind: consumer\nid: c\nname: C\n"
    "importance: 3\ndemands:\n  - option: x  # why\n    dimension: d\n"
    "  - dimension: e\n    option: z\n",
    "a block scalar moves whole": "kind: problem\ntitle: P\nsummary: |\n  two\n  lines\n\nid: p\n",
    "two documents": "---\nid: p\nkind: problem\ntitle: P\n---\ntitle: Q\nkind: problem\nid: q\n",
    "comments before and after the content stay": "# the consumer\nname: C\nkind: consumer\n"
    "id: c\n# the end\n",
    "a list written under its key's column": "kind: problem\nid: p\ntitle: P\n"
    "evidence:\n- a\n- b\n",
    "a mapping indented by 4, a list in it": "kind: consumer\nid: c\nname: C\n"
    "strategy:\n    summary: x\n    sources:\n    - a\n    -   b\n",
    "an end of line comment keeps its column": "kind: other\na:\n    k: v # e\n"
    "    kk:  # f\n        x: 1\n- z # g\n".replace("- z", "b:\n- z"),
    "a comment at the next line's indentation moves with it": "kind: other\na:\n"
    "    # c\n    k: v\n  # d\n    j: w\n",
    "a block scalar keeps its lines' indentation relative to its first": "kind: other\n"
    "a:\n    note: |\n        text\n          deeper\n\n        end\n    k: v\n",
    "a list item's mapping after a wide dash": "kind: other\na:\n    -   k: v\n        j: w\n",
    "a mapping of an unknown kind is left, a known one in the same file is not": (
        "kind: other\nb: 1\na: 2\n---\nid: c\nkind: consumer\nname: C\n"
    ),
}

LEFT_TO_THE_ROUND_TRIP = {
    "a comment among the keys that move": "id: c\n# the name\nname: C\nkind: consumer\n",
    "empty lines after a flow collection that moves": "kind: problem\ntitle: P\n"
    "evidence: [a, b]\n\nid: p\n",
    "a block scalar at the end, then more lines": "title: P\nkind: problem\nid: p\n"
    "summary: |\n  text\n\n# tail\n",
    "a value over two lines": "kind: problem\ntitle: P\n  and more\nid: p\n",
    "a document end marker": "id: p\nkind: problem\ntitle: P\n...\n",
    "a key with odd blanks": "id: p\nkind: problem\ntitle:  P\n",
    "a quote before the comment of a line that moves": "kind: other\na:\n    k: 'x' # e\n",
    "a list in a list": "kind: other\na:\n- - x\n",
}


def round_trip(text: str) -> tuple[str, list[str]]:
    """What the round-trip reader and writer make of `text`, and the notes it gives."""
    notes: list[str] = []
    return fmt_module._format_stream(text, scan(text), False, notes), notes


@pytest.mark.parametrize("text", REORDERED.values(), ids=REORDERED.keys())
def test_keys_are_moved_as_the_round_trip_moves_them(text: str) -> None:
    quick = rewrite_lines(text)
    assert quick is not None and quick != text
    assert (quick, []) == round_trip(text)
    assert format_full(text).text == quick
    crlf = text.replace("\n", "\r\n")
    assert format_full(crlf).text == quick.replace("\n", "\r\n")


@pytest.mark.parametrize("text", LEFT_TO_THE_ROUND_TRIP.values(), ids=LEFT_TO_THE_ROUND_TRIP.keys())
def test_anything_else_is_left_to_the_round_trip(text: str) -> None:
    assert rewrite_lines(text) is None


def test_a_comment_among_moving_keys_keeps_their_order_with_a_note() -> None:
    text = LEFT_TO_THE_ROUND_TRIP["a comment among the keys that move"]
    result = format_full(text)
    assert result.text == text
    assert result.notes == [
        "line 1: kept the key order of document: comments stand between its keys"
    ]


def test_fmt_of_keys_out_of_order_never_runs_the_round_trip(no_round_trip: None) -> None:
    text = "".join(f"---\nid: c{i}\nkind: consumer\nname: C {i}\n" for i in range(2000))
    result = format_full(text)
    assert result.refused is None
    assert result.text.count("kind: consumer\nid: c") == 2000


def _the_round_trip_agrees(texts: list[str]) -> int:
    """How many of `texts` the line rewrite handles; each must be what the round trip
    gives, with no note."""
    handled = 0
    for text in texts:
        try:
            read_checked(text)
            layout = scan(text)
        except Exception:  # not YAML: fmt reports it before any rewrite
            continue
        if layout.refusal is not None:
            continue
        quick = rewrite_lines(text)
        if quick is None:
            continue
        notes: list[str] = []
        try:
            full = fmt_module._format_stream(text, layout, False, notes)
        except yaml.YAMLError:  # the round trip wrote what does not read back: fmt refuses it
            continue
        if not is_canonical(full):
            continue  # the round trip wrote what it cannot prove stable (`- a}` re-indented)
        handled += 1
        assert full == quick, text
        assert notes == [], text
    return handled


def _variants(seeds: range) -> list[str]:
    texts: list[str] = []
    for seed in seeds:
        variants = Variants(seed, odd=0.0, in_order=0.4, misindent=0.3)
        texts.extend(variants.text() for _ in range(20))
    return [text for text in texts if "\r" not in text and not text.startswith("\ufeff")]


def test_generated_texts_are_rewritten_as_the_round_trip_writes_them() -> None:
    assert _the_round_trip_agrees(_variants(range(40))) >= 10


@pytest.mark.slow
def test_many_generated_texts_are_rewritten_as_the_round_trip_writes_them() -> None:
    assert _the_round_trip_agrees(_variants(range(40, 1040))) >= 250


def _reversed_keys(text: str) -> str:
    """`text` with the keys of every document's top-level mapping in reverse order."""
    documents = load_all(text)
    for document in documents:
        if isinstance(document, CommentedMap):
            for key in reversed(keys(document)):
                move_to_end(document, key)
    return dump_all(documents)


def test_the_example_files_with_keys_reversed_are_put_back() -> None:
    files = sorted(EXAMPLES.glob("*/*/*.yaml"))
    texts = [_reversed_keys(path.read_text(encoding="utf-8")) for path in files]
    handled = _the_round_trip_agrees(texts)
    assert handled >= len(files) // 2, (handled, len(files))


def test_many_documents_many_keys_and_deep_nesting_take_one_pass_per_level() -> None:
    # 20,000 documents, a mapping of 50,000 keys, and a reorder at every level of 20:
    # each line is read once per level it is nested in (a quadratic reorder would take
    # minutes here)
    many = "".join(f"---\nid: c{i}\nkind: consumer\nname: C {i}\n" for i in range(20_000))
    out = relayout(many)
    assert out is not None and out.count("kind: consumer\nid: c") == 20_000
    wide = "id: p\nkind: problem\ntitle: P\nnotes:\n" + "".join(
        f"  k{i}: {i}\n" for i in range(50_000)
    )
    out = relayout(wide)
    assert out is not None and out.startswith("kind: problem\nid: p\n")
    deep = "kind: problem\nid: p\ntitle: P\nnotes:\n" + "".join(
        "  " * level + f"k{level}:\n" for level in range(1, 19)
    )
    deep += "  " * 19 + "x: 1\n"
    assert relayout(deep) is None  # nothing to move: unknown keys keep their order
    assert relayout("title: P\n" + deep.replace("title: P\n", "")) is not None
