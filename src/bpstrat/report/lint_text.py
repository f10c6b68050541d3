"""`--format text`: findings grouped by file, each with the source line and a caret."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.text import Text

from bpstrat.findings import Level
from bpstrat.lint.linter import LintResult
from bpstrat.source.visible import shorten, visible, window

MESSAGE_LIMIT = 1000  # characters of a message shown; a key or value can be any length

_STYLE: dict[Level, str] = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(result: LintResult, prefix: str = "") -> str:
    """The report, coloured for a terminal; `prefix` turns root-relative paths into
    cwd-relative ones."""
    console = Console(highlight=False, soft_wrap=True)
    with console.capture() as captured:
        _print(result, console, prefix)
    return captured.get()


def _print(result: LintResult, console: Console, prefix: str) -> None:
    sources = {s.rel: s for s in (result.strategy.config_file, *result.strategy.files)}
    for rel, group in groupby(result.findings, key=lambda f: f.path):
        console.print(Text(visible(f"{prefix}{rel}"), style="bold underline"))
        source = sources.get(rel)
        for f in group:
            line = Text("  ")
            line.append(f"{f.line}:{f.column}", style="dim")
            line.append("  ")
            line.append(f"{f.severity:<7}", style=_STYLE[f.severity])
            line.append(" ")
            line.append(f.code, style="bold")
            line.append("  ")
            line.append(visible(shorten(f.message, MESSAGE_LIMIT)))
            console.print(line)
            code_line = source.line(f.line) if source else ""
            if code_line.strip():
                shown, caret_column = window(code_line.replace("	", "→").rstrip(), f.column)
                console.print(Text(f"      {f.line:>4} | ", style="dim") + Text(shown))
                caret = " " * (caret_column - 1) + "^"
                console.print(
                    Text("           | ", style="dim") + Text(caret, style=_STYLE[f.severity])
                )
        console.print()
    console.print(summary_line(result))


def summary_line(result: LintResult) -> Text:
    counts = [(result.count(s), s, style) for s, style in _STYLE.items()]
    text = Text()
    if not result.findings:
        text.append("✓ ", style="bold green")
        text.append("no findings")
    for i, (n, word, style) in enumerate(c for c in counts if c[0]):
        if i:
            text.append(", ")
        text.append(f"{n} {word}{'s' if n != 1 and word != 'info' else ''}", style=style)
    text.append(f" in {result.files} files ({result.strategy.entity_count} entities)")
    text.append(f", as of {result.today.isoformat()}", style="dim")
    if result.baselined:
        text.append(f"; {result.baselined} known finding(s) hidden by the baseline", style="dim")
    return text
