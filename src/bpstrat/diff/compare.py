"""Compare two states of a strategy: entities, scores, coalition, flywheel and findings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bpstrat.findings import Finding
from bpstrat.lint.linter import LintResult
from bpstrat.model.strategy import Strategy
from bpstrat.score.results import Accommodated, ScoreResult
from bpstrat.score.sentences import goal_text, pct
from bpstrat.score.tolerance import EPSILON

Value = Any
"""A field's value as JSON data: a number, text, true/false, a list or a mapping."""


@dataclass
class FieldChange:
    """One field's change: its path, the values before and after (None when absent)."""

    field: str
    before: Value
    after: Value
    text: str

    def as_json(self) -> dict[str, Value]:
        return {"field": self.field, "from": self.before, "to": self.after}


@dataclass
class NumberChange:
    """A score that changed: the numbers and how they read ('52% → 68%')."""

    before: float | None
    after: float | None
    text: str

    def as_json(self) -> dict[str, float | None]:
        return {"from": self.before, "to": self.after}


@dataclass
class EntityChange:
    ref: str
    name: str
    status: str  # added | removed | changed
    fields: list[str] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class StrategyDiff:
    entities: list[EntityChange] = field(default_factory=list)
    product: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    flips: list[str] = field(default_factory=list)
    coalition: str | None = None
    imbalance: str | None = None
    coalition_change: NumberChange | None = None
    imbalance_change: NumberChange | None = None
    introduced: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    accommodations: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.entities
            or self.goals
            or self.accommodations
            or self.superseded
            or self.product
            or self.choices
            or self.flips
            or self.coalition
            or self.imbalance
            or self.introduced
            or self.fixed
        )


def _dump(entity: Any) -> dict[str, Any]:
    """The validated entity with its defaults applied (a value changed from its default
    is a change, not an addition); unset optional fields are left out."""
    data: dict[str, Any] = entity.model_dump(mode="json", exclude_none=True)
    return data


