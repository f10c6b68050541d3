"""Full-line comments move with the lines they stand before.

The round-trip writer keeps each comment at the column it was written at, so re-indenting
a list (`- item` under its key becomes `  - item`) would leave a comment above an item at
its old column. A full-line comment written at the indentation of the line after it is
given that line's new indentation; any other comment keeps its column.
"""

from __future__ import annotations

from bpstrat.edit.fmt_scan import scan


def realign_comments(before: str, after: str) -> str:
    """`after` (the formatted `before`) with its full-line comments re-indented like the
    lines they stood before in `before`."""
    if "#" not in before or before == after:
        return after
    old_lines, new_lines = before.split("\n"), after.split("\n")
    old, new = _full_line(before, old_lines), _full_line(after, new_lines)
    if [text for _, text in old] != [text for _, text in new]:
        return after  # not the same comments in the same order: nothing to pair
    old_next = _next_content(old_lines, {line for line, _ in old})
    new_next = _next_content(new_lines, {line for line, _ in new})
    changed = False
    for (was, _), (now, _) in zip(old, new, strict=True):
        before_line, after_line = old_next[was], new_next[now]
        if before_line is None or after_line is None:
            continue
        if _indent(old_lines[was]) != _indent(old_lines[before_line]):
            continue  # it was not aligned with the line after it
        wanted = _indent(new_lines[after_line])
        if _indent(new_lines[now]) != wanted:
            new_lines[now] = " " * wanted + new_lines[now].lstrip(" ")
            changed = True
    return "\n".join(new_lines) if changed else after


def _full_line(text: str, lines: list[str]) -> list[tuple[int, str]]:
    """(0-based line, text) of each comment that stands alone on its line."""
    return [
        (line - 1, comment)
        for line, comment in scan(text).comments
        if 0 < line <= len(lines) and lines[line - 1].lstrip(" ").startswith("#")
    ]


def _next_content(lines: list[str], comments: set[int]) -> list[int | None]:
    """For each line, the next line after it that holds content (not empty, not a
    comment), in one pass from the end."""
    found: list[int | None] = [None] * len(lines)
    following: int | None = None
    for number in range(len(lines) - 1, -1, -1):
        found[number] = following
        if lines[number].strip() and number not in comments:
            following = number
    return found


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
