"""How much work keys with equal hashes cost a dict built in one C call.

A dict finds a key by its hash; the keys it holds with the same hash are compared with
it one by one until one is equal. Python's hashes of text are random per process, but
those of numbers are not: every multiple of 2**61 - 1 hashes to 0, so `dict(pairs)` over
80,000 such keys makes 3.2 billion comparisons inside one call, which no clock or alarm
can interrupt (Python's `compile` does the same with the constants of a module, and a
YAML reader with the keys of a mapping). `equal_hash_cost` counts those comparisons
first, in a Python loop (which a time budget does interrupt), and stops once the count
passes its limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


def _one(_key: object) -> int:
    return 1


def equal_hash_cost(
    keys: Iterable[object],
    limit: int,
    holding: Iterable[object] = (),
    weight: Callable[[object], int] = _one,
) -> int:
    """How many comparisons of unequal keys with equal hashes a dict that holds the keys
    `holding` makes taking `keys` one after another, each weighed by `weight` (what one
    comparison with that key costs: its size, where keys can be large); any
    number above `limit` means "too many" (the count stops there). A key seen before
    costs nothing more (the dict finds it first), and one that cannot be hashed is left
    to the call, which says so."""
    held: dict[int, list[object]] = {}  # hash -> the distinct keys with it, in order
    for key in holding:  # the keys of a dict: distinct already
        try:
            held.setdefault(hash(key), []).append(key)
        except TypeError:
            continue
    cost = 0
    for key in keys:
        try:
            found = hash(key)
        except TypeError:
            continue
        same = held.get(found)
        if same is None:
            held[found] = [key]
            continue
        cost_each = weight(key)
        for other in same:
            if other is key or other == key:
                break
            cost += cost_each
            if cost > limit:
                return cost
        else:
            same.append(key)
    return cost


__all__ = ["equal_hash_cost"]
