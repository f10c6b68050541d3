"""`--format github`: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from bpstrat.lint.linter import LintResult

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: LintResult, prefix: str = "") -> str:
    """One `::error file=...` line per finding; `prefix` makes paths repository-relative."""
    lines = []
    for f in result.findings:
        path = f"{prefix}{f.path}"
        lines.append(
            f"::{_COMMAND[f.severity]} file={_property(path)},line={f.line},col={f.column},"
            f"title={_property(f.code)}::{_data(f.message)}"
        )
    return "".join(line + "\n" for line in lines)
