"""The fast reader (lint) and the round-trip reader (fmt, init, new) agree on data and
on the position of every key and list item, for every YAML file the project ships."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bpstrat.source.positions import Path as DocPath
from bpstrat.source.positions import Pos
from bpstrat.source.roundtrip import load_all
from bpstrat.source.yaml_fast import parse
from tests.helpers import EXAMPLES

TOP = EXAMPLES.parent
FILES = sorted(
    p for folder in ("examples", "templates", "tests") for p in (TOP / folder).rglob("*.y*ml")
)
SNIPPETS = [
    "a: 1\nb: [x, y]\nc: {d: 2027-01-01, e: 'q'}\n",
    "- a\n- - b\n  - c\n- {x: y}\n",
    "k: |\n  text\n  more\nn: ~\nb: true\nf: 1.5\n",
    "---\na: 1\n---\nb: [1, 2]\n",
    "sources: [https://wiki.example.com/a, b]\nnested:\n  deeper:\n    - {x: 1}\n",
]


def plain(value: Any) -> Any:
    """ruamel's round-trip values as the plain data the fast reader builds."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def positions(node: Any, path: DocPath = ()) -> dict[DocPath, Pos]:
    """Key and item positions from ruamel's line/column records (0-based)."""
    found: dict[DocPath, Pos] = {}
    if isinstance(node, CommentedMap):
        for key in node:
            line, column = node.lc.key(key)
            found[(*path, str(key))] = Pos(line + 1, column + 1)
            found.update(positions(node[key], (*path, str(key))))
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            line, column = node.lc.item(index)
            found[(*path, index)] = Pos(line + 1, column + 1)
            found.update(positions(item, (*path, index)))
    return found


def check(text: str) -> None:
    fast, error = parse(text)
    assert error is None
    slow = load_all(text)
    fast = [d for d in fast if d.data is not None or len(slow) == len(fast)]
    assert [d.data for d in fast] == [plain(d) for d in slow]
    for document, original in zip(fast, slow, strict=True):
        expected = positions(original)
        actual = {p: document.positions.key(p) for p in expected}
        assert actual == expected


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(TOP)))
def test_shipped_files(path: Path) -> None:
    check(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", SNIPPETS)
def test_snippets(text: str) -> None:
    check(text)
