"""The output formats of each command, one registry per command.

A registry maps a `--format` name to the module that renders it; the command line reads
its choices from here, and a report module is imported only when its format is asked for.
Adding a format is one module and one line here.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import NamedTuple


class Format(NamedTuple):
    name: str
    module: str  # below bpstrat.report; it has a `render` function
    summary: str

    def load(self) -> ModuleType:
        return importlib.import_module(f"bpstrat.report.{self.module}")


def _registry(*formats: Format) -> dict[str, Format]:
    return {f.name: f for f in formats}


LINT = _registry(
    Format("text", "lint_text", "findings grouped by file, with the source line (default)"),
    Format("json", "lint_json", "the documented JSON shape"),
    Format("sarif", "lint_sarif", "SARIF 2.1.0 for code scanning"),
    Format("github", "lint_github", "GitHub Actions annotations"),
)
SCORE = _registry(
    Format("text", "score_text", "a table per dimension with bars (default)"),
    Format("json", "score_json", "the documented JSON shape"),
    Format("markdown", "score_markdown", "Markdown tables"),
    Format("csv", "score_csv", "one row per option"),
)
DIFF = _registry(
    Format("text", "diff_text", "for a terminal (default)"),
    Format("markdown", "diff_markdown", "a pull-request comment"),
    Format("json", "diff_json", "for tools"),
)


def choices(registry: dict[str, Format]) -> str:
    """'text, json or sarif': the names, for help and error messages."""
    names = list(registry)
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
