"""Lint findings as risks a reader outside the team understands.

Each strategy rule maps to one plain-language risk: what is wrong, what it costs, and
the next step, written from the names of the entities involved (never from the lint
message, which speaks to the person editing the files). Findings of one rule are one
risk listing everything they touch. Risks rank by what is at stake: severity first,
then the weight of the consumers (importance) or the power of the stakeholders
involved, then how many things they touch. Codes and file positions stay in the
appendix for the team.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bpstrat.brief.i18n import N_, Lang
from bpstrat.findings import RANK, Finding
from bpstrat.model.entities import (
    Consumer,
    Decision,
    Demand,
    Dimension,
    Goal,
    Problem,
    Stakeholder,
)
from bpstrat.model.strategy import Strategy
from bpstrat.score.results import ScoreResult


@dataclass(frozen=True)
class Risk:
    """One risk in plain language; `stake` is the weight or power at stake (0-5)."""

    code: str
    severity: str
    text: str
    consequence: str
    next_step: str
    stake: float
    count: int


@dataclass(frozen=True)
class _Said:
    text: str
    consequence: str
    next_step: str
    stake: float


@dataclass(frozen=True)
class _Env:
    strategy: Strategy
    score: ScoreResult
    lang: Lang


Teller = Callable[[_Env, list[Finding]], _Said]


def plain_risks(
    strategy: Strategy, score: ScoreResult, findings: list[Finding], lang: Lang
) -> list[Risk]:
    """Warnings and errors as ranked risks: one per rule, most at stake first."""
    env = _Env(strategy, score, lang)
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.severity in ("warning", "error"):
            code = f.code if f.code in _TELLERS else f"other-{f.severity}"
            groups[(code, f.severity)].append(f)
    risks = []
    for (code, severity), group in groups.items():
        said = _TELLERS.get(code, _other)(env, group)
        risks.append(
            Risk(
                code, severity, said.text, said.consequence, said.next_step, said.stake, len(group)
            )
        )
    # The code breaks ties: one risk per rule, and the same order in every language.
    return sorted(risks, key=lambda r: (-RANK[r.severity], -r.stake, -r.count, r.code))


def _id(finding: Finding) -> str:
    return (finding.entity or "").partition(":")[2]


def _demand(env: _Env, finding: Finding) -> tuple[Consumer, Demand] | None:
    consumer = env.strategy.entity(Consumer, _id(finding))
    path = finding.field
    if consumer is None or len(path) < 2 or path[0] != "demands" or not isinstance(path[1], int):
        return None
    if path[1] >= len(consumer.demands):
        return None
    return consumer, consumer.demands[path[1]]


def _option_name(env: _Env, demand: Demand) -> str:
    option = env.strategy.option(demand.dimension, demand.option)
    return option.label if option else demand.option


def _names(lang: Lang, weighted: Sequence[tuple[float, str]]) -> str:
    """Names, heaviest first, then by name; each once."""
    ordered = dict.fromkeys(name for _, name in sorted(weighted, key=lambda w: (-w[0], w[1])))
    return lang.join(list(ordered))


def _say(
    env: _Env, text: str, consequence: str, step: str, stake: float, **values: object
) -> _Said:
    _ = env.lang._
    return _Said(_(text, **values), _(consequence, **values), _(step, **values), stake)


def _demands(text: str, consequence: str, step: str, dated: bool = False) -> Teller:
    def tell(env: _Env, group: list[Finding]) -> _Said:
        items: list[tuple[float, str]] = []
        for f in group:
            found = _demand(env, f)
            if found is None:
                continue
            consumer, demand = found
            values: dict[str, object] = {
                "option": _option_name(env, demand),
                "consumer": consumer.name,
            }
            if dated and demand.needed_by is not None:
                values["date"] = env.lang.date(demand.needed_by)
                item = env.lang._("%(option)s for %(consumer)s, due %(date)s", **values)
            else:
                item = env.lang._("%(option)s for %(consumer)s", **values)
            items.append((consumer.importance, item))
        stake = max((w for w, _ in items), default=0)
        return _say(env, text, consequence, step, stake, items=_names(env.lang, items))

    return tell


def _entities(
    model: type[Consumer] | type[Stakeholder] | type[Goal] | type[Problem] | type[Decision],
    text: str,
    consequence: str,
    step: str,
) -> Teller:
    def tell(env: _Env, group: list[Finding]) -> _Said:
        items: list[tuple[float, str]] = []
        for f in group:
            entity = env.strategy.entity(model, _id(f))
            if isinstance(entity, Consumer):
                items.append((entity.importance, entity.name))
            elif isinstance(entity, Stakeholder):
                items.append((entity.power, entity.name))
            elif isinstance(entity, Goal):
                items.append((_goal_stake(env, entity), entity.title))
            elif isinstance(entity, Problem):
                items.append((entity.impact or 0, entity.title))
            elif isinstance(entity, Decision):
                items.append(_decision_item(env, entity))
        stake = max((w for w, _ in items), default=0)
        return _say(env, text, consequence, step, stake, items=_names(env.lang, items))

    return tell


def _decision_item(env: _Env, decision: Decision) -> tuple[float, str]:
    """A decision weighs what the heaviest consumer with a demand on its dimension weighs."""
    dimension = env.strategy.entity(Dimension, decision.dimension)
    weights = [
        c.importance
        for c in env.strategy.consumers
        if any(d.dimension == decision.dimension for d in c.demands)
    ]
    return max(weights, default=0), dimension.name if dimension else decision.dimension


def _goal_stake(env: _Env, goal: Goal) -> float:
    """A goal weighs what its heaviest problem's consumers weigh."""
    weights = [0.0]
    for pid in goal.problems:
        problem = env.strategy.entity(Problem, pid)
        for cid in problem.consumers if problem else []:
            consumer = env.strategy.entity(Consumer, cid)
            weights.append(consumer.importance if consumer else 0)
    return max(weights)


