"""Random strategy-like YAML texts near the canonical form, for tests/edit/test_fmt_quick.py.

Each text is built line by line from mappings, lists, flow collections, block scalars,
comments and empty lines, with values drawn from a list that mixes what the format writes
back unchanged with what it rewrites (`~`, `True`, `0x1F`, `1.`, escapes, odd blanks), so
that the quick proof meets both sides of every rule it applies.
"""

from __future__ import annotations

import random

KEPT = [  # written back as they stand
    "null",
    "true",
    "false",
    "1",
    "0",
    "42",
    "1.0",
    "1.50",
    "0.10",
    "2026-10-01",
    "a b",
    "a, b",
    "a:b",
    "a#b",
    "a #eol",
    "'q'",
    "'it''s'",
    '"dq"',
    '"é"',
    "é",
    "(x)",
    "$5",
    "/p",
    "a  b",
    "2.1% of x",
    "10 minutes",
    "1 000",
    "v1.2",
    "x'y",
    'x"y',
    "a\\b",
    "a...",
    "https://x.y/z?a=1&b=2",
    "a,b",
    "a]b",
    "a}",
    "Ünïcödé ñ",
    "''",
    '""',
    "' x'",
    "[]",
    "{}",
    "[a, b]",
    "['a, b', c]",
    "[\"x\", 'y']",
    "[1.0, 2]",
    "[x y, z]",
    "{id: x, name: y}",
]
ODD = [  # rewritten, refused or read differently
    "~",
    "Null",
    "NULL",
    "True",
    "FALSE",
    "yes",
    "no",
    "on",
    "01",
    "+1",
    "-1",
    "-0",
    "1_000",
    "0x1F",
    "0o17",
    "1e3",
    "-2.5",
    ".5",
    "1.",
    "00.5",
    "1.0e3",
    ".inf",
    ".nan",
    "2026-13-01",
    "2026-1-1",
    "2026-10-01 10:00:00",
    "2026-10-01T10:00:00Z",
    "12:30",
    "1:20:30",
    "8712008.539891238",
    "39089142324963290.0",
    "a: b",
    "[a]x",
    "{a: 1}",
    '"a\\tb"',
    '"\\u00e9"',
    "✓",
    "😀",
    "-a",
    "-",
    "?a",
    ":a",
    "%x",
    "@x",
    "`x`",
    "!x",
    "&a",
    "*a",
    "1.0.3",
    "2026-09 review",
    "<<",
    "=",
    "'",
    "0b101",
    "+.5",
    "-.inf",
    "[a,b]",
    "[ a ]",
    "{name: y, id: x}",
    "{id: x,name: y}",
    "[a: b]",
    "[a, [b]]",
    "[a, {b: c}]",
    "[null, ~]",
    "[a #b]",
    "[" + ", ".join(["abcdefgh"] * 12) + "]",
    "x\u00a0y",
    "tab\there",
    "a ",
]
KEYS = ["id", "name", "side", "owner", "summary", "sources", "note", "tags", "extra", "zeta"]
BLOCK_HEADERS = ["|", "|-", ">", ">-", "|+", "|2", "| # c", ">+"]
COMMENTS = ["# c", "#", "# - x", "# a: b", "#!x", "# ---"]


class Variants:
    """Texts drawn from one seeded random source."""

    def __init__(
        self, seed: int, odd: float = 0.08, in_order: float = 0.7, misindent: float = 0.05
    ) -> None:
        self.rng = random.Random(seed)
        self.odd = odd  # how often a value is drawn from ODD
        self.in_order = in_order  # how often a mapping's keys are drawn in the format's order
        self.misindent = misindent  # how often a block is not indented by 2 under its key

    def text(self) -> str:
        rng = self.rng
        documents = [self._document() for _ in range(1 if rng.random() < 0.85 else 2)]
        text = "---\n".join(documents)
        if rng.random() < 0.03:
            text = text.rstrip("\n")
        if rng.random() < 0.03:
            text = text.replace("\n", "\r\n", 1)
        if rng.random() < 0.03:
            text = "\ufeff" + text
        if rng.random() < 0.05:
            lines = text.split("\n")
            at = rng.randrange(len(lines))
            lines[at] = " " * rng.choice([1, 2]) + lines[at]  # a line out of its indent
            text = "\n".join(lines)
        return text

    def _document(self) -> str:
        rng = self.rng
        lines: list[str] = ["# head"] if rng.random() < 0.3 else []
        lines.append("kind: " + rng.choice(["consumer", "goal", "dimension", "other"]))
        self._mapping(0, 0, lines, None)
        if rng.random() < 0.2:
            lines.append(rng.choice(["# tail", "", "  # tail"]))
        return "\n".join(lines) + "\n"

    def _extras(self, indent: int, lines: list[str]) -> None:
        rng = self.rng
        if rng.random() < 0.12:
            shift = rng.choice([0, 0, 2, -2, 5])
            lines.append(" " * max(0, indent + shift) + rng.choice(COMMENTS))
        if rng.random() < 0.08:
            lines.append(rng.choice(["", "", " "]))

    def _value(self) -> str:
        return self.rng.choice(ODD if self.rng.random() < self.odd else KEPT)

    def _eol(self) -> str:
        rng = self.rng
        return (" " * rng.choice([1, 2, 4]) + "# e") if rng.random() < 0.12 else ""

    def _mapping(self, indent: int, depth: int, lines: list[str], first: str | None) -> None:
        rng = self.rng
        keys = rng.sample(KEYS, rng.randint(1, 4))
        if rng.random() < self.in_order:
            keys.sort(key=KEYS.index)
        for number, key in enumerate(keys):
            self._extras(indent, lines)
            prefix = first if number == 0 and first is not None else " " * indent
            choice = rng.random()
            if depth < 3 and choice < 0.2:
                lines.append(f"{prefix}{key}:{self._eol()}")
                shift = rng.choice([1, 4]) if rng.random() < self.misindent else 2
                self._mapping(indent + shift, depth + 1, lines, None)
            elif depth < 3 and choice < 0.4:
                lines.append(f"{prefix}{key}:{self._eol()}")
                shift = rng.choice([0, 4]) if rng.random() < self.misindent else 2
                self._sequence(indent + shift, depth + 1, lines)
            elif choice < 0.5:
                self._block(prefix, key, indent, lines)
            else:
                separator = ":  " if rng.random() < 0.03 else ": "
                lines.append(f"{prefix}{key}{separator}{self._value()}{self._eol()}")

    def _sequence(self, indent: int, depth: int, lines: list[str]) -> None:
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            self._extras(indent, lines)
            dash = " " * indent + ("-  " if rng.random() < self.misindent * 0.6 else "- ")
            if depth < 3 and rng.random() < 0.4:
                self._mapping(len(dash), depth + 1, lines, dash)
            else:
                lines.append(dash + self._value() + self._eol())

    def _block(self, prefix: str, key: str, indent: int, lines: list[str]) -> None:
        rng = self.rng
        lines.append(f"{prefix}{key}: {rng.choice(BLOCK_HEADERS)}")
        body = indent + (rng.choice([3, 4]) if rng.random() < 0.1 else 2)
        for _ in range(rng.randint(1, 4)):
            lines.append(
                rng.choice(["", " " * body + rng.choice(["text", "# x", "a: b", "- c", "é ✓"])])
            )
            if rng.random() < 0.2:
                lines.append(" " * (body + 2) + "deeper")
        if lines[-1] == "" or rng.random() < 0.2:
            lines.append(" " * body + "end")
        if rng.random() < 0.3:
            lines.append("")
