"""Which charts a brief has, and the data each is drawn from."""

from __future__ import annotations

import math

from bpstrat.brief.charts.chart import Chart
from bpstrat.brief.charts.demand import DemandSplit, demand_chart
from bpstrat.brief.charts.grid import Person, grid_chart
from bpstrat.brief.charts.money import GoalMoney, money_chart
from bpstrat.brief.charts.progress import GoalLine, progress_chart
from bpstrat.brief.charts.value_chain import value_chain_chart
from bpstrat.brief.i18n import Lang
from bpstrat.brief.stakeholder_views import quadrant_labels
from bpstrat.brief.views import BriefContext
from bpstrat.model.entities import Goal
from bpstrat.model.strategy import Strategy
from bpstrat.score.results import ScoreResult

EXECUTIVE = "executive"


def brief_charts(
    strategy: Strategy, result: ScoreResult, context: BriefContext, lang: Lang
) -> list[Chart]:
    """Every chart the brief's context has data for, in the order the brief shows them:
    key goals' progress, demand per dimension, money per key goal, the value chain and
    (not for the executive audience) the stakeholders' grid."""
    _ = lang._
    charts = []
    scores = {g.id: g for g in result.goals}
    for p in context.progress:
        score, goal = scores.get(p.id), strategy.entity(Goal, p.id)
        if score is None or goal is None or goal.metric is None:
            continue
        if not score.measurements and score.start is None:
            continue  # no measurement and no start: there is no line to draw yet
        line = GoalLine(
            id=p.id,
            title=p.title,
            unit=goal.metric.unit,
            baseline=score.baseline,
            target=score.target,
            start=score.start,
            by=score.by,
            measurements=tuple((m.date, m.value) for m in score.measurements),
            status=p.status_text,
        )
        values = [line.baseline, line.target, *(v for _, v in line.measurements)]
        if not math.isfinite(max(values) - min(values)):
            continue  # values a float cannot span: no honest scale to draw them on
        charts.append(progress_chart(line, lang, f"chart-goal-{p.id}"))
    splits = []
    for d in context.dimensions:
        if d.total <= 0:
            continue
        served = sum(o.support for o in d.options if o.chosen)
        unserved = d.intensity_value * d.total
        accommodated = max(0.0, d.total - served - unserved)
        splits.append(DemandSplit(d.name, served, accommodated, unserved, d.intensity_value))
    if splits:
        charts.append(demand_chart(splits, lang, "chart-demand"))
    money = []
    for g in context.key_goals:
        invested = result.investment.goal(g.id)
        if invested is not None and (invested.cost is not None or invested.value is not None):
            money.append(
                GoalMoney(g.title, invested.cost, invested.expected_value, invested.payback_months)
            )
    if money:
        charts.append(money_chart(money, result.investment.currency, lang, "chart-money"))
    if context.value_chain:
        steps = [(s.step, s.problems) for s in context.value_chain]
        charts.append(value_chain_chart(steps, lang, "chart-value-chain"))
    if context.stakeholders and getattr(context, "audience", "team") != EXECUTIVE:
        people = [Person(p.name, p.power, p.interest) for p in context.stakeholders]
        charts.append(
            grid_chart(
                people, quadrant_labels(lang), _("Power"), _("Interest"), "chart-stakeholders"
            )
        )
    return charts
