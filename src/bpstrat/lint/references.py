"""Cross-file checks: dangling references (BP302), unknown options (BP303), and the
consistency rules that need more than one entity (a missing side, option ids, choice
counts). Values another entity contradicts are left out of the model as it loads, with
their findings (model/contradictions.py); the list of references is model/references.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from bpstrat.findings import Issue, Path, path_name
from bpstrat.model.entities import Consumer, Decision, Dimension, Problem
from bpstrat.model.file_ids import place_of
from bpstrat.model.kinds import KINDS
from bpstrat.model.options import names, unknown_option
from bpstrat.model.references import references
from bpstrat.model.strategy import Record, Strategy
from bpstrat.model.suggest import Suggester, closest


def waiting_references(strategy: Strategy) -> Counter[tuple[str, str]]:
    """How many references to each (kind, id) wait for a place that could not be read or
    validated: counted once, in this pass, for the blockers' issues to say."""
    return Counter(
        (ref.kind, ref.value) for ref in references(strategy) if strategy.waits(ref.kind, ref.value)
    )


def check_references(strategy: Strategy) -> Iterator[Issue]:
    """Every issue about ids that point nowhere or options that do not exist."""
    held = FileIds(strategy)
    for ref in references(strategy):
        if strategy.resolves(ref.kind, ref.value):
            continue
        message = _dangling(strategy, ref.kind, ref.value, path_name(ref.path), held)
        if ref.record is None:
            yield strategy.config_issue("BP302", message, ref.path)
        else:
            yield ref.record.issue("BP302", message, ref.path)
    sides = strategy.config.product.sides if strategy.config.product else []
    for consumer in strategy.records(Consumer):
        yield from _consumer(consumer, sides)
        for index, demand in enumerate(consumer.entity.demands):
            path: Path = ("demands", index, "option")
            found = unknown_option(strategy, consumer, path, demand.dimension, demand.option)
            if found:
                yield found
    steps = Steps(strategy.config.product.value_chain if strategy.config.product else [])
    for problem in strategy.records(Problem):
        yield from _value_chain(problem, steps)
    for dimension in strategy.records(Dimension):
        yield from _dimension(dimension)
    for decision in strategy.records(Decision):
        yield from _decision(strategy, decision)


def _dangling(strategy: Strategy, kind: str, value: str, name: str, held: FileIds) -> str:
    close = strategy.closest(kind, value)
    if close:
        hint = f"; did you mean {close!r}?"
    else:
        target = f"{KINDS[kind].folder}/{value}.yaml" if kind in KINDS else ""
        if strategy.source(target) is None:
            hint = f"; create it with `bpstrat new {kind} {value}`"
        else:  # `bpstrat new` would refuse: the file it writes is there
            ids = held.of(kind, target)
            holds = f" holds {kind} {ids[0]!r}" if len(ids) == 1 else " exists"
            refer = f"did you mean {ids[0]!r}? or " if len(ids) == 1 else ""
            hint = (
                f"; {target}{holds}: {refer}write {kind} {value!r} in a file of another "
                f"name (`bpstrat new` would write {target})"
            )
    return f"`{name}` refers to {kind} {value!r}, which does not exist{hint}"


class FileIds:
    """The ids of each kind by the file that holds them, indexed once when first asked."""

    def __init__(self, strategy: Strategy) -> None:
        self.strategy = strategy
        self.index: dict[tuple[str, str], list[str]] | None = None

    def of(self, kind: str, rel: str) -> list[str]:
        if self.index is None:
            self.index = {}
            for of_kind, ids in self.strategy.known_ids.items():
                for id_, where in ids.items():
                    self.index.setdefault((of_kind, place_of(where)), []).append(id_)
        return self.index.get((kind, rel), [])


def _consumer(record: Record[Consumer], sides: list[str]) -> Iterator[Issue]:
    consumer = record.entity
    if consumer.side is None and sides and not record.is_broken(("side",)):
        yield record.issue(
            "BP201",
            f"missing `side`; declared sides: {', '.join(sides)}; add `side:` with one of "
            "them, or the consumer is left out of the flywheel balance",
            ("side",),
            "parent",
        )


def _dimension(record: Record[Dimension]) -> Iterator[Issue]:
    dimension = record.entity
    first: dict[str, int] = {}
    for index, option in enumerate(dimension.options):
        if option.id in first:
            line = record.key_pos(("options", first[option.id], "id")).line
            yield record.issue(
                "BP301",
                f"duplicate option id {option.id!r} in dimension {dimension.id!r}: "
                f"first defined at line {line}; rename one of them",
                ("options", index, "id"),
            )
        else:
            first[option.id] = index
    if dimension.choose > len(first):
        yield record.issue(
            "BP202",
            f"`choose` is {dimension.choose} but the dimension has only {len(first)} "
            f"option(s); lower `choose` or add options",
            ("choose",),
        )


class Steps:
    """The steps of `product.value_chain`, prepared once for every problem."""

    def __init__(self, steps: list[str]) -> None:
        self.known = set(steps)
        self.suggester = Suggester(steps)
        self.listed = names(steps)


def _value_chain(record: Record[Problem], steps: Steps) -> Iterator[Issue]:
    """A problem's step must be one of `product.value_chain`, when that is declared."""
    step = record.entity.value_chain
    if not steps.known or step is None or step in steps.known:
        return
    close = steps.suggester.closest(step)
    hint = f"did you mean {close!r}? " if close else ""
    yield record.issue(
        "BP302",
        f"`value_chain` refers to step {step!r}, which is not in `product.value_chain` of "
        f"bpstrat.yaml; {hint}the steps are: {steps.listed}",
        ("value_chain",),
    )


def _accommodations(strategy: Strategy, record: Record[Decision]) -> Iterator[Issue]:
    """Each accommodation names a consumer that demanded an option the decision left out."""
    decision = record.entity
    for index, item in enumerate(decision.accommodations):
        base: Path = ("accommodations", index)
        consumer = strategy.entity(Consumer, item.consumer)
        if consumer is None:
            continue  # missing (BP302) or invalid: those issues say why
        if item.option in decision.choice:
            yield record.issue(
                "BP303",
                f"option {item.option!r} is chosen by this decision, so {consumer.name} is "
                "served, not accommodated; name the unchosen option it demanded, or drop the "
                "accommodation",
                base + ("option",),
            )
            continue
        demanded = [d.option for d in consumer.demands if d.dimension == decision.dimension]
        if item.option in demanded:
            continue
        unchosen = [o for o in dict.fromkeys(demanded) if o not in decision.choice]
        close = closest(item.option, unchosen)
        if close:
            hint = f"did you mean {close!r}?"
        elif unchosen:
            hint = f"it demands: {', '.join(unchosen)}"
        else:
            hint = "it demands no unchosen option there; drop the accommodation"
        yield record.issue(
            "BP303",
            f"{consumer.name} has no demand for option {item.option!r} on dimension "
            f"{decision.dimension!r}, so there is nothing to accommodate; {hint}",
            base + ("option",),
        )


def _decision(strategy: Strategy, record: Record[Decision]) -> Iterator[Issue]:
    decision = record.entity
    held = strategy.get(Dimension, decision.dimension)
    if held is None:
        return  # missing (BP302) or invalid: those issues say why
    dimension = held.entity
    if len(set(decision.choice)) > dimension.choose and not held.is_broken(("choose",)):
        yield record.issue(
            "BP202",
            f"`choice` names {len(set(decision.choice))} options but dimension "
            f"{decision.dimension!r} chooses {dimension.choose}; drop options or raise its "
            "`choose`",
            ("choice",),
        )
    yield from _accommodations(strategy, record)