def _key_goals(env: _Env, group: list[Finding]) -> _Said:
    key = [g.title for g in env.strategy.goals if g.key]
    stake = max((_goal_stake(env, g) for g in env.strategy.goals), default=0)
    if not key:
        return _say(
            env,
            N_("The strategy names no key goal."),
            N_("Without a few headlines, nobody can say what the product is for."),
            N_("Pick the one to three goals that matter most and make them the key goals."),
            stake,
        )
    return _say(
        env,
        N_("The strategy has more key goals than it can lead with: %(items)s."),
        N_("With too many headlines, none of them leads."),
        N_("Keep the key goals that matter most and make the others suggestions."),
        stake,
        items=env.lang.join(sorted(key)),
    )


def _coalition(env: _Env, group: list[Finding]) -> _Said:
    coalition = env.score.coalition
    if coalition.total_power == 0:
        return _say(
            env,
            N_("Nobody is charted as standing behind the strategy."),
            N_("A strategy nobody backs can be stopped by anyone."),
            N_("Chart the people whose support the strategy needs, starting with the sponsor."),
            0,
        )
    waiting = [
        (p.power, p.name)
        for p in env.strategy.stakeholders
        if not (p.engagement and p.engagement.current in ("supportive", "leading"))
    ]
    return _say(
        env,
        N_("Only %(share)s of stakeholder power supports the strategy; it needs %(threshold)s."),
        N_("Those who do not support it yet can stop it."),
        N_("Win over the most powerful of them first: %(items)s."),
        max((w for w, _ in waiting), default=0),
        share=env.lang.pct(coalition.share),
        threshold=env.lang.pct(coalition.threshold),
        items=_names(env.lang, waiting),
    )


