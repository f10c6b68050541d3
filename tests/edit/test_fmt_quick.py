"""The quick proof that a file is canonical agrees with the full format, always.

`is_canonical(text)` may only say True when the full format (round-trip reader and
writer) returns the text unchanged with no note; it should say True for the files a
formatted repository holds, so that `fmt --check` skips the round-trip work for them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bpstrat.cli.fmt import run_fmt
from bpstrat.edit import fmt as fmt_module
from bpstrat.edit.fmt import Formatted, format_full, format_text
from bpstrat.edit.fmt_pool import format_texts
from bpstrat.edit.fmt_quick import is_canonical
from bpstrat.source.roundtrip import RoundTripError
from tests.edit.test_fmt_pool import every_yaml_text, generate
from tests.edit.variants import Variants
from tests.helpers import EXAMPLES


def unchanged_by_full_format(text: str, is_root_config: bool = False) -> bool:
    try:
        result = format_full(text, is_root_config)
    except RoundTripError:
        return False
    return result == Formatted(text, [])


def agree(text: str, is_root_config: bool = False) -> bool:
    """The promise: a True of the quick proof is the full format's 'unchanged'."""
    return not is_canonical(text, is_root_config) or unchanged_by_full_format(text, is_root_config)


def test_agrees_with_the_full_format_on_every_yaml_file_of_the_project() -> None:
    items = every_yaml_text()
    proven = 0
    for text, is_root_config in items:
        full = _outcome(format_full, text, is_root_config)  # the round trip, once per file
        if is_canonical(text, is_root_config):
            proven += 1
            assert full == Formatted(text, []), text
        assert _outcome(format_text, text, is_root_config) == full
    assert proven >= 40  # the examples and most fixtures are canonical


def _outcome(
    formatter: Callable[[str, bool], Formatted], text: str, is_root_config: bool = False
) -> Formatted | str:
    try:
        return formatter(text, is_root_config)
    except RoundTripError as error:
        return str(error)


def test_every_shipped_example_file_is_proven() -> None:
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        if "catalog" in path.relative_to(EXAMPLES).parts:
            continue  # Backstage's descriptor files: not strategy files, fmt leaves them
        assert is_canonical(path.read_text(encoding="utf-8"), path.name == "bpstrat.yaml"), path


@pytest.mark.parametrize(
    "per_folder",
    [pytest.param(3, id="fast"), pytest.param(None, id="full", marks=pytest.mark.slow)],
)
def test_every_file_of_a_generated_root_is_proven(tmp_path: Path, per_folder: int | None) -> None:
    """Every file is proven canonical; the full format confirms it for the first files of
    each folder (every kind) in the default run, and for every file under `-m slow`."""
    root = generate(tmp_path / "gen", 30)
    confirmed: dict[Path, int] = {}
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        is_root_config = path.name == "bpstrat.yaml"
        assert is_canonical(text, is_root_config), path
        confirmed[path.parent] = confirmed.get(path.parent, 0) + 1
        if per_folder is None or confirmed[path.parent] <= per_folder:
            assert unchanged_by_full_format(text, is_root_config), path
    assert len(confirmed) >= 7  # bpstrat.yaml and a folder per kind


@pytest.mark.parametrize("seed", range(4))
def test_agrees_on_generated_variants(seed: int) -> None:
    variants = Variants(seed)
    texts = [variants.text() for _ in range(150)]
    proven = [text for text in texts if is_canonical(text)]
    assert 15 <= len(proven) < len(texts)  # both answers are met
    for text in proven:
        assert unchanged_by_full_format(text), text


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(100, 106))
def test_agrees_on_many_generated_variants(seed: int) -> None:
    variants = Variants(seed)
    for _ in range(2000):
        text = variants.text()
        assert agree(text), text


BASE = "kind: consumer\nid: a\nname: A\n"

