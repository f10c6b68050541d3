"""The checks a broken document holds back, for its finding to say so.

A conflict on a dimension is not reported undecided (BP409, BP420) while a document that
could not be read may be the decision that settles it, nor is the flywheel balance
(BP410), which depends on every dimension's choice; the finding of that document then
says what waits for it, so nothing disappears without a word; so does the finding of a
consumer left out, whose demands count nowhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bpstrat.model.entities import Dimension
from bpstrat.model.load import DEMAND_COUNT
from bpstrat.model.strategy import Blocker

if TYPE_CHECKING:  # the rules import this module: no import of the rules package here
    from bpstrat.lint.rules.base import RuleContext


def held_checks(ctx: RuleContext) -> list[tuple[Blocker, str]]:
    """(blocker, what waits for it): each undecided conflict a blocker may settle, and the
    flywheel balance when one does."""
    held = held_conflicts(ctx)
    if held and ctx.score.flywheel_imbalance is not None:
        held.append((held[0][0], "the flywheel balance"))
    for blocker in ctx.strategy.blockers:
        count = blocker.fields.get(DEMAND_COUNT, "")
        if count.isdigit():  # a consumer left out: its demands count nowhere
            held.append((blocker, f"its {count} demand{'' if count == '1' else 's'}"))
    return held


def held_conflicts(ctx: RuleContext) -> list[tuple[Blocker, str]]:
    """(blocker, "the conflict on 'x'") for each undecided conflict a blocker may settle."""
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
