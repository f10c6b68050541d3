"""Lint findings as risks a reader outside the team understands.

Each strategy rule declares its plain wording in its own module (`PLAIN`: the risk, what
it costs and the next step, and what its findings are about); this module fills it in
from the names of the entities involved (never from the lint message, which speaks to
the person editing the files). Findings of one rule are one risk listing everything they
touch. Risks rank by what is at stake: severity first, then the weight of the consumers
(importance) or the power of the stakeholders involved, then how many things they touch.
Codes and file positions stay in the appendix for the team.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NoReturn

from bpstrat.brief.i18n import Lang
from bpstrat.findings import RANK, Finding
from bpstrat.lint.rules import RULES
from bpstrat.lint.rules.plain import Counted, Plain, Wording
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
    titles: Mapping[str, str]  # a catalog reference -> the title the catalog gives it


def plain_risks(
    strategy: Strategy,
    score: ScoreResult,
    findings: list[Finding],
    lang: Lang,
    titles: Mapping[str, str] | None = None,
) -> list[Risk]:
    """Warnings and errors as ranked risks: one per rule, most at stake first; `titles`
    names the service catalog's products."""
    env = _Env(strategy, score, lang, titles or {})
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.severity in ("warning", "error"):
            code = f.code if f.code in RULES else f"other-{f.severity}"
            groups[(code, f.severity)].append(f)
    risks = []
    for (code, severity), group in groups.items():
        rule = RULES.get(code)
        said = _other(env, group) if rule is None else _tell(env, rule.PLAIN, group)
        risks.append(
            Risk(
                code, severity, said.text, said.consequence, said.next_step, said.stake, len(group)
            )
        )
    # The code breaks ties: one risk per rule, and the same order in every language.
    return sorted(risks, key=lambda r: (-RANK[r.severity], -r.stake, -r.count, r.code))


def _tell(env: _Env, plain: Plain, group: list[Finding]) -> _Said:
    """A rule's findings in its plain wording, listed as what they are about."""
    match plain.about:
        case "consumers":
            return _entities(env, plain, Consumer, group)
        case "stakeholders":
            return _entities(env, plain, Stakeholder, group)
        case "goals":
            return _entities(env, plain, Goal, group)
        case "problems":
            return _entities(env, plain, Problem, group)
        case "decisions":
            return _entities(env, plain, Decision, group)
        case "demands":
            return _demands(env, plain, group, dated=False)
        case "dated-demands":
            return _demands(env, plain, group, dated=True)
        case "catalog-products":
            return _catalog_products(env, plain, group)
        case "key-goals":
            return _key_goals(env, plain)
        case "coalition":
            return _coalition(env, plain)
        case "conflicts":
            return _conflicts(env, plain, group)
        case "sides":
            return _sides(env, plain, group)
        case "product":
            return _product(env, plain)
    _unreachable(plain.about)


def _unreachable(about: NoReturn) -> NoReturn:
    """mypy fails here when `_tell` misses a kind of `About`."""
    raise AssertionError(f"no teller for {about!r}")


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


def _say(env: _Env, wording: Wording, stake: float, count: int, **values: object) -> _Said:
    """The wording in the reader's language, filled with `values` (a counted risk also
    with `%(num)d`, `count`)."""
    lang = env.lang
    risk = wording.risk
    if isinstance(risk, Counted):
        text = lang.n_(risk.one, risk.many, count, **values)
    else:
        text = lang._(risk, **values)
    return _Said(
        text, lang._(wording.consequence, **values), lang._(wording.next_step, **values), stake
    )


def _demands(env: _Env, plain: Plain, group: list[Finding], dated: bool) -> _Said:
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
    return _say(env, plain.wording, stake, len(items), items=_names(env.lang, items))


def _entities(
    env: _Env,
    plain: Plain,
    model: type[Consumer] | type[Stakeholder] | type[Goal] | type[Problem] | type[Decision],
    group: list[Finding],
) -> _Said:
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
    return _say(env, plain.wording, stake, len(items), items=_names(env.lang, items))


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


def _catalog_products(env: _Env, plain: Plain, group: list[Finding]) -> _Said:
    """The catalog's products by title (else by name: `system:default/loyalty` ->
    loyalty), weighed as an unknown consumer of middling importance."""
    names = [
        (3.0, env.titles.get(f.entity) or f.entity.rpartition("/")[2]) for f in group if f.entity
    ]
    return _say(env, plain.wording, 3 if names else 0, len(names), items=_names(env.lang, names))


def _key_goals(env: _Env, plain: Plain) -> _Said:
    """The key goals by title and count; weighed by the heaviest goal of the strategy."""
    key = [g.title for g in env.strategy.goals if g.key]
    stake = max((_goal_stake(env, g) for g in env.strategy.goals), default=0)
    if not key and plain.none is not None:
        return _say(env, plain.none, stake, 0)
    return _say(env, plain.wording, stake, len(key), items=env.lang.join(sorted(key)))


def _coalition(env: _Env, plain: Plain) -> _Said:
    """The share of power behind the strategy, and who to win over, most powerful first."""
    coalition = env.score.coalition
    if coalition.total_power == 0 and plain.none is not None:
        return _say(env, plain.none, 0, 0)
    waiting = [
        (p.power, p.name)
        for p in env.strategy.stakeholders
        if not (p.engagement and p.engagement.current in ("supportive", "leading"))
    ]
    return _say(
        env,
        plain.wording,
        max((w for w, _ in waiting), default=0),
        len(waiting),
        share=env.lang.pct(coalition.share),
        threshold=env.lang.pct(coalition.threshold),
        items=_names(env.lang, waiting),
    )


def _conflicts(env: _Env, plain: Plain, group: list[Finding]) -> _Said:
    """The undecided dimensions, weighed by the heaviest consumer each leaves unserved."""
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
    return _say(env, plain.wording, stake, len(names), items=_names(env.lang, names))


def _sides(env: _Env, plain: Plain, group: list[Finding]) -> _Said:
    """The worst-served side against the best-served one (else the findings are counted)."""
    sides = [s for s in env.score.sides if s.served_ratio is not None]
    if len(sides) < 2:
        return _other(env, group)
    worst = min(sides, key=lambda s: (s.served_ratio or 0.0, s.id))
    best = max(sides, key=lambda s: (s.served_ratio or 0.0, s.id))
    weights = [c.importance for c in env.strategy.consumers if c.side == worst.id]
    return _say(
        env,
        plain.wording,
        max(weights, default=0),
        len(group),
        side=worst.id,
        other=best.id,
        served=env.lang.pct(worst.served_ratio),
        best=env.lang.pct(best.served_ratio),
    )


def _product(env: _Env, plain: Plain) -> _Said:
    """The product as a whole, weighed by its most powerful stakeholder."""
    powers = [p.power for p in env.strategy.stakeholders]
    return _say(env, plain.wording, max(powers, default=0), 0)


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
