"""Which decision sets a dimension's choice, and which of its accommodations are active.

- the deciding decision = the newest accepted one on the dimension by date (ties: id)
  that no other decision names in `supersedes`;
- an accommodation is active when it belongs to the deciding decision and has no
  `until` or `until >= today`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from bpstrat.model.entities import Accommodation, Decision
from bpstrat.score.results import Accommodated, Contribution


def superseded_ids(decisions: Iterable[Decision]) -> set[str]:
    """Ids named in another decision's `supersedes`."""
    return {d.supersedes for d in decisions if d.supersedes and d.supersedes != d.id}


def deciding_decision(dimension_id: str, decisions: Iterable[Decision]) -> Decision | None:
    """The newest accepted decision on the dimension (ties: id) that no other supersedes."""
    decisions = list(decisions)
    gone = superseded_ids(decisions)
    accepted = [
        d
        for d in decisions
        if d.dimension == dimension_id and d.status == "accepted" and d.id not in gone
    ]
    return max(accepted, key=lambda d: (d.date, d.id), default=None)


def is_active(accommodation: Accommodation, today: dt.date) -> bool:
    """No `until`, or `until` today or later: the day itself is still active."""
    return accommodation.until is None or accommodation.until >= today


def active_accommodations(
    decision: Decision | None,
    contributions: Mapping[str, list[Contribution]],
    chosen: Sequence[str],
    today: dt.date,
    fraction: float,
) -> tuple[Accommodated, ...]:
    """The deciding decision's active accommodations of demands that exist and are unchosen."""
    if decision is None:
        return ()
    out: dict[tuple[str, str], Accommodated] = {}
    for item in decision.accommodations:
        demanded = any(c.consumer == item.consumer for c in contributions.get(item.option, []))
        if not demanded or item.option in chosen or not is_active(item, today):
            continue
        out.setdefault(
            (item.consumer, item.option),
            Accommodated(item.consumer, item.option, item.via, item.until, fraction),
        )
    return tuple(out.values())
