"""The strategy practice rules BP401-BP416: docstring examples, positions, thresholds.

docs/rules.md is checked in test_rules_doc.py; `bpstrat rules` and `rule` in
tests/cli/test_rules.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bpstrat.lint.rules import RULES
from tests.helpers import EXAMPLES, TODAY, Writer, examples, run_all, where, write_example

GOOD_CONFIG = "product: {id: demo, name: Demo, owner: ana}\n"


def lint_example(tmp_path: Path, text: str) -> set[str]:
    return {f.code for f in run_all(write_example(tmp_path, text)).findings}


@pytest.mark.parametrize("code", sorted(RULES))
def test_docstring_examples(tmp_path: Path, code: str) -> None:
    found = examples(RULES[code])
    assert set(found) == {"failing", "passing"}, f"{code} needs both examples"
    (tmp_path / "f").mkdir()
    (tmp_path / "p").mkdir()
    assert code in lint_example(tmp_path / "f", found["failing"])
    passing = lint_example(tmp_path / "p", found["passing"])
    assert code not in passing
    assert not {c for c in passing if c < "BP400"}, passing


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_metadata(code: str) -> None:
    rule = RULES[code]
    assert code == rule.CODE
    assert rule.NAME and rule.NAME.lower() == rule.NAME and " " not in rule.NAME
    assert rule.__doc__ and len(rule.__doc__.splitlines()) > 5


def findings(base: Path, code: str, today: dt.date = TODAY) -> list[tuple[str, str, int, int]]:
    return where(run_all(base, today), code)


DIMENSION = """\
kind: dimension
id: interface
name: Interface
options: [{id: rest-json}, {id: soap-xml}, {id: ftp-csv}]
"""


def consumer(id_: str, demands: str, importance: int = 3, extra: str = "") -> str:
    return (
        f"kind: consumer\nid: {id_}\nname: {id_.title()}\nimportance: {importance}\n"
        f"{extra}demands:\n{demands}"
    )


# --- BP401 / BP413: point at the demand item ---------------------------------------


def test_bp401_points_at_demand(root: Writer) -> None:
    demands = (
        "  - {dimension: interface, option: rest-json, strength: must, problem: p}\n"
        "  - dimension: interface\n    option: soap-xml\n    strength: could\n"
    )
    base = root(
        {
            "c.yaml": consumer("web", demands),
            "d.yaml": DIMENSION,
            "p.yaml": "kind: problem\nid: p\ntitle: P\n",
        }
    )
    assert findings(base, "BP401") == [("BP401", "c.yaml", 7, 5)]


@pytest.mark.parametrize(
    ("needed", "expected"),
    [
        ("2026-11-19", [("BP413", "c.yaml", 6, 5)]),  # yesterday: overdue
        ("2026-11-20", []),  # today: not yet
        ("2027-01-01", []),
    ],
)
def test_bp413_boundary(root: Writer, needed: str, expected: list[object]) -> None:
    demands = (
        f"  - {{dimension: interface, option: rest-json, strength: must, needed_by: {needed}}}\n"
    )
    base = root({"c.yaml": consumer("web", demands), "d.yaml": DIMENSION})
    assert findings(base, "BP413") == expected


# --- BP402 / BP403 / BP412: goals ----------------------------------------------------

GOAL = "kind: goal\nid: g\ntitle: G\nkey: true\nproblems: [p]\n"
PROBLEM = "kind: problem\nid: p\ntitle: P\n"
METRIC = "metric:\n  name: m\n  baseline: 1\n  target: 2\n  by: 2027-01-01\n"


def test_bp402_no_metric_points_at_goal(root: Writer) -> None:
    base = root({"g.yaml": "# goal\n" + GOAL, "p.yaml": PROBLEM})
    assert findings(base, "BP402") == [("BP402", "g.yaml", 2, 1)]


def test_bp402_incomplete_metric_points_at_metric(root: Writer) -> None:
    base = root({"g.yaml": GOAL + "metric:\n  name: m\n  target: 2\n", "p.yaml": PROBLEM})
    result = run_all(base)
    assert where(result, "BP402") == [("BP402", "g.yaml", 6, 1)]
    assert "baseline, by" in next(f for f in result.findings if f.code == "BP402").message


def test_bp402_complete_metric(root: Writer) -> None:
    base = root({"g.yaml": GOAL + METRIC, "p.yaml": PROBLEM})
    assert findings(base, "BP402") == []


@pytest.mark.parametrize(
    ("influence", "expected"),
    [("indirect", [("BP403", "g.yaml", 6, 1)]), ("shared", []), ("direct", [])],
)
def test_bp403(root: Writer, influence: str, expected: list[object]) -> None:
    base = root({"g.yaml": GOAL + METRIC + f"  influence: {influence}\n", "p.yaml": PROBLEM})
    assert findings(base, "BP403") == expected


def test_bp412(root: Writer) -> None:
    base = root(
        {
            "g.yaml": "kind: goal\nid: g\ntitle: G\nkey: true\n",
            "h.yaml": "kind: goal\nid: h\ntitle: H\nproblems: []\n",
        }
    )
    assert findings(base, "BP412") == [("BP412", "g.yaml", 1, 1), ("BP412", "h.yaml", 4, 1)]


def test_bp411(root: Writer) -> None:
    base = root(
        {
            "g.yaml": GOAL,
            "p.yaml": PROBLEM,
            "q.yaml": "# unaddressed\nkind: problem\nid: q\ntitle: Q\n",
        }
    )
    assert findings(base, "BP411") == [("BP411", "q.yaml", 2, 1)]


# --- BP404 / BP415: key goal counts --------------------------------------------------


def goals(keys: list[bool]) -> dict[str, str | bytes]:
    return {
        f"g{i}.yaml": f"kind: goal\nid: g{i}\ntitle: G{i}\nkey: {str(k).lower()}\n"
        for i, k in enumerate(keys)
    }


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([], [("BP404", "bpstrat.yaml", 1, 1)]),
        ([False], [("BP404", "bpstrat.yaml", 1, 1)]),
        ([True], []),
        ([True, True, True], []),  # exactly at max_key_goals
        ([True, True, True, True], [("BP404", "g3.yaml", 4, 1)]),
    ],
)
def test_bp404_boundaries(root: Writer, keys: list[bool], expected: list[object]) -> None:
    assert findings(root(goals(keys)), "BP404") == expected


def test_bp404_max_from_config(root: Writer) -> None:
    config = "product: {id: d, name: D}\nlint: {max_key_goals: 1}\n"
    assert findings(root(goals([True, True]), config=config), "BP404") == [
        ("BP404", "g1.yaml", 4, 1)
    ]


@pytest.mark.parametrize(("keys", "count"), [([], 1), ([True], 0), ([True, True], 1)])
def test_bp415(root: Writer, keys: list[bool], count: int) -> None:
    config = "product:\n  id: d\n  name: D\n  phase: minimum\n"
    found = findings(root(goals(keys), config=config), "BP415")
    assert found == [("BP415", "bpstrat.yaml", 4, 3)] * count


# --- BP405 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("strategy", "expected"),
    [
        ("", [("BP405", "c.yaml", 1, 1)]),
        ("strategy: {}\n", [("BP405", "c.yaml", 5, 1)]),
        ("strategy: {summary: Moving to events.}\n", []),
        ("strategy: {sources: [a talk]}\n", []),
    ],
)
def test_bp405(root: Writer, strategy: str, expected: list[object]) -> None:
    text = f"kind: consumer\nid: web\nname: Web\nimportance: 3\n{strategy}"
    assert findings(root({"c.yaml": text}), "BP405") == expected


# --- BP406 / BP407: stakeholders -----------------------------------------------------


def person(extra: str, power: int = 3) -> str:
    return f"kind: stakeholder\nid: bob\nname: Bob\npower: {power}\ninterest: 2\n{extra}"


@pytest.mark.parametrize(
    ("reviewed", "expected"),
    [
        ("", [("BP406", "p.yaml", 1, 1)]),
        ("reviewed: 2026-08-22\n", []),  # exactly 90 days
        ("reviewed: 2026-08-21\n", [("BP406", "p.yaml", 6, 1)]),  # 91 days
    ],
)
def test_bp406_boundary(root: Writer, reviewed: str, expected: list[object]) -> None:
    assert findings(root({"p.yaml": person(reviewed)}), "BP406") == expected


def test_bp406_threshold_from_config(root: Writer) -> None:
    config = "product: {id: d, name: D}\nlint: {stale_after_days: 10}\n"
    base = root({"p.yaml": person("reviewed: 2026-11-09\n")}, config=config, with_ana=False)
    assert findings(base, "BP406") == [("BP406", "p.yaml", 6, 1)]


@pytest.mark.parametrize(
    ("power", "extra", "expected"),
    [
        (4, "engagement: {current: neutral, desired: supportive}\n", [("BP407", "p.yaml", 1, 1)]),
        (
            4,
            "engagement: {current: neutral, desired: supportive}\nplan: {channel: 1:1}\n",
            [("BP407", "p.yaml", 7, 1)],
        ),
        (4, "engagement: {current: neutral, desired: supportive}\nplan: {next_step: Call}\n", []),
        (3, "engagement: {current: neutral, desired: supportive}\n", []),
        (5, "engagement: {current: leading, desired: supportive}\n", []),
        (5, "engagement: {current: supportive, desired: supportive}\n", []),
    ],
)
def test_bp407(root: Writer, power: int, extra: str, expected: list[object]) -> None:
    assert findings(root({"p.yaml": person(extra, power)}), "BP407") == expected


# --- BP408: coalition ----------------------------------------------------------------


def stakeholders(*rows: tuple[str, int, str]) -> dict[str, str | bytes]:
    return {
        f"{n}.yaml": f"kind: stakeholder\nid: {n}\nname: {n.title()}\npower: {p}\n"
        f"interest: 3\nengagement: {{current: {c}}}\n"
        for n, p, c in rows
    }


def test_bp408_exactly_at_threshold_is_a_coalition(root: Writer) -> None:
    base = root(stakeholders(("a", 2, "supportive"), ("b", 2, "neutral")), with_ana=False)
    assert findings(base, "BP408") == []


def test_bp408_below_threshold_names_the_numbers(root: Writer) -> None:
    config = "product:\n  id: d\n  name: D\n  owner: a\n"
    base = root(
        stakeholders(("a", 2, "leading"), ("mark", 5, "resistant"), ("c", 1, "neutral")),
        config=config,
        with_ana=False,
    )
    result = run_all(base)
    assert where(result, "BP408") == [("BP408", "bpstrat.yaml", 4, 3)]
    [finding] = [f for f in result.findings if f.code == "BP408"]
    assert finding.message.startswith(
        "coalition 25% of power (2 of 8) is below 50%: Mark (5) is resistant; C (1) is neutral"
    )


def test_bp408_threshold_from_config(root: Writer) -> None:
    config = "product: {id: d, name: D}\nlint: {coalition_threshold: 0.4}\n"
    base = root(
        stakeholders(("a", 2, "supportive"), ("b", 3, "neutral")), config=config, with_ana=False
    )
    assert findings(base, "BP408") == []


# --- BP409 / BP410: conflicts and the flywheel ---------------------------------------


def test_bp409_points_at_dimension_and_decision_settles_it(root: Writer) -> None:
    files: dict[str, str | bytes] = {
        "d.yaml": "# dim\n" + DIMENSION,
        "a.yaml": consumer("a", "  - {dimension: interface, option: rest-json, strength: must}\n"),
        "b.yaml": consumer("b", "  - {dimension: interface, option: soap-xml, strength: must}\n"),
    }
    assert findings(root(files), "BP409") == [("BP409", "d.yaml", 2, 1)]
    files["e.yaml"] = (
        "kind: decision\nid: e\ndimension: interface\nchoice: [soap-xml]\n"
        "status: proposed\ndate: 2026-01-01\n"
    )
    assert findings(root(files), "BP409") == [("BP409", "d.yaml", 2, 1)]
    files["e.yaml"] = str(files["e.yaml"]).replace("proposed", "accepted")
    assert findings(root(files), "BP409") == []


def sided(client: str, supply: str, tolerance: str = "") -> dict[str, str | bytes]:
    return {
        "d.yaml": DIMENSION.replace("name: Interface", "name: Interface\nchoose: 1"),
        "a.yaml": consumer("a", client, 5, "side: client\n"),
        "b.yaml": consumer("b", supply, 5, "side: supply\n"),
    }


SIDES = "product:\n  id: d\n  name: D\n  sides: [client, supply]\n"


def test_bp410_above_tolerance(root: Writer) -> None:
    files = sided(
        "  - {dimension: interface, option: rest-json, strength: must}\n",
        "  - {dimension: interface, option: soap-xml, strength: should}\n",
    )
    assert findings(root(files, config=SIDES), "BP410") == [("BP410", "bpstrat.yaml", 4, 3)]


def test_bp410_exactly_at_tolerance_is_balanced(root: Writer) -> None:
    # supply: served 7 of 10 = 0.7, client: 1.0; imbalance exactly 0.3.
    client = "  - {dimension: interface, option: rest-json, strength: must}\n"
    supply = (
        "  - {dimension: interface, option: rest-json, strength: must}\n"
        "  - {dimension: interface, option: soap-xml, strength: could}\n"
    )
    files = sided(client, supply)
    files["a.yaml"] = consumer("a", client, 3, "side: client\n")
    files["b.yaml"] = (
        "kind: consumer\nid: b\nname: B\nimportance: 1\nside: supply\ndemands:\n"
        "  - {dimension: interface, option: rest-json, strength: must}\n"
        "  - {dimension: interface, option: rest-json, strength: must}\n"
        "  - {dimension: interface, option: rest-json, strength: could}\n"
        "  - {dimension: interface, option: soap-xml, strength: must}\n"
    )
    assert findings(root(files, config=SIDES), "BP410") == []
    config = SIDES + "lint: {flywheel_tolerance: 0.29}\n"
    assert findings(root(files, config=config), "BP410") == [("BP410", "bpstrat.yaml", 4, 3)]


# --- BP414 / BP416: phases -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sponsor", "people", "expected"),
    [
        ("", {}, [("BP414", "bpstrat.yaml", 4, 3)]),
        (
            "  sponsor: cfo\n",
            stakeholders(("cfo", 5, "neutral")),
            [("BP414", "bpstrat.yaml", 5, 3)],
        ),
        (
            "  sponsor: cfo\n",
            stakeholders(("cfo", 3, "leading")),
            [("BP414", "bpstrat.yaml", 5, 3)],
        ),
        ("  sponsor: cfo\n", stakeholders(("cfo", 4, "supportive")), []),
        (
            "  sponsor: ghost\n",
            stakeholders(("cfo", 4, "supportive")),
            [("BP414", "bpstrat.yaml", 5, 3)],
        ),
    ],
)
def test_bp414(
    root: Writer, sponsor: str, people: dict[str, str | bytes], expected: list[object]
) -> None:
    config = "product:\n  id: d\n  name: D\n  phase: buy-in\n" + sponsor
    assert findings(root(people, config=config), "BP414") == expected


@pytest.mark.parametrize(
    ("successor", "expected"),
    [
        ("", [("BP416", "bpstrat.yaml", 4, 3)]),
        ("  successor: null\n", [("BP416", "bpstrat.yaml", 5, 3)]),
        ("  successor: ana\n", []),
    ],
)
def test_bp416(root: Writer, successor: str, expected: list[object]) -> None:
    config = "product:\n  id: d\n  name: D\n  phase: handover\n" + successor
    assert findings(root({}, config=config), "BP416") == expected


def test_phase_rules_only_in_their_phase(root: Writer) -> None:
    config = "product:\n  id: d\n  name: D\n  phase: problem\n"
    codes = {f.code for f in run_all(root({}, config=config)).findings}
    assert not codes & {"BP414", "BP415", "BP416"}


# --- the examples --------------------------------------------------------------------

INTENDED = {
    # The pricing platform has not decided how to deliver prices yet, and its supply
    # side is underserved: both are the story its brief tells. So is what follows from
    # it: partner rates are off track and, with partners not yet committed, do not pay
    # back their cost within three years; and Raj Patel speaks for the hotel connector
    # whose bulk rate files nothing serves yet. The marketplace's service catalog knows
    # one more consumer than the strategy: the loyalty system.
    "pricing-platform": [
        ("BP410", "bpstrat.yaml", 11, 3),
        ("BP428", "bpstrat.yaml", 21, 1),
        ("BP409", "dimensions/price-delivery.yaml", 1, 1),
        ("BP417", "goals/same-day-partner-rates.yaml", 8, 1),
        ("BP426", "goals/same-day-partner-rates.yaml", 19, 1),
        ("BP420", "stakeholders/raj-patel.yaml", 13, 13),
    ],
    "customer-data": [],
}


@pytest.mark.parametrize("name", sorted(INTENDED))
def test_examples_lint_with_only_intended_warnings(name: str) -> None:
    result = run_all(EXAMPLES / name)
    assert where(result, practice=True) == INTENDED[name]
