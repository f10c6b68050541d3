"""The brief for the people who decide (`--audience executive`): the same strategy told
without the politics and without the scoring's vocabulary.

Every sentence here is in plain words with plain units: what was chosen and who pays for
it, what we ask the reader to decide, where each key goal started, stands and is going
('from 15 minutes to 7 minutes so far'), and the risks that are not about people's
standing (no engagement levels, no power, no lint codes).
"""

from __future__ import annotations

from bpstrat.brief.i18n import Lang
from bpstrat.brief.plain_units import plain_quantity
from bpstrat.brief.views import (
    ChoiceView,
    DimensionView,
    GoalView,
    ProposalView,
    RiskView,
    TrendView,
)
from bpstrat.model.entities import Goal
from bpstrat.model.strategy import Strategy
from bpstrat.score.results import ScoreResult

# Risks about people's standing (how engaged or powerful someone is, whose view of whom
# is stale) stay in the team's brief: nobody forwards them to the board. Bookkeeping of
# the files (a replaced decision still marked current) does not concern the reader either.
TEAM_ONLY_RISKS = frozenset({"BP406", "BP407", "BP408", "BP414", "BP420", "BP424", "BP427"})
TOP = 3


def executive_risks(risks: list[RiskView]) -> list[RiskView]:
    """The three risks with most at stake that are neither politics nor bookkeeping nor
    mistakes in the files."""
    kept = [r for r in risks if r.code.startswith("BP4") and r.code not in TEAM_ONLY_RISKS]
    return kept[:TOP]


def choice_views(dimensions: list[DimensionView], lang: Lang) -> list[ChoiceView]:
    """Each conflict, heaviest first: what was chosen and who pays for it."""
    _ = lang._
    out = []
    conflicts = sorted(
        (d for d in dimensions if d.conflict or d.unserved),
        key=lambda d: (-d.intensity_value, d.name),
    )
    for d in conflicts:
        chosen = lang.join(d.chosen)
        if d.decision and d.decision.decided_by:
            parts = [
                _(
                    "%(person)s chose %(chosen)s on %(date)s.",
                    person=d.decision.decided_by,
                    chosen=chosen,
                    date=d.decision.date,
                )
            ]
        elif d.decision:
            parts = [_("We chose %(chosen)s on %(date)s.", chosen=chosen, date=d.decision.date)]
        else:
            parts = [_("Not decided yet; most of the demand favours %(chosen)s.", chosen=chosen)]
        names = lang.join(d.unserved)
        if d.unserved and d.decision:
            parts.append(
                lang.n_(
                    "Who pays: %(names)s, which gets none of what it asked for here.",
                    "Who pays: %(names)s, which get none of what they asked for here.",
                    len(d.unserved),
                    names=names,
                )
            )
        elif d.unserved:
            parts.append(
                lang.n_(
                    "That would leave %(names)s with none of what it asked for here.",
                    "That would leave %(names)s with none of what they asked for here.",
                    len(d.unserved),
                    names=names,
                )
            )
        if d.accommodations:
            items = [
                _("%(consumer)s: %(how)s", consumer=a.consumer, how=a.via)
                + (_(", until %(date)s", date=a.until) if a.until else "")
                for a in d.accommodations
            ]
            parts.append(_("Met by a compromise: %(items)s.", items="; ".join(items)))
        elif not d.unserved:
            parts.append(_("Every consumer gets an option it asked for."))
        out.append(
            ChoiceView(
                dimension=d.name,
                decided=d.decision is not None,
                chosen=list(d.chosen),
                unserved=list(d.unserved),
                accommodations=list(d.accommodations),
                text=" ".join(parts),
            )
        )
    return out


def asks(proposals: list[ProposalView], choices: list[ChoiceView], lang: Lang) -> list[str]:
    """What we ask the reader to decide: each proposed decision, then each conflict that
    has neither a decision nor a proposal."""
    out = [p.text for p in proposals]
    proposed = {p.dimension for p in proposals}
    for c in choices:
        if not c.decided and c.dimension not in proposed:
            out.append(
                lang._(
                    "A decision on %(dimension)s: most of the demand favours %(chosen)s.",
                    dimension=c.dimension,
                    chosen=lang.join(c.chosen),
                )
                + (
                    " " + lang._("It would leave %(names)s unserved.", names=lang.join(c.unserved))
                    if c.unserved
                    else ""
                )
            )
    return out


def trend_views(
    strategy: Strategy, result: ScoreResult, key_goals: list[GoalView], lang: Lang
) -> list[TrendView]:
    """Each key goal: from its baseline to its newest measurement, and its target and
    date, in plain units; how it stands against the straight line to its target."""
    _ = lang._
    out = []
    for view in key_goals:
        goal = strategy.entity(Goal, view.id)
        scored = result.goal(view.id)
        m = goal.metric if goal else None
        if goal is None or m is None or scored is None:
            out.append(TrendView(view.id, view.title, None, _("It has no measure yet.")))
            continue
        unit = m.unit
        values = {
            "baseline": plain_quantity(lang, scored.baseline, unit),
            "target": plain_quantity(lang, scored.target, unit),
            "by": lang.date(scored.by),
        }
        latest = scored.latest
        if latest is None:
            text = _("Not measured yet: from %(baseline)s to %(target)s by %(by)s.", **values)
        else:
            text = _(
                "From %(baseline)s to %(latest)s so far (%(date)s); the target is %(target)s "
                "by %(by)s.",
                latest=plain_quantity(lang, latest.value, unit),
                date=lang.date(latest.date),
                **values,
            )
            text += " " + _status(lang, scored.status, scored.progress, scored.expected)
            if len(scored.measurements) == 1:
                text += " " + _("This rests on a single measurement.")
        out.append(TrendView(view.id, view.title, scored.status, text, len(scored.measurements)))
    return out


def _status(lang: Lang, status: str, progress: float | None, expected: float | None) -> str:
    values = {"progress": lang.pct(progress), "expected": lang.pct(expected)}
    if status == "achieved":
        return lang._("Reached.")
    if status == "overdue":
        return lang._("Past its date and not reached: %(progress)s of the way.", **values)
    if status == "on-track":
        return lang._(
            "On track: %(progress)s of the way, where the plan expects %(expected)s.", **values
        )
    return lang._("Behind: %(progress)s of the way, where the plan expects %(expected)s.", **values)


def buys(strategy: Strategy, key_goals: list[GoalView], lang: Lang) -> list[str]:
    """What the key goals deliver, each in one line: the goal, and its measure in words."""
    out = []
    for view in key_goals:
        goal = strategy.entity(Goal, view.id)
        m = goal.metric if goal else None
        if m is None or m.name is None or m.baseline is None or m.target is None or m.by is None:
            out.append(view.title)
            continue
        out.append(
            lang._(
                "%(goal)s: %(metric)s from %(baseline)s to %(target)s by %(by)s",
                goal=view.title,
                metric=m.name,
                baseline=plain_quantity(lang, m.baseline, m.unit),
                target=plain_quantity(lang, m.target, m.unit),
                by=lang.date(m.by),
            )
        )
    return out
