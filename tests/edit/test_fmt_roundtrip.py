"""`bpstrat fmt` never loses or corrupts data: it writes a verified rewrite or leaves the file.

Every case holds the same property: fmt either leaves the text byte-identical (with a
reason when it refuses), or returns a text with the same data and the same comments that
a second run does not change.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bpstrat.edit.fmt_files as fmt_files
from bpstrat.cli.fmt import run_fmt
from bpstrat.edit.fmt import format_text
from bpstrat.errors import UsageError
from bpstrat.source.files import MAX_FILE_BYTES
from bpstrat.source.yaml_fast import parse
from tests.helpers import Writer


def comments(text: str) -> Counter[str]:
    """Comments of the generated texts (they hold `#` only in comments)."""
    found: Counter[str] = Counter()
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            found[line.strip()] += 1
        elif " #" in line:
            found[line[line.index(" #") + 1 :].strip()] += 1
    return found


def data(text: str) -> list[object]:
    docs, error = parse(text)
    assert error is None, error
    return [d.data for d in docs]


def check_property(text: str) -> str | None:
    """fmt's promise on one text; returns the refusal reason (None when it formatted)."""
    result = format_text(text)
    if result.refused is not None:
        assert result.text == text
        return result.refused
    out = result.text
    assert data(out) == data(text)
    assert [type(d) for d in data(out)] == [type(d) for d in data(text)]
    assert comments(out) == comments(text)
    again = format_text(out)
    assert again.refused is None and again.text == out, "a second run changes nothing"
    return None


# -- the failures as they were reported -------------------------------------------------


def test_comment_before_explicit_document_start_is_kept() -> None:
    text = "# Owner: team pricing\n---\nid: g\nkind: goal\ntitle: G\n"
    out = format_text(text).text
    assert out == "# Owner: team pricing\n---\nkind: goal\nid: g\ntitle: G\n"
    assert check_property(text) is None


def test_explicit_key_with_comment_is_left_alone() -> None:
    text = "kind: goal\nid: g\ntitle: G\n? statement  # why this matters\n: Longer text.\n"
    reason = check_property(text)
    assert reason is not None and "line 4: explicit `?` key" in reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("kind: goal\nid: g\nstatement: 0x_\n", "round-trip YAML reader cannot handle it"),
        ("base: &b {a: 1}\nx:\n  <<: *b\n  c: 2\n", "line 3: merge key `<<`"),
        ("kind: goal\nid: g\nx: !foo [a, b]\n", "line 3: YAML tag"),
        ("kind: goal\nx: !!set {a, b}\n", "line 2: YAML tag"),
        ("%TAG !e! tag:example.com,2000:\n---\nkind: goal\nx: !e!foo 1\n", "`%TAG` directive"),
        ("%YAML 1.1\n---\nkind: goal\nx: yes\n", "`%YAML` directive"),
    ],
)
def test_crashing_and_corrupting_constructs_are_left_alone(text: str, reason: str) -> None:
    refused = check_property(text)
    assert refused is not None and reason in refused


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("x: 3.908914232496329e+16\nkind: goal\n", "would change the data at x"),
        ("kind: goal\nx: 39089142324963290.0\n", "would rewrite the value on line 2"),
    ],
)
def test_float_digits_are_never_rewritten(text: str, reason: str) -> None:
    refused = check_property(text)
    assert refused is not None and reason in refused


def test_comment_inside_flow_sequence_is_never_lost() -> None:
    text = "kind: goal\nid: g\nx: [a, # c1\n  b]\n"
    refused = check_property(text)
    assert refused is not None and "would lose the comment on line 3 ('# c1')" in refused


def test_comment_after_flow_style_document_is_kept() -> None:
    text = "{kind: goal, id: g}\n# after\n"
    assert check_property(text) is None
    assert format_text(text).text.endswith("# after\n")


def test_comment_after_document_end_is_kept() -> None:
    text = "id: a\nkind: goal\n...\n# after end\n---\nkind: goal\nid: b\n"
    assert check_property(text) is None
    assert "...\n# after end\n---\n" in format_text(text).text


def test_long_plain_scalar_keeps_its_double_space() -> None:
    text = "kind: goal\nid: g\ntitle: " + "word " * 900 + "two  spaces end\n"
    assert check_property(text) is None
    assert "two  spaces end" in format_text(text).text


# -- generated round trips: comments and keys in every position -------------------------

