"""The packed position table answers exactly as the two tables it was built from."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpstrat.findings import Path
from bpstrat.source.positions import Pos, Positions

paths = st.lists(
    st.one_of(st.sampled_from(["id", "name", "demands", "x"]), st.integers(0, 3)), max_size=3
).map(tuple)
positions = st.builds(Pos, st.integers(1, 10_000_000), st.integers(1, 10_000_000))
tables = st.dictionaries(paths, positions, max_size=12)


def nearest(table: dict[Path, Pos], path: Path) -> Pos:
    for n in range(len(path), -1, -1):
        if path[:n] in table:
            return table[path[:n]]
    return Pos(1, 1)


@pytest.mark.slow
@given(keys=tables, values=tables, probes=st.lists(paths, max_size=8))
def test_packed_table_equals_the_dicts(
    keys: dict[Path, Pos], values: dict[Path, Pos], probes: list[Path]
) -> None:
    table = Positions(keys, values)
    assert dict(table.keys) == keys and dict(table.values) == values
    for path in [*probes, *keys, *values]:
        assert table.key(path) == nearest(keys, path)
        assert table.value(path) == nearest(values, path)
        assert table.has_key(path) == (path in keys) == (path in table.keys)
        assert (path in table.values) == (path in values)


def test_moved_passes_every_position_through() -> None:
    table = Positions({("id",): Pos(2, 1)}, {("id",): Pos(2, 5), (): Pos(1, 1)})
    moved = table.moved(lambda p: Pos(p.line + 10, p.column))
    assert moved.key(("id",)) == Pos(12, 1) and moved.value(()) == Pos(11, 1)
    assert not moved.has_key(())


def test_cache_entry_keeps_packed_positions_and_rejects_bad_ones() -> None:
    from bpstrat.source.cache_entry import BadEntry, decode, encode
    from bpstrat.source.yaml_fast import parse

    parsed = parse("kind: goal\nid: g\nproblems: [a, b]\n")
    entry = encode(parsed)
    documents, error = decode(entry)
    assert error is None
    full = parsed[0][0].positions.packed()
    # an entry keeps what a cold read keeps: the top-level positions (deeper ones are read
    # again from the text when a finding asks)
    assert documents[0].positions.packed() == {p: v for p, v in full.items() if len(p) <= 1}
    assert documents[0].positions.value(("problems",)) == Pos(3, 11)
    for bad in (-1, True, 1 << 130, 1 << 31, "12", 1.0):
        broken = encode(parsed)
        broken["documents"][0]["positions"][0][1] = bad
        try:
            decode(broken)
        except BadEntry:
            continue
        raise AssertionError(f"accepted {bad!r}")


def test_files_keep_shallow_positions_that_answer_as_the_full_table() -> None:
    from pathlib import Path as FsPath

    from bpstrat.source.files import read_file
    from bpstrat.source.yaml_fast import parse

    examples = FsPath(__file__).resolve().parent.parent.parent / "examples"
    for file in sorted(examples.rglob("*.yaml")):
        text = file.read_text(encoding="utf-8")
        source = read_file(file, file.name)
        for document, full_document in zip(source.documents, parse(text)[0], strict=True):
            full = full_document.positions
            shallow = document.positions
            assert all(len(path) <= 1 for path in shallow.packed_top())
            for path in list(full.keys) + list(full.values) + [("nope", 3, "x")]:
                assert shallow.key(path) == full.key(path)
                assert shallow.value(path) == full.value(path)
                assert shallow.has_key(path) == full.has_key(path)
            assert shallow.packed() == full.packed()
