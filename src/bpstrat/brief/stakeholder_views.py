"""The stakeholders, their power/interest chart and the coalition, as the brief shows them."""

from __future__ import annotations

from collections import defaultdict

from bpstrat.brief.i18n import Lang
from bpstrat.brief.mermaid import QuadrantLabels, quadrant
from bpstrat.brief.views import CoalitionView, FactionView, StakeholderView
from bpstrat.brief.wording import word
from bpstrat.model.entities import Consumer
from bpstrat.model.strategy import Strategy
from bpstrat.score.coalition import below_desired
from bpstrat.score.results import Coalition
from bpstrat.score.tolerance import below


def stakeholder_views(strategy: Strategy, lang: Lang) -> list[StakeholderView]:
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


def quadrant_labels(lang: Lang) -> QuadrantLabels:
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


def chart_note(stakeholders: list[StakeholderView], lang: Lang) -> str | None:
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


def coalition_view(coalition: Coalition, lang: Lang) -> CoalitionView:
    """The coalition's shares in the brief's language, and whether it stands."""
    return CoalitionView(
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
