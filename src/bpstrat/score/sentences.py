"""Plain-language sentences about a score, shared by the score reports and the brief."""

from __future__ import annotations

from collections.abc import Mapping

from bpstrat.score.results import Accommodated, DimensionScore, Flip, GoalScore


def bar(fraction: float | None, width: int) -> str:
    """`████······`: `fraction` (clamped to 0..1) filled, the rest dotted; no data: dots."""
    if fraction is None:
        return "·" * width
    filled = round(min(max(fraction, 0.0), 1.0) * width)
    return "█" * filled + "·" * (width - filled)


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{round(value * 100)}%"


def amount_text(amount: float, currency: str | None) -> str:
    """An amount of money in plain English: 'EUR 240,000', 'EUR 1,234.50', '240,000'."""
    whole = round(amount, 2) == round(amount)
    number = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    return f"{currency} {number}" if currency else number


def factor_text(flip: Flip) -> str:
    """'1.25x', '2x'."""
    return f"{flip.factor:g}x"


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def dimension_sentence(score: DimensionScore, names: Mapping[str, str]) -> str:
    """'REST/JSON wins with 80% of weighted demand; only if X's weight rose 2.4x would ...'"""
    labels = {o.id: o.name for o in score.options}
    chosen = join_names([labels.get(o, o) for o in score.chosen])
    share = sum(o.share for o in score.options if o.chosen)
    if score.total == 0:
        return f"No consumer demands anything on {score.name} yet."
    verb = "win" if len(score.chosen) > 1 else "wins"
    if score.decided:
        head = (
            f"{chosen} {'were' if len(score.chosen) > 1 else 'was'} chosen by decision "
            f"{score.decision}, with {pct(share)} of weighted demand"
        )
    else:
        head = f"{chosen} {verb} with {pct(share)} of weighted demand"
    if not score.conflict and score.unserved:
        return (
            head + f"; no two consumers conflict, but {pct(score.intensity)} of it is not offered."
        )
    if not score.conflict:
        return head + "; no conflict: every demanded option is offered."
    tail = ""
    if score.flip is not None:
        who = names.get(score.flip.consumer, score.flip.consumer)
        gained = [labels.get(o, o) for o in score.flip.chosen if o not in score.chosen]
        change = "rose" if score.flip.factor >= 1 else "fell"
        tail = (
            f"; only if {who}'s weight {change} to {factor_text(score.flip)} "
            f"would {join_names(gained)} win"
        )
    elif not score.decided and not score.flip_searched:
        tail = (
            "; whether one consumer's weight could change this was not searched "
            "(too many options and demands to search quickly)"
        )
    elif not score.decided:
        tail = "; no single consumer's weight could change this"
    unserved = [names.get(c, c) for c in score.unserved]
    if unserved:
        tail += f". Not served: {join_names(unserved)}"
    return head + tail + "."


def accommodated_line(score: DimensionScore, names: Mapping[str, str]) -> str | None:
    """'Accommodated: Billing (Nightly batch): a nightly file ..., until 2027-12-31.'"""
    labels = {o.id: o.name for o in score.options}
    items = [accommodation_text(a, labels, names) for a in score.accommodated]
    return f"Accommodated: {'; '.join(items)}." if items else None


def accommodation_text(
    item: Accommodated, labels: Mapping[str, str], names: Mapping[str, str]
) -> str:
    """'Billing (Nightly batch): a nightly file ..., until 2027-12-31'."""
    until = f", until {item.until}" if item.until else ""
    who = names.get(item.consumer, item.consumer)
    return f"{who} ({labels.get(item.option, item.option)}): {item.via}{until}"


def goal_text(goal: GoalScore) -> str:
    """'on-track: progress 57%, expected 50% (latest 420 on 2026-11-15)'."""
    if goal.latest is None:
        return "no-data: no measurement yet"
    return (
        f"{goal.status}: progress {pct(goal.progress)}, expected {pct(goal.expected)} "
        f"(latest {goal.latest.value:g} on {goal.latest.date})"
    )
