"""What is due: the dated items of a strategy, as of a day, up to a horizon.

Each kind of item takes its date from one field of one entity (docs/history.md, "The
agenda"). An item is due when its date is at most `days` after today; it is overdue
when its date is before today. Items are sorted by date, then kind, then entity.

Only the items inside the window ask for their field's line: a position below a
document's top level is read from the file on demand, so a large root with few due
items reads few files again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from bpstrat.findings import Path
from bpstrat.model.entities import Consumer, Decision, Dimension, Entity, Goal, Stakeholder
from bpstrat.model.strategy import Record, Strategy
from bpstrat.score.decisions import is_active, superseded_ids
from bpstrat.score.goals import score_goal

KINDS = (
    "stakeholder-review",
    "next-step",
    "decision-revisit",
    "accommodation-ends",
    "demand-needed",
    "measurement-due",
    "goal-due",
    "consumer-strategy-review",
)
"""Every kind of agenda item, in the order the docs present them."""

DEFAULT_DAYS = 30


@dataclass(frozen=True, slots=True)
class Item:
    """One thing due on a day."""

    date: dt.date
    kind: str
    entity: str  # "stakeholder:cfo-mark": the entity whose file holds the date
    title: str
    overdue: bool
    path: str  # root-relative, with `/`
    line: int
    column: int
    owner: str | None  # the stakeholder id of who acts, where the strategy names one
    identity: str  # what the item is about, without its date: the calendar's UID


@dataclass(frozen=True)
class Agenda:
    today: dt.date
    days: int
    horizon: dt.date  # today + days (the last day of the window)
    product_id: str | None
    product_name: str | None
    items: tuple[Item, ...]
    names: dict[str, str]  # stakeholder id -> name, for owners

    @property
    def overdue(self) -> int:
        return sum(item.overdue for item in self.items)

    def owner_name(self, item: Item) -> str | None:
        """The owner's name when the stakeholder exists, else their id."""
        if item.owner is None:
            return None
        return self.names.get(item.owner, item.owner)


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` plus `days`, held at the last and first representable dates."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


@dataclass(frozen=True, slots=True)
class _Due:
    """An item before its line is looked up."""

    date: dt.date
    kind: str
    record: Record[Entity]
    field: Path
    title: str
    owner: str | None
    identity: str


def build_agenda(strategy: Strategy, today: dt.date, days: int = DEFAULT_DAYS) -> Agenda:
    """The items of `strategy` due by today + `days`, overdue ones included."""
    if days < 0:
        raise ValueError("days must not be negative")
    horizon = add_days(today, min(days, (dt.date.max - dt.date.min).days))
    due = [d for d in _dated(strategy, today) if d.date <= horizon]
    items = sorted(
        (_placed(d, today) for d in due),
        key=lambda i: (i.date, i.kind, i.entity, i.line, i.column, i.title),
    )
    product = strategy.config.product
    names = {r.id: r.entity.name for r in strategy.records(Stakeholder)}
    return Agenda(
        today,
        days,
        horizon,
        product.id if product else None,
        product.name if product else None,
        tuple(items),
        names,
    )


def _placed(due: _Due, today: dt.date) -> Item:
    line, column = due.record.document.positions.key(due.field)
    record = due.record
    return Item(
        due.date,
        due.kind,
        record.ref,
        due.title,
        due.date < today,
        record.file.rel,
        line,
        column,
        due.owner,
        due.identity,
    )


def _dated(strategy: Strategy, today: dt.date) -> Iterator[_Due]:
    """Every dated item, due or not."""
    config = strategy.config
    stale = config.lint.stale_after_days
    owner = config.product.owner if config.product else None
    yield from _stakeholders(strategy, today, stale, owner)
    yield from _decisions(strategy, today, owner)
    yield from _consumers(strategy, stale, owner)
    yield from _goals(strategy, today, stale, owner, config.lint.track_tolerance)


def _due(
    date: dt.date,
    kind: str,
    record: Record[Entity],
    field: Path,
    title: str,
    owner: str | None,
    about: str,
) -> _Due:
    return _Due(date, kind, record, field, title, owner, f"{kind}/{record.ref}/{about}")


def _stakeholders(
    strategy: Strategy, today: dt.date, stale: int, owner: str | None
) -> Iterator[_Due]:
    for record in strategy.records(Stakeholder):
        person = record.entity
        any_record = cast("Record[Entity]", record)
        if person.reviewed is None:
            field: Path = ("reviewed",) if record.is_broken(("reviewed",)) else ()
            title = f"Review the analysis of {person.name} (never reviewed)"
            yield _due(today, "stakeholder-review", any_record, field, title, owner, "reviewed")
        else:
            date = add_days(person.reviewed, stale)
            title = f"Review the analysis of {person.name} (last reviewed {person.reviewed})"
            yield _due(
                date, "stakeholder-review", any_record, ("reviewed",), title, owner, "reviewed"
            )
        plan = person.plan
        if plan is not None and plan.due is not None:
            step = f": {plan.next_step}" if plan.next_step else ""
            title = f"Next step with {person.name}{step}"
            yield _due(plan.due, "next-step", any_record, ("plan", "due"), title, owner, "plan.due")


def _decisions(strategy: Strategy, today: dt.date, owner: str | None) -> Iterator[_Due]:
    """The deciding decision of each dimension: its revisit and active accommodations."""
    records = strategy.records(Decision)
    gone = superseded_ids(r.entity for r in records)
    deciding: dict[str, Record[Decision]] = {}
    for record in records:
        decision = record.entity
        if decision.status != "accepted" or decision.id in gone:
            continue
        best = deciding.get(decision.dimension)
        if best is None or (decision.date, decision.id) > (best.entity.date, best.entity.id):
            deciding[decision.dimension] = record
    for dimension in strategy.records(Dimension):
        chosen = deciding.get(dimension.id)
        if chosen is None:
            continue
        decision = chosen.entity
        any_record = cast("Record[Entity]", chosen)
        acts = decision.decided_by or owner
        topic = dimension.entity.name
        if decision.revisit is not None:
            title = f"Revisit decision {decision.id} on {topic}"
            yield _due(
                decision.revisit,
                "decision-revisit",
                any_record,
                ("revisit",),
                title,
                acts,
                "revisit",
            )
        seen: dict[tuple[str, str], int] = {}
        for index, item in enumerate(decision.accommodations):
            pair = (item.consumer, item.option)
            count = seen[pair] = seen.get(pair, 0) + 1
            if item.until is None or not is_active(item, today):
                continue
            consumer = strategy.entity(Consumer, item.consumer)
            who = consumer.name if consumer else item.consumer
            title = f"The accommodation of {who} on {topic} ends: {item.via}"
            about = f"accommodations/{item.consumer}/{item.option}" + _nth(count)
            field: Path = ("accommodations", index, "until")
            yield _due(item.until, "accommodation-ends", any_record, field, title, acts, about)


def _consumers(strategy: Strategy, stale: int, owner: str | None) -> Iterator[_Due]:
    dimensions = {r.id: r.entity for r in strategy.records(Dimension)}
    for record in strategy.records(Consumer):
        consumer = record.entity
        any_record = cast("Record[Entity]", record)
        seen: dict[tuple[str, str], int] = {}
        for index, demand in enumerate(consumer.demands):
            pair = (demand.dimension, demand.option)
            count = seen[pair] = seen.get(pair, 0) + 1
            if demand.needed_by is None:
                continue
            dimension = dimensions.get(demand.dimension)
            topic = dimension.name if dimension else demand.dimension
            option = strategy.option(demand.dimension, demand.option)
            wanted = option.name if option is not None and option.name else demand.option
            title = f"{consumer.name} needs {wanted} on {topic} ({demand.strength})"
            about = f"demands/{demand.dimension}/{demand.option}" + _nth(count)
            field: Path = ("demands", index, "needed_by")
            yield _due(demand.needed_by, "demand-needed", any_record, field, title, owner, about)
        strategy_ = consumer.strategy
        if strategy_ is not None and strategy_.reviewed is not None:
            date = add_days(strategy_.reviewed, stale)
            title = f"Review the strategy of {consumer.name} (last reviewed {strategy_.reviewed})"
            field = ("strategy", "reviewed")
            yield _due(
                date,
                "consumer-strategy-review",
                any_record,
                field,
                title,
                owner,
                "strategy.reviewed",
            )


def _goals(
    strategy: Strategy, today: dt.date, stale: int, owner: str | None, tolerance: float
) -> Iterator[_Due]:
    for record in strategy.records(Goal):
        goal = record.entity
        scored = score_goal(goal, today, tolerance)
        if scored is None or scored.status == "achieved":
            continue
        metric = goal.metric
        assert metric is not None  # a scored goal has a complete metric
        any_record = cast("Record[Entity]", record)
        if goal.key:
            latest = scored.latest
            field: Path
            if latest is not None:
                date = add_days(latest.date, stale)
                at = next(i for i, m in enumerate(metric.measurements) if m is latest)
                field = ("metric", "measurements", at, "date")
                title = f"Measure {goal.title} (last measured {latest.date})"
            else:
                date = metric.since or today
                field = ("metric", "since") if metric.since else ("metric",)
                title = f"Measure {goal.title} (never measured)"
            yield _due(date, "measurement-due", any_record, field, title, owner, "metric")
        title = f"Goal due: {goal.title}"
        yield _due(scored.by, "goal-due", any_record, ("metric", "by"), title, owner, "metric.by")


def _nth(count: int) -> str:
    """'' for the first of a repeated pair in a list, '#2' for the second, and so on: the
    identity of an item stays the same when the list's other items move."""
    return "" if count == 1 else f"#{count}"
