"""A metric's value as a reader outside the team says it: '24 hours', not '86,400 s'.

A duration (a unit of milliseconds, seconds, minutes, hours or days) is written in the
largest unit in which it is at least one (days from two on: '36 hours', '3 days'), with
the unit as a word in the brief's language; a percentage as the language writes
percentages; any other unit as written.
"""

from __future__ import annotations

from bpstrat.brief.i18n import N_, Lang

# Each duration unit: its length in seconds, the smallest value it is written for, and
# its words for one and for many.
_DURATIONS: tuple[tuple[float, float, str, str], ...] = (
    (86_400.0, 2.0, N_("%(value)s day"), N_("%(value)s days")),
    (3_600.0, 1.0, N_("%(value)s hour"), N_("%(value)s hours")),
    (60.0, 1.0, N_("%(value)s minute"), N_("%(value)s minutes")),
    (1.0, 1.0, N_("%(value)s second"), N_("%(value)s seconds")),
    (0.001, 0.0, N_("%(value)s millisecond"), N_("%(value)s milliseconds")),
)

# The spellings of a duration unit in a strategy, in seconds.
SECONDS: dict[str, float] = {
    **dict.fromkeys(("ms", "msec", "millisecond", "milliseconds"), 0.001),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1.0),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), 60.0),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 3_600.0),
    **dict.fromkeys(("d", "day", "days"), 86_400.0),
}


def plain_quantity(lang: Lang, value: float, unit: str | None) -> str:
    """`value` in `unit` as words: '15 minutes', '3 days', '99.5%', '7'."""
    seconds = SECONDS.get((unit or "").strip().lower())
    if seconds is None:
        return lang.quantity(value, unit, 1 if abs(value) >= 10 else 2)
    total = value * seconds
    for length, least, one, many in _DURATIONS:
        amount = total / length
        if length == seconds if total == 0 else abs(amount) >= least:
            rounded = round(amount, 1 if abs(amount) < 10 else 0)
            text = lang.number(rounded, 1)
            return lang._(one if rounded == 1 else many, value=text)
    return lang.quantity(value, unit)  # zero in a unit of its own: as written
