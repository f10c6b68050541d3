"""What moved from one history point to the next, in words, by topic: the coalition (and
the stakeholders won or lost), each faction, each dimension (its choice, the decision that
set it, how much demand it leaves unserved), the flywheel balance, each key goal, the
consumers and the findings."""

from __future__ import annotations

from dataclasses import dataclass

from bpstrat.history.points import Point
from bpstrat.score.sentences import pct

SUPPORTIVE = ("supportive", "leading")


@dataclass(frozen=True)
class Change:
    topic: str  # "coalition", "faction:ID", "dimension:ID", "flywheel", "goal:ID", ...
    text: str


def counts_text(findings: dict[str, int]) -> str:
    """'1 error, 4 warnings': the severities that have findings ('no findings' else)."""
    parts = []
    for level in ("error", "warning", "info"):
        count = findings.get(level, 0)
        if count:
            noun = level if count == 1 or level == "info" else f"{level}s"
            parts.append(f"{count} {noun}")
    return ", ".join(parts) if parts else "no findings"


def _moved(before: float | None, after: float | None) -> bool:
    return pct(before) != pct(after)


def changes(before: Point, after: Point) -> list[Change]:
    """Every change from `before` to `after`, in a fixed order of topics."""
    out: list[Change] = []
    out += _coalition(before, after)
    for id_ in sorted(set(before.factions) | set(after.factions)):
        old, new = before.factions.get(id_), after.factions.get(id_)
        if id_ not in before.factions:
            out.append(Change(f"faction:{id_}", f"new faction, {pct(new)} supportive"))
        elif id_ not in after.factions:
            out.append(Change(f"faction:{id_}", "no stakeholder left in it"))
        elif _moved(old, new):
            out.append(Change(f"faction:{id_}", f"{pct(old)} → {pct(new)}"))
    for id_ in sorted(set(before.dimensions) | set(after.dimensions)):
        text = _dimension(before, after, id_)
        if text:
            out.append(Change(f"dimension:{id_}", text))
    if _moved(before.flywheel_imbalance, after.flywheel_imbalance):
        old_balance, new_balance = before.flywheel_imbalance, after.flywheel_imbalance
        out.append(Change("flywheel", f"{pct(old_balance)} → {pct(new_balance)}"))
    old_goals, new_goals = before.key_goals, after.key_goals
    for id_ in sorted(set(old_goals) | set(new_goals)):
        goal, was = new_goals.get(id_), old_goals.get(id_)
        if goal is None:
            out.append(Change(f"goal:{id_}", "no longer a key goal with a complete metric"))
        elif was is None:
            out.append(
                Change(f"goal:{id_}", f"now a key goal: {_goal(goal.status, goal.progress)}")
            )
        elif was.status != goal.status or _moved(was.progress, goal.progress):
            old_text = _goal(was.status, was.progress)
            out.append(Change(f"goal:{id_}", f"{old_text} → {_goal(goal.status, goal.progress)}"))
    added = [after.consumers[c] for c in sorted(set(after.consumers) - set(before.consumers))]
    gone = [before.consumers[c] for c in sorted(set(before.consumers) - set(after.consumers))]
    words = ([f"added {', '.join(added)}"] if added else []) + (
        [f"removed {', '.join(gone)}"] if gone else []
    )
    if words:
        out.append(Change("consumers", "; ".join(words)))
    if before.findings != after.findings:
        text = f"{counts_text(before.findings)} → {counts_text(after.findings)}"
        out.append(Change("findings", text))
    return out


def _decision_added(decision: str, status: str, choice: tuple[str, ...]) -> str:
    chosen = ", ".join(choice) or "none"
    if status == "accepted":
        return f"decision {decision} taken: {chosen}"
    if status == "superseded":
        return f"decision {decision} recorded as superseded ({chosen})"
    return f"decision {decision} {status}: {chosen}"


def _goal(status: str, progress: float | None) -> str:
    return status if progress is None else f"{status} ({pct(progress)})"


def _coalition(before: Point, after: Point) -> list[Change]:
    """The coalition's share, with the stakeholders whose engagement moved."""
    moves: list[str] = []
    for id_ in sorted(set(before.stakeholders) | set(after.stakeholders)):
        old, new = before.stakeholders.get(id_), after.stakeholders.get(id_)
        if new is None and old is not None:
            moves.append(f"{old.name} left the analysis")
        elif old is None and new is not None:
            moves.append(f"{new.name} added ({new.engagement}, power {new.power})")
        elif old is not None and new is not None and old.engagement != new.engagement:
            was, now = old.engagement in SUPPORTIVE, new.engagement in SUPPORTIVE
            verb = "won" if now and not was else "lost" if was and not now else "moved"
            moves.append(f"{verb} {new.name} ({old.engagement} → {new.engagement})")
    share = ""
    if _moved(before.coalition, after.coalition):
        share = f"{pct(before.coalition)} → {pct(after.coalition)}"
    if not share and not moves:
        return []
    text = "; ".join(([share] if share else []) + moves)
    return [Change("coalition", text)]


def _dimension(before: Point, after: Point, id_: str) -> str:
    old, new = before.dimensions.get(id_), after.dimensions.get(id_)
    if new is None:
        return "dimension removed"
    parts: list[str] = []
    decisions = sorted(
        d for d, facts in after.decisions.items() if facts.dimension == id_
    ) + sorted(
        d
        for d, facts in before.decisions.items()
        if facts.dimension == id_ and d not in after.decisions
    )
    for decision in decisions:
        was, now = before.decisions.get(decision), after.decisions.get(decision)
        if now is None:
            parts.append(f"decision {decision} removed")
        elif was is None:
            parts.append(_decision_added(decision, now.status, now.choice))
        elif was.status != now.status:
            verb = {"accepted": "taken", "superseded": "superseded"}.get(now.status, now.status)
            parts.append(f"decision {decision} {verb} (was {was.status})")
        elif was.choice != now.choice:
            parts.append(f"decision {decision} now chooses {', '.join(now.choice) or 'none'}")
    if old is None:
        parts.insert(0, f"new dimension, chosen {', '.join(new.chosen) or 'none'}")
        return "; ".join(parts)
    if set(old.chosen) != set(new.chosen):
        parts.append(
            f"chosen {', '.join(old.chosen) or 'none'} → {', '.join(new.chosen) or 'none'}"
        )
    if old.decided != new.decided:
        parts.append("now decided" if new.decided else "no longer decided")
    if _moved(old.intensity, new.intensity):
        parts.append(f"unserved {pct(old.intensity)} → {pct(new.intensity)}")
    accommodations = sorted((key, via) for key, via in after.accommodated.items() if key[0] == id_)
    for key, via in accommodations:
        if key not in before.accommodated:
            parts.append(f"{after.consumers.get(key[1], key[1])} accommodated ({key[2]}): {via}")
    for key in sorted(k for k in before.accommodated if k[0] == id_):
        if key not in after.accommodated:
            parts.append(f"{before.consumers.get(key[1], key[1])} no longer accommodated")
    return "; ".join(parts)
