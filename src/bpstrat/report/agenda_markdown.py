"""`agenda --format markdown`: a table of what is due, e.g. for a CI job summary."""

from __future__ import annotations

from bpstrat.agenda.items import Agenda
from bpstrat.brief.markdown import cell, inline


def render(agenda: Agenda, prefix: str = "") -> str:
    name = f": {inline(agenda.product_name)}" if agenda.product_name else ""
    lines = [f"## Agenda{name}", ""]
    window = f"due by {agenda.horizon} ({agenda.days} days)"
    if not agenda.items:
        lines.append(f"As of {agenda.today}, nothing is {window}.")
        return "\n".join(lines) + "\n"
    count = len(agenda.items)
    noun = "item is" if count == 1 else "items are"
    late = f", {agenda.overdue} of them overdue" if agenda.overdue else ""
    lines += [f"As of {agenda.today}, {count} {noun} {window}{late}.", ""]
    lines += ["| Date | What | Kind | Owner | Where |", "| --- | --- | --- | --- | --- |"]
    for item in agenda.items:
        date = f"**{item.date} overdue**" if item.overdue else str(item.date)
        owner = agenda.owner_name(item)
        where = cell(f"{prefix}{item.path}:{item.line}")
        lines.append(
            f"| {date} | {cell(item.title)} | {item.kind} | {cell(owner or '')} | {where} |"
        )
    return "\n".join(lines) + "\n"
