"""`bpstrat rules` and `bpstrat rule CODE`: what each finding code means."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from bpstrat.errors import UsageError
from bpstrat.lint.codes import CODES
from bpstrat.lint.rules_doc import explain, render_markdown
from bpstrat.model.suggest import closest


def list_rules(markdown: bool) -> int:
    if markdown:
        sys.stdout.write(render_markdown())
        return 0
    table = Table(box=None, show_edge=False, pad_edge=False)
    for column in ("code", "name", "severity", "summary"):
        table.add_column(column)
    for code in sorted(CODES):
        info = CODES[code]
        table.add_row(code, info.name, info.default_severity, info.summary)
    Console(highlight=False).print(table)
    return 0


def show_rule(code: str) -> int:
    wanted = code.strip().upper()
    if wanted not in CODES:
        by_name = {info.name: c for c, info in CODES.items()}
        if code in by_name:
            wanted = by_name[code]
        else:
            close = closest(wanted, list(CODES) + list(by_name))
            hint = f"; did you mean {close}?" if close else ""
            raise UsageError(f"unknown code {code!r}{hint} (`bpstrat rules` lists them)")
    sys.stdout.write(explain(wanted))
    return 0
