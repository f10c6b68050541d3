"""Plain-language sentences about a score, shared by the score reports and the brief."""

from __future__ import annotations

from collections.abc import Mapping

from bpstrat.score.results import Accommodated, Contribution, DimensionScore, Flip, GoalScore


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


def contribution_text(item: Contribution, names: Mapping[str, str]) -> str:
    """'Search Ranking must 7.2 (80% sure)'; a sure demand without the parenthesis."""
    text = f"{names.get(item.consumer, item.consumer)} {item.strength} {item.support:g}"
    return f"{text} ({pct(item.confidence)} sure)" if item.uncertain else text


def uncertainty_sentence(score: DimensionScore, names: Mapping[str, str]) -> str | None:
    """'Uncertain demand: 14% of the weighted demand here comes from demands we are not
    sure of; Price change events (55% of its support) rests mostly on it; if the uncertain
    demands for Price change events (Search Ranking) are not real, Nightly bulk file would
    win instead of Price change events.' None when every demand is sure."""
    u = score.uncertainty
    if u is None or score.total == 0:
        return None
    labels = {o.id: o.name for o in score.options}
    parts = [
        f"Uncertain demand: {pct(u.share)} of the weighted demand here comes from demands "
        "we are not sure of"
    ]
    if u.resting:
        verb = "rest" if len(u.resting) > 1 else "rests"
        resting = []
        for option in u.resting:
            scored = score.option(option)
            share = scored.uncertain / scored.support if scored and scored.support else None
            resting.append(f"{labels.get(option, option)} ({pct(share)} of its support)")
        parts.append(f"{join_names(resting)} {verb} mostly on it")
    o = u.overturn
    if o is not None:
        lost = join_names([labels.get(x, x) for x in o.lost])
        gained = join_names([labels.get(x, x) for x in o.gained])
        doubtful = join_names([names.get(c, c) for c in o.doubtful])
        hoped = join_names([names.get(c, c) for c in o.hoped])
        if o.doubtful and o.hoped:
            condition = (
                f"if the uncertain demands for {lost} ({doubtful}) are not real and those "
                f"for {gained} ({hoped}) are"
            )
        elif o.doubtful:
            condition = f"if the uncertain demands for {lost} ({doubtful}) are not real"
        else:
            condition = f"if the uncertain demands for {gained} ({hoped}) are all real"
        parts.append(f"{condition}, {gained} would win instead of {lost}")
    elif not score.decided:
        parts.append("however they turn out, the choice stands")
    elif not u.resting:
        parts.append("the decision does not rest on them")
    return "; ".join(parts) + "."


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
