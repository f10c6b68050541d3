"""Everything the brief shows, computed once as typed values for the template.

The template only arranges and escapes; numbers, sentences, diagrams and orderings are
decided here, sorted, so the same strategy always renders byte for byte the same brief.
The summary is computed from the same values the sections show, so a template that
overrides a section never disagrees with its own summary. Every fixed word is in the
brief's language (`lang`); user text is passed through untranslated.

Compromises (who decided, who is accommodated and how), measured goals, factions and
the value chain come from the v2 parts of the format; they are empty when a strategy
does not use them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace

from bpstrat.brief.i18n import Lang, language
from bpstrat.brief.markdown import cell
from bpstrat.brief.mermaid import (
    MAX_EDGES,
    Demand,
    Point,
    QuadrantLabels,
    demand_flowchart,
    quadrant,
    quadrant_chart,
    value_chain_flowchart,
)
from bpstrat.brief.risks import plain_risks
from bpstrat.brief.wording import PHASES, by_weight, dimension_sentence, offered, phase_text, word
from bpstrat.lint.linter import LintResult
from bpstrat.model.entities import Consumer, Decision, Dimension, Goal, Problem, Stakeholder
from bpstrat.model.strategy import Strategy
from bpstrat.score.coalition import below_desired
from bpstrat.score.results import ScoreResult
from bpstrat.score.sentences import bar
from bpstrat.score.tolerance import above, below


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class DemandView:
    dimension: str
    dimension_name: str
    option: str
    option_name: str
    strength: str
    served: bool
    needed_by: str | None
    problem: str | None
    strength_text: str = ""
    problem_title: str | None = None
    accommodation: str | None = None  # how the consumer is accommodated where not served


@dataclass(frozen=True, slots=True)
class ConsumerView:
    id: str
    name: str
    side: str | None
    importance: int
    owner: str | None
    strategy: str | None
    sources: list[str]
    demands: list[DemandView]


@dataclass(frozen=True, slots=True)
class OptionView:
    id: str
    name: str
    support: float
    share: str
    chosen: bool
    consumers: str


@dataclass(frozen=True, slots=True)
class DecisionView:
    id: str
    date: str
    rationale: str | None
    decided_by: str | None = None
    consulted: list[str] = field(default_factory=list)
    revisit: str | None = None
    supersedes: str | None = None


@dataclass(frozen=True, slots=True)
class AccommodationView:
    """An unchosen demand still met in part: who, which option, how, until when."""

    consumer: str
    option: str
    via: str
    until: str | None


@dataclass(frozen=True, slots=True)
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
    offered: str = ""
    accommodations: list[AccommodationView] = field(default_factory=list)

    @property
    def accommodated(self) -> list[str]:
        """The accommodated consumers' names."""
        return [a.consumer for a in self.accommodations]


@dataclass(frozen=True, slots=True)
class SideView:
    id: str
    demanded: float
    served: float
    served_ratio: str


@dataclass(frozen=True, slots=True)
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
    consumers: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FactionView:
    id: str
    power: int
    supportive_power: int
    share: str


