"""`agenda --format json`: the documented shape; paths stay relative to the root.

The text is what `json_text` writes (indented by 2, UTF-8 kept), laid out here item by
item with each value encoded by the C encoder: the indenting encoder is pure Python,
and an agenda can hold tens of thousands of items.
"""

from __future__ import annotations

import json

from bpstrat.agenda.items import Agenda, Item

_VALUE = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


def render(agenda: Agenda, prefix: str = "") -> str:
    head = (
        "{\n"
        '  "version": 1,\n'
        f'  "today": {_VALUE(agenda.today.isoformat())},\n'
        f'  "days": {_VALUE(agenda.days)},\n'
    )
    if not agenda.items:
        return head + '  "items": []\n}\n'
    items = ",\n".join(_item(item) for item in agenda.items)
    return f'{head}  "items": [\n{items}\n  ]\n}}\n'


def _item(item: Item) -> str:
    return (
        "    {\n"
        f'      "date": "{item.date.isoformat()}",\n'
        f'      "kind": {_VALUE(item.kind)},\n'
        f'      "entity": {_VALUE(item.entity)},\n'
        f'      "title": {_VALUE(item.title)},\n'
        f'      "overdue": {"true" if item.overdue else "false"},\n'
        f'      "path": {_VALUE(item.path)},\n'
        f'      "line": {item.line},\n'
        f'      "column": {item.column},\n'
        f'      "owner": {_VALUE(item.owner)}\n'
        "    }"
    )
