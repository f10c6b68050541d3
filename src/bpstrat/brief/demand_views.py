"""The consumers, their demands and each dimension's choice, as the brief shows them."""

from __future__ import annotations

from collections.abc import Callable

from bpstrat.brief.i18n import Lang
from bpstrat.brief.views import (
    AccommodationView,
    ConsumerView,
    DecisionView,
    DemandMatrix,
    DemandView,
    DimensionView,
    MatrixRow,
    OptionView,
    ProposalView,
)
from bpstrat.brief.wording import (
    by_weight,
    dimension_sentence,
    offered,
    option_percents,
    uncertainty_sentence,
    word,
)
from bpstrat.model.entities import Decision, Dimension, Problem, Stakeholder
from bpstrat.model.strategy import Strategy
from bpstrat.score.results import DimensionScore, ScoreResult


def consumer_views(strategy: Strategy, result: ScoreResult, lang: Lang) -> list[ConsumerView]:
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


def dimension_views(
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
        percents = option_percents(d)
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
                        share=lang.pct(percents[o.id] / 100),
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
                uncertain=uncertainty_sentence(lang, d, weights),
                proposals=proposal_views(strategy, d, consumer_name, person, weights, lang),
                flip=d.flip is not None,
            )
        )
    return out


def proposal_views(
    strategy: Strategy,
    score: DimensionScore,
    consumer_name: Callable[[str], str],
    person: Callable[[str | None], str | None],
    weights: dict[str, tuple[int, str]],
    lang: Lang,
) -> list[ProposalView]:
    """The decisions proposed on a dimension, oldest first: what each would choose, and
    whom it would leave unserved or meet by a compromise."""
    proposed = sorted(
        (x for x in strategy.decisions if x.dimension == score.id and x.status == "proposed"),
        key=lambda x: (x.date, x.id),
    )
    names = {o.id: o.name for o in score.options}
    demands = [
        (c.id, d.option)
        for c in strategy.consumers
        for d in c.demands
        if d.dimension == score.id and d.option in names
    ]
    out = []
    for x in proposed:
        met = {(a.consumer, a.option) for a in x.accommodations}
        served = {who for who, option in demands if option in x.choice}
        eased = {who for who, option in demands if (who, option) in met} - served
        unserved = by_weight(sorted({who for who, _ in demands} - served - eased), weights)
        accommodated = [consumer_name(c) for c in sorted(eased)]
        choice = [names.get(o, o) for o in x.choice]
        decider = person(x.decided_by)
        text = lang._(
            "Decision %(decision)s proposes %(choice)s on %(dimension)s; it is not accepted yet.",
            decision=x.id,
            choice=lang.join(choice),
            dimension=score.name,
        )
        if unserved:
            text += " " + lang._("It would leave %(names)s unserved.", names=lang.join(unserved))
        if accommodated:
            text += " " + lang._(
                "It would meet %(names)s by a compromise.", names=lang.join(accommodated)
            )
        if decider:
            text += " " + lang._("To decide: %(person)s.", person=decider)
        out.append(
            ProposalView(
                id=x.id,
                dimension=score.name,
                date=lang.date(x.date),
                choice=choice,
                rationale=" ".join((x.rationale or "").split()) or None,
                decided_by=decider,
                consulted=[person(c) or c for c in x.consulted],
                unserved=unserved,
                accommodated=accommodated,
                met=sorted((consumer_name(c), names[o]) for c, o in met if (c, o) in set(demands)),
                text=text,
                decided_by_id=x.decided_by,
                consulted_ids=list(x.consulted),
            )
        )
    return out


def demand_matrix(
    consumers: list[ConsumerView], dimensions: list[DimensionView], lang: Lang
) -> DemandMatrix:
    rows = []
    for c in consumers:
        cells = []
        for d in dimensions:
            wanted = [x for x in c.demands if x.dimension == d.id]
            parts = [_matrix_cell(x, lang) for x in wanted]
            cells.append("; ".join(parts) or "-")
        rows.append(MatrixRow(c.name, cells))
    return DemandMatrix([d.name for d in dimensions], rows)


def _matrix_cell(demand: DemandView, lang: Lang) -> str:
    values = {"option": demand.option_name, "strength": demand.strength_text}
    if demand.served:
        return lang._("%(option)s (%(strength)s)", **values)
    if demand.accommodation:
        return lang._("%(option)s (%(strength)s, accommodated)", **values)
    return lang._("%(option)s (%(strength)s, not served)", **values)
