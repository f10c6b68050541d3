"""`bpstrat score --format markdown`: tables for a pull-request comment."""

from __future__ import annotations

from bpstrat.brief.i18n import language
from bpstrat.brief.markdown import cell
from bpstrat.score.results import Investment
from bpstrat.score.sentences import (
    accommodated_line,
    dimension_sentence,
    pct,
    uncertainty_sentence,
)
from bpstrat.score.view import ScoreView


def render(view: ScoreView) -> str:
    names = view.consumer_names()
    result = view.result
    out = ["## Consumer demand score", ""]
    for d in result.dimensions:
        status = f"decided by `{d.decision}`" if d.decided else "undecided"
        out += [
            f"### {cell(d.name)}",
            "",
            f"choose {d.choose}, {status}; conflict: {'yes' if d.conflict else 'no'}, "
            f"intensity {pct(d.intensity)}, margin {pct(d.margin)}",
            "",
            "| | option | support | share | consumers |",
            "| --- | --- | ---: | ---: | --- |",
        ]
        for o in d.options:
            who = (
                ", ".join(
                    f"{names.get(c.consumer, c.consumer)} ({c.strength}, {c.support:g}"
                    + (f", {pct(c.confidence)} sure)" if c.uncertain else ")")
                    for c in o.contributions
                )
                or "-"
            )
            out.append(
                f"| {'✓' if o.chosen else ''} | {cell(o.name)} | {o.support:g} | "
                f"{pct(o.share)} | {cell(who)} |"
            )
        out += ["", cell(dimension_sentence(d, names)), ""]
        accommodated = accommodated_line(d, names)
        if accommodated:
            out += [cell(accommodated), ""]
        uncertain = uncertainty_sentence(d, names)
        if uncertain:
            out += [cell(uncertain), ""]
    if result.sides:
        out += [
            "### Flywheel",
            "",
            "| side | demanded | served | served ratio |",
            "| --- | ---: | ---: | ---: |",
        ]
        out += [
            f"| {cell(s.id)} | {s.demanded:g} | {s.served:g} | {pct(s.served_ratio)} |"
            for s in result.sides
        ]
        out += ["", f"Flywheel imbalance: {pct(result.flywheel_imbalance)}", ""]
    c = result.coalition
    out.append(
        f"**Coalition:** {pct(c.share)} of power ({c.supportive_power} of "
        f"{c.total_power}); threshold {pct(c.threshold)}."
    )
    if c.factions:
        out += ["", "| faction | power | supportive share |", "| --- | ---: | ---: |"]
        out += [f"| {cell(f.id)} | {f.power} | {pct(f.share)} |" for f in c.factions]
    if result.goals:
        out += [
            "",
            "### Goals",
            "",
            "| goal | key | status | progress | expected | latest |",
            "| --- | --- | --- | ---: | ---: | --- |",
        ]
        for g in result.goals:
            latest = f"{g.latest.value:g} on {g.latest.date}" if g.latest else "-"
            out.append(
                f"| {cell(g.id)} | {'yes' if g.key else 'no'} | {g.status} | "
                f"{pct(g.progress)} | {pct(g.expected)} | {latest} |"
            )
    if result.investment.goals:
        out += ["", *_investment(result.investment)]
    if view.baseline is not None:
        factors = ", ".join(f"{cell(names.get(k, k))} ×{v:g}" for k, v in result.factors.items())
        out += ["", f"### What if: {factors}", ""]
        out += [
            f"- `{ch.dimension}`: {', '.join(ch.before)} → {', '.join(ch.after)}"
            for ch in view.changes
        ] or ["No chosen option changes."]
    return "\n".join(out).rstrip() + "\n"


def _investment(money: Investment) -> list[str]:
    """The goals' money as a table, and the key goals' totals."""
    en = language("en")
    currency = money.currency

    def amount(value: float | None) -> str:
        return "-" if value is None else en.money(value, currency)

    def months(value: float | None) -> str:
        return "never" if value is None else f"{value:.1f} months"

    out = [
        "### Investment",
        "",
        "| goal | key | cost | value a year | confidence | expected a year | payback |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for g in money.goals:
        out.append(
            f"| {cell(g.id)} | {'yes' if g.key else 'no'} | {amount(g.cost)} | "
            f"{amount(g.value)} | {pct(g.confidence)} | {amount(g.expected_value)} | "
            f"{months(g.payback_months) if g.cost is not None else '-'} |"
        )
    payback = months(money.payback_months) if money.ask > 0 else "-"
    out.append(
        f"| **key goals** | | **{amount(money.ask)}** | **{amount(money.value)}** | | "
        f"**{amount(money.expected_value)}** | **{payback}** |"
    )
    return out
