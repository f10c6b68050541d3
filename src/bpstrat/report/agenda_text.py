"""`agenda --format text`: one line per item for a terminal, overdue ones first."""

from __future__ import annotations

from bpstrat.agenda.items import Agenda, Item
from bpstrat.source.visible import visible


def render(agenda: Agenda, prefix: str = "") -> str:
    lines = [_heading(agenda)]
    overdue = [item for item in agenda.items if item.overdue]
    coming = [item for item in agenda.items if not item.overdue]
    for label, items in (("Overdue", overdue), ("Due", coming)):
        if items:
            lines += ["", f"{label}:"]
            lines += [_line(agenda, item, prefix) for item in items]
    return "\n".join(lines) + "\n"


def _heading(agenda: Agenda) -> str:
    name = f" of {visible(agenda.product_name)}" if agenda.product_name else ""
    window = f"due by {agenda.horizon} ({agenda.days} days)"
    if not agenda.items:
        return f"Agenda{name} as of {agenda.today}: nothing is {window}."
    count = len(agenda.items)
    noun = "item" if count == 1 else "items"
    late = f", {agenda.overdue} overdue" if agenda.overdue else ""
    return f"Agenda{name} as of {agenda.today}: {count} {noun} {window}{late}."


def _line(agenda: Agenda, item: Item, prefix: str) -> str:
    owner = agenda.owner_name(item)
    who = f"  [{visible(owner)}]" if owner else ""
    where = f"{visible(prefix + item.path)}:{item.line}"
    return f"  {item.date}  {item.kind:<24}  {visible(item.title)}{who}  ({where})"
