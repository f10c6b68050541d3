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
    # The lines every event shares, written once (each is short ASCII: no fold).
    common = ics.content_line("DTSTAMP", ics.midnight_utc(agenda.today)) + ics.content_line(
        "SEQUENCE", str(max(0, (agenda.today - _EPOCH).days))
    )
    product = agenda.product_id or ""
    lines += [_event(agenda, item, common, product) for item in agenda.items]
    lines.append(ics.content_line("END", "VCALENDAR"))
    return "".join(lines)


def _event(agenda: Agenda, item: Item, common: str, product: str) -> str:
    summary = f"Overdue: {item.title}" if item.overdue else item.title
    owner = agenda.owner_name(item)
    late = f", overdue as of {agenda.today}" if item.overdue else ""
    about = f"{item.kind} ({item.entity}), {item.path}:{item.line}\nDue {item.date}{late}"
    if owner:
        about += f"\nOwner: {owner}"
    end = add_days(item.date, 1)
    # the last representable day has no next day: an event without DTEND lasts one day
    until = ics.content_line("DTEND", ics.date(end), VALUE="DATE") if end > item.date else ""
    return "".join(
        (
            "BEGIN:VEVENT\r\n",
            ics.content_line("UID", ics.uid(product, item.identity)),  # hex and @bpstrat
            common,
            ics.content_line("DTSTART", ics.date(item.date), VALUE="DATE"),
            until,
            ics.content_line("SUMMARY", ics.text(summary)),
            ics.content_line("DESCRIPTION", ics.text(about)),
            ics.content_line("CATEGORIES", item.kind),  # a slug: nothing to escape
            "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n",
        )
    )
