"""fmt keeps a file's layout whole: one line ending for every line, comments beside the
lines they stand before, and the files init and new write are already formatted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bpstrat.cli.fmt import run_fmt
from bpstrat.edit.fmt import format_full, format_text
from bpstrat.edit.scaffold import COMMENT_COLUMN, init, new, split_comment
from bpstrat.model.kinds import KINDS
from tests.helpers import EXAMPLES, TODAY

CHECKOUT = "consumers/checkout-web.yaml"


def misindented(text: str) -> str:
    """The example consumer with its demands at the key's indentation and comments before
    and between them, as a hand-written file often is."""
    head, _, tail = text.partition("demands:\n")
    lines = [line[2:] if line.startswith("  ") else line for line in tail.splitlines(True)]
    items = "".join(lines).replace(
        "- dimension: interface", "# then the wire format\n- dimension: interface"
    )
    return head + "demands:\n# what checkout needs first\n" + items


def copy(tmp_path: Path, text: str, newline: str) -> tuple[Path, Path]:
    root = tmp_path / "pricing-platform"
    shutil.copytree(EXAMPLES / "pricing-platform", root)
    target = root / CHECKOUT
    target.write_bytes(text.replace("\n", newline).encode())
    return root, target


def endings(data: bytes) -> set[bytes]:
    """The line endings that `data` uses."""
    return {b"\r\n" if line.endswith(b"\r\n") else b"\n" for line in data.splitlines(True)}


@pytest.mark.parametrize("newline", ["\r\n", "\n"], ids=["CRLF", "LF"])
def test_fmt_writes_every_line_with_the_files_line_ending(tmp_path: Path, newline: str) -> None:
    text = misindented((EXAMPLES / "pricing-platform" / CHECKOUT).read_text())
    root, target = copy(tmp_path, text, newline)
    assert run_fmt(root, check=True, show_diff=False) == 1
    assert run_fmt(root, check=False, show_diff=False) == 0
    written = target.read_bytes()
    assert endings(written) == {newline.encode()}
    assert b"# what checkout needs first" + newline.encode() in written
    assert run_fmt(root, check=True, show_diff=False) == 0
    assert format_full(written.decode()).text == written.decode()


def test_a_file_with_both_line_endings_is_reformatted_to_that_of_its_first_line(
    tmp_path: Path,
) -> None:
    text = (EXAMPLES / "pricing-platform" / CHECKOUT).read_text().replace("\n", "\r\n")
    mixed = text.replace("\r\n", "\n", 3).replace("strategy:\r\n", "strategy:  # where\n")
    root, target = copy(tmp_path, mixed, "\n")
    target.write_bytes(mixed.encode())
    assert run_fmt(root, check=True, show_diff=False) == 1  # --check says what fmt does
    assert target.read_bytes() == mixed.encode()
    run_fmt(root, check=False, show_diff=False)
    assert endings(target.read_bytes()) == {b"\n"}  # the first line ends with `\n`
    assert target.read_bytes().decode() == mixed.replace("\r\n", "\n")
    assert run_fmt(root, check=True, show_diff=False) == 0


def test_fmt_check_agrees_with_what_fmt_writes() -> None:
    base = misindented((EXAMPLES / "pricing-platform" / CHECKOUT).read_text())
    formatted = format_text(base).text
    for text in (base, formatted):
        for variant in (text, text.replace("\n", "\r\n"), text.replace("\n", "\r\n", 2)):
            result = format_text(variant).text
            assert format_text(result).text == result  # what fmt writes, --check calls clean
            assert (result == variant) == (format_full(variant).text == variant)


def test_a_comment_moves_with_the_list_it_stands_before(tmp_path: Path) -> None:
    text = misindented((EXAMPLES / "pricing-platform" / CHECKOUT).read_text())
    out = format_text(text).text
    assert "demands:\n  # what checkout needs first\n  - dimension: price-delivery\n" in out
    assert "\n  # then the wire format\n  - dimension: interface\n" in out


def test_a_comment_not_aligned_with_the_line_after_it_keeps_its_column() -> None:
    text = (
        "kind: goal\nid: g\ntitle: G\nmetric:\n# how we measure it\n    name: x\n"
        "    # the unit\n    unit: s\n"
    )
    out = format_text(text).text
    assert out == (
        "kind: goal\nid: g\ntitle: G\nmetric:\n# how we measure it\n  name: x\n"
        "  # the unit\n  unit: s\n"
    )


def test_a_hash_line_inside_a_block_of_text_is_not_a_comment_to_move() -> None:
    text = "kind: problem\nid: p\ntitle: P\nevidence:\n- |\n  # a heading\n  text\n# next\n- b\n"
    out = format_text(text).text
    assert out == (
        "kind: problem\nid: p\ntitle: P\nevidence:\n  - |\n    # a heading\n    text\n"
        "  # next\n  - b\n"
    )


def skeletons(tmp_path: Path) -> list[Path]:
    written = init(tmp_path, "Pricing Platform", TODAY, pre_commit=True, github_actions=True)
    written += [new(tmp_path, kind, f"a-long-new-{kind}-id", None, TODAY) for kind in KINDS]
    return [path for path in written if path.suffix in (".yaml", ".yml")]


def test_every_file_init_and_new_write_is_already_formatted(tmp_path: Path) -> None:
    for path in skeletons(tmp_path):
        text = path.read_text(encoding="utf-8")
        is_root = path.name == "bpstrat.yaml"
        assert format_full(text, is_root).text == text, path
        assert format_text(text, is_root).text == text, path


def test_the_comments_init_and_new_write_after_values_stand_in_one_column(
    tmp_path: Path,
) -> None:
    found = 0
    for path in skeletons(tmp_path):
        for line in path.read_text(encoding="utf-8").splitlines():
            code, comment = split_comment(line)
            if comment is None:
                continue
            found += 1
            at, width = len(line) - len(comment), len(code.rstrip(" "))
            assert at == COMMENT_COLUMN or (width > COMMENT_COLUMN - 2 and at == width + 2), line
    assert found > 50


def test_a_filled_in_value_longer_than_the_column_leaves_two_spaces(tmp_path: Path) -> None:
    init(tmp_path, "Pricing Platform", TODAY, pre_commit=False, github_actions=False)
    for path in (tmp_path / "dimensions").iterdir():
        path.unlink()
    long_id = "a-dimension-with-an-id-longer-than-the-column"
    new(tmp_path, "dimension", long_id, None, TODAY)
    path = new(tmp_path, "decision", "settle-it", None, TODAY)
    assert f"dimension: {long_id}  # the dimension it settles\n" in path.read_text()
