"""`--format json`: the documented, stable shape; findings sorted by path, line, column, code."""

from __future__ import annotations

from typing import Any

from bpstrat.lint.linter import LintResult
from bpstrat.report.json_text import json_text


def render(result: LintResult, prefix: str = "") -> str:
    """The JSON report (paths stay relative to the strategy root, whatever `prefix`)."""
    document: dict[str, Any] = {
        "version": 1,
        "findings": [f.as_json() for f in result.findings],
        "summary": {
            "error": result.count("error"),
            "warning": result.count("warning"),
            "info": result.count("info"),
            "files": result.files,
            "entities": result.strategy.entity_count,
            "baselined": result.baselined,
            "today": result.today.isoformat(),
        },
    }
    return json_text(document)
