"""Mermaid diagrams for the brief: a flowchart of consumer demands and a power/interest
quadrant chart, written so a real Mermaid renders them whatever the names contain.

Node ids are generated (never user text, never `end`, never starting with `o` or `x`
right after an edge); labels are quoted with quotes, brackets and other syntax removed;
quadrant coordinates are `0.xx` (Mermaid rejects `1.0` and values outside 0..1) and
points of one cell are stacked far enough apart that their labels do not touch.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_UNSAFE = re.compile(r"[\"'`\[\]{}()<>#;|\\:,]")
MAX_LABEL = 48

# Interest and power 1-5 -> axis position; 3 and above is "high" (right / top half).
AXIS = {1: 0.1, 2: 0.3, 3: 0.6, 4: 0.75, 5: 0.9}
# The chart is drawn this many pixels wide and high, so a name of 14 characters at
# Mermaid's 12px labels takes under a seventh of the width: the cells are 0.15 apart.
CHART_SIZE = 700
# Points of one cell are stacked this far apart (a label is about 0.03 high at that
# size), at most STACK of them; the rest share the last point, labelled '+N'.
STACK_STEP = 0.05
STACK = 3
# Beyond this many demand edges a flowchart is a tangle; the brief shows a table instead.
MAX_EDGES = 12


def label(text: object) -> str:
    """A label safe inside Mermaid double quotes (and in a terminal: no control, format or
    bidi characters)."""
    visible = "".join(" " if _invisible(char) else char for char in str(text))
    clean = " ".join(_UNSAFE.sub(" ", visible).split())
    if len(clean) > MAX_LABEL:
        cut = clean[:MAX_LABEL]
        words = cut.rsplit(" ", 1)[0] if " " in cut[1:] else cut[: MAX_LABEL - 1]
        clean = words.rstrip() + "…"  # cut where a word ends, never inside one
    return clean or "?"


def _invisible(char: str) -> bool:
    return unicodedata.category(char)[0] in "CZ" and char != " "


def coordinate(value: float) -> str:
    """`0.xx` for values inside 0..1; Mermaid rejects `1.0` and anything outside."""
    clamped = min(max(value, 0.01), 0.99)
    return f"{clamped:.2f}"


@dataclass(frozen=True)
class Demand:
    consumer: str
    dimension: str
    option: str
    strength: str
    served: bool  # its option is chosen
    accommodated: str | None = None  # the word for a demand met by a compromise instead


def demand_flowchart(product: str, consumers: Sequence[str], demands: Sequence[Demand]) -> str:
    """Consumers on the left, the options they demand of the product on the right.

    A served demand is a solid arrow, an accommodated one a dotted arrow labelled so, an
    unserved one a dotted line ending in a cross; chosen options hang from the product
    by a solid line, the others by a dotted one."""
    lines = ["flowchart LR", f'  P["{label(product)}"]']
    consumer_ids = {name: f"C{i}" for i, name in enumerate(consumers, start=1)}
    for name, node in consumer_ids.items():
        lines.append(f'  {node}["{label(name)}"]')
    options: dict[tuple[str, str], str] = {}
    for d in demands:
        key = (d.dimension, d.option)
        if key not in options:
            options[key] = f"D{len(options) + 1}"
            lines.append(f'  {options[key]}("{label(d.dimension)}: {label(d.option)}")')
    chosen: set[str] = set()
    for d in demands:
        node = options[(d.dimension, d.option)]
        text = label(d.strength)
        if d.served:
            arrow = "-->"
            chosen.add(node)
        elif d.accommodated:
            arrow = "-.->"
            text = f"{text} · {label(d.accommodated)}"
        else:
            arrow = "-.-x"
        lines.append(f'  {consumer_ids[d.consumer]} {arrow}|"{text}"| {node}')
    for node in dict.fromkeys(options.values()):
        lines.append(f"  {node} {'---' if node in chosen else '-.-'} P")
    return "\n".join(lines)


@dataclass(frozen=True)
class Point:
    name: str
    interest: int
    power: int


@dataclass(frozen=True)
class QuadrantLabels:
    """The fixed words of the chart, in the brief's language."""

    title: str = "Stakeholders by power and interest"
    x_low: str = "Low interest"
    x_high: str = "High interest"
    y_low: str = "Low power"
    y_high: str = "High power"
    q1: str = "Manage closely"
    q2: str = "Keep satisfied"
    q3: str = "Monitor"
    q4: str = "Keep informed"


def quadrant_chart(points: Sequence[Point], words: QuadrantLabels | None = None) -> str:
    """Mendelow's power/interest grid with every stakeholder placed."""
    w = words or QuadrantLabels()
    size = f'"chartWidth": {CHART_SIZE}, "chartHeight": {CHART_SIZE}'
    lines = [
        f'%%{{init: {{"quadrantChart": {{{size}}}}}}}%%',
        "quadrantChart",
        f"  title {label(w.title)}",
        f"  x-axis {label(w.x_low)} --> {label(w.x_high)}",
        f"  y-axis {label(w.y_low)} --> {label(w.y_high)}",
        f"  quadrant-1 {label(w.q1)}",
        f"  quadrant-2 {label(w.q2)}",
        f"  quadrant-3 {label(w.q3)}",
        f"  quadrant-4 {label(w.q4)}",
    ]
    cells: dict[tuple[int, int], list[str]] = {}
    names: set[str] = set()
    for point in sorted(points, key=lambda p: (p.interest, p.power, p.name)):
        base = name = label(point.name)
        copy = 1
        while name in names:  # Mermaid merges points that share a label
            copy += 1
            name = f"{base} {copy}"
        names.add(name)
        cells.setdefault((point.interest, point.power), []).append(name)
    for (interest, power), members in cells.items():
        shown = members[:STACK]
        if len(members) > STACK:
            shown[-1] = f"{shown[-1]} +{len(members) - STACK + 1}"
        for index, name in enumerate(shown):
            x, y = _stacked(interest, power, index, len(shown))
            lines.append(f'  "{name}": [{x}, {y}]')
    return "\n".join(lines)


def _stacked(interest: int, power: int, index: int, count: int) -> tuple[str, str]:
    """The position of the `index`th of `count` points of a cell: stacked one above the
    other (the centre, above it, below it), in name order from the top, as labels are
    wide and short."""
    offset = (min(count, 2) - 1 - index) * STACK_STEP
    return coordinate(AXIS[interest]), coordinate(AXIS[power] + offset)


def quadrant(power: int, interest: int) -> str:
    """The Mendelow strategy for a power/interest pair (3 and above is high)."""
    high_power, high_interest = power >= 3, interest >= 3
    if high_power and high_interest:
        return "Manage closely"
    if high_power:
        return "Keep satisfied"
    if high_interest:
        return "Keep informed"
    return "Monitor"


def value_chain_flowchart(steps: Sequence[str], problems: Sequence[Sequence[str]]) -> str:
    """The value chain left to right, each step with its problems hanging below it; a
    step without a problem is drawn too (looking end to end is the point)."""
    lines = ["flowchart LR"]
    for index, step in enumerate(steps, start=1):
        lines.append(f'  S{index}["{label(step)}"]')
    if len(steps) > 1:
        lines.append("  " + " --> ".join(f"S{i}" for i in range(1, len(steps) + 1)))
    count = 0
    for index, titles in enumerate(problems, start=1):
        for title in titles:
            count += 1
            lines.append(f'  Q{count}("{label(title)}")')
            lines.append(f"  S{index} -.- Q{count}")
    return "\n".join(lines)
