"""`bpstrat agenda`: what the strategy says is due, as text, Markdown, JSON or a calendar."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bpstrat.agenda.items import build_agenda
from bpstrat.cli.options import resolve_today
from bpstrat.model.load import load_strategy
from bpstrat.report.formats import AGENDA
from bpstrat.source.atomic import write_output
from bpstrat.source.display import display_prefix

ROOT_RELATIVE = ("json", "ics")
"""Formats for tools: their paths stay relative to the strategy root."""


def run_agenda(
    path: Path,
    *,
    days: int,
    format: str,
    today: dt.date | None = None,
    output: Path | None = None,
    cache: bool = False,
) -> int:
    # Nearly every item points below a document's top level: keep those positions.
    strategy = load_strategy(path, cache=cache, deep=True)
    agenda = build_agenda(strategy, resolve_today(today), days)
    prefix = "" if format in ROOT_RELATIVE or output is not None else display_prefix(strategy.root)
    text = AGENDA[format].load().render(agenda, prefix)
    if output is not None:
        write_output(output, text)
        return 0
    # Bytes, not text: a calendar's CRLF line ends must reach the file as they are.
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        stream.write(text.encode("utf-8", "backslashreplace"))
        stream.flush()
    return 0
