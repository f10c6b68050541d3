""" "Did you mean": the known name closest to a mistyped one.

The answer is the choice with the best difflib ratio of at least `cutoff` (the first in
order among equally close ones), else the only choice that contains `word` (or that
`word` contains), ignoring case: exactly `closest_difflib`.
Long choice lists are prepared once (`Suggester`) and every lookup stays near-linear: a C
matcher (rapidfuzz's Indel ratio, which is never below difflib's ratio for the same pair)
keeps every choice difflib could pick, and difflib then decides among those few; the
containment fallback searches one joined string and a set of lowered choices.

The cost is bounded whatever the strategy holds: a choice longer than MAX_WORD characters
is never suggested, and a longer word gets only the containment answer (comparing two
long texts costs the product of their lengths); a word asked again is answered from
memory; and once the lookups of one Suggester have compared MAX_PAIRS word and choice
pairs, it suggests nothing more (a root with thousands of distinct misspellings among tens
of thousands of names still lints in linear time; the findings stay, only their "did you
mean" goes).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

# Below this many choices plain difflib is as fast as preparing anything.
SMALL = 64
# The joined search string separates choices with a character no word may hold.
_SEPARATOR = "\x00"
# The C matcher's score is a float in percent; keep a margin so that rounding never drops a
# choice difflib would accept (difflib re-checks every survivor).
_MARGIN = 1e-6
# How many of the best candidates to try before asking the C matcher for all of them.
_FIRST = 16
# Longer words and choices are never suggested nor compared.
MAX_WORD = 100
# Word and choice pairs one Suggester compares in all its lookups before it stops.
MAX_PAIRS = 20_000_000


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest choice by similarity, else the only one that contains `word` (or that
    `word` contains), else None."""
    return Suggester(choices).closest(word, cutoff)


def closest_difflib(word: str, options: list[str], cutoff: float) -> str | None:
    """The reference behaviour: difflib over every option, then a linear containment scan."""
    import difflib  # only when a name is not found: lint of a clean root never needs it

    found = difflib.get_close_matches(word, options, len(options) or 1, cutoff)
    if found:
        best = difflib.SequenceMatcher(None, found[0], word).ratio()
        # equally close choices: the first in order (BP409 rather than BP419 for BP499)
        return min(c for c in found if difflib.SequenceMatcher(None, c, word).ratio() == best)
    lowered = word.lower()
    containing = [c for c in options if lowered and (lowered in c.lower() or c.lower() in lowered)]
    return containing[0] if len(containing) == 1 else None


class Suggester:
    """The known names of one kind, prepared once for many "did you mean" lookups."""

    def __init__(
        self, choices: Iterable[str], small: int = SMALL, pairs: int | None = None
    ) -> None:
        """`pairs`: how many word and choice pairs its lookups compare in all before it
        stops (default MAX_PAIRS)."""
        given = set(choices)
        self.size = len(given)
        self.options = sorted(c for c in given if len(c) <= MAX_WORD)
        self.small = small
        self._pairs = MAX_PAIRS if pairs is None else pairs
        self._answers: dict[tuple[str, float], str | None] = {}
        self._joined: str | None = None
        self._starts: list[int] = []
        self._by_lowered: dict[str, list[int]] = {}
        self._lengths: list[int] = []

    def closest(self, word: str, cutoff: float = 0.6) -> str | None:
        key = (word, cutoff)
        if key in self._answers:
            return self._answers[key]
        if self._pairs <= 0:
            return None
        self._pairs -= len(self.options) * (1 + len(word) // MAX_WORD)
        found = self._closest(word, cutoff) if len(word) <= MAX_WORD else self._containing(word)
        if len(self._answers) < 100_000:
            self._answers[key] = found
        return found

    def _closest(self, word: str, cutoff: float) -> str | None:
        options = self.options
        if len(options) <= self.small or not word:
            return closest_difflib(word, options, cutoff)
        decided, found = self._best(word, cutoff, _FIRST)
        if not decided:
            _, found = self._best(word, cutoff, None)
        return found if found is not None else self._containing(word)

    def _best(self, word: str, cutoff: float, limit: int | None) -> tuple[bool, str | None]:
        """difflib's best match, checking candidates in falling order of their Indel score.

        The Indel score bounds difflib's ratio from above, so once it falls below the best
        ratio found no later candidate can win (an equal bound can still win a tie, which
        goes to the first in order). (False, None) when the first `limit`
        candidates were not enough to decide."""
        import difflib

        from rapidfuzz import fuzz, process

        hits = process.extract(
            word,
            self.options,
            scorer=fuzz.ratio,
            score_cutoff=max(cutoff * 100 - _MARGIN, 0.0),
            limit=limit,
        )
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        best: tuple[float, str] | None = None
        for choice, score, _index in hits:
            if best is not None and score / 100 + _MARGIN < best[0]:
                return True, best[1]
            matcher.set_seq1(choice)
            if (
                matcher.real_quick_ratio() >= cutoff
                and matcher.quick_ratio() >= cutoff
                and matcher.ratio() >= cutoff
            ):
                ratio = matcher.ratio()
                if best is None or ratio > best[0] or (ratio == best[0] and choice < best[1]):
                    best = (ratio, choice)  # equally close: the first in order
        if limit is not None and len(hits) == limit:
            return False, None
        return True, (best[1] if best else None)

    def _prepare(self) -> str:
        if self._joined is None:
            lowered = [option.lower() for option in self.options]
            starts: list[int] = []
            at = 0
            for index, text in enumerate(lowered):
                starts.append(at)
                at += len(text) + 1
                self._by_lowered.setdefault(text, []).append(index)
            self._starts = starts
            self._lengths = sorted({len(text) for text in lowered})
            self._joined = _SEPARATOR.join(lowered)
        return self._joined

    def _containing(self, word: str) -> str | None:
        """The only option that contains `word` or is contained in it, ignoring case."""
        lowered = word.lower()
        if not lowered:
            return None
        if _SEPARATOR in lowered:
            return closest_difflib_containing(lowered, self.options)
        joined = self._prepare()
        found: set[int] = set()
        at = joined.find(lowered)
        starts = self._starts
        while at != -1 and len(found) < 2:
            index = bisect_right(starts, at) - 1
            found.add(index)
            if index + 1 == len(starts):
                break
            at = joined.find(lowered, starts[index + 1])
        if len(found) < 2:
            self._contained_in(lowered, found)
        return self.options[next(iter(found))] if len(found) == 1 else None

    def _contained_in(self, lowered: str, found: set[int]) -> None:
        """Add the options whose lowered text occurs inside `lowered` (until two differ)."""
        by_lowered = self._by_lowered
        size = len(lowered)
        windows = sum(size - length + 1 for length in self._lengths if length <= size)
        if windows > len(by_lowered):  # a long word: scanning the options is cheaper
            for text, indexes in by_lowered.items():
                if text in lowered:
                    found.update(indexes)
                    if len(found) >= 2:
                        return
            return
        for length in self._lengths:
            for start in range(size - length + 1):
                hit = by_lowered.get(lowered[start : start + length])
                if hit:
                    found.update(hit)
                    if len(found) >= 2:
                        return


def closest_difflib_containing(lowered: str, options: list[str]) -> str | None:
    """The containment fallback by a linear scan (for words holding the separator)."""
    containing = [c for c in options if lowered in c.lower() or c.lower() in lowered]
    return containing[0] if len(containing) == 1 else None