HEADERS = ["", "# header\n", "# Owner: team pricing\n\n"]
STARTS = ["", "---\n", "--- # start\n"]
BODIES = [
    "id: g\nkind: goal  # the kind\ntitle: G\n",
    "kind: goal\n# about the id\nid: g\n",
    "kind: goal\nid: g\nlist: [a, b]  # flow\nmap: {a: 1}\n",
    "kind: goal\nid: g\nx: [a, # inside\n  b]\n",
    "kind: goal\nid: g\n? statement  # why\n: Longer text.\n",
    "kind: goal\nid: g\nstatement: 0x_\n",
    "kind: goal\nid: g\nx: 1e16\ny: 3.908914232496329e+16\n",
    "kind: goal\nid: g\ntitle: a  b  c\nname: " + "long " * 30 + "x  y\n",
    "kind: goal\nid: g\nyes_value: yes\nno_value: no\non: off\n",
    "kind: goal\nid: g\ntagged: !!str 5\n",
    "kind: goal\nid: g\nset: !!set {a, b}\n",
    "base: &b {a: 1}\nmerged:\n  <<: *b\n  c: 2\n",
    "{kind: goal, id: g}\n",
    "- a  # first\n- b\n",
    "kind: goal\nid: g\nempty:\ntilde: ~\n",
    'kind: goal\nid: g\ntitle: "not # a comment"\nblock: |  # header\n  text\n',
]
ENDS = ["", "# trailing\n", "...\n", "...\n# after end\n"]
SECOND = ["", "---\nkind: goal\nid: b\n", "# between\n---\nid: c\nkind: goal  # c\n"]


def _cases() -> list[str]:
    out = []
    for header, start, body, end, second in itertools.product(
        HEADERS, STARTS, BODIES, ENDS, SECOND
    ):
        if header and not start and not body.startswith("{"):
            start = "---\n"
        text = header + start + body + end + second
        out.append(text)
        if text.endswith("\n"):
            out.append(text[:-1])  # end of file without a newline
    return out


CASES = _cases()


@pytest.mark.slow
def test_generated_round_trips_hold_the_promise() -> None:
    refused = formatted = 0
    for text in CASES:
        if parse(text)[1] is not None:
            continue
        try:
            reason = check_property(text)
        except AssertionError as failure:
            raise AssertionError(f"{text!r}: {failure}") from None
        if reason is None:
            formatted += 1
        else:
            refused += 1
    assert formatted > 500 and refused > 500  # both paths are exercised


KEYS = st.sampled_from(["kind", "id", "name", "title", "x", "statement", "importance"])
VALUES = st.sampled_from(
    [
        "goal",
        "g",
        "0x_",
        "1e16",
        "yes",
        "no",
        "null",
        "~",
        "'q # q'",
        '"a  b"',
        "[a, b]",
        "{a: 1}",
        "!!str 1",
        "3.908914232496329e+16",
        "1_000",
        "0o17",
        "-.inf",
        "a  b",
    ]
)
COMMENTS = st.sampled_from(["", "  # c", "  # other"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    keys = draw(st.lists(KEYS, min_size=1, max_size=5, unique=True))
    lines = []
    for key in keys:
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["# full line", "", "  # indented"])))
        lines.append(f"{key}: {draw(VALUES)}{draw(COMMENTS)}")
    return "\n".join(lines) + "\n"


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(documents(), min_size=1, max_size=3),
    st.sampled_from(["---\n", "# between\n---\n", "...\n# after\n---\n"]),
    st.sampled_from(["", "# header\n---\n"]),
    st.booleans(),
)
def test_hypothesis_round_trips(docs: list[str], joiner: str, header: str, cut: bool) -> None:
    text = header + joiner.join(docs)
    if cut:
        text = text.rstrip("\n")
    if parse(text)[1] is not None:
        return
    check_property(text)


# -- the command: what it writes, what it refuses, what it never touches -----------------


def _snapshot(base: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(base.iterdir())
        if p.is_file() and not p.is_symlink()
    }


MESSY = b"name: G\nid: g\nkind: goal\ntitle: G\n"
REFUSED = b"kind: goal\nid: g\n? statement  # why this matters\n: Longer text.\n"


def test_refused_file_is_left_alone_and_is_not_an_error(
    root: Writer, capsys: pytest.CaptureFixture[str]
) -> None:
    base = root({"q.yaml": REFUSED})
    before = _snapshot(base)
    assert run_fmt(base, check=False, show_diff=False) == 0
    assert _snapshot(base) == before
    err = capsys.readouterr().err
    assert "q.yaml: left as is: line 3: explicit `?` key" in err
    assert "1 file left as is (reasons above)" in err
    assert run_fmt(base, check=True, show_diff=False) == 0
    assert "q.yaml: left as is:" in capsys.readouterr().err


def test_check_with_diff_leaves_bytes_and_mtime(
    root: Writer, capsys: pytest.CaptureFixture[str]
) -> None:
    base = root({"m.yaml": MESSY, "q.yaml": REFUSED})
    before = _snapshot(base)
    assert run_fmt(base, check=True, show_diff=True) == 1
    assert run_fmt(base, check=True, show_diff=False) == 1
    assert run_fmt(base, check=False, show_diff=True) == 0
    assert _snapshot(base) == before
    out = capsys.readouterr()
    assert "+kind: goal" in out.out and "would reformat m.yaml" in out.err
    assert "reformatted" not in out.err


