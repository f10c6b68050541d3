"""The value chain, step by step from top to bottom, each step beside its problems."""

from __future__ import annotations

from bpstrat.brief.charts.chart import Chart
from bpstrat.brief.charts.svg import (
    LINE,
    MUTED,
    SIZE,
    SMALL,
    UNSERVED,
    WIDTH,
    Canvas,
    wrap,
)
from bpstrat.brief.i18n import Lang

BOX = 200  # the width of a step's box
PAD = 8
ARROW = 18
PROBLEMS_X = BOX + 24
BULLET = 12  # the indent of a bullet's next lines


def value_chain_chart(steps: list[tuple[str, list[str]]], lang: Lang, key: str) -> Chart:
    _ = lang._
    title = _("The value chain and its problems")
    canvas = Canvas(key, title, "")
    sentences = []
    y = 4.0
    for index, (step, problems) in enumerate(steps):
        name_lines = wrap(step, BOX - 2 * PAD, SIZE, bold=True)
        if problems:
            listed = [line for problem in problems for line in _bullet(problem, WIDTH - PROBLEMS_X)]
            counted = lang.n_("%(num)d problem", "%(num)d problems", len(problems))
            name_lines = [*name_lines, counted]
            sentences.append(_("%(step)s: %(problems)s.", step=step, problems="; ".join(problems)))
        else:
            listed = [(0.0, _("no problem written down yet"))]
            sentences.append(_("%(step)s: no problem written down yet.", step=step))
        box_height = len(name_lines) * SIZE * LINE + 2 * PAD
        list_height = len(listed) * SMALL * LINE + 2 * PAD
        height = max(box_height, list_height)
        canvas.rect(
            0,
            y,
            BOX,
            height,
            "#fbeae8" if problems else "#ffffff",
            stroke=UNSERVED if problems else "#777777",
            dashed=not problems,
            radius=4,
        )
        line_y = y + PAD
        for i, line in enumerate(name_lines):
            last_count = problems and i == len(name_lines) - 1
            size = SMALL if last_count else SIZE
            canvas.text(PAD, line_y + size, line, size, bold=not last_count)
            line_y += SIZE * LINE
        line_y = y + PAD
        for indent, line in listed:
            colour = "#1a1a1a" if problems else MUTED
            canvas.text(PROBLEMS_X + indent, line_y + SMALL, line, SMALL, fill=colour)
            line_y += SMALL * LINE
        y += height
        if index < len(steps) - 1:
            mid = BOX / 2
            canvas.line(mid, y, mid, y + ARROW - 5, "#333333", 1.5)
            canvas.triangle(mid, y + ARROW - 6, y + ARROW, 5, "#333333")
            y += ARROW
    canvas.summary = " ".join(sentences)
    canvas.height = y + 4
    return Chart("value-chain", title, canvas.summary, canvas.svg(), "value_chain")


def _bullet(text: str, width: float) -> list[tuple[float, str]]:
    """`text` as a bullet: its lines with their indent, the first after a '•'."""
    lines = wrap(text, width - BULLET, SMALL)
    return [(0.0, f"• {lines[0]}"), *((BULLET, line) for line in lines[1:])]