def _undecided(env: _Env, group: list[Finding]) -> _Said:
    names: list[tuple[float, str]] = []
    stake = 0.0
    for f in group:
        dimension = env.strategy.entity(Dimension, _id(f))
        scored = next((d for d in env.score.dimensions if d.id == _id(f)), None)
        if dimension is None or scored is None:
            continue
        unserved = set(scored.unserved)
        weights = [c.importance for c in env.strategy.consumers if c.id in unserved]
        stake = max([stake, *weights])
        names.append((max(weights, default=0), dimension.name))
    return _say(
        env,
        N_("Consumers want conflicting things on %(items)s, and nothing is decided."),
        N_("Teams build to their own guess, and consumers are let down without being told."),
        N_("Decide, and write down who is not served and why."),
        stake,
        items=_names(env.lang, names),
    )


def _flywheel(env: _Env, group: list[Finding]) -> _Said:
    sides = [s for s in env.score.sides if s.served_ratio is not None]
    if len(sides) < 2:
        return _other(env, group)
    worst = min(sides, key=lambda s: (s.served_ratio or 0.0, s.id))
    best = max(sides, key=lambda s: (s.served_ratio or 0.0, s.id))
    weights = [c.importance for c in env.strategy.consumers if c.side == worst.id]
    return _say(
        env,
        N_(
            "The %(side)s side is underserved: %(served)s of what it asks for is served, "
            "against %(best)s on the %(other)s side."
        ),
        N_("A platform that serves one side poorly loses that side, and then the other."),
        N_("Revisit the decisions that leave the %(side)s side unserved."),
        max(weights, default=0),
        side=worst.id,
        other=best.id,
        served=env.lang.pct(worst.served_ratio),
        best=env.lang.pct(best.served_ratio),
    )


def _product_person(role: str) -> Teller:
    texts = {
        "sponsor": (
            N_("The product seeks buy-in but has no senior sponsor who backs it."),
            N_("Without a sponsor, nobody funds the product."),
            N_("Find a sponsor with the power to fund the product and win their support."),
        ),
        "successor": (
            N_("The product is being handed over, but no successor is named."),
            N_("The product may be left without an owner."),
            N_("Name the successor and agree the handover with them."),
        ),
    }
    text, consequence, step = texts[role]

    def tell(env: _Env, group: list[Finding]) -> _Said:
        powers = [p.power for p in env.strategy.stakeholders]
        return _say(env, text, consequence, step, max(powers, default=0))

    return tell


def _mvp(env: _Env, group: list[Finding]) -> _Said:
    count = len([g for g in env.strategy.goals if g.key])
    _ = env.lang
    return _Said(
        _.n_(
            "A minimum product focuses on exactly one key goal, and there is %(num)d.",
            "A minimum product focuses on exactly one key goal, and there are %(num)d.",
            count,
        ),
        _._("The minimum product loses its focus."),
        _._("Keep one key goal and make the others suggestions."),
        max((_goal_stake(env, g) for g in env.strategy.goals), default=0),
    )


def _other(env: _Env, group: list[Finding]) -> _Said:
    lang = env.lang
    if group[0].severity == "error":
        return _Said(
            lang.n_(
                "%(num)d mistake in the strategy files leaves part of the strategy out.",
                "%(num)d mistakes in the strategy files leave parts of the strategy out.",
                len(group),
            ),
            lang._("The numbers in this brief may be incomplete."),
            lang._("The team fixes the findings listed for the team at the end."),
            5,
        )
    return _Said(
        lang.n_(
            "%(num)d further point weakens the strategy.",
            "%(num)d further points weaken the strategy.",
            len(group),
        ),
        lang._("Each is small; together they blur the picture."),
        lang._("The team works through the findings listed for the team at the end."),
        0,
    )


