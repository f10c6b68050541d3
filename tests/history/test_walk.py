"""Reading history from git's objects: each file read once per content, memory that
follows one commit, and a hostile history read as safely as `diff` reads a revision."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import bpstrat.history.objects as objects
import bpstrat.model.load as load
from bpstrat.history.timeline import read_history
from bpstrat.model.load import FileMemo
from bpstrat.source.tree import MAX_FILE_BYTES
from tests.history.conftest import Story
from tests.history.gitrepo import Repo, base_strategy


def test_a_file_is_read_once_per_content_and_memory_holds_one_commit(
    story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: Counter[str] = Counter()
    real = load.read_source

    def counting(tree: Any, rel: str, cache: Any = None, deep: bool = False) -> Any:
        reads[rel] += 1
        return real(tree, rel, cache, deep)

    monkeypatch.setattr(load, "read_source", counting)
    memo = FileMemo()
    history = read_history(story.root, memo=memo)
    assert len(history.points) == 5
    # unchanged files once over five points; people.yaml and goal.yaml changed once each
    assert reads == {
        "bpstrat.yaml": 1,
        "consumers.yaml": 1,
        "dimension.yaml": 1,
        "problem.yaml": 1,
        "people.yaml": 2,
        "goal.yaml": 2,
        "decisions.yaml": 1,
        "dana.yaml": 1,
    }
    assert len(memo) == 8  # the newest commit's files only


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Repo, dict[str, str]]:
    """A root that moves, odd names, a huge blob, links, a submodule, crafted tree entries,
    bpstrat.yaml as a folder and the root as a file."""
    repo = Repo(tmp_path_factory.mktemp("hostile") / "repo")
    base_strategy(repo)
    os.rename(repo.top / "strategy", repo.top / "old")
    c: dict[str, str] = {}
    c["old"] = repo.commit("The strategy in old/", "2026-09-01T08:00:00+00:00")
    os.rename(repo.top / "old", repo.top / "strategy")
    c["moved"] = repo.commit("Move it to strategy/", "2026-09-02T08:00:00+00:00")
    top = repo.top / "strategy"
    (top / "odd\nname.yaml").write_text("kind: problem\nid: odd\ntitle: Odd\n")
    (top / os.fsdecode(b"caf\xe9.yaml")).write_text("kind: problem\nid: cafe\ntitle: Cafe\n")
    (top / "huge.yaml").write_bytes(b"# " + b"x" * (2 * MAX_FILE_BYTES) + b"\n")
    (top / "data.bin").write_bytes(os.urandom(1024) * 1100)
    (top / "out.yaml").symlink_to("../../outside.yaml")
    (top / "loop.yaml").symlink_to("loop.yaml")
    blob = repo.git("hash-object", "-w", "--stdin", data=b"x")
    repo.git("add", "-A")
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{blob},strategy/vendored")
    c["odd"] = repo.commit(
        "Odd names, a huge file, links, a submodule", "2026-09-03T08:00:00+00:00"
    )
    # entries git itself never writes: `.git` and `..` inside the root
    entry = repo.git("hash-object", "-w", "--stdin", data=b"kind: problem\nid: sneaky\n")
    listing = repo.git("ls-tree", "HEAD:strategy") + f"\n100644 blob {entry}\t.git\n"
    listing += f"100644 blob {entry}\t..\n"
    inner = repo.git("mktree", data=listing.encode())
    outer = repo.git("mktree", data=f"040000 tree {inner}\tstrategy\n".encode())
    crafted = repo.git(
        "commit-tree",
        outer,
        "-p",
        "HEAD",
        "-m",
        "Crafted entries",
        date="2026-09-04T08:00:00+00:00",
    )
    repo.git("update-ref", "refs/heads/main", crafted)
    c["crafted"] = crafted
    config = (top / "bpstrat.yaml").read_text()
    (top / "bpstrat.yaml").unlink()
    (top / "bpstrat.yaml").mkdir()
    (top / "bpstrat.yaml" / "x.yaml").write_text(config)
    c["folder"] = repo.commit("bpstrat.yaml as a folder", "2026-09-05T08:00:00+00:00")
    os.rename(top, repo.top / "kept")
    (repo.top / "strategy").write_text("not a folder\n")
    c["file"] = repo.commit("The root as a file", "2026-09-06T08:00:00+00:00")
    (repo.top / "strategy").unlink()
    os.rename(repo.top / "kept", top)
    for name in ("huge.yaml", "out.yaml", "loop.yaml"):
        (top / name).unlink()
    os.remove(top / "bpstrat.yaml" / "x.yaml")
    (top / "bpstrat.yaml").rmdir()
    (top / "bpstrat.yaml").write_text(config)
    c["back"] = repo.commit("Back to normal", "2026-09-07T08:00:00+00:00")
    return repo, c


def test_a_hostile_history_is_read_safely(
    hostile: tuple[Repo, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, c = hostile
    sizes: list[int] = []
    real = objects._read_exactly

    def spy(stream: Any, size: int) -> bytes:
        sizes.append(size)
        return real(stream, size)

    monkeypatch.setattr(objects, "_read_exactly", spy)
    history = read_history(repo.top / "strategy")
    # old/ was not the root; bpstrat.yaml a folder and the root a file are no strategy
    assert [p.commit.sha for p in history.points] == [c["moved"], c["odd"], c["crafted"], c["back"]]
    moved, odd, crafted, back = history.points
    # the huge file, the link out of the root and the link loop: one BP105 error each
    assert odd.findings["error"] == moved.findings["error"] + 3
    # `.git` and `..` are reported and never read
    assert crafted.findings["error"] == odd.findings["error"] + 2
    # odd names are read as any file: two problems no goal addresses (BP411 warnings)
    assert back.as_json()["findings"] == {
        **moved.findings,
        "warning": moved.findings["warning"] + 2,
    }
    assert max(sizes) <= MAX_FILE_BYTES + 1  # neither the 2 MiB file nor the binary was read


def test_a_repository_without_commits_has_no_history(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "empty")
    base_strategy(repo)
    from bpstrat.errors import UsageError

    with pytest.raises(UsageError, match="unknown revision 'HEAD'"):
        read_history(repo.top / "strategy")
