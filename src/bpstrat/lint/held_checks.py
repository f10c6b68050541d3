"""The checks a broken document holds back, for its finding to say so.

A conflict on a dimension is not reported undecided (BP409, BP420) while a document that
could not be read may be the decision that settles it; the finding of that document then
says that the conflict waits for it, so nothing disappears without a word.
"""

from __future__ import annotations

from bpstrat.lint.rules.base import RuleContext
from bpstrat.model.entities import Dimension
from bpstrat.model.strategy import Blocker


def held_checks(ctx: RuleContext) -> list[tuple[Blocker, str]]:
    """(blocker, what waits for it) for each undecided conflict a blocker may settle."""
    held: list[tuple[Blocker, str]] = []
    for scored in ctx.score.dimensions:
        if not scored.conflict or scored.decided:
            continue
        if ctx.strategy.get(Dimension, scored.id) is None:
            continue
        holder = ctx.strategy.unsure_because("decision", "dimension", scored.id)
        if holder is not None:
            held.append((holder, f"the conflict on {scored.id!r}"))
    return held
