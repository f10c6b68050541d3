"""`init` and `new` in a folder a pull request prepared: no write through a link out of
the root, a bpstrat.yaml that parses beside file names that are not UTF-8, and no name
that is not valid Unicode."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bpstrat.edit.scaffold import init, new
from bpstrat.errors import UsageError
from bpstrat.lint.linter import lint
from tests.helpers import TODAY, bpstrat


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("linked", ["consumers", ".bpstrat", ".github"])
def test_init_never_writes_through_a_link_out(tmp_path: Path, elsewhere: Path, linked: str) -> None:
    start = tmp_path / "start"
    start.mkdir()
    (start / linked).symlink_to(elsewhere)
    with pytest.raises(UsageError, match=f"{linked} is a link to a folder outside"):
        init(start, "X", TODAY, pre_commit=False, github_actions=True)
    assert list(elsewhere.iterdir()) == []
    assert not (start / "bpstrat.yaml").exists()  # refused before any write


def test_init_writes_through_a_link_inside(tmp_path: Path) -> None:
    start = tmp_path / "start"
    (start / "shared").mkdir(parents=True)
    (start / "consumers").symlink_to("shared")
    init(start, "X", TODAY, False, False)
    assert (start / "shared" / "example-consumer.yaml").is_file()


@pytest.mark.parametrize("linked", ["consumers", ".bpstrat"])
def test_new_never_writes_through_a_link_out(tmp_path: Path, elsewhere: Path, linked: str) -> None:
    root = tmp_path / "root"
    init(root, "X", TODAY, False, False)
    if linked == ".bpstrat":
        for schema in (root / ".bpstrat").iterdir():
            schema.unlink()
        (root / ".bpstrat").rmdir()
    else:
        for entity in (root / "consumers").iterdir():
            entity.unlink()
        (root / "consumers").rmdir()
    (root / linked).symlink_to(elsewhere)
    result = bpstrat("new", "consumer", "web", root)
    assert result.returncode == 2, result.stderr
    assert f"{linked} is a link to a folder outside the strategy root" in result.stderr
    assert list(elsewhere.iterdir()) == []
    with pytest.raises(UsageError, match="outside the strategy root"):
        new(root, "consumer", "web", None, TODAY)


def test_init_beside_names_that_are_not_utf8_writes_a_root_that_parses(tmp_path: Path) -> None:
    start = tmp_path / "start"
    start.mkdir()
    (start / "docker-compose.yaml").write_text("services: {}\n")
    (start / os.fsdecode(b"bad\xff.yaml")).write_text("x: 1\n")
    (start / os.fsdecode(b"odd\xfe")).mkdir()
    (start / os.fsdecode(b"odd\xfe") / "ci.yaml").write_text("x: 1\n")
    result = bpstrat("init", start, "--name", "X")
    assert result.returncode == 0, result.stderr
    assert "note: bpstrat.yaml: 2 name(s) here are not UTF-8" in result.stderr
    assert "'bad\\udcff.yaml'" in result.stderr
    config = (start / "bpstrat.yaml").read_text(encoding="utf-8")
    assert '- "docker-compose.yaml"' in config
    assert "not UTF-8 and are not listed" in config
    found = lint(start, TODAY)
    assert not [f for f in found.findings if f.path == "bpstrat.yaml"]


@pytest.mark.parametrize("command", ["init", "new"])
def test_a_name_that_is_not_unicode_is_refused(tmp_path: Path, command: str) -> None:
    root = tmp_path / "root"
    init(root, "X", TODAY, False, False)
    name = "Web \udcff"
    if command == "init":
        result = bpstrat("init", tmp_path / "other", "--name", name)
    else:
        result = bpstrat("new", "consumer", "web", "--name", name, root)
    assert result.returncode == 2
    assert "is not valid Unicode text" in result.stderr
    assert not (root / "consumers" / "web.yaml").exists()
    assert not (tmp_path / "other" / "bpstrat.yaml").exists()