_TELLERS: dict[str, Teller] = {
    "BP401": _demands(
        N_("Nobody has named the problem behind these demands: %(items)s."),
        N_("We may build what was asked for rather than what is needed."),
        N_("Ask each consumer which step of their work the demand fixes, and write it down."),
    ),
    "BP402": _entities(
        Goal,
        N_("These goals cannot be measured yet: %(items)s."),
        N_("Nobody will be able to tell whether they were reached."),
        N_("Give each a metric with a baseline, a target and a date."),
    ),
    "BP403": _entities(
        Goal,
        N_("The team cannot move the metric of these goals itself: %(items)s."),
        N_("Success depends on others, and the goal loses its pull."),
        N_("Choose a metric the team moves itself or together with a partner."),
    ),
    "BP404": _key_goals,
    "BP405": _entities(
        Consumer,
        N_("We do not know where these consumers are heading: %(items)s."),
        N_("We may build for needs they are about to drop."),
        N_("Read their roadmap or talk to them, and write their strategy down."),
    ),
    "BP406": _entities(
        Stakeholder,
        N_("Our view of these stakeholders is out of date: %(items)s."),
        N_("We may plan around support or resistance that has changed."),
        N_("Review their power, interest and engagement."),
    ),
    "BP407": _entities(
        Stakeholder,
        N_(
            "These stakeholders are less engaged than we need, with no plan to change it: "
            "%(items)s."
        ),
        N_("Their power can stall the strategy."),
        N_("Plan the next conversation or proof for each of them."),
    ),
    "BP408": _coalition,
    "BP409": _undecided,
    "BP410": _flywheel,
    "BP411": _entities(
        Problem,
        N_("No goal addresses these problems: %(items)s."),
        N_("They stay unsolved, although nobody decided they are not worth solving."),
        N_("Give each a goal, or drop it on purpose."),
    ),
    "BP412": _entities(
        Goal,
        N_("These goals solve no named problem: %(items)s."),
        N_("Effort may go into outputs nobody needs."),
        N_("Name the problem each goal solves."),
    ),
    "BP413": _demands(
        N_("Promised dates have passed: %(items)s."),
        N_("Consumers who planned on these dates are waiting."),
        N_("Deliver, agree a new date with them, or drop the demand openly."),
        dated=True,
    ),
    "BP414": _product_person("sponsor"),
    "BP415": _mvp,
    "BP416": _product_person("successor"),
    "BP417": _entities(
        Goal,
        N_("These key goals are off track: %(items)s."),
        N_("At this pace they will not be reached by their date."),
        N_("Find what holds them back, and change the plan or the target openly."),
    ),
    "BP418": _entities(
        Goal,
        N_("Nobody has measured these key goals lately: %(items)s."),
        N_("We cannot tell whether the strategy is working."),
        N_("Measure them now and record the value with bpstrat measure."),
    ),
    "BP419": _entities(
        Goal,
        N_("These goals are past their date and not reached: %(items)s."),
        N_("A promise of the strategy has been missed."),
        N_("Say so, and agree a new date or a new target."),
    ),
    "BP420": _entities(
        Stakeholder,
        N_(
            "Powerful stakeholders speak for consumers whose must-have the strategy leaves "
            "unserved: %(items)s."
        ),
        N_("They are the coalition's first risk: they may turn against the strategy."),
        N_("Accommodate the demand, revisit the decision, or talk to them first."),
    ),
    "BP421": _entities(
        Consumer,
        N_("Our view of where these consumers are heading is out of date: %(items)s."),
        N_("We may build for a direction they have left."),
        N_("Check their strategy again with them."),
    ),
    "BP422": _entities(
        Decision,
        N_("Decisions are due for review, or a compromise has ended: %(items)s."),
        N_("Consumers may lose what they were promised without anyone deciding it."),
        N_("Revisit the decision and record the outcome."),
    ),
    "BP423": _entities(
        Goal,
        N_("Key goals rest on problems with no evidence: %(items)s."),
        N_("We may be solving a problem that is smaller than we think."),
        N_("Collect the evidence: numbers, incidents, quotes."),
    ),
    "BP424": _entities(
        Decision,
        N_("Replaced decisions are still marked as current: %(items)s."),
        N_("Readers may follow a decision that no longer holds."),
        N_("Mark the replaced decisions as superseded."),
    ),
}
