"""What `bpstrat score` shows: the result, what-if changes, and what was left out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from bpstrat.errors import UsageError
from bpstrat.model.entities import Consumer, Dimension
from bpstrat.model.strategy import Strategy
from bpstrat.model.suggest import closest
from bpstrat.score.results import ScoreResult
from bpstrat.score.strategy_score import score_strategy
from bpstrat.source.files import ROOT_FILE


@dataclass(frozen=True)
class Change:
    dimension: str
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass
class ScoreView:
    strategy: Strategy
    result: ScoreResult
    baseline: ScoreResult | None = None  # without the what-if factors
    changes: list[Change] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    def consumer_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.strategy.consumers}


def build_view(
    strategy: Strategy,
    factors: Mapping[str, float],
    dimension: str | None,
    today: dt.date,
) -> ScoreView:
    """Score `strategy` as of `today`, with the what-if `factors` (and without them, to
    show what they change); `dimension` keeps only that dimension."""
    check_scoring_config(strategy)
    known = {c.id for c in strategy.consumers}
    for consumer in factors:
        if consumer not in known:
            close = closest(consumer, known)
            hint = f"; did you mean {close!r}?" if close else ""
            raise UsageError(f"--what-if: no consumer {consumer!r}{hint}")
    if dimension is not None and strategy.get(Dimension, dimension) is None:
        ids = sorted(d.id for d in strategy.dimensions)
        close = closest(dimension, ids)
        hint = f"; did you mean {close!r}?" if close else f" (dimensions: {', '.join(ids)})"
        raise UsageError(f"--dimension: no dimension {dimension!r}{hint}")
    result = score_strategy(strategy, dict(factors), today=today)
    baseline = score_strategy(strategy, today=today) if factors else None
    if dimension is not None:
        result = _only(result, dimension)
        baseline = _only(baseline, dimension) if baseline else None
    view = ScoreView(strategy, result, baseline, left_out=left_out(strategy))
    if baseline is not None:
        before = {d.id: d.chosen for d in baseline.dimensions}
        view.changes = [
            Change(d.id, before[d.id], d.chosen)
            for d in result.dimensions
            if set(before[d.id]) != set(d.chosen)
        ]
    return view


def _only(result: ScoreResult, dimension: str) -> ScoreResult:
    return replace(result, dimensions=tuple(d for d in result.dimensions if d.id == dimension))


def check_scoring_config(strategy: Strategy) -> None:
    """A usage error listing every mistake in bpstrat.yaml's `scoring:` section: the
    score (and so the brief) cannot be computed with settings it cannot read."""
    bad = [
        strategy.place(issue)
        for issue in strategy.issues
        if issue.file == ROOT_FILE and issue.path[:1] == ("scoring",)
    ]
    if bad:
        lines = "\n".join(f"{ROOT_FILE}:{f.line}:{f.column}: {f.message}" for f in bad)
        raise UsageError(f"invalid scoring settings:\n{lines}")


def ordinal(n: int) -> str:
    """'1st', '2nd', '3rd', '11th': how a person counts list items."""
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def left_out(strategy: Strategy) -> list[str]:
    """Entities and demands the score could not use, and why."""
    notes = list(strategy.skipped)
    for record in strategy.records(Consumer):
        for index, demand in enumerate(record.entity.demands):
            where = f"{record.ref}, {ordinal(index + 1)} demand ({record.file.rel})"
            if strategy.entity(Dimension, demand.dimension) is None:
                notes.append(f"{where}: dimension {demand.dimension!r} does not exist")
            elif strategy.option(demand.dimension, demand.option) is None:
                notes.append(f"{where}: {demand.dimension!r} has no option {demand.option!r}")
    return notes
