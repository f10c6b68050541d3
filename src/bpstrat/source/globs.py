"""`exclude:` globs, all matched at once without backtracking.

A glob is gitignore-like: `*` matches any run of characters within one name, `?` one
character of a name, `**` any run across folders (`**/` also nothing at all), anything else
itself; a glob without `/` matches at any depth, and a glob matching a folder matches
everything below it (`drafts` = `drafts/**`).

Every glob of a root is compiled into one automaton (a Thompson NFA whose states are the
bits of one integer), which reads each path once, character by character, whatever the
globs hold: the cost is the length of the path times a few integer operations on as many
bits as the globs have characters, never exponential (a backtracking regular expression
for `*a*a*a*a*a*a*a*a*b` needs minutes for a 60-character name). The state reached after a
folder's path is kept, so each file's name is read once, not its whole path per glob.
Globs are deduplicated, at most MAX_GLOBS are read, each of at most MAX_GLOB_CHARS
(bpstrat.yaml reports longer lists and globs).
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_GLOBS = 1000
MAX_GLOB_CHARS = 256

# Tokens of one glob.
_ONE = "?"  # one character of a name
_STAR = "*"  # any run within a name
_ANY = "**"  # any run across folders
_GAP = "**/"  # nothing, or any run ending with `/`


def normalize(pattern: str) -> str:
    """The glob as matched: blanks around it and `/` at either end dropped."""
    return pattern.strip().strip("/")


def tokens(pattern: str) -> list[str]:
    """The glob split into wildcards (`?`, `*`, `**`, `**/`) and single literal characters."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            if not out or out[-1] != _GAP:  # `**/**/` is `**/`
                out.append(_GAP)
            i += 3
        elif pattern.startswith("**", i):
            out.append(_ANY)
            i += 2
        else:
            out.append(pattern[i])
            i += 1
    return out


class Globs:
    """Every glob of a root, as one automaton over paths (`a/b/c.yaml`)."""

    def __init__(self, patterns: Iterable[str]) -> None:
        kept = dict.fromkeys(normalize(p) for p in patterns)
        kept.pop("", None)
        chosen = [p for p in kept if len(p) <= MAX_GLOB_CHARS][:MAX_GLOBS]
        self.patterns = chosen
        self._initial = 0
        self._accept = 0
        self._epsilon = 0  # state i reaches i + 1 without reading
        self._skip = 0  # state i (a `**/`) reaches i + 3 without reading
        self._loop_name = 0  # loops on any character but `/`
        self._loop_any = 0  # loops on any character
        self._one = 0  # targets of a step on any character but `/`
        self._slash = 0  # targets of a step on `/`
        literal: dict[str, int] = {}
        bit = 0
        for pattern in chosen:
            parts = tokens(pattern)
            if "/" not in pattern:  # matches at any depth
                parts.insert(0, _GAP)
            self._initial |= 1 << bit
            for part in parts:
                if part == _GAP:
                    self._epsilon |= 0b11 << bit
                    self._skip |= 1 << bit
                    self._loop_any |= 2 << bit
                    self._slash |= 8 << bit
                    bit += 3
                    continue
                if part == _STAR:
                    self._epsilon |= 1 << bit
                    self._loop_name |= 1 << bit
                elif part == _ANY:
                    self._epsilon |= 1 << bit
                    self._loop_any |= 1 << bit
                elif part == _ONE:
                    self._one |= 2 << bit
                elif part == "/":
                    self._slash |= 2 << bit
                else:
                    literal[part] = literal.get(part, 0) | 2 << bit
                bit += 1
            # `bit` is the glob's end; on `/` it moves to the next bit, which loops: a
            # folder the glob matches matches everything below it.
            self._accept |= 0b11 << bit
            self._slash |= 2 << bit
            self._loop_any |= 2 << bit
            bit += 2
        self._literal = literal
        self._steps: dict[str, tuple[int, int]] = {}
        self.start = self._close(self._initial)

    def _close(self, state: int) -> int:
        """`state` with every state reachable from it without reading a character."""
        epsilon = self._epsilon
        while True:
            # A run of epsilon states: the carry of an addition sets every bit from the
            # lowest one in the run up to the first state past it.
            closed = state | ((epsilon + (state & epsilon)) ^ epsilon)
            closed |= (closed & self._skip) << 3
            if closed == state:
                return state
            state = closed

    def _step_masks(self, char: str) -> tuple[int, int]:
        masks = self._steps.get(char)
        if masks is None:
            if char == "/":
                masks = (self._slash | self._literal.get(char, 0), self._loop_any)
            else:
                shift = self._one | self._literal.get(char, 0)
                masks = (shift, self._loop_any | self._loop_name)
            if len(self._steps) < 4096:
                self._steps[char] = masks
        return masks

    def advance(self, state: int, text: str) -> int:
        """The state after reading `text` from `state`."""
        for char in text:
            if not state:
                return 0
            shift, loop = self._step_masks(char)
            state = self._close(((state << 1) & shift) | (state & loop))
        return state

    def matched(self, state: int) -> bool:
        """Whether the path read to reach `state` matches a glob."""
        return bool(state & self._accept)

    def match(self, path: str) -> bool:
        """Whether `path` (or a folder above it) matches a glob."""
        return bool(self.patterns) and self.matched(self.advance(self.start, path))
