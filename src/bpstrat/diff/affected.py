"""`bpstrat diff BASE HEAD --affected`: the consumers and stakeholders a change concerns,
each with why, so a pull request that changes a decision can tell who has to be told.

A consumer is concerned when its own file changed; when one of its demands is served,
accommodated or left unserved differently; when the decision on a dimension it demands
changed; or when a goal or problem naming it changed. A stakeholder is concerned when its
own file changed; when a changed decision names it (decided_by, consulted); and when it
speaks for or owns a concerned consumer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bpstrat.diff.compare import EntityChange
from bpstrat.lint.linter import LintResult
from bpstrat.model.entities import Consumer, Goal, Problem, Stakeholder
from bpstrat.score.results import ScoreResult


@dataclass
class Affected:
    ref: str  # consumer:ID or stakeholder:ID
    name: str
    why: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"ref": self.ref, "name": self.name, "why": list(self.why)}


def _served(score: ScoreResult, consumer: str) -> dict[tuple[str, str], str]:
    """How each demand of `consumer` fares: (dimension, option) -> served | accommodated."""
    out: dict[tuple[str, str], str] = {}
    for d in score.dimensions:
        for option in d.chosen:
            out[(d.id, option)] = "served"
        for a in d.accommodated:
            if a.consumer == consumer:
                out.setdefault((d.id, a.option), "accommodated")
    return out


def affected(old: LintResult, new: LintResult, entities: list[EntityChange]) -> list[Affected]:
    found: dict[str, Affected] = {}
    before, after = old.strategy, new.strategy

    def note(kind: str, id_: str, why: str) -> None:
        model: type[Consumer] | type[Stakeholder] = Consumer if kind == "consumer" else Stakeholder
        entity = after.entity(model, id_) or before.entity(model, id_)
        name = entity.name if entity is not None else id_
        item = found.setdefault(f"{kind}:{id_}", Affected(f"{kind}:{id_}", name))
        if why not in item.why:
            item.why.append(why)

    changed = {e.ref: e for e in entities}
    for ref, change in changed.items():
        kind, _, id_ = ref.partition(":")
        if kind in ("consumer", "stakeholder"):
            detail = f" ({'; '.join(change.fields[:3])})" if change.fields else ""
            note(kind, id_, f"{change.status}{detail}")
    changed_decisions = {ref.partition(":")[2] for ref in changed if ref.startswith("decision:")}
    old_dims = {d.id: d for d in old.score.dimensions}
    names = {d.id: d.name for d in (*old.score.dimensions, *new.score.dimensions)}
    decisions = {
        d.id: d for d in (*before.decisions, *after.decisions) if d.id in changed_decisions
    }
    decided_on = {d.dimension for d in decisions.values()}
    for consumer in {c.id: c for c in (*before.consumers, *after.consumers)}.values():
        then, now = _served(old.score, consumer.id), _served(new.score, consumer.id)
        demands = {(d.dimension, d.option) for d in consumer.demands}
        for dimension, option in sorted(demands):
            was, is_ = (
                then.get((dimension, option), "unserved"),
                now.get((dimension, option), "unserved"),
            )
            label = names.get(dimension, dimension)
            if was != is_ and (dimension in old_dims or is_ != "unserved"):
                note("consumer", consumer.id, f"{option} on {label}: {was} → {is_}")
            if dimension in decided_on:
                ids = sorted(d.id for d in decisions.values() if d.dimension == dimension)
                what = ", ".join(f"{i} {changed[f'decision:{i}'].status}" for i in ids)
                why = f"demands {option} on {label}: decision {what}"
                note("consumer", consumer.id, why)
    for ref in sorted(changed):
        kind, _, id_ = ref.partition(":")
        if kind not in ("goal", "problem"):
            continue
        model = Goal if kind == "goal" else Problem
        for strategy in (before, after):
            entity = strategy.entity(model, id_)
            for named in getattr(entity, "consumers", None) or []:
                note("consumer", named, f"{kind} {id_} {changed[ref].status}")
    for decision in decisions.values():
        status = changed[f"decision:{decision.id}"].status
        for named in [decision.decided_by, *(decision.consulted or [])]:
            if named:
                note("stakeholder", named, f"decision {decision.id} {status}")
    concerned = {ref.partition(":")[2] for ref in found if ref.startswith("consumer:")}
    for strategy in (after, before):
        for person in strategy.stakeholders:
            for spoken in person.consumers or []:
                if spoken in concerned:
                    note("stakeholder", person.id, f"speaks for consumer {spoken}")
        for known in strategy.consumers:
            if known.id in concerned and known.owner:
                note("stakeholder", known.owner, f"owns consumer {known.id}")
    return [found[ref] for ref in sorted(found)]
