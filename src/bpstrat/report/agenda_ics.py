"""`agenda --format ics`: an RFC 5545 calendar with one all-day event per item.

Importing it again moves events rather than duplicating them: each UID comes from the
product, the item's kind, its entity and what it is about, never from its date. The
bytes depend only on the inputs: DTSTAMP is the start of "today" in UTC, and SEQUENCE
counts the days from 2000-01-01 to today, so a later export supersedes an earlier one.
"""

from __future__ import annotations

import datetime as dt

from bpstrat.agenda import ics
from bpstrat.agenda.items import Agenda, Item, add_days

PRODID = "-//bpstrat//Strategy Agenda//EN"
_EPOCH = dt.date(2000, 1, 1)


def render(agenda: Agenda, prefix: str = "") -> str:
    name = agenda.product_name or agenda.product_id or "strategy"
    lines = [
        ics.content_line("BEGIN", "VCALENDAR"),
        ics.content_line("VERSION", "2.0"),
        ics.content_line("PRODID", PRODID),
        ics.content_line("CALSCALE", "GREGORIAN"),
        ics.content_line("METHOD", "PUBLISH"),
        ics.content_line("X-WR-CALNAME", ics.text(f"{name}: agenda")),
    ]
    stamp = ics.midnight_utc(agenda.today)
    sequence = str(max(0, (agenda.today - _EPOCH).days))
    for item in agenda.items:
        lines += _event(agenda, item, stamp, sequence)
    lines.append(ics.content_line("END", "VCALENDAR"))
    return "".join(lines)


def _event(agenda: Agenda, item: Item, stamp: str, sequence: str) -> list[str]:
    summary = f"Overdue: {item.title}" if item.overdue else item.title
    owner = agenda.owner_name(item)
    about = [
        f"{item.kind} ({item.entity}), {item.path}:{item.line}",
        f"Due {item.date}" + (f", overdue as of {agenda.today}" if item.overdue else ""),
    ]
    if owner:
        about.append(f"Owner: {owner}")
    event = [
        ics.content_line("BEGIN", "VEVENT"),
        ics.content_line("UID", ics.text(ics.uid(agenda.product_id or "", item.identity))),
        ics.content_line("DTSTAMP", stamp),
        ics.content_line("DTSTART", ics.date(item.date), VALUE="DATE"),
    ]
    end = add_days(item.date, 1)
    if end > item.date:  # the last representable day has no next day: one day by default
        event.append(ics.content_line("DTEND", ics.date(end), VALUE="DATE"))
    event += [
        ics.content_line("SEQUENCE", sequence),
        ics.content_line("SUMMARY", ics.text(summary)),
        ics.content_line("DESCRIPTION", ics.text("\n".join(about))),
        ics.content_line("CATEGORIES", ics.text(item.kind)),
        ics.content_line("TRANSP", "TRANSPARENT"),
        ics.content_line("END", "VEVENT"),
    ]
    return event
