"""`bpstrat history` for a terminal: what moved, by topic, with the commits that moved it,
then commit by commit."""

from __future__ import annotations

from bpstrat.history.changes import counts_text
from bpstrat.history.points import Point
from bpstrat.history.story import tell
from bpstrat.history.timeline import History
from bpstrat.score.sentences import pct
from bpstrat.source.visible import visible


def heading(history: History) -> str:
    """'History of Pricing Platform: 3 points, 2026-09-01 (6183826) to 2026-10-05 (e116a25)'."""
    points = history.points
    if not points:
        return "History: no commit changed the strategy"
    name = points[-1].product or history.root.name
    first, last = points[0].commit, points[-1].commit
    noun = "point" if len(points) == 1 else "points"
    return (
        f"History of {name}: {len(points)} {noun}, "
        f"{first.date} ({first.short}) to {last.date} ({last.short})"
    )


def summary(point: Point) -> str:
    """The figures of one point in a line."""
    parts = [f"coalition {pct(point.coalition)}"]
    if point.flywheel_imbalance is not None:
        parts.append(f"flywheel imbalance {pct(point.flywheel_imbalance)}")
    return ", ".join([*parts, counts_text(point.findings)])


def render(history: History) -> str:
    lines = [visible(heading(history))]
    if not history.points:
        return lines[0] + "\n"
    story = tell(history)
    if history.base is not None:
        base = history.base.commit
        lines.append(f"Compared with {base.date} ({base.short}), before the first point")
    for topic in story.topics:
        lines += ["", visible(f"{topic.title}: {topic.start} → {topic.end}")]
        for moment in topic.moments:
            commit = moment.point.commit
            lines.append(
                visible(f"  {commit.date} {commit.short}  {moment.text}  ({commit.subject})")
            )
    if not story.topics:
        lines += ["", "Nothing moved."]
    titles = {topic.key: topic.title for topic in story.topics}
    lines += ["", "Commit by commit:"]
    for point, moved in story.commits:
        commit = point.commit
        lines.append(visible(f"  {commit.date} {commit.short}  {commit.subject}"))
        if moved:
            lines += [visible(f"      {titles[c.topic]}: {c.text}") for c in moved]
        else:
            lines.append(visible(f"      {summary(point)}"))
    return "\n".join(lines) + "\n"
