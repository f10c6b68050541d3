"""One broken file or value gives one finding at the real spot, never false errors elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bpstrat.lint.linter import lint
from tests.helpers import EXAMPLES, TODAY, write_root

REFERRERS = {
    "stakeholders/bo.yaml": """\
        kind: stakeholder
        id: bo
        name: Bo
        power: 2
        interest: 2
        reviewed: 2026-11-01
        consumers: [load-matching, shipper-app]
        """,
    "problems/slow.yaml": """\
        kind: problem
        id: slow
        title: Matching is slow
        consumers: [load-matching, shipper-app]
        """,
    "goals/fast.yaml": """\
        kind: goal
        id: fast
        title: Matching is fast
        problems: [slow]
        consumers: [load-matching, shipper-app]
        """,
    "consumers/shipper-web.yaml": """\
        kind: consumer
        id: shipper-web
        name: Shipper web
        importance: 3
        """,
}


def codes_in(root: Path, rel: str) -> list[str]:
    return [f.code for f in lint(root, TODAY).findings if f.path == rel]


def errors(root: Path) -> list[tuple[str, str, str]]:
    return [
        (f.code, f.path, f.message) for f in lint(root, TODAY).findings if f.severity == "error"
    ]


def test_a_tab_in_a_referenced_file_is_one_error_that_counts_the_references(
    tmp_path: Path,
) -> None:
    broken = (
        "kind: consumer\nid: load-matching\nname: Load matching\nimportance: 3\n"
        "demands:\n\t- {dimension: x, option: y, strength: must}\n"
    )
    root = write_root(
        tmp_path,
        {
            **REFERRERS,
            "consumers/load-matching.yaml": broken,
            "consumers/shipper-app.yaml": REFERRERS["consumers/shipper-web.yaml"].replace(
                "web", "app"
            ),
        },
    )
    found = errors(root)
    assert [(code, path) for code, path, _ in found] == [("BP101", "consumers/load-matching.yaml")]
    message = found[0][2]
    assert "3 references to 'load-matching' are not checked until this file parses" in message
    assert "bpstrat new" not in message


def test_an_emptied_referenced_file_is_one_error_that_counts_the_references(
    tmp_path: Path,
) -> None:
    root = write_root(
        tmp_path,
        {
            **REFERRERS,
            "consumers/load-matching.yaml": "# later\n",
            "consumers/shipper-app.yaml": REFERRERS["consumers/shipper-web.yaml"].replace(
                "web", "app"
            ),
        },
    )
    found = errors(root)
    assert [(code, path) for code, path, _ in found] == [("BP103", "consumers/load-matching.yaml")]
    assert "3 references to 'load-matching' are not checked" in found[0][2]


def test_an_indentation_error_gives_no_did_you_mean_to_a_neighbour(tmp_path: Path) -> None:
    broken = """\
        kind: consumer
        id: shipper-app
        name: Shipper app
        importance: 3
        demands:
          - dimension: x
           option: y
        """
    root = write_root(
        tmp_path,
        {
            **REFERRERS,
            "consumers/load-matching.yaml": REFERRERS["consumers/shipper-web.yaml"].replace(
                "shipper-web", "load-matching"
            ),
            "consumers/shipper-app.yaml": broken,
        },
    )
    found = errors(root)
    assert [code for code, _, _ in found] == ["BP101"]
    assert "did you mean" not in " ".join(m for _, _, m in found)
    assert "3 references to 'shipper-app'" in found[0][2]


def test_the_file_name_stands_for_the_id_when_no_id_line_is_readable(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            **REFERRERS,
            "consumers/load-matching.yaml": "kind: consumer\nname: a: b\n",
            "consumers/shipper-app.yaml": "[unclosed\n",
        },
    )
    found = errors(root)
    assert sorted(code for code, _, _ in found) == ["BP101", "BP101"]
    assert not [f for f in lint(root, TODAY).findings if f.code == "BP302"]


def test_a_kind_typo_is_one_finding(tmp_path: Path) -> None:
    typo = REFERRERS["consumers/shipper-web.yaml"].replace("consumer", "consumr", 1)
    root = write_root(
        tmp_path,
        {
            **REFERRERS,
            "consumers/load-matching.yaml": typo.replace("shipper-web", "load-matching"),
            "consumers/shipper-app.yaml": typo.replace("shipper-web", "shipper-app"),
        },
    )
    found = errors(root)
    assert sorted(code for code, _, _ in found) == ["BP104", "BP104"]
    assert all("3 references" in message for _, _, message in found)


def test_a_duplicate_id_leaves_the_file_name_unknown_not_missing(tmp_path: Path) -> None:
    app = REFERRERS["consumers/shipper-web.yaml"].replace("shipper-web", "shipper-app")
    root = write_root(
        tmp_path,
        {
            **REFERRERS,
            "consumers/shipper-app.yaml": app,
            # copied from shipper-app.yaml and the id not changed
            "consumers/load-matching.yaml": app,
        },
    )
    found = errors(root)
    assert [code for code, _, _ in found] == ["BP301"]
    assert "3 references to 'load-matching'" in found[0][2]


def test_an_invalid_entity_with_a_readable_id_counts_the_references(tmp_path: Path) -> None:
    invalid = REFERRERS["consumers/shipper-web.yaml"].replace("importance: 3", "importance: 9")
    root = write_root(
        tmp_path,
        {
            **REFERRERS,
            "consumers/load-matching.yaml": invalid.replace("shipper-web", "load-matching"),
            "consumers/shipper-app.yaml": invalid.replace("shipper-web", "shipper-app"),
        },
    )
    found = errors(root)
    assert sorted(code for code, _, _ in found) == ["BP202", "BP202"]
    assert all("until this consumer is valid" in message for _, _, message in found)


def test_an_invalid_by_does_not_also_lack_by(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "goal.yaml": """\
        kind: goal
        id: fast
        title: Matching is fast
        key: true
        metric: {name: p95, baseline: 9, target: 1, by: next spring}
        """
        },
    )
    assert codes_in(root, "goal.yaml").count("BP402") == 0
    assert codes_in(root, "goal.yaml").count("BP202") == 1


def test_an_invalid_metric_and_reviewed_and_problem_do_not_cascade(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "goal.yaml": "kind: goal\nid: g\ntitle: G\nkey: true\nproblems: [p]\nmetric: soon\n",
            "p.yaml": "kind: problem\nid: p\ntitle: P\n",
            "bo.yaml": "kind: stakeholder\nid: bo\nname: Bo\npower: 2\ninterest: 2\n"
            "reviewed: last week\n",
            "c.yaml": "kind: consumer\nid: c\nname: C\nimportance: 3\n"
            "strategy: {summary: S, sources: [s]}\n"
            "demands:\n  - {dimension: d, option: a, strength: must, problem: Bad Id}\n"
            "  - {dimension: d, option: a, strength: must, problem: p}\n",
            "d.yaml": "kind: dimension\nid: d\nname: D\noptions: [{id: a}]\n",
        },
    )
    assert "BP402" not in codes_in(root, "goal.yaml")
    assert "BP406" not in codes_in(root, "bo.yaml")
    assert "BP401" not in codes_in(root, "c.yaml")


def test_choose_two_does_not_also_fail_the_decision(tmp_path: Path) -> None:
    root = write_root(
        tmp_path,
        {
            "d.yaml": "kind: dimension\nid: d\nname: D\nchoose: two\n"
            "options: [{id: a}, {id: b}, {id: c}]\n",
            "dec.yaml": "kind: decision\nid: dec\ndimension: d\nchoice: [a, b]\n"
            "status: accepted\ndate: 2026-11-01\n",
        },
    )
    found = errors(root)
    assert [(code, path) for code, path, _ in found] == [("BP202", "d.yaml")]


def test_a_decision_with_a_bad_date_does_not_make_the_conflict_undecided(
    tmp_path: Path,
) -> None:
    root = write_root(
        tmp_path,
        {
            "d.yaml": "kind: dimension\nid: d\nname: D\noptions: [{id: a}, {id: b}]\n",
            "c1.yaml": "kind: consumer\nid: c1\nname: C1\nimportance: 3\n"
            "demands: [{dimension: d, option: a, strength: must}]\n",
            "c2.yaml": "kind: consumer\nid: c2\nname: C2\nimportance: 3\n"
            "demands: [{dimension: d, option: b, strength: must}]\n",
            "dec.yaml": "kind: decision\nid: dec\ndimension: d\nchoice: [a]\n"
            "status: accepted\ndate: 1 Nov 2026\n",
        },
    )
    codes = [f.code for f in lint(root, TODAY).findings]
    assert "BP409" not in codes
    assert codes_in(root, "dec.yaml") == ["BP202"]


def test_a_decision_in_a_file_that_does_not_parse_does_not_make_the_conflict_undecided(
    tmp_path: Path,
) -> None:
    root = write_root(
        tmp_path,
        {
            "d.yaml": "kind: dimension\nid: d\nname: D\noptions: [{id: a}, {id: b}]\n",
            "c1.yaml": "kind: consumer\nid: c1\nname: C1\nimportance: 3\n"
            "demands: [{dimension: d, option: a, strength: must}]\n",
            "c2.yaml": "kind: consumer\nid: c2\nname: C2\nimportance: 3\n"
            "demands: [{dimension: d, option: b, strength: must}]\n",
            "dec.yaml": "kind: decision\nid: dec\ndimension: d\nchoice: [a]\n"
            "status: accepted\n\tdate: 2026-11-01\n",
        },
    )
    codes = [f.code for f in lint(root, TODAY).findings]
    assert "BP409" not in codes


@pytest.mark.parametrize(
    ("rel", "before", "after"),
    [
        ("decisions/interface-2027.yaml", "status: accepted", "status: acepted"),
        ("decisions/interface-2027.yaml", "date: 2026-", "date: 1999-02-30 #"),
        ("goals/fresh-prices.yaml", "problems: [stale-prices", "problems: [stale-pricez"),
    ],
)
def test_one_mistake_in_the_example_adds_one_finding(
    tmp_path: Path, rel: str, before: str, after: str
) -> None:
    root = tmp_path / "pricing"
    shutil.copytree(EXAMPLES / "pricing-platform", root)
    clean = {f.fingerprint for f in lint(root, TODAY).findings}
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, after, 1), encoding="utf-8")
    added = [f for f in lint(root, TODAY).findings if f.fingerprint not in clean]
    assert [(f.code, f.path) for f in added] == [("BP202" if "decision" in rel else "BP302", rel)]
