"""The strategy practice rules BP401-BP430, one module each, registered here explicitly.

A rule module has `CODE`, `NAME`, `OPTIONS` (the `lint:` settings it reads), `PLAIN`
(how the brief words its findings for a reader outside the team, see `plain.py`) and
`check(ctx)` yielding Issues; its docstring is its documentation, with a failing
and a passing example that the tests run.
"""

from __future__ import annotations

from bpstrat.lint.rules import (
    BP401_demand_without_problem,
    BP402_goal_without_metric,
    BP403_uninfluenceable_metric,
    BP404_key_goal_count,
    BP405_consumer_strategy_unknown,
    BP406_stale_stakeholder,
    BP407_powerful_without_plan,
    BP408_no_coalition,
    BP409_undecided_conflict,
    BP410_flywheel_imbalance,
    BP411_problem_unaddressed,
    BP412_goal_without_problem,
    BP413_demand_overdue,
    BP414_buy_in_without_sponsor,
    BP415_mvp_focus,
    BP416_handover_without_successor,
    BP417_key_goal_off_track,
    BP418_key_goal_unmeasured,
    BP419_goal_overdue,
    BP420_unserved_must_behind_stakeholder,
    BP421_stale_consumer_strategy,
    BP422_decision_due_for_review,
    BP423_goal_without_evidence,
    BP424_superseded_not_marked,
    BP425_buy_in_goal_without_cost,
    BP426_goal_slow_payback,
    BP427_next_step_overdue,
    BP428_consumer_missing_from_strategy,
    BP429_consumer_not_in_catalog,
    BP430_catalog_unreadable,
)
from bpstrat.lint.rules.base import Rule

_ALL: tuple[Rule, ...] = (
    BP401_demand_without_problem,
    BP402_goal_without_metric,
    BP403_uninfluenceable_metric,
    BP404_key_goal_count,
    BP405_consumer_strategy_unknown,
    BP406_stale_stakeholder,
    BP407_powerful_without_plan,
    BP408_no_coalition,
    BP409_undecided_conflict,
    BP410_flywheel_imbalance,
    BP411_problem_unaddressed,
    BP412_goal_without_problem,
    BP413_demand_overdue,
    BP414_buy_in_without_sponsor,
    BP415_mvp_focus,
    BP416_handover_without_successor,
    BP417_key_goal_off_track,
    BP418_key_goal_unmeasured,
    BP419_goal_overdue,
    BP420_unserved_must_behind_stakeholder,
    BP421_stale_consumer_strategy,
    BP422_decision_due_for_review,
    BP423_goal_without_evidence,
    BP424_superseded_not_marked,
    BP425_buy_in_goal_without_cost,
    BP426_goal_slow_payback,
    BP427_next_step_overdue,
    BP428_consumer_missing_from_strategy,
    BP429_consumer_not_in_catalog,
    BP430_catalog_unreadable,
)
RULES: dict[str, Rule] = {rule.CODE: rule for rule in _ALL}
# the rules that read the service catalog, which is not read at a git revision
CATALOG_CODES = frozenset(
    rule.CODE
    for rule in (
        BP428_consumer_missing_from_strategy,
        BP429_consumer_not_in_catalog,
        BP430_catalog_unreadable,
    )
)


def summary(rule: Rule) -> str:
    """The first line of the rule's docstring."""
    return (rule.__doc__ or "").strip().splitlines()[0].rstrip(".")


def explanation(rule: Rule) -> str:
    """The docstring without its first line."""
    return "\n".join((rule.__doc__ or "").strip().splitlines()[1:]).strip()
