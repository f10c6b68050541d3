"""A drawn chart: its name (the SVG file's stem), title, text alternative and SVG."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Chart:
    name: str  # unique in a brief, a slug: the file is NAME.svg
    title: str
    summary: str  # the chart in a sentence or two: its text alternative
    svg: str
    place: str  # where the brief shows it: progress, demand, money, value_chain, stakeholders
