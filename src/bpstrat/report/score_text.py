"""`bpstrat score` for people: a table per dimension with bars, then one plain sentence."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bpstrat.score.results import Investment
from bpstrat.score.sentences import (
    accommodated_line,
    bar,
    contribution_text,
    dimension_sentence,
    goal_text,
    pct,
    uncertainty_sentence,
)
from bpstrat.score.view import ScoreView
from bpstrat.source.visible import visible

BAR_WIDTH = 20


def render(view: ScoreView) -> str:
    """The score, coloured for a terminal."""
    console = Console(highlight=False)
    with console.capture() as captured:
        _print(view, console)
    return captured.get()


def _print(view: ScoreView, console: Console) -> None:
    names = view.consumer_names()
    result = view.result
    if not result.dimensions:
        console.print("No dimensions to score yet: add a `kind: dimension` file.")
    for d in result.dimensions:
        status = f"decided by {visible(d.decision)}" if d.decided else "undecided"
        title = Text(visible(d.name), style="bold")
        title.append(f"  ({visible(d.id)}, choose {d.choose}, {status})", style="dim")
        console.print(title)
        table = Table(box=None, show_edge=False, pad_edge=False, padding=(0, 1))
        for column, justify in (
            ("", "left"),
            ("option", "left"),
            ("", "left"),
            ("support", "right"),
            ("share", "right"),
            ("consumers", "left"),
        ):
            table.add_column(column, justify=justify)  # type: ignore[arg-type]
        for o in d.options:
            mark = Text("✓", style="bold green") if o.chosen else Text(" ")
            who = ", ".join(contribution_text(c, names) for c in o.contributions) or "-"
            table.add_row(
                mark,
                Text(visible(o.name), style="bold" if o.chosen else ""),
                Text(bar(o.share, BAR_WIDTH), style="green" if o.chosen else "dim"),
                f"{o.support:g}",
                pct(o.share),
                Text(visible(who)),
            )
        console.print(table)
        facts = (
            f"conflict: {'yes' if d.conflict else 'no'} · intensity {pct(d.intensity)}"
            f" · margin {pct(d.margin)}"
        )
        console.print(Text("  " + facts, style="dim"))
        console.print(Text("  " + visible(dimension_sentence(d, names))), soft_wrap=False)
        accommodated = accommodated_line(d, names)
        if accommodated:
            console.print(Text("  " + visible(accommodated)), soft_wrap=False)
        uncertain = uncertainty_sentence(d, names)
        if uncertain:
            console.print(Text("  " + visible(uncertain)), soft_wrap=False)
        console.print()
    if result.sides:
        table = Table(
            title="Flywheel", title_justify="left", box=None, show_edge=False, pad_edge=False
        )
        for column in ("side", "demanded", "served", "served ratio"):
            table.add_column(column, justify="left" if column == "side" else "right")
        for s in result.sides:
            table.add_row(
                Text(visible(s.id)), f"{s.demanded:g}", f"{s.served:g}", pct(s.served_ratio)
            )
        console.print(table)
        console.print(f"  flywheel imbalance: {pct(result.flywheel_imbalance)}")
        console.print()
    c = result.coalition
    console.print(
        f"Coalition: {pct(c.share)} of power ({c.supportive_power} of "
        f"{c.total_power}) is supportive or leading; threshold {pct(c.threshold)}."
    )
    for faction in c.factions:
        console.print(
            Text(
                visible(
                    f"  {faction.id}: {pct(faction.share)} of power "
                    f"({faction.supportive_power} of {faction.power})"
                )
            )
        )
    if result.goals:
        console.print()
        console.print(Text("Goals", style="bold"))
        for goal in result.goals:
            key = " (key)" if goal.key else ""
            console.print(Text(visible(f"  {goal.id}{key}: {goal_text(goal)}")))
    if result.investment.goals:
        console.print()
        _print_investment(result.investment, console)
    if view.baseline is not None:
        factors = ", ".join(f"{names.get(k, k)} x{v:g}" for k, v in view.result.factors.items())
        console.print()
        console.print(Text(visible(f"What if: {factors}"), style="bold"))
        if not view.changes:
            console.print("  No chosen option changes.")
        for change in view.changes:
            console.print(
                Text(
                    visible(
                        f"  {change.dimension}: {', '.join(change.before)} -> "
                        f"{', '.join(change.after)}"
                    )
                )
            )
        before = view.baseline.flywheel_imbalance
        after = view.result.flywheel_imbalance
        if before != after:
            console.print(f"  flywheel imbalance: {pct(before)} -> {pct(after)}")


def _print_investment(money: Investment, console: Console) -> None:
    """What the goals cost and return (amounts in the product's currency, named in the
    title), and one sentence on the key goals' totals."""
    from bpstrat.brief.i18n import language  # Babel only when there is money to show

    en = language("en")

    def number(value: float | None) -> str:
        return "-" if value is None else en.number(value, 2)

    def months(value: float | None) -> str:
        return "never" if value is None else f"{value:.1f} mo"

    currency = money.currency
    table = Table(
        title=f"Investment ({currency})" if currency else "Investment",
        title_justify="left",
        box=None,
        show_edge=False,
        pad_edge=False,
    )
    longest = max(len(visible(g.id)) for g in money.goals)
    table.add_column("goal", min_width=min(longest, 40))
    table.add_column("key")
    for column in ("cost", "value/yr", "sure", "expected/yr", "payback"):
        table.add_column(column, justify="right", no_wrap=True)
    for g in money.goals:
        table.add_row(
            Text(visible(g.id)),
            "yes" if g.key else "no",
            number(g.cost),
            number(g.value),
            pct(g.confidence),
            number(g.expected_value),
            months(g.payback_months) if g.cost is not None else "-",
        )
    console.print(table)
    total = money.payback_months
    payback = "-" if money.ask == 0 else "never" if total is None else f"{total:.1f} months"
    console.print(f"  Ask of the key goals: {en.money(money.ask, currency)}")
    console.print(
        f"  Return: {en.money(money.value, currency)} a year, "
        f"{en.money(money.expected_value, currency)} expected"
    )
    console.print(f"  Payback: {payback}")
