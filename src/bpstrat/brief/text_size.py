"""How large a value is before a C-level call turns it into text or repeats it.

A template builds values within the sandbox's bounds, but a list may hold the same large
list many times (`[big] * 1000`): its text is far larger than its length says, and
`str()`, `join`, `%` or `format` would write it in one C call the time budget cannot
interrupt. `text_size` is a lower bound of a value's text, computed in time linear in the
distinct containers it walks and stopping as soon as it passes `limit`.
"""

from __future__ import annotations

from collections.abc import Iterable

_CONTAINERS = (list, tuple, set, frozenset, dict)


def text_size(value: object, limit: int) -> int:
    """At least how many characters `str(value)` writes; any number above `limit` means
    "too large" (the walk stops there)."""
    known: dict[int, int] = {}
    return _size(value, limit, known)


def _size(value: object, limit: int, known: dict[int, int]) -> int:
    if isinstance(value, str):
        return len(value)
    if not isinstance(value, _CONTAINERS):
        return 1
    if id(value) in known:
        return known[id(value)]
    if 3 * len(value) > limit:  # each item writes at least one character and ", "
        return limit + 1
    known[id(value)] = limit + 1  # a container inside itself prints as [...]: stop there
    items: Iterable[object] = value
    if isinstance(value, dict):
        items = (part for pair in value.items() for part in pair)
    total = 2
    for item in items:
        total += _size(item, limit, known) + 2
        if total > limit:
            break
    known[id(value)] = total
    return total


def repeated_size(value: object, count: int, limit: int) -> int:
    """At least how many characters or items `value * count` holds, counting the text of
    the items a repeated list or tuple holds."""
    if isinstance(value, str):
        return len(value) * count
    if isinstance(value, (list, tuple)):
        return max(len(value), text_size(value, limit) // 3) * count
    return 0


__all__ = ["repeated_size", "text_size"]
