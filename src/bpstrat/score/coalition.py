"""The coalition behind the strategy, and engagement.

coalition share = power of supportive and leading stakeholders / all power; per
faction, the supportive or leading power over the faction's power.
"""

from __future__ import annotations

from collections.abc import Iterable

from bpstrat.model.entities import Stakeholder
from bpstrat.model.types import ENGAGEMENT_LEVELS
from bpstrat.score.results import Coalition, Faction

SUPPORTIVE = ("supportive", "leading")


def is_supportive(person: Stakeholder) -> bool:
    """Supportive or leading now: counts towards the coalition."""
    return person.engagement is not None and person.engagement.current in SUPPORTIVE


def below_desired(person: Stakeholder) -> bool:
    """Current engagement lower than the desired one on the PMBOK scale."""
    engagement = person.engagement
    if engagement is None or engagement.desired is None:
        return False
    levels = ENGAGEMENT_LEVELS
    return levels.index(engagement.current) < levels.index(engagement.desired)


def coalition(stakeholders: Iterable[Stakeholder], threshold: float) -> Coalition:
    total = supportive = 0
    factions: dict[str, list[int]] = {}
    for person in stakeholders:
        total += person.power
        power = person.power if is_supportive(person) else 0
        supportive += power
        if person.faction is not None:
            sums = factions.setdefault(person.faction, [0, 0])
            sums[0] += person.power
            sums[1] += power
    per_faction = tuple(
        Faction(name, sums[0], sums[1], sums[1] / sums[0] if sums[0] else 0.0)
        for name, sums in sorted(factions.items())
    )
    share = supportive / total if total else 0.0
    return Coalition(share, threshold, supportive, total, per_faction)
