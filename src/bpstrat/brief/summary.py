"""The brief's executive summary: the argument in a few sentences, from the same views the
sections show, so a template that overrides a section never disagrees with it.
"""

from __future__ import annotations

from bpstrat.brief.i18n import Lang
from bpstrat.brief.views import CoalitionView, DimensionView, GoalView, RiskView
from bpstrat.brief.wording import PHASES

TOP_RISKS = 3  # the summary lists this many risks; the section lists them all


def summary_lines(
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
        if d.unserved:
            line = _price_paid(lang, values, decided=d.decision is not None)
            if d.accommodated:
                line += " " + _("Accommodated: %(names)s.", names=lang.join(d.accommodated))
        elif d.accommodated:
            line = _(
                "On %(dimension)s we decided for %(chosen)s; nobody is left without: "
                "%(names)s are met by a compromise (%(intensity)s of the weighted demand is "
                "still not fully served).",
                names=lang.join(d.accommodated),
                **values,
            )
        elif d.decision:
            line = _(
                "On %(dimension)s we decided for %(chosen)s; every consumer gets an option it "
                "asked for (%(intensity)s of the weighted demand goes unserved).",
                **values,
            )
        else:
            line = _(
                "On %(dimension)s nothing is decided yet; by weight it would be %(chosen)s, "
                "which gives every consumer an option it asked for (%(intensity)s of the "
                "weighted demand would go unserved).",
                **values,
            )
        lines.append(line)
    if not conflicts:
        lines.append(_("No consumer demands conflict: every demanded option is offered."))
    lines += [x.text for d in dimensions for x in d.proposals]
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
    if len(risks) > TOP_RISKS:
        lines.append(
            _(
                "%(num)d open risks; the %(top)d with the most at stake:",
                num=len(risks),
                top=TOP_RISKS,
            )
        )
    elif risks:
        lines.append(lang.n_("%(num)d open risk:", "%(num)d open risks:", len(risks)))
    else:
        lines.append(_("No open risks."))
    return lines


def _price_paid(lang: Lang, values: dict[str, str], decided: bool) -> str:
    """Who pays for the choice: the consumers it leaves unserved."""
    if decided:
        return lang._(
            "On %(dimension)s we decided for %(chosen)s; the price is paid by %(unserved)s "
            "(%(intensity)s of the weighted demand goes unserved).",
            **values,
        )
    return lang._(
        "On %(dimension)s nothing is decided yet; by weight it would be %(chosen)s, "
        "and the price would be paid by %(unserved)s (%(intensity)s of the weighted "
        "demand).",
        **values,
    )
