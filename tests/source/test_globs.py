"""`exclude:` globs: the documented semantics, exactly, at a cost linear in the path.

The reference is the translation into a regular expression that bpstrat used before
(correct, but backtracking): on small alphabets the automaton must agree with it on every
glob and path. The worst cases would take minutes with backtracking.
"""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstrat.source.globs import MAX_GLOB_CHARS, MAX_GLOBS, Globs
from bpstrat.source.tree import FolderTree
from tests.helpers import Writer, fast_and_full, run, where


def reference(pattern: str) -> re.Pattern[str]:
    """The backtracking translation (`**/` is `(?:.*/)?`, `**` is `.*`, `*` is `[^/]*`)."""
    out = ""
    i = 0
    pattern = pattern.strip().strip("/")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        else:
            char = pattern[i]
            out += "[^/]*" if char == "*" else "[^/]" if char == "?" else re.escape(char)
            i += 1
    anchored = "" if "/" in pattern else "(?:.*/)?"
    return re.compile(f"^{anchored}{out}(?:/.*)?$", re.DOTALL)


globs_text = st.text(alphabet="ab/*?.", min_size=1, max_size=9).filter(lambda p: p.strip("/"))
names = st.text(alphabet="ab.", min_size=1, max_size=3)
paths = st.lists(names, min_size=1, max_size=5).map("/".join)


@pytest.mark.parametrize("examples", fast_and_full(400))
def test_one_glob_matches_exactly_as_the_reference(examples: int) -> None:
    @settings(max_examples=examples, deadline=None)
    @given(globs_text, paths)
    def check(pattern: str, path: str) -> None:
        assert Globs([pattern]).match(path) is bool(reference(pattern).match(path))

    check()


@pytest.mark.parametrize("examples", fast_and_full(200))
def test_several_globs_match_when_any_one_does(examples: int) -> None:
    @settings(max_examples=examples, deadline=None)
    @given(st.lists(globs_text, min_size=1, max_size=6), paths)
    def check(patterns: list[str], path: str) -> None:
        expected = any(reference(p).match(path) for p in patterns)
        assert Globs(patterns).match(path) is expected

    check()


def test_trailing_and_leading_slashes_are_dropped() -> None:
    assert Globs(["/drafts/"]).match("drafts/a.yaml")
    assert Globs(["drafts/**/"]).match("drafts/a/b.yaml")
    assert Globs(["/drafts/"]).match("x/drafts/a.yaml")  # `drafts` has no `/` inside
    assert not Globs(["/a/drafts/"]).match("x/a/drafts/b.yaml")
    assert Globs(["drafts"]).match("x/drafts/a.yaml")


def test_backtracking_worst_case_many_stars_against_a_long_name() -> None:
    # A backtracking matcher needs minutes for this (each `*` tries every split).
    globs = Globs(["*a*a*a*a*a*a*a*a*a*b"])
    assert not globs.match("a" * 60)
    assert not globs.match("x/" + "a" * 200)
    assert globs.match("a" * 60 + "b")


def test_backtracking_worst_case_repeated_folder_wildcards_against_a_deep_path() -> None:
    deep = "a/" * 300 + "c.yaml"
    assert not Globs(["**/" * 60 + "b"]).match(deep)
    assert not Globs(["**/a/" * 40 + "b"]).match(deep)
    assert not Globs(["**a**a**a**a**a**a**a**a**b"]).match(deep)
    assert Globs(["**/a/" * 40 + "c.yaml"]).match(deep)


@pytest.mark.parametrize(
    "count", [pytest.param(400, id="fast"), pytest.param(4000, id="full", marks=pytest.mark.slow)]
)
def test_many_globs_times_many_paths_stays_fast(count: int) -> None:
    # 1,000 distinct wildcard globs against 4,000 paths ([full]; [fast]: 400, the same
    # answers): one automaton reads each path once.
    globs = Globs([f"*x{i}*y{i}*" for i in range(MAX_GLOBS - 1)] + ["drafts"])
    paths = [f"consumers/c{k}/consumer-{k}.yaml" for k in range(count)]
    start = time.perf_counter()
    assert not any(globs.match(path) for path in paths)
    assert globs.match("consumers/drafts/x.yaml")
    assert globs.match("ax1zy1")
    # generous: about 0.4 s here; a matcher per glob and path takes tens of seconds
    assert time.perf_counter() - start < 5


def test_duplicates_empty_globs_and_bounds() -> None:
    globs = Globs(["drafts", " drafts ", "drafts/", "", "   ", "x" * (MAX_GLOB_CHARS + 1)])
    assert globs.patterns == ["drafts"]
    assert len(Globs([f"g{i}" for i in range(MAX_GLOBS + 5)]).patterns) == MAX_GLOBS


def test_the_walk_reads_each_name_once_with_many_globs(root: Writer) -> None:
    files = {f"f{i}/c{j}.yaml": "kind: goal\n" for i in range(20) for j in range(20)}
    base = root(files)
    patterns = [f"*q{i}*z{i}*" for i in range(MAX_GLOBS - 1)] + ["f1?"]
    found, issues = FolderTree(base).discover(patterns)
    assert issues == []
    assert len(found) == 1 + 10 * 20  # ana.yaml and f0, f2..f9 (f10..f19 excluded)
    assert not any(rel.startswith("f1") and rel[2] != "/" for rel in found)


def test_a_glob_too_long_or_too_many_is_a_finding_and_the_others_still_apply(
    root: Writer,
) -> None:
    long_glob = "*" * (MAX_GLOB_CHARS + 1)
    config = f"product: {{id: demo, name: Demo, owner: ana}}\nexclude: [drafts, '{long_glob}']\n"
    base = root({"drafts/bad.yaml": "broken: ["}, config=config)
    findings = where(run(base))
    assert [(code, path, line) for code, path, line, _ in findings] == [
        ("BP202", "bpstrat.yaml", 2)
    ]
    many = "drafts, " + ", ".join(f"g{i}" for i in range(MAX_GLOBS))  # the first 1,000 apply
    config = f"product: {{id: demo, name: Demo, owner: ana}}\nexclude: [{many}]\n"
    base = root({"drafts/bad.yaml": "broken: ["}, config=config)
    result = run(base)
    assert [(f.code, f.path) for f in result.findings] == [("BP202", "bpstrat.yaml")]
    assert "1000" in result.findings[0].message or "1,000" in result.findings[0].message
