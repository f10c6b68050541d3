"""Stakeholders on a grid of power (rows, 5 at the top) against interest (columns).

Labels are placed, not scattered: everyone in one cell of the grid is listed in it, one
name under the other (by name), and a row is as tall as its fullest cell, so no two
labels can overlap however many people share a place. The four Mendelow quadrants
(3 or more counts as high) are named in bands of text above their rows, so the
quadrant is told in words as well as by its shading.
"""

from __future__ import annotations

from dataclasses import dataclass

from bpstrat.brief.charts.chart import Chart
from bpstrat.brief.charts.svg import (
    INK,
    LINE,
    MUTED,
    SERVED,
    SIZE,
    SMALL,
    WIDTH,
    Canvas,
    text_width,
    wrap,
)
from bpstrat.brief.mermaid import QuadrantLabels

LEVELS = (1, 2, 3, 4, 5)
HIGH = 3
PAD = 6
MARK = 10  # the room a name's marker takes before it
SHADES = {(True, True): "#e4eef6", (True, False): "#eef3f7", (False, True): "#f3f3f3"}


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    power: int
    interest: int


def grid_chart(
    people: list[Person], labels: QuadrantLabels, power: str, interest: str, key: str
) -> Chart:
    canvas = Canvas(key, labels.title, "")
    axis = max(text_width(power, SMALL, bold=True), text_width("5", SMALL)) + 10
    cell = (WIDTH - axis) / len(LEVELS)
    cells: dict[tuple[int, int], list[list[str]]] = {}
    for p in sorted(people, key=lambda p: (p.name, -p.power, -p.interest)):
        where = (min(max(p.power, 1), 5), min(max(p.interest, 1), 5))
        cells.setdefault(where, []).append(wrap(p.name, cell - 2 * PAD - MARK, SMALL))

    def row_height(level: int) -> float:
        lines = max((sum(len(n) for n in cells.get((level, i), [])) for i in LEVELS), default=0)
        return max(28.0, lines * SMALL * LINE + 2 * PAD)

    quadrant = {
        (True, True): labels.q1,
        (True, False): labels.q2,
        (False, False): labels.q3,
        (False, True): labels.q4,
    }
    left_width = cell * (HIGH - 1)
    y = 4.0
    canvas.text(0, y + SMALL, power, SMALL, bold=True)
    y += SMALL * LINE + 2
    top_of_grid = y
    for high_power in (True, False):
        bands = []
        for high_interest, x in ((False, axis), (True, axis + left_width)):
            width = left_width if not high_interest else WIDTH - x
            words = wrap(quadrant[(high_power, high_interest)], width - 2 * PAD, SIZE, bold=True)
            bands.append((x, words))
        band = max(len(words) for _, words in bands) * SIZE * LINE + 6
        for x, words in bands:
            canvas.lines(x + PAD, y + 2, words, SIZE, bold=True)
        y += band
        for level in [lv for lv in reversed(LEVELS) if (lv >= HIGH) == high_power]:
            height = row_height(level)
            canvas.text(
                axis - 6, y + height / 2 + SMALL * 0.35, str(level), SMALL, "end", fill=MUTED
            )
            for column in LEVELS:
                x = axis + cell * (column - 1)
                shade = SHADES.get((high_power, column >= HIGH), "#ffffff")
                canvas.rect(x, y, cell, height, shade, stroke="#ffffff")
                line_y = y + PAD
                for name in cells.get((level, column), []):
                    canvas.circle(x + PAD + 3, line_y + SMALL * 0.6, 3, SERVED, stroke=SERVED)
                    for line in name:
                        canvas.text(x + PAD + MARK, line_y + SMALL, line, SMALL, fill=INK)
                        line_y += SMALL * LINE
            y += height
    bottom = y
    divider = axis + left_width
    canvas.line(divider, top_of_grid, divider, bottom, "#333333", 2)
    canvas.rect(axis, top_of_grid, WIDTH - axis, bottom - top_of_grid, "none", stroke="#333333")
    for column in LEVELS:
        centre = axis + cell * (column - 0.5)
        canvas.text(centre, y + 4 + SMALL, str(column), SMALL, "middle", fill=MUTED)
    y += SMALL * LINE + 4
    canvas.text(WIDTH, y + SMALL, interest, SMALL, "end", bold=True)
    y += SMALL * LINE + 4

    sentences = []
    for high_power, high_interest in ((True, True), (True, False), (False, True), (False, False)):
        names = [
            p.name
            for p in sorted(people, key=lambda p: (-p.power, -p.interest, p.name))
            if (p.power >= HIGH) == high_power and (p.interest >= HIGH) == high_interest
        ]
        if names:
            sentences.append(f"{quadrant[(high_power, high_interest)]}: {', '.join(names)}.")
    canvas.summary = " ".join(sentences)
    canvas.height = y
    return Chart("stakeholders", labels.title, canvas.summary, canvas.svg(), "stakeholders")
