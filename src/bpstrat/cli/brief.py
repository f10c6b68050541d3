"""`bpstrat brief`: render the strategy brief to stdout or a file, or check a file."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from pathlib import Path

from bpstrat.brief.committed import read_committed, recorded_as_of
from bpstrat.brief.render import render_brief
from bpstrat.cli.options import resolve_today
from bpstrat.errors import UsageError
from bpstrat.source.atomic import write_output


def run_brief(
    path: Path,
    *,
    output: Path | None,
    template: Path | None,
    check: bool,
    today: dt.date | None,
    cache: bool = False,
    lang: str | None = None,
    recipient: str | None = None,
) -> int:
    """`today` is --today; without it a check uses the date the brief records, so a
    committed brief goes out of date only when its inputs change."""
    if check and output is None:
        raise UsageError("--check needs -o FILE: the brief to compare with")
    current = read_committed(output) if check and output is not None else None
    as_of = resolve_today(today, recorded_as_of(current) if current else None)
    text = render_brief(path, template, as_of, cache, lang, recipient)
    if output is None:
        sys.stdout.write(text)
        return 0
    if check:
        if current is None:
            fix = _fix(path, output, template, lang, recipient)
            sys.stderr.write(f"{output} does not exist; run {fix}\n")
            return 1
        if current != text:
            fix = _fix(path, output, template, lang, recipient)
            sys.stderr.write(f"{output} is out of date; run {fix}\n")
            return 1
        return 0
    write_output(output, text)
    return 0


def _fix(
    path: Path, output: Path, template: Path | None, lang: str | None, recipient: str | None
) -> str:
    """The command that rewrites the brief, as it can be run from here."""
    words = ["bpstrat", "brief", str(path), "-o", str(output)]
    if template is not None:
        words += ["--template", str(template)]
    if lang is not None:
        words += ["--lang", lang]
    if recipient is not None:
        words += ["--for", recipient]
    return " ".join(shlex.quote(word) for word in words)
