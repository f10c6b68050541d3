"""Values another part of the strategy contradicts: reported once and left out.

A value lint rejects never takes effect anywhere: it is removed from the entity (and the
field marked as left out, so no check reports it missing), and score, lint and brief all
see the strategy without it. Only a field that is valid on its own but contradicted by
another entity is handled here; a value invalid on its own is left out by validation.

- `supersedes` that names the decision itself, or a decision on another dimension
  (BP202): it supersedes nothing, so no decision stops counting because of it.
- `side` that is not one of `product.sides` (BP202): the consumer is on no side.
- a `choice` item that is no option of the decision's dimension (BP303): what the
  decision chose is unknown, so it is left out until it is fixed; the checks it could
  settle wait for it, and its finding says which.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from bpstrat.findings import Issue, Path
from bpstrat.model.entities import Consumer, Decision, Entity
from bpstrat.model.options import unknown_option
from bpstrat.model.strategy import Record, Strategy


def reject_contradictions(strategy: Strategy) -> None:
    """Report each contradicted value and remove it from the model."""
    for record, issue, field in list(_contradicted(strategy)):
        strategy.issues.append(issue)
        _leave_out(record, field)
    for decision in strategy.records(Decision):
        _reject_unknown_choices(strategy, decision)


def _reject_unknown_choices(strategy: Strategy, record: Record[Decision]) -> None:
    """A `choice` item that is no option of the dimension (BP303): what the decision
    chose is unknown, so it is left out until its choice is fixed, and what it could
    settle waits for it (its finding says what), as for a document that cannot be read."""
    decision = record.entity
    issues: list[Issue] = []
    for index, option in enumerate(decision.choice):
        path: Path = ("choice", index)
        issue = unknown_option(strategy, record, path, decision.dimension, option)
        if issue is not None:
            issues.append(issue)
    if not issues:
        return
    strategy.issues.extend(issues)
    fields = {"kind": "decision", "id": decision.id, "dimension": decision.dimension}
    fields["status"] = decision.status
    until = f"until its `choice` names only options of {decision.dimension!r}"
    strategy.leave_out(record, issues[0], until, fields)


def _leave_out(record: Record[Entity], field: str) -> None:
    record.entity = record.entity.model_copy(update={field: None})
    path: Path = (field,)
    record.broken = record.broken | {path}


def _contradicted(strategy: Strategy) -> Iterator[tuple[Record[Entity], Issue, str]]:
    for decision in strategy.records(Decision):
        issue = _supersedes(strategy, decision)
        if issue is not None:
            yield cast("Record[Entity]", decision), issue, "supersedes"
    product = strategy.config.product
    sides = product.sides if product is not None else []
    if sides:
        for consumer in strategy.records(Consumer):
            side = consumer.entity.side
            if side is not None and side not in sides:
                issue = consumer.issue(
                    "BP202",
                    f"`side` must be one of the sides declared in bpstrat.yaml: "
                    f"{', '.join(sides)} (got {side!r})",
                    ("side",),
                )
                yield cast("Record[Entity]", consumer), issue, "side"


def _supersedes(strategy: Strategy, record: Record[Decision]) -> Issue | None:
    """`supersedes` names an earlier decision on the same dimension."""
    decision = record.entity
    if decision.supersedes is None:
        return None
    if decision.supersedes == decision.id:
        return record.issue(
            "BP202",
            f"decision {decision.id!r} supersedes itself; name the earlier decision it "
            "replaces, or drop `supersedes`",
            ("supersedes",),
        )
    old = strategy.entity(Decision, decision.supersedes)
    if old is not None and old.dimension != decision.dimension:
        return record.issue(
            "BP202",
            f"`supersedes` names decision {old.id!r} on dimension {old.dimension!r}, but this "
            f"decision is on {decision.dimension!r}; a decision supersedes one on its own "
            f"dimension, so {old.id!r} still counts: name the {decision.dimension!r} decision "
            "this one replaces, or drop `supersedes`",
            ("supersedes",),
        )
    return None