@dataclass(frozen=True, slots=True)
class CoalitionView:
    share: str
    threshold: str
    supportive_power: int
    total_power: int
    standing: bool
    factions: list[FactionView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ProgressView:
    """Where a key goal stands: its newest measurement against the line to its target."""

    id: str
    title: str
    latest: str | None
    target: str
    by: str
    progress: str
    expected: str
    status: str  # the contract's word: on-track, off-track, overdue, achieved, no-data
    status_text: str  # the same in the brief's language
    bar: str


@dataclass(frozen=True, slots=True)
class StepView:
    step: str
    problems: list[str]


@dataclass(frozen=True, slots=True)
class ProblemView:
    id: str
    title: str
    value_chain: str | None
    impact: int | None
    goals: list[str]
    consumers: list[str]
    evidence: list[str]


@dataclass(frozen=True, slots=True)
class MetricView:
    name: str | None
    unit: str | None
    baseline: str | None
    target: str | None
    by: str | None
    influence: str | None


@dataclass(frozen=True, slots=True)
class GoalView:
    id: str
    title: str
    key: bool
    category: str | None
    problems: list[str]
    metric: MetricView | None
    status: str | None = None  # on track / at risk ..., once goals carry measurements
    consumers: list[str] = field(default_factory=list)  # ids of the consumers it concerns


@dataclass(frozen=True, slots=True)
class RiskView:
    """A risk in plain language: no codes, no paths."""

    text: str
    consequence: str
    next_step: str
    severity: str
    code: str


@dataclass(frozen=True, slots=True)
class FindingView:
    """A lint finding as the team reads it: code, message and file:line."""

    code: str
    message: str
    where: str
    severity: str


@dataclass(frozen=True, slots=True)
class Counts:
    errors: int
    warnings: int


@dataclass(frozen=True, slots=True)
class MatrixRow:
    consumer: str
    cells: list[str]


@dataclass(frozen=True, slots=True)
class DemandMatrix:
    """Consumers x dimensions, for when a flowchart would be a tangle."""

    dimensions: list[str]
    rows: list[MatrixRow]


class TemplateView:
    """A view a template renders: each dataclass field is a template variable."""

    __slots__ = ()  # views are many in a large brief: none keeps a per-object dict

    def variables(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class BriefContext(TemplateView):
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
    risks: list[RiskView]
    counts: Counts
    demand_flowchart: str | None
    stakeholder_chart: str | None
    summary: list[str]
    lang: str = "en"
    as_of: str = ""
    top_risks: list[RiskView] = field(default_factory=list)
    findings: list[FindingView] = field(default_factory=list)
    imbalance: str | None = None
    tolerance: str = ""
    demand_matrix: DemandMatrix | None = None
    stakeholder_chart_note: str | None = None
    progress: list[ProgressView] = field(default_factory=list)
    value_chain: list[StepView] = field(default_factory=list)
    value_chain_chart: str | None = None


def build_context(
    strategy: Strategy,
    result: ScoreResult,
    lint: LintResult,
    today: dt.date,
    lang: Lang | None = None,
) -> BriefContext:
    lang = lang or language("en")
    _ = lang._
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

    weights = {c.id: (c.importance, c.name) for c in strategy.consumers}
    consumers = _consumers(strategy, result, lang)
    stakeholders = _stakeholders(strategy, lang)
    goals = _goals(strategy, lang)
    tolerance = strategy.config.lint.flywheel_tolerance
    imbalance = result.flywheel_imbalance
    coalition = result.coalition
    dimensions = _dimensions(strategy, result, consumer_name, person, weights, lang)
    progress = _progress(strategy, result, lang)
    status = {p.id: p.status_text for p in progress}
    key_goals = [replace(g, status=status.get(g.id)) for g in goals if g.key]
    coalition_view = CoalitionView(
        share=lang.pct(coalition.share),
        threshold=lang.pct(coalition.threshold),
        supportive_power=coalition.supportive_power,
        total_power=coalition.total_power,
        standing=not below(coalition.share, coalition.threshold) and coalition.total_power > 0,
        factions=[
            FactionView(f.id, f.power, f.supportive_power, lang.pct(f.share))
            for f in coalition.factions
        ],
    )
    steps = _value_chain(strategy)
    risks = [
        RiskView(r.text, r.consequence, r.next_step, r.severity, r.code)
        for r in plain_risks(strategy, result, lint.findings, lang)
    ]
    findings = [
        FindingView(
            f.code, f.message[:1].upper() + f.message[1:], cell(f"{f.path}:{f.line}"), f.severity
        )
        for f in lint.findings
        if f.severity in ("warning", "error")
    ]
    demands = [
        Demand(c.name, d.dimension_name, d.option_name, d.strength_text, d.served)
        for c in consumers
        for d in c.demands
    ]
    phase = product.phase if product else None
    return BriefContext(
        today=lang.date(today),
        as_of=today.isoformat(),
        lang=lang.code,
        product=ProductView(
            id=product.id if product else strategy.root.name,
            name=title,
            vision=product.vision if product else None,
            phase=phase,
            phase_text=phase_text(lang, phase),
            owner=person(product.owner) if product else None,
            sponsor=person(product.sponsor) if product else None,
            successor=person(product.successor) if product else None,
            sides=list(product.sides) if product else [],
        ),
        consumers=consumers,
        dimensions=dimensions,
        sides=[
            SideView(s.id, s.demanded, s.served, lang.pct(s.served_ratio)) for s in result.sides
        ],
        flywheel_imbalance=None if imbalance is None else round(imbalance, 2),
        flywheel_tolerance=tolerance,
        flywheel_leaning=imbalance is not None and above(round(imbalance, 2), tolerance),
        imbalance=None if imbalance is None else lang.pct(imbalance),
        tolerance=lang.pct(tolerance),
        stakeholders=stakeholders,
        coalition=coalition_view,
        problems=_problems(strategy, consumer_name),
        key_goals=key_goals,
        suggested_goals=[g for g in goals if not g.key],
        risks=risks,
        top_risks=risks[:3],
        findings=findings,
        counts=Counts(lint.count("error"), lint.count("warning")),
        demand_flowchart=demand_flowchart(title, [c.name for c in consumers], demands)
        if demands and len(demands) <= MAX_EDGES
        else None,
        demand_matrix=_matrix(consumers, dimensions, lang) if len(demands) > MAX_EDGES else None,
        stakeholder_chart=quadrant_chart(
            [Point(p.name, p.interest, p.power) for p in stakeholders], _quadrant_labels(lang)
        )
        if stakeholders
        else None,
        stakeholder_chart_note=_chart_note(stakeholders, lang),
        summary=_summary(lang, phase, key_goals, dimensions, coalition_view, risks),
        progress=progress,
        value_chain=steps,
        value_chain_chart=value_chain_flowchart(
            [s.step for s in steps], [s.problems for s in steps]
        )
        if steps
        else None,
    )


def _quadrant_labels(lang: Lang) -> QuadrantLabels:
    _ = lang._
    return QuadrantLabels(
        title=_("Stakeholders by power and interest"),
        x_low=_("Low interest"),
        x_high=_("High interest"),
        y_low=_("Low power"),
        y_high=_("High power"),
        q1=_("Manage closely"),
        q2=_("Keep satisfied"),
        q3=_("Monitor"),
        q4=_("Keep informed"),
    )


def _chart_note(stakeholders: list[StakeholderView], lang: Lang) -> str | None:
    """Who shares a point on the chart (their points are set slightly apart)."""
    spots: dict[tuple[int, int], list[str]] = defaultdict(list)
    for p in stakeholders:
        spots[(p.power, p.interest)].append(p.name)
    shared = [sorted(names) for _, names in sorted(spots.items(), reverse=True) if len(names) > 1]
    if not shared:
        return None
    groups = "; ".join(lang.join(names) for names in shared)
    return lang._(
        "Same power and interest, so their points are set slightly apart: %(groups)s.",
        groups=groups,
    )


def _matrix(
    consumers: list[ConsumerView], dimensions: list[DimensionView], lang: Lang
) -> DemandMatrix:
    rows = []
    for c in consumers:
        cells = []
        for d in dimensions:
            wanted = [x for x in c.demands if x.dimension == d.id]
            parts = [
                lang._("%(option)s (%(strength)s)", option=x.option_name, strength=x.strength_text)
                if x.served
                else lang._(
                    "%(option)s (%(strength)s, not served)",
                    option=x.option_name,
                    strength=x.strength_text,
                )
                for x in wanted
            ]
            cells.append("; ".join(parts) or "-")
        rows.append(MatrixRow(c.name, cells))
    return DemandMatrix([d.name for d in dimensions], rows)


def _consumers(strategy: Strategy, result: ScoreResult, lang: Lang) -> list[ConsumerView]:
    chosen = {d.id: set(d.chosen) for d in result.dimensions}
    accommodated = {
        (d.id, a.consumer, a.option): (
            lang._("%(via)s, until %(date)s", via=a.via, date=lang.date(a.until))
            if a.until
            else a.via
        )
        for d in result.dimensions
        for a in d.accommodated
    }
    out = []
    for c in sorted(strategy.consumers, key=lambda c: (-c.importance, c.name, c.id)):
        demands = []
        for d in c.demands:
            dimension = strategy.entity(Dimension, d.dimension)
            option = strategy.option(d.dimension, d.option)
            if dimension is None or option is None:
                continue
            problem = strategy.entity(Problem, d.problem) if d.problem else None
            demands.append(
                DemandView(
                    dimension=d.dimension,
                    dimension_name=dimension.name,
                    option=d.option,
                    option_name=option.label,
                    strength=d.strength,
                    served=d.option in chosen.get(d.dimension, set()),
                    needed_by=lang.date(d.needed_by) if d.needed_by else None,
                    problem=d.problem,
                    strength_text=word(lang, d.strength) or d.strength,
                    problem_title=problem.title if problem else None,
                    accommodation=accommodated.get((d.dimension, c.id, d.option)),
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
    weights: dict[str, tuple[int, str]],
    lang: Lang,
) -> list[DimensionView]:
    out = []
    for d in result.dimensions:
        decision = strategy.entity(Decision, d.decision) if d.decision else None
        chosen = [o.name for o in d.options if o.chosen]
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
                        share=lang.pct(o.share),
                        chosen=o.chosen,
                        consumers=lang.join(
                            by_weight([c.consumer for c in o.contributions], weights)
                        ),
                    )
                    for o in d.options
                ],
                chosen=chosen,
                decision=None
                if decision is None
                else DecisionView(
                    id=decision.id,
                    date=lang.date(decision.date),
                    rationale=" ".join((decision.rationale or "").split()) or None,
                    decided_by=person(decision.decided_by),
                    consulted=[person(p) or p for p in decision.consulted],
                    revisit=lang.date(decision.revisit) if decision.revisit else None,
                    supersedes=decision.supersedes,
                ),
                conflict=d.conflict,
                intensity=lang.pct(d.intensity),
                intensity_value=d.intensity,
                margin=lang.pct(d.margin),
                sentence=dimension_sentence(lang, d, weights),
                unserved=by_weight(d.unserved, weights),
                offered=offered(lang, chosen, d.choose),
                accommodations=[
                    AccommodationView(
                        consumer=consumer_name(a.consumer),
                        option=next((o.name for o in d.options if o.id == a.option), a.option),
                        via=a.via,
                        until=lang.date(a.until) if a.until else None,
                    )
                    for a in d.accommodated
                ],
            )
        )
    return out


