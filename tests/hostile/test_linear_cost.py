"""Shapes of input that were quadratic, each at a size that took seconds to minutes then:
the behaviour is asserted, and the test stays well under half a second."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bpstrat.edit.fmt_scan import scan
from bpstrat.findings import Finding
from bpstrat.lint.suppress import apply_suppressions
from bpstrat.model.suggest import MAX_WORD, Suggester
from bpstrat.source.files import SourceFile, read_file
from tests.helpers import Writer, run

PROBLEM = "kind: problem\nid: {id}\ntitle: P\nvalue_chain: x\nimpact: 3\n"


def test_many_documents_in_one_file_are_parsed_again_once(root: Writer) -> None:
    # 1,000 documents, each with a finding deep in it: one parse per document took minutes
    docs = "".join(
        "---\n" + PROBLEM.format(id=f"p{i}") + f"consumers: [nobody-{i}]\n" for i in range(1000)
    )
    base = root({"problems.yaml": docs})
    found = [(f.code, f.line, f.column) for f in run(base).findings if f.code == "BP302"]
    assert found == [("BP302", 7 + 7 * i, 13) for i in range(1000)]


def test_deeper_positions_of_each_document_come_from_one_parse(tmp_path: Path) -> None:
    text = "".join("---\n" + f"a{i}:\n  b: [x, {{c: 1}}]\n" for i in range(50))
    (tmp_path / "f.yaml").write_text(text)
    source = read_file(tmp_path / "f.yaml", "f.yaml")
    for index, document in enumerate(source.documents):
        assert document.positions.keys[(f"a{index}", "b", 1, "c")].line == 3 + 3 * index


def test_a_long_flow_line_is_scanned_once() -> None:
    # 20,000 items on one line: walking to the line's end per token was quadratic
    line = "evidence: [" + ", ".join(f"item {i}" for i in range(20_000)) + "]\n"
    text = "kind: problem\n" + line + "# after\n"
    result = scan(text)
    assert result.content == (0, len("kind: problem\n") + len(line))
    assert result.comments == [(3, "# after")]
    assert len(result.scalars) == 20_000 + 3


def test_many_suppressions_against_many_findings_are_matched_through_an_index() -> None:
    lines = [f"k{i}: v  # bpstrat: ignore[BP302]" for i in range(5000)]
    lines += ["# bpstrat: ignore-file[BP411]"] * 2000
    source = SourceFile(Path("."), "x.yaml", "\n".join(lines) + "\n")
    findings = [Finding("BP302", "m", "x.yaml", i + 1, 1) for i in range(5000)]
    findings += [Finding("BP411", "m", "x.yaml", 1, 1)] * 2000
    findings.append(Finding("BP302", "m", "x.yaml", 6000, 1))  # not suppressed
    kept, useless = apply_suppressions(findings, [source], dt.date(2026, 11, 20))
    assert [(f.code, f.line) for f in kept] == [("BP302", 6000)]
    assert useless == []


def test_did_you_mean_with_long_ids_stays_bounded() -> None:
    # 2,000 ids of 1,000 characters: comparing each pair costs a million steps
    ids = [f"{i}-" + "x" * 1000 for i in range(2000)] + ["short-name"]
    suggester = Suggester(ids)
    assert suggester.closest("short-nam") == "short-name"
    assert suggester.closest("7-" + "x" * 999 + "y") is None  # too long to compare
    assert suggester.closest("zzz-short-name-zzz") == "short-name"  # containment still works
    assert len(max(suggester.options, key=len)) <= MAX_WORD


def test_number_keys_sharing_one_hash_are_refused_by_the_round_trip_reader(root: Writer) -> None:
    # keys that are multiples of 2**61 - 1 all hash to 0: 20,000 of them took fmt 36 s
    from bpstrat.edit.fmt_files import format_root
    from bpstrat.source.roundtrip import RoundTripError, load_all

    colliding = "".join(f"  {i * (2**61 - 1)}: 1\n" for i in range(1, 1000))
    base = root({"c.yaml": "kind: consumer\nid: c\nname: C\nextra:\n" + colliding})
    outcome = next(o for o in format_root(base, True, False).outcomes if o.rel == "c.yaml")
    assert outcome.ending == "left" and "share one hash" in outcome.reason
    try:
        load_all("a:\n" + colliding)
    except RoundTripError as error:
        assert "share one hash" in str(error)
    else:
        raise AssertionError("the colliding mapping was read")
    plain = "".join(f"  {i}: 1\n" for i in range(1, 1000))  # ordinary number keys still read
    assert len(load_all("a:\n" + plain)[0]["a"]) == 999  # type: ignore[index]
