"""The loaded Strategy answers queries without side effects: asking whether a reference
resolves never changes what a finding says, however often and in whatever order the
checks ask."""

from __future__ import annotations

from collections import Counter

from bpstrat.lint.references import references, waiting_references
from bpstrat.model.load import load_strategy
from tests.helpers import Writer, run_all

BROKEN_PROBLEM = {
    "problems/slow.yaml": "kind: problem\nid: slow\ntitle: [broken\n",
    "goals/g.yaml": (
        "kind: goal\nid: g\ntitle: G\nkey: true\ncategory: capability\nproblems: [slow]\n"
    ),
    "consumers/web.yaml": (
        "kind: consumer\nid: web\nname: Web\nimportance: 3\n"
        "demands:\n  - {dimension: api, option: rest, strength: must, problem: slow}\n"
    ),
}


def _message(root: Writer, code: str = "BP101") -> str:
    result = run_all(root(BROKEN_PROBLEM))
    (found,) = [f for f in result.findings if f.code == code]
    return found.message


def test_each_waiting_reference_is_counted_once(root: Writer) -> None:
    # A goal and a demand name the unreadable problem: two references, not three or four
    # (the rule for unaddressed problems asks about the same reference again).
    assert _message(root).endswith("2 references to 'slow' are not checked until this file parses")


def test_asking_whether_a_reference_resolves_changes_nothing(root: Writer) -> None:
    strategy = load_strategy(root(BROKEN_PROBLEM))
    for _ in range(3):
        assert strategy.resolves("problem", "slow")
        assert strategy.waits("problem", "slow")
    assert waiting_references(strategy) == Counter({("problem", "slow"): 2})
    assert all(not b.references for b in strategy.blockers)


def test_a_valid_entity_is_not_waited_for(root: Writer) -> None:
    files = dict(BROKEN_PROBLEM)
    files["problems/slow.yaml"] = "kind: problem\nid: slow\ntitle: Slow\n"
    strategy = load_strategy(root(files))
    assert strategy.resolves("problem", "slow") and not strategy.waits("problem", "slow")
    assert waiting_references(strategy) == Counter()


def test_every_reference_field_is_listed_once(root: Writer) -> None:
    strategy = load_strategy(root(BROKEN_PROBLEM))
    listed = [(r.kind, r.path, r.value) for r in references(strategy)]
    assert ("problem", ("problems", 0), "slow") in listed
    assert ("problem", ("demands", 0, "problem"), "slow") in listed
    assert ("dimension", ("demands", 0, "dimension"), "api") in listed
    assert len(listed) == len(set(listed))
