"""Everything the brief shows, computed once as typed values for the template.

The template only arranges and escapes; numbers, sentences, diagrams and orderings are
decided here, sorted, so the same strategy always renders byte for byte the same brief.
The summary is computed from the same values the sections show, so a template that
overrides a section never disagrees with its own summary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields

from bpstrat.brief.markdown import cell
from bpstrat.brief.mermaid import (
    Demand,
    Point,
    demand_flowchart,
    quadrant,
    quadrant_chart,
    value_chain_flowchart,
)
from bpstrat.lint.linter import LintResult
from bpstrat.model.entities import Consumer, Decision, Dimension, Goal, Problem, Stakeholder
from bpstrat.model.strategy import Strategy
from bpstrat.score.arithmetic import GoalScore, ScoreResult, above, below, below_desired
from bpstrat.score.sentences import dimension_sentence, join_names, pct

PHASES = {
    "buy-in": "Get buy-in: a senior sponsor funds the product as an investment.",
    "problem": "Find the problem: the real problems in the value chain, end to end.",
    "minimum": "Know your minimum: an MVP focused on exactly one goal.",
    "attention": "Gain attention: internal marketing, make the product easy to use.",
    "handover": "Hand over gracefully: a successor takes the product on.",
}


@dataclass(frozen=True)
class ProductView:
    id: str
    name: str
    vision: str | None
    phase: str | None
    phase_text: str | None
    owner: str | None
    sponsor: str | None
    successor: str | None
    sides: list[str]


@dataclass(frozen=True)
class DemandView:
    dimension: str
    dimension_name: str
    option: str
    option_name: str
    strength: str
    served: bool
    needed_by: str | None
    problem: str | None


@dataclass(frozen=True)
class ConsumerView:
    id: str
    name: str
    side: str | None
    importance: int
    owner: str | None
    strategy: str | None
    sources: list[str]
    demands: list[DemandView]


@dataclass(frozen=True)
class OptionView:
    id: str
    name: str
    support: float
    share: str
    chosen: bool
    consumers: str


@dataclass(frozen=True)
class DecisionView:
    id: str
    date: str
    rationale: str | None
    decided_by: str | None
    consulted: list[str]
    revisit: str | None
    supersedes: str | None


@dataclass(frozen=True)
class AccommodationView:
    consumer: str
    option: str
    via: str
    until: str | None


@dataclass(frozen=True)
class DimensionView:
    id: str
    name: str
    choose: int
    total: float
    options: list[OptionView]
    chosen: list[str]
    decision: DecisionView | None
    conflict: bool
    intensity: str
    intensity_value: float
    margin: str
    sentence: str
    unserved: list[str]
    accommodations: list[AccommodationView]


@dataclass(frozen=True)
class SideView:
    id: str
    demanded: float
    served: float
    served_ratio: str


@dataclass(frozen=True)
class StakeholderView:
    id: str
    name: str
    role: str | None
    faction: str | None
    power: int
    interest: int
    quadrant: str
    current: str | None
    desired: str | None
    gap: bool
    next_step: str | None
    concerns: list[str]
    reviewed: str | None


@dataclass(frozen=True)
class FactionView:
    id: str
    power: int
    supportive_power: int
    share: str


@dataclass(frozen=True)
class CoalitionView:
    share: str
    threshold: str
    supportive_power: int
    total_power: int
    standing: bool
    factions: list[FactionView]


@dataclass(frozen=True)
class ProgressView:
    """Where a key goal stands: its newest measurement against the line to its target."""

    id: str
    title: str
    latest: str | None
    target: str
    by: str
    progress: str
    expected: str
    status: str
    bar: str


@dataclass(frozen=True)
class StepView:
    step: str
    problems: list[str]


@dataclass(frozen=True)
class ProblemView:
    id: str
    title: str
    value_chain: str | None
    impact: int | None
    goals: list[str]
    consumers: list[str]
    evidence: list[str]


@dataclass(frozen=True)
class MetricView:
    name: str | None
    unit: str | None
    baseline: str | None
    target: str | None
    by: str | None
    influence: str | None


@dataclass(frozen=True)
class GoalView:
    id: str
    title: str
    key: bool
    category: str | None
    problems: list[str]
    metric: MetricView | None


@dataclass(frozen=True)
class RiskView:
    code: str
    message: str
    where: str
    severity: str


@dataclass(frozen=True)
class Counts:
    errors: int
    warnings: int


@dataclass(frozen=True)
class BriefContext:
    """What a brief template sees: each field is a template variable."""

    today: str
    product: ProductView
    consumers: list[ConsumerView]
    dimensions: list[DimensionView]
    sides: list[SideView]
    flywheel_imbalance: float | None
    flywheel_tolerance: float
    flywheel_leaning: bool
    stakeholders: list[StakeholderView]
    coalition: CoalitionView
    problems: list[ProblemView]
    key_goals: list[GoalView]
    suggested_goals: list[GoalView]
    progress: list[ProgressView]
    value_chain: list[StepView]
    value_chain_chart: str | None
    risks: list[RiskView]
    counts: Counts
    demand_flowchart: str | None
    stakeholder_chart: str | None
    summary: list[str]

    def variables(self) -> dict[str, object]:
        """The template variables, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def build_context(
    strategy: Strategy, result: ScoreResult, lint: LintResult, today: dt.date
) -> BriefContext:
    product = strategy.config.product
    title = product.name if product else strategy.root.name

    def person(stakeholder_id: str | None) -> str | None:
        if stakeholder_id is None:
            return None
        found = strategy.entity(Stakeholder, stakeholder_id)
        if found is None:
            return stakeholder_id
        return f"{found.name} ({found.role})" if found.role else found.name

    def consumer_name(consumer_id: str) -> str:
        found = strategy.entity(Consumer, consumer_id)
        return found.name if found else consumer_id

    consumers = _consumers(strategy, result)
    stakeholders = _stakeholders(strategy)
    goals = _goals(strategy)
    tolerance = strategy.config.lint.flywheel_tolerance
    imbalance = result.flywheel_imbalance
    coalition = result.coalition
    dimensions = _dimensions(strategy, result, consumer_name, person)
    key_goals = [g for g in goals if g.key]
    coalition_view = CoalitionView(
        share=pct(coalition.share),
        threshold=pct(coalition.threshold),
        supportive_power=coalition.supportive_power,
        total_power=coalition.total_power,
        standing=not below(coalition.share, coalition.threshold) and coalition.total_power > 0,
        factions=[
            FactionView(f.id, f.power, f.supportive_power, pct(f.share)) for f in coalition.factions
        ],
    )
    progress = _progress(strategy, result)
    steps = _value_chain(strategy)
    risks = [
        RiskView(
            f.code, f.message[:1].upper() + f.message[1:], cell(f"{f.path}:{f.line}"), f.severity
        )
        for f in lint.findings
        if f.severity in ("warning", "error")
    ]
    demands = [
        Demand(c.name, d.dimension_name, d.option_name, d.strength, d.served)
        for c in consumers
        for d in c.demands
    ]
    return BriefContext(
        today=today.isoformat(),
        product=ProductView(
            id=product.id if product else strategy.root.name,
            name=title,
            vision=product.vision if product else None,
            phase=product.phase if product else None,
            phase_text=PHASES.get(product.phase or "") if product else None,
            owner=person(product.owner) if product else None,
            sponsor=person(product.sponsor) if product else None,
            successor=person(product.successor) if product else None,
            sides=list(product.sides) if product else [],
        ),
        consumers=consumers,
        dimensions=dimensions,
        sides=[SideView(s.id, s.demanded, s.served, pct(s.served_ratio)) for s in result.sides],
        flywheel_imbalance=None if imbalance is None else round(imbalance, 2),
        flywheel_tolerance=tolerance,
        flywheel_leaning=imbalance is not None and above(round(imbalance, 2), tolerance),
        stakeholders=stakeholders,
        coalition=coalition_view,
        problems=_problems(strategy, consumer_name),
        key_goals=key_goals,
        suggested_goals=[g for g in goals if not g.key],
        progress=progress,
        value_chain=steps,
        value_chain_chart=value_chain_flowchart(
            [s.step for s in steps], [s.problems for s in steps]
        )
        if steps
        else None,
        risks=risks,
        counts=Counts(lint.count("error"), lint.count("warning")),
        demand_flowchart=demand_flowchart(title, [c.name for c in consumers], demands)
        if demands
        else None,
        stakeholder_chart=quadrant_chart([Point(p.name, p.interest, p.power) for p in stakeholders])
        if stakeholders
        else None,
        summary=_summary(key_goals, dimensions, coalition_view, risks, progress),
    )


