"""`bpstrat fmt`: --check writes nothing, files with errors are left alone, writes are
atomic and keep permissions."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from bpstrat.cli.fmt import run_fmt
from bpstrat.edit.fmt import format_text
from bpstrat.source import atomic
from tests.edit.messy import MESSY
from tests.helpers import EXAMPLES, Writer


def test_check_writes_nothing_and_fmt_writes(
    root: Writer, capsys: pytest.CaptureFixture[str]
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


def test_files_with_errors_are_left_untouched(
    root: Writer, capsys: pytest.CaptureFixture[str]
) -> None:
    base = root(
        {
            "bad.yaml": "kind: [\nid: x\n",
            "dup.yaml": "kind: goal\nkind: goal\n",
            "bin.yaml": b"\xff\xfe",
        }
    )
    snapshot = {p.name: p.read_bytes() for p in base.glob("*.yaml")}
    assert run_fmt(base, check=False, show_diff=False) == 1
    assert {p.name: p.read_bytes() for p in base.glob("*.yaml")} == snapshot
    err = capsys.readouterr().err
    assert "bad.yaml:3:1: invalid YAML: the `[` at line 1 column 7 is not closed" in err
    assert "left as it is" in err
    assert "dup.yaml" in err and "bin.yaml" in err


def test_crash_during_write_leaves_the_original(
    root: Writer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
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
