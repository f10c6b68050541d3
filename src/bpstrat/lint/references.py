"""Cross-file checks: dangling references (BP302), unknown options (BP303), and the
consistency rules that need more than one entity (sides, option ids, choice counts).
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Finding
from bpstrat.model.entities import Consumer, Decision, Dimension, Goal, Problem, Stakeholder
from bpstrat.model.strategy import Record, Strategy
from bpstrat.model.suggest import closest
from bpstrat.source.files import ROOT_FILE
from bpstrat.source.positions import Path, path_name


def check_references(strategy: Strategy) -> Iterator[Finding]:
    """Every finding about ids that point nowhere or options that do not exist."""
    yield from _product_refs(strategy)
    options = {d.id: [o.id for o in d.options] for d in strategy.dimensions}
    sides = strategy.config.product.sides if strategy.config.product else []
    for record in strategy.records:
        entity = record.entity
        if isinstance(entity, Consumer):
            yield from _consumer(strategy, record, entity, options, sides)
        elif isinstance(entity, (Stakeholder, Problem)):
            yield from _refs(strategy, record, "consumer", ("consumers",), entity.consumers)
        elif isinstance(entity, Goal):
            yield from _refs(strategy, record, "problem", ("problems",), entity.problems)
            yield from _refs(strategy, record, "consumer", ("consumers",), entity.consumers)
        elif isinstance(entity, Dimension):
            yield from _dimension(record, entity)
        elif isinstance(entity, Decision):
            yield from _decision(strategy, record, entity, options)


def _product_refs(strategy: Strategy) -> Iterator[Finding]:
    product = strategy.config.product
    document = strategy.config_document
    if product is None or document is None:
        return
    for role in ("owner", "sponsor", "successor"):
        value = getattr(product, role)
        if value is not None and not strategy.exists("stakeholder", value):
            pos = document.positions.key(("product", role))
            yield Finding(
                "BP302",
                _dangling(strategy, "stakeholder", value, f"product.{role}"),
                ROOT_FILE,
                pos.line,
                pos.column,
                None,
                ("product", role),
            )


def _dangling(strategy: Strategy, kind: str, value: str, name: str) -> str:
    close = strategy.closest(kind, value)
    hint = (
        f"; did you mean {close!r}?" if close else f"; create it with `bpstrat new {kind} {value}`"
    )
    return f"`{name}` refers to {kind} {value!r}, which does not exist{hint}"


def _ref(strategy: Strategy, record: Record, kind: str, path: Path, value: str) -> Finding | None:
    if strategy.exists(kind, value):
        return None
    pos = record.key_pos(path)
    return Finding(
        "BP302",
        _dangling(strategy, kind, value, path_name(path)),
        record.file.rel,
        pos.line,
        pos.column,
        record.ref,
        path,
    )


def _refs(
    strategy: Strategy, record: Record, kind: str, path: Path, values: list[str]
) -> Iterator[Finding]:
    for index, value in enumerate(values):
        found = _ref(strategy, record, kind, path + (index,), value)
        if found:
            yield found


def _consumer(
    strategy: Strategy,
    record: Record,
    consumer: Consumer,
    options: dict[str, list[str]],
    sides: list[str],
) -> Iterator[Finding]:
    if consumer.owner:
        found = _ref(strategy, record, "stakeholder", ("owner",), consumer.owner)
        if found:
            yield found
    if consumer.side is not None and sides and consumer.side not in sides:
        pos = record.key_pos(("side",))
        yield Finding(
            "BP202",
            f"`side` must be one of the sides declared in bpstrat.yaml: {', '.join(sides)} "
            f"(got {consumer.side!r})",
            record.file.rel,
            pos.line,
            pos.column,
            record.ref,
            ("side",),
        )
    for index, demand in enumerate(consumer.demands):
        base: Path = ("demands", index)
        found = _ref(strategy, record, "dimension", base + ("dimension",), demand.dimension)
        if found:
            yield found
        elif demand.dimension in options:
            found = _option(
                record,
                base + ("option",),
                demand.dimension,
                demand.option,
                options[demand.dimension],
            )
            if found:
                yield found
        if demand.problem is not None:
            found = _ref(strategy, record, "problem", base + ("problem",), demand.problem)
            if found:
                yield found


def _option(
    record: Record, path: Path, dimension: str, option: str, known: list[str]
) -> Finding | None:
    if option in known:
        return None
    close = closest(option, known)
    hint = f"did you mean {close!r}? " if close else ""
    pos = record.key_pos(path)
    return Finding(
        "BP303",
        f"option {option!r} is not defined by dimension {dimension!r}; {hint}"
        f"its options are: {', '.join(known)}",
        record.file.rel,
        pos.line,
        pos.column,
        record.ref,
        path,
    )


def _dimension(record: Record, dimension: Dimension) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for index, option in enumerate(dimension.options):
        if option.id in first:
            pos = record.key_pos(("options", index, "id"))
            line = record.key_pos(("options", first[option.id], "id")).line
            yield Finding(
                "BP301",
                f"duplicate option id {option.id!r} in dimension {dimension.id!r}: "
                f"first defined at line {line}; rename one of them",
                record.file.rel,
                pos.line,
                pos.column,
                record.ref,
                ("options", index, "id"),
            )
        else:
            first[option.id] = index
    if dimension.choose > len(first):
        pos = record.key_pos(("choose",))
        yield Finding(
            "BP202",
            f"`choose` is {dimension.choose} but the dimension has only {len(first)} "
            f"option(s); lower `choose` or add options",
            record.file.rel,
            pos.line,
            pos.column,
            record.ref,
            ("choose",),
        )


def _decision(
    strategy: Strategy, record: Record, decision: Decision, options: dict[str, list[str]]
) -> Iterator[Finding]:
    found = _ref(strategy, record, "dimension", ("dimension",), decision.dimension)
    if found:
        yield found
        return
    if decision.dimension not in options:
        return  # the dimension exists but is invalid; its own findings say why
    for index, choice in enumerate(decision.choice):
        found = _option(
            record, ("choice", index), decision.dimension, choice, options[decision.dimension]
        )
        if found:
            yield found
    dimension = strategy.get("dimension", decision.dimension)
    choose = dimension.entity.choose if dimension else 1
    if len(set(decision.choice)) > choose:
        pos = record.key_pos(("choice",))
        yield Finding(
            "BP202",
            f"`choice` names {len(set(decision.choice))} options but dimension "
            f"{decision.dimension!r} chooses {choose}; drop options or raise its `choose`",
            record.file.rel,
            pos.line,
            pos.column,
            record.ref,
            ("choice",),
        )
