"""The history told by topic: for each thing that moved (the coalition, a faction, a
dimension, the flywheel, a key goal, the consumers, the findings), where it started,
where it ended, and the commits that moved it. Shared by the text and Markdown reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from bpstrat.history.changes import Change, counts_text
from bpstrat.history.points import Point
from bpstrat.history.timeline import History
from bpstrat.score.sentences import pct


@dataclass
class Moment:
    point: Point
    text: str


@dataclass
class Topic:
    key: str
    title: str
    start: str
    end: str
    moments: list[Moment] = field(default_factory=list)


@dataclass
class Story:
    topics: list[Topic]
    commits: list[tuple[Point, list[Change]]]  # each point with what it changed


_ORDER = ("coalition", "faction", "dimension", "flywheel", "goal", "consumers", "findings")


def _rank(key: str) -> tuple[int, str]:
    kind = key.split(":", 1)[0]
    return (_ORDER.index(kind) if kind in _ORDER else len(_ORDER), key)


def _state(point: Point, key: str) -> str:
    """How `key` stood at `point`, in words."""
    kind, _, id_ = key.partition(":")
    if kind == "coalition":
        return pct(point.coalition)
    if kind == "faction":
        return pct(point.factions[id_]) if id_ in point.factions else "none"
    if kind == "flywheel":
        return pct(point.flywheel_imbalance)
    if kind == "dimension":
        d = point.dimensions.get(id_)
        if d is None:
            return "none"
        how = "decided" if d.decided else "by support"
        return f"{', '.join(d.chosen) or 'none'} ({how}), unserved {pct(d.intensity)}"
    if kind == "goal":
        g = point.key_goals.get(id_)
        if g is None:
            return "not a key goal"
        return g.status if g.progress is None else f"{g.status} ({pct(g.progress)})"
    if kind == "consumers":
        return f"{len(point.consumers)} consumers"
    if kind == "findings":
        return counts_text(point.findings)
    return ""


def _title(point: Point, key: str) -> str:
    kind, _, id_ = key.partition(":")
    if kind == "dimension":
        d = point.dimensions.get(id_)
        return f"Dimension {d.name if d else id_}"
    if kind == "goal":
        g = point.goals.get(id_)
        return f"Key goal {id_}" + (f" ({g.title})" if g and g.title != id_ else "")
    if kind == "faction":
        return f"Faction {id_}"
    return {
        "coalition": "Coalition",
        "flywheel": "Flywheel imbalance",
        "consumers": "Consumers",
        "findings": "Findings",
    }.get(kind, key)


def tell(history: History) -> Story:
    topics: dict[str, Topic] = {}
    commits: list[tuple[Point, list[Change]]] = []
    first = history.base or (history.points[0] if history.points else None)
    last = history.points[-1] if history.points else None
    for point, moved in zip(history.points, history.moves, strict=True):
        commits.append((point, moved))
        for change in moved:
            topic = topics.get(change.topic)
            if topic is None:
                assert first is not None and last is not None
                topic = topics[change.topic] = Topic(
                    change.topic,
                    _title(last, change.topic),
                    _state(first, change.topic),
                    _state(last, change.topic),
                )
            topic.moments.append(Moment(point, change.text))
    return Story(sorted(topics.values(), key=lambda t: _rank(t.key)), commits)