BAR = 10
STATUS_WORDS = {
    "on-track": "on track",
    "off-track": "off track",
    "overdue": "overdue",
    "achieved": "achieved",
    "no-data": "not measured yet",
}


def _progress(strategy: Strategy, result: ScoreResult, lang: Lang) -> list[ProgressView]:
    """Each key goal with a complete metric, by title: latest value, progress, status."""
    _ = lang._
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
                latest=_(
                    "%(value)s on %(date)s",
                    value=lang.number(latest.value, 3) + unit,
                    date=lang.date(latest.date),
                )
                if latest
                else None,
                target=lang.number(scored.target, 3) + unit,
                by=lang.date(scored.by),
                progress=lang.pct(scored.progress),
                expected=lang.pct(scored.expected),
                status=scored.status,
                status_text=_(STATUS_WORDS.get(scored.status, scored.status)),
                bar=bar(scored.progress, BAR),
            )
        )
    return sorted(out, key=lambda p: (p.title, p.id))


def _value_chain(strategy: Strategy) -> list[StepView]:
    """The declared steps in order, each with the titles of its problems."""
    product = strategy.config.product
    steps = list(dict.fromkeys(product.value_chain)) if product else []
    return [
        StepView(step, sorted(p.title for p in strategy.problems if p.value_chain == step))
        for step in steps
    ]


