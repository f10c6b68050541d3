"""YAML syntax errors in plain words: what is wrong at which line, and how to fix it.

The parser's own words ("found character that cannot start any token") name a symptom;
the message here names the cause (a tab, an indentation that matches no block, a comma
inside a number in a flow list) and keeps the parser's words after it, in parentheses.
"""

from __future__ import annotations

import re

from bpstrat.source.positions import Pos

# A hint reads at most this much of the error's line.
HINT_CHARS = 400
# `[`, `]` and a number with a thousands comma: one left-to-right pass over the line.
_FLOW_PARTS = re.compile(r"[\[\]]|\d,\d{3}")


def _flow_number(line: str) -> bool:
    """Whether a `[` list on `line` holds a number like `2,000` (no `]` in between)."""
    inside = False
    for match in _FLOW_PARTS.finditer(line, 0, HINT_CHARS):
        part = match.group()
        if part == "[":
            inside = True
        elif part == "]":
            inside = False
        elif inside:
            return True
    return False


def _line(lines: list[str], number: int) -> str:
    """1-based line `number` of `lines`, or ''."""
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _spaces(count: int) -> str:
    return f"{count} space{'s' if count != 1 else ''}"


def _tab(lines: list[str], pos: Pos) -> Pos | None:
    """Where a tab in the indentation of the error's line (or the line before) is."""
    for number in (pos.line, pos.line - 1):
        text = _line(lines, number)
        lead = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in lead:
            return Pos(number, lead.index("\t") + 1)
    text = _line(lines, pos.line)
    if 0 < pos.column <= len(text) and text[pos.column - 1] == "\t":
        return pos
    return None


def _block(context: str) -> str:
    if "collection" in context or "sequence" in context:
        return "list"
    if "mapping" in context:
        return "mapping"
    return "block"


def explain(
    text: str, pos: Pos, problem: str, context: str = "", context_pos: Pos | None = None
) -> tuple[Pos, str]:
    """Where the mistake is and a message naming its cause, with the parser's words."""
    lines = text.splitlines()
    parser = problem or context or "invalid YAML"
    words = f" (parser: {parser})"
    tab = _tab(lines, pos)
    if tab is not None:
        return tab, (
            f"a tab at line {tab.line} column {tab.column}: indent with spaces "
            f"(YAML does not allow tabs for indentation){words}"
        )
    here = _line(lines, pos.line)
    for number in (pos.line, pos.line - 1):
        if _flow_number(_line(lines, number)):
            return pos, (
                f"a comma inside a number in a `[...]` list at line {number}: YAML reads "
                "`[2,000 carriers]` as two items; quote the text (`['2,000 carriers']`) or "
                f"write the number without the comma{words}"
            )
    if "did not find expected" in problem or "expected <block end>" in problem:
        start = context_pos or Pos(pos.line - 1, 1)
        opener = _line(lines, start.line)
        block = _block(context)
        return pos, (
            f"the indentation of line {pos.line} ({_spaces(_indent(here))}) does not match "
            f"the {block} that starts at line {start.line} "
            f"(indented {_spaces(_indent(opener))}): line it up with the other entries of "
            f"that {block}, or indent it further to nest it{words}"
        )
    if "mapping values are not allowed" in problem:
        before = next((n for n in range(pos.line - 1, 0, -1) if _line(lines, n).strip()), pos.line)
        return pos, (
            f"unexpected `:` at line {pos.line} column {pos.column}: line {pos.line} "
            f"(indented {_spaces(_indent(here))}) does not fit under line {before} "
            f"(indented {_spaces(_indent(_line(lines, before)))}); indent its key like its "
            f"siblings, or quote a value that contains ': '{words}"
        )
    full = " ".join(part for part in (context, problem) if part) or "invalid YAML"
    return pos, full