def _consumers(strategy: Strategy, result: ScoreResult) -> list[ConsumerView]:
    chosen = {d.id: set(d.chosen) for d in result.dimensions}
    out = []
    for c in sorted(strategy.consumers, key=lambda c: (-c.importance, c.name, c.id)):
        demands = []
        for d in c.demands:
            dimension = strategy.entity(Dimension, d.dimension)
            option = strategy.option(d.dimension, d.option)
            if dimension is None or option is None:
                continue
            demands.append(
                DemandView(
                    dimension=d.dimension,
                    dimension_name=dimension.name,
                    option=d.option,
                    option_name=option.label,
                    strength=d.strength,
                    served=d.option in chosen.get(d.dimension, set()),
                    needed_by=d.needed_by.isoformat() if d.needed_by else None,
                    problem=d.problem,
                )
            )
        owner = strategy.entity(Stakeholder, c.owner) if c.owner else None
        out.append(
            ConsumerView(
                id=c.id,
                name=c.name,
                side=c.side,
                importance=c.importance,
                owner=owner.name if owner else c.owner,
                strategy=c.strategy.summary if c.strategy and c.strategy.summary else None,
                sources=list(c.strategy.sources) if c.strategy else [],
                demands=demands,
            )
        )
    return out


def _dimensions(
    strategy: Strategy,
    result: ScoreResult,
    consumer_name: Callable[[str], str],
    person: Callable[[str | None], str | None],
) -> list[DimensionView]:
    names = {c.id: c.name for c in strategy.consumers}
    out = []
    for d in result.dimensions:
        decision = strategy.entity(Decision, d.decision) if d.decision else None
        out.append(
            DimensionView(
                id=d.id,
                name=d.name,
                choose=d.choose,
                total=d.total,
                options=[
                    OptionView(
                        id=o.id,
                        name=o.name,
                        support=o.support,
                        share=pct(o.share),
                        chosen=o.chosen,
                        consumers=join_names([consumer_name(c.consumer) for c in o.contributions]),
                    )
                    for o in d.options
                ],
                chosen=[o.name for o in d.options if o.chosen],
                decision=None
                if decision is None
                else DecisionView(
                    id=decision.id,
                    date=decision.date.isoformat(),
                    rationale=" ".join((decision.rationale or "").split()) or None,
                    decided_by=person(decision.decided_by),
                    consulted=[_name(strategy, p) for p in decision.consulted],
                    revisit=decision.revisit.isoformat() if decision.revisit else None,
                    supersedes=decision.supersedes,
                ),
                conflict=d.conflict,
                intensity=pct(d.intensity),
                intensity_value=d.intensity,
                margin=pct(d.margin),
                sentence=dimension_sentence(d, names),
                unserved=[consumer_name(c) for c in d.unserved],
                accommodations=[
                    AccommodationView(
                        consumer=consumer_name(a.consumer),
                        option=next((o.name for o in d.options if o.id == a.option), a.option),
                        via=a.via,
                        until=a.until.isoformat() if a.until else None,
                    )
                    for a in d.accommodated
                ],
            )
        )
    return out