def _stakeholders(strategy: Strategy, lang: Lang) -> list[StakeholderView]:
    out = []
    for p in sorted(strategy.stakeholders, key=lambda p: (-p.power, -p.interest, p.name)):
        current = p.engagement.current if p.engagement else None
        desired = p.engagement.desired if p.engagement else None
        spoken_for = [strategy.entity(Consumer, c) for c in p.consumers]
        out.append(
            StakeholderView(
                id=p.id,
                name=p.name,
                role=p.role,
                faction=p.faction,
                power=p.power,
                interest=p.interest,
                quadrant=word(lang, quadrant(p.power, p.interest)) or "",
                current=word(lang, current),
                desired=word(lang, desired or current),
                gap=below_desired(p),
                next_step=p.plan.next_step if p.plan else None,
                concerns=list(p.concerns),
                reviewed=lang.date(p.reviewed) if p.reviewed else None,
                consumers=[
                    c.name if c else cid for c, cid in zip(spoken_for, p.consumers, strict=True)
                ],
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


def _goals(strategy: Strategy, lang: Lang) -> list[GoalView]:
    out = []
    for g in sorted(strategy.goals, key=lambda g: (not g.key, g.title, g.id)):
        m = g.metric
        problems = [(strategy.entity(Problem, pid), pid) for pid in g.problems]
        concerned = dict.fromkeys(
            c for problem, _ in problems if problem for c in problem.consumers
        )
        out.append(
            GoalView(
                id=g.id,
                title=g.title,
                key=g.key,
                category=word(lang, g.category),
                problems=[problem.title if problem else pid for problem, pid in problems],
                metric=None
                if m is None
                else MetricView(
                    name=m.name,
                    unit=m.unit,
                    baseline=None if m.baseline is None else lang.number(m.baseline, 3),
                    target=None if m.target is None else lang.number(m.target, 3),
                    by=lang.date(m.by) if m.by else None,
                    influence=word(lang, m.influence),
                ),
                consumers=list(concerned),
            )
        )
    return out


def _summary(
    lang: Lang,
    phase: str | None,
    key_goals: list[GoalView],
    dimensions: list[DimensionView],
    coalition: CoalitionView,
    risks: list[RiskView],
) -> list[str]:
    """The argument: where we are, what we decided and who pays, the goals, the coalition,
    and how many risks are open (the top three follow as `top_risks`)."""
    _ = lang._
    lines = []
    if phase in PHASES:
        title, ask = PHASES[phase]
        lines.append(
            _("We are in the phase %(title)s: it asks for %(ask)s.", title=_(title), ask=_(ask))
        )
    else:
        lines.append(_("No phase is set yet."))
    conflicts = sorted(
        (d for d in dimensions if d.conflict or d.unserved),
        key=lambda d: (-d.intensity_value, d.name),
    )
    for d in conflicts[:3]:
        values = {
            "dimension": d.name,
            "chosen": lang.join(d.chosen),
            "unserved": lang.join(d.unserved),
            "intensity": d.intensity,
        }
        if d.decision:
            line = _(
                "On %(dimension)s we decided for %(chosen)s; the price is paid by %(unserved)s "
                "(%(intensity)s of the weighted demand goes unserved).",
                **values,
            )
        else:
            line = _(
                "On %(dimension)s nothing is decided yet; by weight it would be %(chosen)s, "
                "and the price would be paid by %(unserved)s (%(intensity)s of the weighted "
                "demand).",
                **values,
            )
        if d.accommodated:
            line += " " + _("Accommodated: %(names)s.", names=lang.join(d.accommodated))
        lines.append(line)
    if not conflicts:
        lines.append(_("No consumer demands conflict: every demanded option is offered."))
    titles = [g.title for g in key_goals]
    if not titles:
        lines.append(_("No key goal is set yet."))
    elif all(g.status is None for g in key_goals):
        lines.append(
            lang.n_(
                "Key goal: %(goals)s. Whether it is on track is not measured yet.",
                "Key goals: %(goals)s. Whether they are on track is not measured yet.",
                len(titles),
                goals=lang.join(titles),
            )
        )
    else:
        states = [
            _("%(goal)s: %(status)s", goal=g.title, status=g.status or _("not measured yet"))
            for g in key_goals
        ]
        lines.append(_("Key goals: %(goals)s.", goals="; ".join(states)))
    if coalition.total_power == 0:
        lines.append(_("No stakeholders are charted yet."))
    elif coalition.standing:
        lines.append(
            _(
                "The coalition holds: %(share)s of stakeholder power stands behind the "
                "strategy (threshold %(threshold)s).",
                share=coalition.share,
                threshold=coalition.threshold,
            )
        )
    else:
        lines.append(
            _(
                "The coalition does not hold yet: %(share)s of stakeholder power stands behind "
                "the strategy (threshold %(threshold)s).",
                share=coalition.share,
                threshold=coalition.threshold,
            )
        )
    if risks:
        lines.append(
            lang.n_(
                "%(num)d open risk:",
                "%(num)d open risks; the %(top)d with the most at stake:",
                len(risks),
                top=min(3, len(risks)),
            )
        )
    else:
        lines.append(_("No open risks."))
    return lines