def _show(value: object) -> str:
    """A value as the file would write it (`80`, not `80.0`)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, float) and not isinstance(value, bool):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return "null" if value is None else str(value)


def field_changes(before: Any, after: Any, path: str = "") -> list[str]:
    """Field-by-field changes, in words: 'importance: 3 -> 5', 'demands[2] added: ...'."""
    return [change.text for change in field_values(before, after, path)]


def field_values(before: Any, after: Any, path: str = "") -> list[FieldChange]:
    """Field-by-field changes with their values before and after."""
    if isinstance(before, dict) and isinstance(after, dict):
        out: list[FieldChange] = []
        for key in list(before) + [k for k in after if k not in before]:
            sub = f"{path}.{key}" if path else str(key)
            if key not in after:
                old = before[key]
                out.append(FieldChange(sub, old, None, f"{sub} removed (was {_show(old)})"))
            elif key not in before:
                new = after[key]
                out.append(FieldChange(sub, None, new, f"{sub} added: {_show(new)}"))
            else:
                out += field_values(before[key], after[key], sub)
        return out
    if isinstance(before, list) and isinstance(after, list):
        if all(not isinstance(v, (dict, list)) for v in before + after):
            gone = [v for v in before if v not in after]
            new_items = [v for v in after if v not in before]
            out = []
            if new_items:
                text = f"{path}: added {', '.join(map(_show, new_items))}"
                out.append(FieldChange(path, before, after, text))
            if gone:
                text = f"{path}: removed {', '.join(map(_show, gone))}"
                out.append(FieldChange(path, before, after, text))
            return out
        out = []
        for index in range(max(len(before), len(after))):
            sub = f"{path}[{index}]"
            if index >= len(after):
                old = before[index]
                out.append(FieldChange(sub, old, None, f"{sub} removed (was {_show(old)})"))
            elif index >= len(before):
                new = after[index]
                out.append(FieldChange(sub, None, new, f"{sub} added: {_show(new)}"))
            else:
                out += field_values(before[index], after[index], sub)
        return out
    if before != after:
        return [FieldChange(path, before, after, f"{path}: {_show(before)} → {_show(after)}")]
    return []


def _percent_change(before: float | None, after: float | None) -> NumberChange | None:
    """'52% → 68%', or None when nothing changed as printed (no '7% → 7%'): a change
    hidden by rounding is shown with one decimal."""
    if before == after or (
        before is not None and after is not None and abs(before - after) < EPSILON
    ):
        return None
    text = f"{pct(before)} → {pct(after)}"
    if pct(before) == pct(after):
        if before is None or after is None or f"{before:.1%}" == f"{after:.1%}":
            return None
        text = f"{before:.1%} → {after:.1%}"
    return NumberChange(before, after, text)


def compare(
    old: Strategy,
    new: Strategy,
    old_score: ScoreResult,
    new_score: ScoreResult,
    old_lint: LintResult,
    new_lint: LintResult,
) -> StrategyDiff:
    diff = StrategyDiff()
    before = {r.ref: r for r in old.all_records()}
    after = {r.ref: r for r in new.all_records()}
    for ref in sorted(set(before) | set(after)):
        if ref not in before:
            diff.entities.append(EntityChange(ref, _name(after[ref].entity), "added"))
        elif ref not in after:
            diff.entities.append(EntityChange(ref, _name(before[ref].entity), "removed"))
        else:
            changes = field_values(_dump(before[ref].entity), _dump(after[ref].entity))
            if changes:
                texts = [change.text for change in changes]
                diff.entities.append(
                    EntityChange(ref, _name(after[ref].entity), "changed", texts, changes)
                )
    old_product = _dump(old.config.product) if old.config.product else {}
    new_product = _dump(new.config.product) if new.config.product else {}
    diff.product = field_changes(old_product, new_product)

    old_dims = {d.id: d for d in old_score.dimensions}
    for d in new_score.dimensions:
        previous = old_dims.get(d.id)
        if previous is None:
            diff.choices.append(f"{d.name}: new dimension, chosen {', '.join(d.chosen)}")
            continue
        if set(previous.chosen) != set(d.chosen):
            diff.choices.append(f"{d.name}: {', '.join(previous.chosen)} → {', '.join(d.chosen)}")
        old_flip = (previous.flip.consumer, previous.flip.factor) if previous.flip else None
        new_flip = (d.flip.consumer, d.flip.factor) if d.flip else None
        if old_flip != new_flip:
            diff.flips.append(f"{d.name}: {_flip(old_flip)} → {_flip(new_flip)}")
    for dim_id in sorted(set(old_dims) - {d.id for d in new_score.dimensions}):
        diff.choices.append(f"{old_dims[dim_id].name}: dimension removed")

    diff.coalition_change = _percent_change(old_score.coalition.share, new_score.coalition.share)
    diff.coalition = diff.coalition_change.text if diff.coalition_change else None
    diff.imbalance_change = _percent_change(
        old_score.flywheel_imbalance, new_score.flywheel_imbalance
    )
    diff.imbalance = diff.imbalance_change.text if diff.imbalance_change else None

    diff.goals = _goals(old_score, new_score)
    diff.accommodations = _accommodations(new, old_score, new_score)
    diff.superseded = _superseded(old, new)

    old_keys = Counter(f.fingerprint for f in old_lint.findings)
    new_keys = Counter(f.fingerprint for f in new_lint.findings)
    diff.introduced = _only_in(new_lint.findings, old_keys)
    diff.fixed = _only_in(old_lint.findings, new_keys)
    return diff


def _goals(old: ScoreResult, new: ScoreResult) -> list[str]:
    """Goals whose status or progress moved: 'fresh-prices: off-track → on-track: ...'."""
    out = []
    before = {g.id: g for g in old.goals}
    for goal in new.goals:
        previous = before.get(goal.id)
        if previous is None:
            out.append(f"{goal.id}: {goal_text(goal)}")
        elif previous.status != goal.status:
            out.append(f"{goal.id}: {previous.status} → {goal_text(goal)}")
        elif previous.latest != goal.latest:
            out.append(f"{goal.id}: {goal_text(goal)} (was {pct(previous.progress)})")
    return out


def _accommodations(strategy: Strategy, old: ScoreResult, new: ScoreResult) -> list[str]:
    """Accommodations that became active or ended, per dimension."""
    out = []
    before = {d.id: d for d in old.dimensions}
    names = {c.id: c.name for c in strategy.consumers}

    def who(item: Accommodated) -> str:
        return f"{names.get(item.consumer, item.consumer)} ({item.option})"

    for d in new.dimensions:
        previous = before.get(d.id)
        was = {(a.consumer, a.option): a for a in (previous.accommodated if previous else ())}
        now = {(a.consumer, a.option): a for a in d.accommodated}
        for key, item in now.items():
            if key not in was:
                until = f", until {item.until}" if item.until else ""
                out.append(f"{d.name}: {who(item)} accommodated: {item.via}{until}")
        for key, item in was.items():
            if key not in now:
                out.append(f"{d.name}: {who(item)} no longer accommodated ({item.via})")
    return out


def _superseded(old: Strategy, new: Strategy) -> list[str]:
    """Decisions newly named in another decision's `supersedes`."""

    def pairs(strategy: Strategy) -> set[tuple[str, str]]:
        return {
            (d.supersedes, d.id)
            for d in strategy.decisions
            if d.supersedes is not None and d.supersedes != d.id
        }

    return [f"{gone} superseded by {by}" for gone, by in sorted(pairs(new) - pairs(old))]


def _only_in(findings: list[Finding], other: Counter[str]) -> list[Finding]:
    remaining = Counter(other)
    out = []
    for f in findings:
        if remaining[f.fingerprint] > 0:
            remaining[f.fingerprint] -= 1
        else:
            out.append(f)
    return out


def _name(entity: Any) -> str:
    return str(getattr(entity, "name", None) or getattr(entity, "title", None) or entity.id)


def _flip(flip: tuple[str, float] | None) -> str:
    return "none" if flip is None else f"{flip[0]} x{flip[1]:g}"
