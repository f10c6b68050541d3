"""`agenda --format json`: the documented shape; paths stay relative to the root."""

from __future__ import annotations

from typing import Any

from bpstrat.agenda.items import Agenda
from bpstrat.report.json_text import json_text


def render(agenda: Agenda, prefix: str = "") -> str:
    document: dict[str, Any] = {
        "version": 1,
        "today": agenda.today.isoformat(),
        "days": agenda.days,
        "items": [
            {
                "date": item.date.isoformat(),
                "kind": item.kind,
                "entity": item.entity,
                "title": item.title,
                "overdue": item.overdue,
                "path": item.path,
                "line": item.line,
                "column": item.column,
                "owner": item.owner,
            }
            for item in agenda.items
        ],
    }
    return json_text(document)