def test_diff_shows_line_separators_and_controls_as_escapes(
    root: Writer, capsys: pytest.CaptureFixture[str]
) -> None:
    messy = 'kind:   goal\nid: g1\ntitle: "A\u2028B\u2029C\x85D\u200bE"\nnote: "\x85 \u2028 x"\n'
    base = root({"m\u2028\x1b.yaml": messy})
    assert run_fmt(base, check=True, show_diff=True) == 1
    out = capsys.readouterr().out
    assert not any(c in out for c in "\u2028\u2029\x85\u200b\x1b")
    assert "--- a/m\\u2028\\x1b.yaml\n" in out
    assert "-kind:   goal\n+kind: goal\n" in out
    assert '-note: "\\x85 \\u2028 x"\n' in out  # one line, as an editor shows it
    assert fmt_files.shown_diff("a\r\nb", "a\r\nc", "x") == (
        "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\r\n-b\n+c\n"
    )


def test_symlink_is_formatted_through_and_stays_a_link(root: Writer) -> None:
    base = root({"real/m.yaml": MESSY})
    link = base / "link.yaml"
    link.symlink_to(base / "real" / "m.yaml")
    assert run_fmt(link, check=False, show_diff=False) == 0
    assert link.is_symlink()
    assert (base / "real" / "m.yaml").read_bytes().startswith(b"kind: goal\nid: g\n")


def test_symlink_out_of_the_root_is_left_alone(
    root: Writer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_bytes(MESSY)
    base = root({})
    (base / "link.yaml").symlink_to(outside)
    assert run_fmt(base, check=False, show_diff=False) == 0
    assert outside.read_bytes() == MESSY and (base / "link.yaml").is_symlink()
    with pytest.raises(UsageError):  # named directly, the link leads out of the root
        run_fmt(base / "link.yaml", check=False, show_diff=False)
    assert outside.read_bytes() == MESSY
    with pytest.raises(fmt_files._Refused, match="outside the strategy root"):
        fmt_files._real_file(base / "link.yaml", base)


def test_hard_links_are_never_split(root: Writer, capsys: pytest.CaptureFixture[str]) -> None:
    base = root({"m.yaml": MESSY})
    os.link(base / "m.yaml", base / "twin.yml")
    assert run_fmt(base, check=False, show_diff=False) == 0
    assert (base / "m.yaml").stat().st_ino == (base / "twin.yml").stat().st_ino
    assert (base / "m.yaml").read_bytes() == MESSY
    assert "2 hard links" in capsys.readouterr().err


def test_file_over_the_size_limit_is_left_alone(
    root: Writer, capsys: pytest.CaptureFixture[str]
) -> None:
    big = MESSY + b"# padding\n" * (MAX_FILE_BYTES // 10 + 1)
    base = root({"big.yaml": big})
    assert run_fmt(base, check=False, show_diff=False) == 0
    assert (base / "big.yaml").read_bytes() == big
    assert "big.yaml: left as is: file is larger than 1024 KiB" in capsys.readouterr().err


def test_alias_bomb_is_refused_immediately(
    root: Writer, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    bomb = ("\n".join(lines) + "\n").encode()
    base = root({"bomb.yaml": bomb})
    assert run_fmt(base, check=False, show_diff=False) == 1
    assert (base / "bomb.yaml").read_bytes() == bomb
    assert "alias bomb" in capsys.readouterr().err


def test_moderate_alias_expansion_is_left_alone() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 4):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    text = "\n".join(lines) + "\n"
    refused = check_property(text)
    assert refused is not None and "aliases (*name) expand it to more than" in refused


def test_file_changed_between_read_and_rename_is_not_overwritten(
    root: Writer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    base = root({"m.yaml": MESSY})
    real_format = fmt_files.format_texts

    def format_then_append(items: list[tuple[str, bool]], formatter: object) -> object:
        results = real_format(items, fmt_files.format_full)
        with open(base / "m.yaml", "ab") as handle:
            handle.write(b"# appended meanwhile\n")
        return results

    monkeypatch.setattr(fmt_files, "format_texts", format_then_append)
    assert run_fmt(base, check=False, show_diff=False) == 1
    assert (base / "m.yaml").read_bytes() == MESSY + b"# appended meanwhile\n"
    assert "m.yaml: changed while fmt was formatting it" in capsys.readouterr().err
    assert [p.name for p in base.iterdir() if p.name.startswith(".")] == []


def test_bom_is_kept_when_writing(root: Writer) -> None:
    base = root({"m.yaml": b"\xef\xbb\xbf" + MESSY})
    assert run_fmt(base, check=False, show_diff=False) == 0
    assert (base / "m.yaml").read_bytes().startswith(b"\xef\xbb\xbfkind: goal\n")
