"""Scoring one dimension: support, share, the chosen set, conflict, intensity, margin.

- support(option) = sum of w * s * confidence over the demands for it (see weights.py);
  total = sum over the dimension; share = support / total;
- chosen = the deciding decision's options, else the top `choose` by support;
- conflict = more options demanded (support > 0) than `choose`;
- a demand's served fraction f = 1 when its option is chosen, `scoring.accommodation`
  when an active accommodation names its consumer and option, else 0;
- intensity = 1 - sum(f * w * s) / total;
- margin = (support of the weakest chosen - support of the best unchosen) / total;
- what of the choice rests on uncertain demand (confidence < 1): see uncertainty.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from bpstrat.model.config import StrengthWeights
from bpstrat.model.entities import Consumer, Decision, Dimension
from bpstrat.score.decisions import active_accommodations, deciding_decision
from bpstrat.score.flip import FlipBudgetExceeded, find_flip
from bpstrat.score.ranking import rank, top
from bpstrat.score.results import Contribution, DimensionScore, OptionScore, served_fraction
from bpstrat.score.uncertainty import score_uncertainty, uncertain_support
from bpstrat.score.weights import demand_weight, weight


def option_contributions(
    dimension: Dimension,
    consumers: Sequence[Consumer],
    strengths: StrengthWeights,
    factors: Mapping[str, float],
) -> dict[str, list[Contribution]]:
    """option id -> contributions (w * s * confidence) of every demand for it."""
    options: dict[str, list[Contribution]] = {o.id: [] for o in dimension.options}
    for consumer in consumers:
        w = weight(consumer, factors)
        for demand in consumer.demands:
            if demand.dimension == dimension.id and demand.option in options:
                options[demand.option].append(
                    Contribution(
                        consumer.id,
                        demand.strength,
                        w,
                        demand_weight(consumer, demand, strengths, factors),
                        demand.confidence,
                    )
                )
    return options


def score_dimension(
    dimension: Dimension,
    consumers: Sequence[Consumer],
    decisions: Iterable[Decision] = (),
    strengths: StrengthWeights | None = None,
    factors: Mapping[str, float] | None = None,
    today: dt.date | None = None,
    accommodation: float = 0.5,
) -> DimensionScore:
    """Score one dimension; `today` decides which accommodations are active (None: all)."""
    strengths = strengths or StrengthWeights()
    factors = factors or {}
    contributions = option_contributions(dimension, consumers, strengths, factors)
    support = {o: sum(c.support for c in cs) for o, cs in contributions.items()}
    total = sum(support.values())
    decision = deciding_decision(dimension.id, decisions)
    known = set(support)
    if decision is not None:
        chosen = tuple(dict.fromkeys(o for o in decision.choice if o in known))
    else:
        chosen = top(dimension, support)
    demanded = [o for o, s in support.items() if s > 0]
    unchosen = [o for o in support if o not in chosen]
    margin = None
    if total > 0 and chosen and unchosen:
        weakest = min(support[o] for o in chosen)
        best_other = max(support[o] for o in unchosen)
        margin = (weakest - best_other) / total
    accommodated = active_accommodations(
        decision, contributions, chosen, today or dt.date.min, accommodation
    )
    fraction = {
        (c.consumer, o): served_fraction(chosen, accommodated, c.consumer, o)
        for o, cs in contributions.items()
        for c in cs
    }
    served = {who for (who, _), f in fraction.items() if f > 0}
    unserved = sorted({who for who, _ in fraction} - served)
    served_support = sum(support[o] for o in chosen) + sum(
        c.support * fraction[c.consumer, o] for o in unchosen for c in contributions[o]
    )
    names = {o.id: o for o in dimension.options}
    options = tuple(
        OptionScore(
            o,
            names[o].label,
            names[o].cost,
            support[o],
            support[o] / total if total > 0 else 0.0,
            o in chosen,
            tuple(sorted(contributions[o], key=lambda c: (-c.support, c.consumer))),
            uncertain_support(contributions[o]),
        )
        for o in rank(dimension, support)
    )
    flip = None
    flip_searched = True
    if decision is None:
        try:
            flip = find_flip(dimension, contributions, chosen)
        except FlipBudgetExceeded:
            flip_searched = False
    return DimensionScore(
        id=dimension.id,
        name=dimension.name,
        choose=dimension.choose,
        total=total,
        decided=decision is not None,
        decision=decision.id if decision else None,
        options=options,
        chosen=chosen,
        conflict=len(demanded) > dimension.choose,
        # clamped: with confidences the sums are not exact, and all served may be 1 - 1e-16
        intensity=max(0.0, 1 - served_support / total) if total > 0 else 0.0,
        margin=margin,
        flip=flip,
        unserved=tuple(unserved),
        flip_searched=flip_searched,
        accommodated=accommodated,
        uncertainty=score_uncertainty(dimension, contributions, chosen, decision is not None),
    )
