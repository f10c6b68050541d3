"""Mermaid diagrams for the brief: a flowchart of consumer demands and a power/interest
quadrant chart, written so a real Mermaid renders them whatever the names contain.

Node ids are generated (never user text, never `end`, never starting with `o` or `x`
right after an edge); labels are quoted with quotes, brackets and other syntax removed;
quadrant coordinates are `0.xx` (Mermaid rejects `1.0` and values outside 0..1) and
points that would overlap are nudged apart.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_UNSAFE = re.compile(r"[\"'`\[\]{}()<>#;|\\:,]")
MAX_LABEL = 48

# Interest and power 1-5 -> axis position; 3 and above is "high" (right / top half).
AXIS = {1: 0.1, 2: 0.3, 3: 0.6, 4: 0.75, 5: 0.9}
NUDGE = 0.04
# Beyond this many demand edges a flowchart is a tangle; the brief shows a table instead.
MAX_EDGES = 12


def label(text: object) -> str:
    """A label safe inside Mermaid double quotes (and in a terminal: no control, format or
    bidi characters)."""
    visible = "".join(" " if _invisible(char) else char for char in str(text))
    clean = " ".join(_UNSAFE.sub(" ", visible).split())
    if len(clean) > MAX_LABEL:
        clean = clean[: MAX_LABEL - 1].rstrip() + "…"
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
    served: bool


def demand_flowchart(product: str, consumers: Sequence[str], demands: Sequence[Demand]) -> str:
    """Consumers on the left, the options they demand of the product on the right."""
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
    for d in demands:
        arrow = "-->" if d.served else "-.->"
        lines.append(
            f'  {consumer_ids[d.consumer]} {arrow}|"{label(d.strength)}"| '
            f"{options[(d.dimension, d.option)]}"
        )
    for node in dict.fromkeys(options.values()):
        lines.append(f"  {node} --- P")
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
    lines = [
        "quadrantChart",
        f"  title {label(w.title)}",
        f"  x-axis {label(w.x_low)} --> {label(w.x_high)}",
        f"  y-axis {label(w.y_low)} --> {label(w.y_high)}",
        f"  quadrant-1 {label(w.q1)}",
        f"  quadrant-2 {label(w.q2)}",
        f"  quadrant-3 {label(w.q3)}",
        f"  quadrant-4 {label(w.q4)}",
    ]
    names: set[str] = set()
    spots: set[tuple[str, str]] = set()
    tried: dict[tuple[int, int], int] = {}
    for point in sorted(points, key=lambda p: (p.interest, p.power, p.name)):
        base = name = label(point.name)
        copy = 1
        while name in names:  # Mermaid merges points that share a label
            copy += 1
            name = f"{base} {copy}"
        names.add(name)
        spot = _free_spot((point.interest, point.power), spots, tried)
        spots.add(spot)
        lines.append(f'  "{name}": [{spot[0]}, {spot[1]}]')
    return "\n".join(lines)


_OFFSETS = sorted(
    ((dx * NUDGE, dy * NUDGE) for dx in range(-3, 4) for dy in range(-3, 4)),
    key=lambda o: (o[0] ** 2 + o[1] ** 2, -o[0], -o[1]),
)


def _free_spot(
    cell: tuple[int, int], taken: set[tuple[str, str]], tried: dict[tuple[int, int], int]
) -> tuple[str, str]:
    """The nearest position to the cell's centre that no other point holds, so none
    overlap. A spot once taken stays taken, so each cell goes on from where it stopped."""
    candidates = _spots(*cell)
    index = tried.get(cell, 0)
    while index < len(candidates) and candidates[index] in taken:
        index += 1
    tried[cell] = index
    if index < len(candidates):
        return candidates[index]
    return candidates[0]  # every nearby spot is taken: the centre, shared


@functools.cache
def _spots(interest: int, power: int) -> tuple[tuple[str, str], ...]:
    """The positions around a cell's centre, nearest first (the centre itself first)."""
    x, y = AXIS[interest], AXIS[power]
    return tuple((coordinate(x + dx), coordinate(y + dy)) for dx, dy in _OFFSETS)


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
