"""Finding the root, walking files, and reading bad files without ever blocking or crashing."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from bpstrat.errors import UsageError
from bpstrat.source.files import MAX_FILE_BYTES, discover, find_root
from bpstrat.source.globs import Globs
from tests.helpers import Writer, run, where

CONSUMER = """\
kind: consumer
id: web
name: Web
importance: 3
"""


def test_root_is_found_from_a_subfolder_or_a_file(root: Writer) -> None:
    base = root({"consumers/web.yaml": CONSUMER})
    assert find_root(base / "consumers") == base.resolve()
    assert find_root(base / "consumers" / "web.yaml") == base.resolve()


def test_no_root_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="bpstrat init"):
        find_root(tmp_path)


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        find_root(tmp_path / "nope")


def test_hidden_folders_excludes_and_non_yaml_are_skipped(root: Writer) -> None:
    base = root(
        {
            ".git/x.yaml": "not: [valid",
            ".github/workflows/ci.yml": "on: push\n",
            "drafts/a.yaml": "broken: [",
            "notes.txt": "broken: [",
            "deep/drafts/b.yml": "broken: [",
            "consumers/web.yaml": CONSUMER,
            "consumers/web.yml.bak": "broken: [",
        },
        config="product: {id: demo, name: Demo}\nexclude: ['drafts/**', '**/drafts']\n",
    )
    files, findings = discover(base, ["drafts/**", "**/drafts"])
    assert [p.relative_to(base).as_posix() for p in files] == ["ana.yaml", "consumers/web.yaml"]
    assert findings == []
    assert where(run(base)) == []


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("drafts/**", "drafts/a.yaml", True),
        ("drafts/**", "x/drafts/a.yaml", False),
        ("drafts", "drafts/sub/a.yaml", True),
        ("*.tmp.yaml", "deep/x.tmp.yaml", True),
        ("**/old/*.yaml", "a/b/old/x.yaml", True),
        ("**/old/*.yaml", "old/x.yaml", True),
        ("consumers/*.yaml", "consumers/sub/x.yaml", False),
        ("consumers/?.yaml", "consumers/a.yaml", True),
    ],
)
def test_exclude_globs(pattern: str, path: str, matches: bool) -> None:
    assert Globs([pattern]).match(path) is matches


def test_bom_and_crlf_simply_work(root: Writer) -> None:
    base = root({"web.yaml": b"\xef\xbb\xbf" + CONSUMER.replace("\n", "\r\n").encode()})
    assert where(run(base)) == []


def test_non_utf8_is_bp105_with_position(root: Writer) -> None:
    base = root({"web.yaml": CONSUMER.encode() + b"note: caf\xe9\n"})
    assert where(run(base)) == [("BP105", "web.yaml", 5, 10)]


def test_binary_junk_and_utf16(root: Writer) -> None:
    base = root({"junk.yaml": bytes(range(256)) * 4, "u16.yaml": "a: b".encode("utf-16")})
    assert [(c, p) for c, p, _, _ in where(run(base))] == [
        ("BP105", "junk.yaml"),
        ("BP105", "u16.yaml"),
    ]


def test_nul_byte_is_bp101(root: Writer) -> None:
    base = root({"web.yaml": CONSUMER + "note: a\x00b\n"})
    assert where(run(base)) == [("BP101", "web.yaml", 5, 8)]


def test_huge_file_is_bp105(root: Writer) -> None:
    base = root({"big.yaml": "# " + "x" * MAX_FILE_BYTES + "\n"})
    result = run(base)
    assert where(result) == [("BP105", "big.yaml", 1, 1)]
    assert "split" in result.findings[0].message


def test_empty_and_comment_only_files(root: Writer) -> None:
    base = root({"empty.yaml": "", "comments.yaml": "# nothing yet\n", "web.yaml": CONSUMER})
    assert where(run(base)) == [("BP103", "comments.yaml", 1, 1), ("BP103", "empty.yaml", 1, 1)]


def test_trailing_document_separator_is_fine(root: Writer) -> None:
    base = root({"web.yaml": "---\n" + CONSUMER + "---\n"})
    assert where(run(base)) == []


def test_file_names_with_spaces_and_non_ascii(root: Writer) -> None:
    base = root({"conßumers/web app é.yaml": CONSUMER + "foo: 1\n"})
    assert where(run(base)) == [("BP203", "conßumers/web app é.yaml", 5, 1)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_reported_and_never_opened(root: Writer) -> None:
    base = root({"web.yaml": CONSUMER})
    os.mkfifo(base / "pipe.yaml")
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(run(base)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert outcome, "lint blocked on a FIFO"
    assert where(outcome[0]) == [("BP105", "pipe.yaml", 1, 1)]  # type: ignore[arg-type]


def test_symlink_loop_and_dangling_link(root: Writer) -> None:
    base = root({"sub/web.yaml": CONSUMER})
    (base / "sub" / "loop").symlink_to(base, target_is_directory=True)
    (base / "gone.yaml").symlink_to(base / "does-not-exist.yaml")
    (base / "self.yaml").symlink_to(base / "self.yaml")
    result = run(base)
    found = [(c, p) for c, p, _, _ in where(result)]
    assert found == [("BP105", "gone.yaml"), ("BP105", "self.yaml")]
    assert "broken symbolic link" in result.findings[0].message


def test_one_bad_file_never_stops_the_others(root: Writer) -> None:
    base = root({"a-bad.yaml": "kind: [\n", "b-good.yaml": CONSUMER + "owner: nobody\n"})
    assert where(run(base)) == [("BP101", "a-bad.yaml", 2, 1), ("BP302", "b-good.yaml", 5, 1)]