PROVEN = [
    BASE,
    "# head\n\n" + BASE + "# tail\n",
    "\ufeff" + BASE,
    BASE + "importance: 5   # weight\n",
    BASE + "strategy:  # why\n  summary: x\n  sources: [a, 'b, c', \"d\"]\n",
    BASE + "strategy:\n  # comment\n  summary: x\n\n  sources:\n    - https://x.y/z\n",
    BASE + "demands:\n  - dimension: d\n    option: o\n  - dimension: e\n    option: p\n",
    BASE + "owner: x\nnote: |\n  line one\n\n  # not a comment\nextra: x\n",
    BASE + "note: >-\n  folded\n    deeper\n",
    "kind: goal\nid: g\ntitle: T\nmetric:\n  baseline: 0.50\n  target: 10\n  by: 2027-06-30\n",
    "kind: dimension\nid: d\nname: D\noptions:\n  - {id: a, name: A, cost: 1}\n",
    "kind: other\nzeta: 1\nalpha: 2\n",  # no model: any order
    BASE + "x-extra: 1\ny-extra: 2\n",  # unknown keys after the known, in their order
    "---\n" + BASE + "---\nkind: goal\nid: g\n",
    BASE + "note: 2.1% of bookings\n",
    BASE + "importance: 871200.539891238\n",  # 15 digits
    (BASE + "# a comment\nowner: x  # after\n").replace("\n", "\r\n"),  # CRLF throughout
]

NOT_PROVEN = {
    "key order": "id: a\nkind: consumer\n",
    "no final line break": BASE.rstrip("\n"),
    "CRLF and LF": BASE.replace("\n", "\r\n", 1),
    "a lone CR": BASE.replace("\n", "\r", 1),
    "tab": BASE + "note: a\tb\n",
    "trailing blank": BASE + "note: x \n",
    "no-break space": BASE + "note: a\u00a0b\n",
    "tilde null": BASE + "owner: ~\n",
    "empty value": BASE + "owner:\n",
    "True": BASE + "note: True\n",
    "hex": BASE + "importance: 0x1F\n",
    "exponent": BASE + "importance: 1e3\n",
    "16 digits": BASE + "importance: 8712008.539891238\n",
    "date-time": BASE + "note: 2026-10-01 10:00:00\n",
    "two blanks after colon": BASE + "note:  x\n",
    "misindented mapping": BASE + "strategy:\n   summary: x\n",
    "list at the key's indent": BASE + "demands:\n- dimension: d\n",
    "list in list": BASE + "tags:\n  - - a\n",
    "escape": BASE + 'note: "a\\tb"\n',
    "long flow line": BASE + "tags: [" + ", ".join(["abcdefgh"] * 12) + "]\n",
    "flow without blank": BASE + "tags: [a,b]\n",
    "nested flow": BASE + "tags: [a, [b]]\n",
    "flow mapping order": "kind: dimension\nid: d\noptions:\n  - {name: A, id: a}\n",
    "keep chomping": BASE + "note: |+\n  x\n",
    "indentation indicator": BASE + "note: |2\n  x\n",
    "deeper block": BASE + "note: |\n    x\n",
    "anchor": BASE + "owner: &o x\n",
    "tag": BASE + "owner: !!str x\n",
    "document end": BASE + "...\n",
    "content on marker line": "--- " + BASE,
    "duplicate key": BASE + "id: b\n",
    "empty document": "---\n---\n" + BASE,
    "only comments": "# nothing\n",
    "quoted key": BASE + "'note': x\n",
    "flow item with a comment": BASE + "tags:\n  - [a, b]\n\n  - [a, b]  # c\n",
}


@pytest.mark.parametrize("text", PROVEN)
def test_proven_texts_are_unchanged_by_the_full_format(text: str) -> None:
    assert is_canonical(text)
    assert unchanged_by_full_format(text)


@pytest.mark.parametrize("text", NOT_PROVEN.values(), ids=NOT_PROVEN.keys())
def test_texts_outside_the_subset_are_left_to_the_full_format(text: str) -> None:
    assert not is_canonical(text)
    assert _outcome(format_text, text) == _outcome(format_full, text)


def test_fmt_check_on_a_formatted_root_never_runs_the_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = generate(tmp_path / "gen", 40)
    messy = "id: m\nkind: consumer\nname:   M\n"  # the blanks need the round trip
    (root / "consumers" / "messy.yaml").write_text(messy)

    read: list[str] = []
    real_load_all = fmt_module.load_all

    def counting(text: str) -> list[object]:
        read.append(text)
        return real_load_all(text)

    monkeypatch.setattr(fmt_module, "load_all", counting)  # the round-trip reader
    assert run_fmt(root, check=True, show_diff=False) == 1
    assert read and all("id: m" in text for text in read)  # only the file that changes


def test_format_texts_answers_proven_texts_without_the_formatter() -> None:
    def failing(text: str, is_root_config: bool) -> Formatted:
        raise AssertionError(text)

    assert format_texts([(BASE, False)], failing) == [Formatted(BASE, [])]
