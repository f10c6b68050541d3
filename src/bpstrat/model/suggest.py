""" "Did you mean": the known name closest to a mistyped one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest choice by similarity, else the only one that contains `word` (or that
    `word` contains), else None."""
    options = sorted(set(choices))
    found = difflib.get_close_matches(word, options, len(options) or 1, cutoff)
    if found:
        best = difflib.SequenceMatcher(None, found[0], word).ratio()
        # equally close choices: the first in order (BP409 rather than BP419 for BP499)
        return min(c for c in found if difflib.SequenceMatcher(None, c, word).ratio() == best)
    lowered = word.lower()
    containing = [c for c in options if lowered and (lowered in c.lower() or c.lower() in lowered)]
    return containing[0] if len(containing) == 1 else None
