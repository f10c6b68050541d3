"""Which fields name which kind: the one list of every reference a strategy makes, read
by the BP302 check, by the count of references that wait for an unreadable file, and by
the pass that finds an id misspelled in its own file (model/file_ids.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple, cast

from bpstrat.findings import Path
from bpstrat.model.entities import (
    Consumer,
    Decision,
    Entity,
    Goal,
    Problem,
    Stakeholder,
)
from bpstrat.model.strategy import E, Record, Strategy


class Reference(NamedTuple):
    """One place where an entity (or bpstrat.yaml, `record` None) names another by id."""

    record: Record[Entity] | None
    kind: str
    path: Path
    value: str


def references(strategy: Strategy) -> Iterator[Reference]:
    """Every reference the strategy makes, in file order: the one list of which fields
    name which kind, read by the BP302 check and by the count of references that wait
    for a file that cannot be read."""
    product = strategy.config.product
    if product is not None and strategy.config_document is not None:
        for role in ("owner", "sponsor", "successor"):
            value = getattr(product, role)
            if value is not None:
                yield Reference(None, "stakeholder", ("product", role), value)
    for consumer in strategy.records(Consumer):
        record = cast("Record[Entity]", consumer)
        if consumer.entity.owner:
            yield Reference(record, "stakeholder", ("owner",), consumer.entity.owner)
        for index, demand in enumerate(consumer.entity.demands):
            base: Path = ("demands", index)
            yield Reference(record, "dimension", base + ("dimension",), demand.dimension)
            if demand.problem is not None:
                yield Reference(record, "problem", base + ("problem",), demand.problem)
    for person in strategy.records(Stakeholder):
        yield from _listed(person, "consumer", ("consumers",), person.entity.consumers)
    for problem in strategy.records(Problem):
        yield from _listed(problem, "consumer", ("consumers",), problem.entity.consumers)
    for goal in strategy.records(Goal):
        yield from _listed(goal, "problem", ("problems",), goal.entity.problems)
        yield from _listed(goal, "consumer", ("consumers",), goal.entity.consumers)
    for decision in strategy.records(Decision):
        record = cast("Record[Entity]", decision)
        entity = decision.entity
        if entity.decided_by is not None:
            yield Reference(record, "stakeholder", ("decided_by",), entity.decided_by)
        yield from _listed(decision, "stakeholder", ("consulted",), entity.consulted)
        if entity.supersedes is not None:
            yield Reference(record, "decision", ("supersedes",), entity.supersedes)
        yield Reference(record, "dimension", ("dimension",), entity.dimension)
        for index, item in enumerate(entity.accommodations):
            yield Reference(
                record, "consumer", ("accommodations", index, "consumer"), item.consumer
            )


def _listed(record: Record[E], kind: str, path: Path, values: list[str]) -> Iterator[Reference]:
    for index, value in enumerate(values):
        yield Reference(cast("Record[Entity]", record), kind, path + (index,), value)
