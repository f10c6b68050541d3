"""Suppression comments: inline and file-wide, expiring, misplaced and malformed (BP106)."""

from __future__ import annotations

from pathlib import Path

from bpstrat.lint.linter import lint
from tests.helpers import TODAY, Writer, run, where

CONSUMER = """\
kind: consumer
id: web
name: Web
importance: 3
"""


def codes(base: Path) -> list[tuple[str, str, int, int]]:
    return where(run(base))


def test_inline_and_file_suppressions(root: Writer) -> None:
    text = CONSUMER + "zzz: 1  # bpstrat: ignore[BP203]\n"
    assert codes(root({"x.yaml": text})) == []
    text = "# bpstrat: ignore-file[BP203, BP302]\n" + CONSUMER + "zzz: 1\nowner: nobody\n"
    assert codes(root({"x.yaml": text})) == []


def test_suppression_on_another_line_does_not_apply(root: Writer) -> None:
    text = CONSUMER.replace("importance: 3", "importance: 3  # bpstrat: ignore[BP203]")
    base = root({"x.yaml": text + "zzz: 1\n"})
    assert codes(base) == [("BP106", "x.yaml", 4, 16), ("BP203", "x.yaml", 5, 1)]


def test_suppression_expires(root: Writer) -> None:
    text = CONSUMER + "zzz: 1  # bpstrat: ignore[BP203] until 2026-12-31 -- migration\n"
    base = root({"x.yaml": text})
    assert codes(base) == []
    result = lint(base, TODAY.replace(year=2027))
    assert where(result) == [("BP203", "x.yaml", 5, 1), ("BP106", "x.yaml", 5, 9)]
    [expired] = [f for f in result.findings if f.code == "BP106"]
    assert "expired on 2026-12-31 (migration)" in expired.message


def test_malformed_suppression(root: Writer) -> None:
    text = CONSUMER + "zzz: 1  # bpstrat: ignore[unused-thing]\n"
    assert codes(root({"x.yaml": text})) == [("BP203", "x.yaml", 5, 1), ("BP106", "x.yaml", 5, 9)]