def _stakeholders(strategy: Strategy) -> list[StakeholderView]:
    out = []
    for p in sorted(strategy.stakeholders, key=lambda p: (-p.power, -p.interest, p.name)):
        current = p.engagement.current if p.engagement else None
        desired = p.engagement.desired if p.engagement else None
        out.append(
            StakeholderView(
                id=p.id,
                name=p.name,
                role=p.role,
                faction=p.faction,
                power=p.power,
                interest=p.interest,
                quadrant=quadrant(p.power, p.interest),
                current=current,
                desired=desired or current,
                gap=below_desired(p),
                next_step=p.plan.next_step if p.plan else None,
                concerns=list(p.concerns),
                reviewed=p.reviewed.isoformat() if p.reviewed else None,
            )
        )
    return out


def _problems(strategy: Strategy, consumer_name: Callable[[str], str]) -> list[ProblemView]:
    goals = strategy.goals
    out = []
    for p in sorted(strategy.problems, key=lambda p: (-(p.impact or 0), p.title, p.id)):
        out.append(
            ProblemView(
                id=p.id,
                title=p.title,
                value_chain=p.value_chain,
                impact=p.impact,
                goals=[g.title for g in goals if p.id in g.problems],
                consumers=[consumer_name(c) for c in p.consumers],
                evidence=list(p.evidence),
            )
        )
    return out


