"""Does a dimension's choice rest on demand we are not sure of?

A demand is uncertain when its `confidence` is below 1. For a dimension with uncertain
demands:

- uncertain support of an option = sum of w * s * confidence over its uncertain demands;
  the dimension's uncertain share = that, summed over its options, / total;
- a chosen option rests on uncertain demand when more than half of its support is
  uncertain;
- the choice can be overturned by uncertain demand (undecided dimensions only, like the
  flip) when the chosen set changes in the case worst for it: every uncertain demand for
  a chosen option is not real (confidence 0) and every uncertain demand for an unchosen
  option is (confidence 1). Support is linear in each confidence, so when the choice
  survives that case it survives every combination of confidences.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bpstrat.model.entities import Dimension
from bpstrat.score.ranking import top
from bpstrat.score.results import Contribution, Overturn, Uncertainty
from bpstrat.score.tolerance import above


def uncertain_support(contributions: Sequence[Contribution]) -> float:
    """The part of an option's support that comes from uncertain demands."""
    return sum((c.support for c in contributions if c.uncertain), 0.0)


def score_uncertainty(
    dimension: Dimension,
    contributions: Mapping[str, list[Contribution]],
    chosen: tuple[str, ...],
    decided: bool,
) -> Uncertainty | None:
    """What of the choice rests on uncertain demand; None when every demand is sure."""
    if not any(c.uncertain for cs in contributions.values() for c in cs):
        return None
    support = {o: sum(c.support for c in cs) for o, cs in contributions.items()}
    doubt = {o: uncertain_support(cs) for o, cs in contributions.items()}
    total = sum(support.values())
    resting = tuple(
        o for o in chosen if support.get(o, 0.0) > 0 and above(doubt[o], support[o] / 2)
    )
    overturn = None if decided else _overturn(dimension, contributions, support, chosen)
    share = sum(doubt.values()) / total if total > 0 else 0.0
    return Uncertainty(sum(doubt.values()), share, resting, overturn)


def _overturn(
    dimension: Dimension,
    contributions: Mapping[str, list[Contribution]],
    support: Mapping[str, float],
    chosen: tuple[str, ...],
) -> Overturn | None:
    """The chosen set in the case worst for the choice, when it differs from `chosen`."""
    worst = {}
    for option, items in contributions.items():
        if option in chosen:
            worst[option] = support[option] - uncertain_support(items)
        else:
            worst[option] = support[option] + sum(
                c.support / c.confidence - c.support for c in items if c.uncertain
            )
    after = top(dimension, worst)
    if set(after) == set(chosen):
        return None
    lost = tuple(o for o in chosen if o not in after)
    gained = tuple(o for o in after if o not in chosen)
    return Overturn(
        after, lost, gained, _behind(contributions, lost), _behind(contributions, gained)
    )


def _behind(
    contributions: Mapping[str, list[Contribution]], options: Sequence[str]
) -> tuple[str, ...]:
    """The consumers with an uncertain demand for one of `options`, each once, heaviest first."""
    found: dict[str, float] = {}
    for option in options:
        for c in contributions.get(option, ()):
            if c.uncertain:
                found[c.consumer] = max(found.get(c.consumer, 0.0), c.support)
    return tuple(sorted(found, key=lambda who: (-found[who], who)))
