"""`--format text`: findings grouped by file, each with the source line and a caret."""

from __future__ import annotations

import os
import re
import sys
from itertools import groupby
from typing import TYPE_CHECKING

from bpstrat.findings import Level
from bpstrat.lint.linter import LintResult
from bpstrat.source.visible import shorten, visible, window

MESSAGE_LIMIT = 1000  # characters of a message shown; a key or value can be any length

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_STYLE: dict[Level, str] = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(result: LintResult, prefix: str = "") -> str:
    """The report, coloured for a terminal; `prefix` turns root-relative paths into
    cwd-relative ones.

    Output that gets no colour (a pipe, a file, a CI log) is written without loading the
    terminal library, to the same text."""
    if not _coloured():
        plain = render_plain(result, prefix)
        if not _NEEDS_TERMINAL_LIBRARY.search(plain):
            return plain
    return render_styled(result, prefix)


def render_styled(result: LintResult, prefix: str = "") -> str:
    """The report through the terminal library (styled when the output is a terminal)."""
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    with console.capture() as captured:
        _print(result, console, prefix)
    return captured.get()


# Characters the terminal library rewrites (tabs) or drops (control codes): text holding
# them goes through it so that both paths always agree.
_NEEDS_TERMINAL_LIBRARY = re.compile("[\x00-\x09\x0b-\x1f\x7f]")
# Variables with which the terminal library treats any output as a terminal.
_FORCING = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def _coloured() -> bool:
    """Whether the terminal library would style this output (else it is plain text)."""
    if any(os.environ.get(name) for name in _FORCING):
        return True
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def render_plain(result: LintResult, prefix: str = "") -> str:
    """The report without styles: what the terminal library writes to a pipe."""
    sources = {s.rel: s for s in (result.strategy.config_file, *result.strategy.files)}
    out: list[str] = []
    for rel, group in groupby(result.findings, key=lambda f: f.path):
        out.append(f"{visible(f'{prefix}{rel}')}\n")
        source = sources.get(rel)
        for f in group:
            message = visible(shorten(f.message, MESSAGE_LIMIT))
            out.append(f"  {f.line}:{f.column}  {f.severity:<7} {f.code}  {message}\n")
            code_line = source.line(f.line) if source else ""
            if code_line.strip():
                shown, caret_column = window(code_line.replace("\t", "→").rstrip(), f.column)
                caret = " " * (caret_column - 1) + "^"
                out.append(f"      {f.line:>4} | {shown}\n           | {caret}\n")
        out.append("\n")
    out.append(_summary_plain(result) + "\n")
    return "".join(out)


def _summary_plain(result: LintResult) -> str:
    counts = [(result.count(s), s) for s in _STYLE]
    text = "✓ no findings" if not result.findings else ""
    text += ", ".join(
        f"{n} {word}{'s' if n != 1 and word != 'info' else ''}" for n, word in counts if n
    )
    text += f" in {result.files} files ({result.strategy.entity_count} entities)"
    text += f", as of {result.today.isoformat()}"
    if result.baselined:
        text += f"; {result.baselined} known finding(s) hidden by the baseline"
    return text


def _print(result: LintResult, console: Console, prefix: str) -> None:
    from rich.text import Text

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
    from rich.text import Text

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