def _goals(strategy: Strategy) -> list[GoalView]:
    out = []
    for g in sorted(strategy.goals, key=lambda g: (not g.key, g.title, g.id)):
        m = g.metric
        problems = [(strategy.entity(Problem, pid), pid) for pid in g.problems]
        out.append(
            GoalView(
                id=g.id,
                title=g.title,
                key=g.key,
                category=g.category,
                problems=[problem.title if problem else pid for problem, pid in problems],
                metric=None
                if m is None
                else MetricView(
                    name=m.name,
                    unit=m.unit,
                    baseline=_number(m.baseline),
                    target=_number(m.target),
                    by=m.by.isoformat() if m.by else None,
                    influence=m.influence,
                ),
            )
        )
    return out


BAR = 10


def _name(strategy: Strategy, stakeholder_id: str) -> str:
    found = strategy.entity(Stakeholder, stakeholder_id)
    return found.name if found else stakeholder_id


def _progress(strategy: Strategy, result: ScoreResult) -> list[ProgressView]:
    """Each key goal with a complete metric, by title: latest value, progress, status."""
    out = []
    for scored in result.goals:
        goal = strategy.entity(Goal, scored.id)
        if goal is None or not scored.key or goal.metric is None:
            continue
        unit = f" {goal.metric.unit}" if goal.metric.unit else ""
        latest = scored.latest
        out.append(
            ProgressView(
                id=scored.id,
                title=goal.title,
                latest=f"{latest.value:g}{unit} on {latest.date}" if latest else None,
                target=f"{scored.target:g}{unit}",
                by=scored.by.isoformat(),
                progress=pct(scored.progress),
                expected=pct(scored.expected),
                status=scored.status,
                bar=_bar(scored),
            )
        )
    return sorted(out, key=lambda p: (p.title, p.id))


def _bar(scored: GoalScore) -> str:
    """`███▌······` style: progress filled, the rest dotted (empty without data)."""
    if scored.progress is None:
        return "·" * BAR
    filled = round(min(max(scored.progress, 0.0), 1.0) * BAR)
    return "█" * filled + "·" * (BAR - filled)


def _value_chain(strategy: Strategy) -> list[StepView]:
    """The declared steps in order, each with the titles of its problems."""
    product = strategy.config.product
    steps = list(dict.fromkeys(product.value_chain)) if product else []
    return [
        StepView(
            step,
            sorted(p.title for p in strategy.problems if p.value_chain == step),
        )
        for step in steps
    ]


def _number(value: float | None) -> str | None:
    return None if value is None else f"{value:g}"


def _summary(
    key_goals: list[GoalView],
    dimensions: list[DimensionView],
    coalition: CoalitionView,
    risks: list[RiskView],
    progress: list[ProgressView],
) -> list[str]:
    """A few sentences: key goals and how they are doing, the biggest conflict, the
    coalition, the top risks."""
    lines = []
    titles = [g.title for g in key_goals]
    if titles:
        lines.append(f"Key goal{'s' if len(titles) > 1 else ''}: {join_names(titles)}.")
    else:
        lines.append("No key goal is set yet.")
    measured = [p for p in progress if p.status != "no-data"]
    if measured:
        good = sum(1 for p in measured if p.status in ("on-track", "achieved"))
        lines.append(
            f"{good} of {len(measured)} measured key goal{'s' if len(measured) > 1 else ''} "
            f"{'is' if good == 1 else 'are'} on track or achieved."
        )
    conflicts = [d for d in dimensions if d.conflict]
    if conflicts:
        worst = max(conflicts, key=lambda d: (d.intensity_value, d.id))
        state = f"decided for {join_names(worst.chosen)}" if worst.decision else "not decided yet"
        lines.append(
            f"The biggest conflict is {worst.name} ({state}): "
            f"{worst.intensity} of weighted demand goes unserved."
        )
    else:
        lines.append("No consumer demands conflict.")
    if coalition.total_power == 0:
        lines.append("No stakeholders are charted yet.")
    else:
        verb = "stands behind" if coalition.standing else "does not yet stand behind"
        lines.append(
            f"A coalition holding {coalition.share} of stakeholder power "
            f"{verb} the strategy (threshold {coalition.threshold})."
        )
    if risks:
        lines.append(
            f"{len(risks)} open risk{'s' if len(risks) > 1 else ''}; the first: {risks[0].message}."
        )
    else:
        lines.append("No open risks.")
    return lines
