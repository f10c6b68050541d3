"""Drawing SVG by hand: measured text, word wrapping, escaping and one canvas type.

Charts are plain SVG written from templates of a few elements, not drawn by a plotting
library: the bytes depend only on the inputs (no ids, dates or versions of a library
slip in), nothing is fetched, and importing this costs nothing at start-up. Text is
measured with the advance widths of the font the charts declare first (DejaVu Sans),
so a layout knows how wide each label is and can place labels that never overlap;
fonts the reader may have instead (Verdana, then any sans-serif) are no wider.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bpstrat.brief.charts.font_widths import BOLD, REGULAR, UNITS_PER_EM
from bpstrat.source.visible import visible

FONT = "'DejaVu Sans', Verdana, sans-serif"
SIZE = 13  # the size of ordinary chart text, in SVG units (pixels at full width)
SMALL = 11
WIDTH = 640  # every chart is this wide; it scales down with the page on a phone
LINE = 1.4  # the height of a line of text, in font sizes

# Colours and the patterns that carry the same meaning without colour.
INK = "#1a1a1a"
MUTED = "#555555"
GRID = "#bbbbbb"
SERVED = "#1f5f8b"
PARTIAL = "#6aa3c8"
UNSERVED = "#c0392b"
COST = "#7a4b94"
VALUE = "#2e7d32"

_XML_UNSAFE = re.compile(r"[&<>\"']")
_XML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


# What XML 1.0 forbids beyond the controls `visible` already shows: lone surrogates and
# the two noncharacters U+FFFE and U+FFFF.
_XML_FORBIDDEN = re.compile("[\ud800-\udfff\ufffe\uffff]")


def shown(text: object) -> str:
    """`text` as a chart shows it: one line, control characters and what XML forbids
    written as escapes (`\\x1b`, `\\uffff`)."""
    return _XML_FORBIDDEN.sub(
        lambda m: f"\\u{ord(m.group()):04x}", visible(" ".join(str(text).split()))
    )


def esc(text: object) -> str:
    """User text safe in SVG and HTML: shown as a chart shows it, markup escaped."""
    return _XML_UNSAFE.sub(lambda m: _XML_ENTITIES[m.group()], shown(text))


def num(value: float) -> str:
    """A coordinate with at most one decimal, written the same on every machine."""
    text = f"{round(value, 1):.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def text_width(text: str, size: float = SIZE, bold: bool = False) -> float:
    """How wide `text` is drawn at `size` in the declared font."""
    widths = BOLD if bold else REGULAR
    units = sum(widths.get(ord(char), UNITS_PER_EM) for char in shown(text))
    return units * size / UNITS_PER_EM


def wrap(text: str, width: float, size: float = SIZE, bold: bool = False) -> list[str]:
    """`text` broken into lines no wider than `width`, between words; a single word wider
    than a line is broken between characters (shown whole, never cut off)."""
    lines: list[str] = []
    current = ""
    for word in shown(text).split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for char in word:
            if current and text_width(current + char, size, bold) > width:
                lines.append(current)
                current = ""
            current += char
    if current or not lines:
        lines.append(current)
    return lines


@dataclass
class Canvas:
    """One chart being drawn: elements in drawing order, then `svg()`.

    `key` makes the ids of this chart unique in a page that inlines several charts.
    """

    key: str
    title: str
    summary: str
    height: float = 0.0
    parts: list[str] = field(default_factory=list)
    patterns: set[str] = field(default_factory=set)

    def text(
        self,
        x: float,
        y: float,
        value: str,
        size: float = SIZE,
        anchor: str = "start",
        bold: bool = False,
        fill: str = INK,
    ) -> float:
        """Text with its baseline at y; returns the width it takes."""
        weight = ' font-weight="bold"' if bold else ""
        where = "" if anchor == "start" else f' text-anchor="{anchor}"'
        colour = "" if fill == INK else f' fill="{fill}"'
        self.parts.append(
            f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}"{weight}{where}{colour}>'
            f"{esc(value)}</text>"
        )
        return text_width(value, size, bold)

    def lines(
        self, x: float, top: float, lines: list[str], size: float = SIZE, bold: bool = False
    ) -> float:
        """Lines of text from `top` down; returns the y below the last."""
        y = top
        for line in lines:
            self.text(x, y + size, line, size, bold=bold)
            y += size * LINE
        return y

    def rect(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        fill: str,
        stroke: str | None = None,
        dashed: bool = False,
        radius: float = 0,
    ) -> None:
        outline = f' stroke="{stroke}"' if stroke else ""
        dash = ' stroke-dasharray="4 3"' if dashed else ""
        rounded = f' rx="{num(radius)}"' if radius else ""
        self.parts.append(
            f'<rect x="{num(x)}" y="{num(y)}" width="{num(max(width, 0))}" '
            f'height="{num(max(height, 0))}"{rounded} fill="{fill}"{outline}{dash}/>'
        )

    def pattern(self, name: str, colour: str) -> str:
        """The fill of a pattern: `solid`, `hatch` (diagonal lines) or `dots`."""
        if name == "solid":
            return colour
        ident = f"{self.key}-{name}-{colour.lstrip('#')}"
        if ident not in self.patterns:
            self.patterns.add(ident)
            if name == "hatch":
                body = (
                    f'<rect width="6" height="6" fill="#ffffff"/>'
                    f'<path d="M0 6L6 0M-1 1L1 -1M5 7L7 5" stroke="{colour}" stroke-width="1.6"/>'
                )
            else:
                body = (
                    '<rect width="6" height="6" fill="#ffffff"/>'
                    f'<circle cx="3" cy="3" r="1.3" fill="{colour}"/>'
                )
            self.parts.insert(
                0,
                f'<defs><pattern id="{ident}" width="6" height="6" '
                f'patternUnits="userSpaceOnUse">{body}</pattern></defs>',
            )
        return f"url(#{ident})"

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        stroke: str = GRID,
        width: float = 1,
        dashed: bool = False,
    ) -> None:
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        self.parts.append(
            f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
            f'stroke="{stroke}" stroke-width="{num(width)}"{dash}/>'
        )

    def polyline(self, points: list[tuple[float, float]], stroke: str, width: float = 2) -> None:
        coords = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        self.parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{stroke}" '
            f'stroke-width="{num(width)}"/>'
        )

    def circle(self, x: float, y: float, r: float, fill: str, stroke: str = "#ffffff") -> None:
        self.parts.append(
            f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{fill}" stroke="{stroke}"/>'
        )

    def square(self, x: float, y: float, r: float, fill: str) -> None:
        self.rect(x - r, y - r, 2 * r, 2 * r, fill)

    def triangle(self, x: float, top: float, tip: float, half: float, fill: str) -> None:
        """A triangle pointing down: its top edge at `top`, its tip at `tip`."""
        self.parts.append(
            f'<path d="M{num(x - half)} {num(top)}L{num(x + half)} {num(top)}'
            f'L{num(x)} {num(tip)}Z" fill="{fill}"/>'
        )

    def svg(self) -> str:
        """The chart as one SVG element, with its title and text alternative."""
        height = num(self.height)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" role="img" '
            f'aria-labelledby="{self.key}-title {self.key}-desc" '
            f'font-family="{FONT}" font-size="{SIZE}" fill="{INK}">'
            f'<title id="{self.key}-title">{esc(self.title)}</title>'
            f'<desc id="{self.key}-desc">{esc(self.summary)}</desc>'
            + "".join(self.parts)
            + "</svg>"
        )
