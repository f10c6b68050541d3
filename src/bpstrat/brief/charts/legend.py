"""A row of legend entries (a swatch and its words) that wraps instead of overlapping."""

from __future__ import annotations

from bpstrat.brief.charts.svg import LINE, SMALL, WIDTH, Canvas, text_width

SWATCH = 11
GAP = 16


def legend(canvas: Canvas, top: float, entries: list[tuple[str, str]]) -> float:
    """Entries of (fill, words) from `top`, left to right, wrapping to a new line where
    the next would not fit; returns the y below the last line."""
    x, y = 0.0, top
    step = SMALL * LINE + 2
    for fill, words in entries:
        width = SWATCH + 5 + text_width(words, SMALL)
        if x > 0 and x + width > WIDTH:
            x, y = 0.0, y + step
        canvas.rect(x, y + 1, SWATCH, SWATCH, fill, stroke="#333333")
        canvas.text(x + SWATCH + 5, y + SMALL, words, SMALL)
        x += width + GAP
    return y + step
