"""`bpstrat fmt`: canonical, idempotent, keeps every comment and value, writes atomically."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest

from bpstrat.cli.fmt import run_fmt
from bpstrat.edit.fmt import format_text
from bpstrat.source import atomic
from bpstrat.source.yaml_fast import parse
from conftest import EXAMPLES, Writer


def comments(text: str) -> list[str]:
    """Every comment in a file, in order (full-line and end-of-line)."""
    out = []
    for line in text.splitlines():
        if "#" in line:
            out.append(line[line.index("#"):].strip())
    return out


def data(text: str) -> list[object]:
    docs, error = parse(text)
    assert error is None
    return [d.data for d in docs]


MESSY = """\
# A consumer, written carelessly.
importance: 5            # weight in scoring
name: Checkout Web
id: checkout-web
kind: consumer
demands:
    -   strength: must
        option: rest-json   # they insist
        dimension: interface
        problem: stale
strategy: {sources: [https://wiki.example.com/x], summary: Moving to SSR.}
---
# bpstrat: ignore-file[BP405]
kind: consumer
id: b
name: B
importance: 2
successor_note: null
"""


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


def test_check_writes_nothing_and_fmt_writes(root: Writer, capsys: pytest.CaptureFixture[str]
                                             ) -> None:
    base = root({"c.yaml": MESSY})
    before = (base / "c.yaml").read_bytes()
    assert run_fmt(base, check=True, show_diff=True) == 1
    assert (base / "c.yaml").read_bytes() == before
    captured = capsys.readouterr()
    assert "+kind: consumer" in captured.out and "would reformat c.yaml" in captured.err
    (base / "c.yaml").chmod(0o640)
    assert run_fmt(base, check=False, show_diff=False) == 0
    assert (base / "c.yaml").read_text() == format_text(MESSY).text
    assert stat.S_IMODE((base / "c.yaml").stat().st_mode) == 0o640  # permissions kept
    assert run_fmt(base, check=True, show_diff=False) == 0  # idempotent


def test_files_with_errors_are_left_untouched(root: Writer,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    base = root({"bad.yaml": "kind: [\nid: x\n", "dup.yaml": "kind: goal\nkind: goal\n",
                 "bin.yaml": b"\xff\xfe"})
    snapshot = {p.name: p.read_bytes() for p in base.glob("*.yaml")}
    assert run_fmt(base, check=False, show_diff=False) == 1
    assert {p.name: p.read_bytes() for p in base.glob("*.yaml")} == snapshot
    err = capsys.readouterr().err
    assert "bad.yaml:3:1: invalid YAML" in err and "left as it is" in err
    assert "dup.yaml" in err and "bin.yaml" in err


def test_crash_during_write_leaves_the_original(root: Writer, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    base = root({"c.yaml": MESSY})
    original = (base / "c.yaml").read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", crash)
    assert run_fmt(base, check=False, show_diff=False) == 1
    assert (base / "c.yaml").read_bytes() == original
    assert [p.name for p in base.iterdir() if p.name.startswith(".")] == []  # no temp left
    assert "c.yaml: cannot write: No space left on device; left as it is" in capsys.readouterr().err


def test_fmt_one_file(root: Writer) -> None:
    base = root({"a.yaml": MESSY, "b.yaml": MESSY})
    assert run_fmt(base / "a.yaml", check=False, show_diff=False) == 0
    assert (base / "b.yaml").read_text() == MESSY
    assert (base / "a.yaml").read_text() != MESSY


def test_examples_folder_copy_is_unchanged_by_fmt(tmp_path: Path) -> None:
    copy = tmp_path / "ex"
    shutil.copytree(EXAMPLES / "pricing-platform", copy)
    assert run_fmt(copy, check=True, show_diff=False) == 0
    assert os.listdir(copy)
