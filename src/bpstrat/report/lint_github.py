"""`--format github`: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from bpstrat.lint.linter import LintResult
from bpstrat.source.visible import shorten, visible

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


MESSAGE_LIMIT = 2000  # characters of a message; a key or value can be any length


def _data(text: str) -> str:
    """Workflow-command data: `%`, CR and LF escaped, so no user text ends the line."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: LintResult, prefix: str = "") -> str:
    """One `::error file=...` line per finding; `prefix` makes paths repository-relative."""
    lines = []
    for f in result.findings:
        path = f"{prefix}{f.path}"
        lines.append(
            f"::{_COMMAND[f.severity]} file={_property(path)},line={f.line},col={f.column},"
            f"title={_property(f.code)}::{_data(shorten(f.message, MESSAGE_LIMIT))}"
        )
    return "".join(line + "\n" for line in lines)
