"""YAML syntax errors in plain words: what is wrong at which line, and how to fix it.

The parser's own words ("found character that cannot start any token") name a symptom,
often a line after the mistake; the message here names the cause (a tab, a key without a
space after its colon, a value that needs quotes, an indentation that matches no block, a
comma inside a number in a flow list), points at the line that holds it, and keeps the
parser's words after it, in parentheses.

Each explainer below recognises one cause from the error and the lines around it, and
the first that recognises it answers. Every look at a line reads at most HINT_CHARS of it,
and the walks back over lines stop after LOOK_BACK lines, so a hostile file costs no more
than its length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from bpstrat.source.positions import Pos, editor_lines

# A hint reads at most this much of a line.
HINT_CHARS = 400
# How many lines a hint walks back, looking for the line that started the trouble.
LOOK_BACK = 50
# `[`, `]` and a number with a thousands comma: one left-to-right pass over the line.
_FLOW_PARTS = re.compile(r"[\[\]]|\d,\d{3}")
# A line's indentation, list dashes and `key:` followed by a space or the end of the line.
# Each part is followed by a character it cannot hold, so a line is read in one pass.
KEY_LINE = re.compile(r"( *)((?:- +)*)([A-Za-z_][A-Za-z0-9_.-]*) *:(?: |$)")
# A key glued to its value (`importance:3`): a name, a colon and a character that neither a
# space nor a URL's `//` nor another colon.
GLUED = re.compile(r"( *)((?:- +)*)([A-Za-z_][A-Za-z0-9_-]*):(?=[^ \t/:])")
# A key and its value separated by spaces, without the colon (`importance 3`).
NO_COLON = re.compile(r"( *)((?:- +)*)([A-Za-z_][A-Za-z0-9_-]*) +(?=[^ #:])")

# Characters that cannot start a plain value (YAML reserves them, or gives them a meaning).
_RESERVED = "%@`"
# The characters of a key's name, to find the key before a `:` (read from the right).
_NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-"


class _Error(NamedTuple):
    """A syntax error as the parser reports it, with the file's lines."""

    lines: list[str]
    pos: Pos
    problem: str
    context: str
    context_pos: Pos | None

    def line(self, number: int) -> str:
        """1-based line `number`, at most HINT_CHARS of it, or ''."""
        return _line(self.lines, number)[:HINT_CHARS]

    @property
    def words(self) -> str:
        return f" (parser: {self.problem or self.context or 'invalid YAML'})"


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


def _content(text: str) -> bool:
    """Whether a line holds YAML (not blank, not only a comment)."""
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#")


def _value_text(text: str) -> str:
    """A plain value as written on its line: up to a ` #` comment, without outer spaces."""
    comment = text.find(" #")
    return (text if comment < 0 else text[:comment]).strip()


def quote(value: str) -> str:
    """`value` as a quoted YAML scalar: single quotes, or double when it holds `'` only."""
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _example(text: str) -> str:
    """`text` to show in a message: short lines whole, long ones cut."""
    return text if len(text) <= 80 else text[:77] + "..."


def _tab(err: _Error) -> tuple[Pos, str] | None:
    """A tab in the indentation of the error's line (or the line before)."""
    pos = err.pos
    found: Pos | None = None
    for number in (pos.line, pos.line - 1):
        text = err.line(number)
        lead = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in lead:
            found = Pos(number, lead.index("\t") + 1)
            break
    else:
        text = err.line(pos.line)
        if 0 < pos.column <= len(text) and text[pos.column - 1] == "\t":
            found = pos
    if found is None:
        return None
    return found, (
        f"a tab at line {found.line} column {found.column}: indent with spaces "
        f"(YAML does not allow tabs for indentation){err.words}"
    )


def _comma_in_number(err: _Error) -> tuple[Pos, str] | None:
    for number in (err.pos.line, err.pos.line - 1):
        if _flow_number(err.line(number)):
            return err.pos, (
                f"a comma inside a number in a `[...]` list at line {number}: YAML reads "
                "`[2,000 carriers]` as two items; quote the text (`['2,000 carriers']`) or "
                f"write the number without the comma{err.words}"
            )
    return None


def _glued_line(err: _Error) -> int | None:
    """The line of a key glued to its value (`importance:3`) that the error follows from.

    Such a line is read as text, not as a key, and the text runs on into the lines below
    it (up to the error): the first glued line of that run, walking back from the error.
    """
    if "simple key" in err.context and err.context_pos is not None:
        start = err.context_pos.line
        return start if GLUED.match(err.line(start)) else None
    if "mapping values are not allowed" not in err.problem:
        return None
    text = err.line(err.pos.line)
    key = KEY_LINE.match(text)
    if key is None or text.find(":", key.end(3)) + 1 != err.pos.column:
        return None  # the `:` is not the key's: this line does not continue the one above
    found = None
    for number in range(err.pos.line - 1, max(err.pos.line - 1 - LOOK_BACK, 0), -1):
        text = err.line(number)
        if not _content(text):
            break
        if GLUED.match(text):
            found = number
        elif KEY_LINE.match(text):
            break
    return found


def _no_space_after_colon(err: _Error) -> tuple[Pos, str] | None:
    number = _glued_line(err)
    if number is None:
        return None
    text = err.line(number)
    match = GLUED.match(text)
    assert match is not None
    colon = match.end()
    fixed = _value_text(text[:colon] + " " + text[colon:])
    return Pos(number, colon), (
        f"no space after the colon of `{match.group(3)}` at line {number}: YAML reads "
        f"`{_example(_value_text(text))}` as text, not as a key and its value; put a space "
        f"after the colon (`{_example(fixed)}`){err.words}"
    )


def _not_a_key(err: _Error) -> tuple[Pos, str] | None:
    """A line read as the start of a key that never gets its colon (`importance 3`)."""
    if "simple key" not in err.context or err.context_pos is None:
        return None
    number = err.context_pos.line
    text = err.line(number)
    match = NO_COLON.match(text)
    key = match.group(3) if match else ""
    written = f"`{_example(_value_text(text))}` " if _value_text(text) else ""
    fixed = (
        f"write `{_example(_value_text(key + ': ' + text[match.end() :]))}`, or "
        if match
        else "write `key: value`, or "
    )
    return Pos(number, _indent(text) + 1), (
        f"line {number} {written}is not `key: value` (no `:` after the key): {fixed}"
        f"indent it further if it continues the text above{err.words}"
    )


def _reserved_start(err: _Error) -> tuple[Pos, str] | None:
    """A value that starts with a character YAML reserves (`%`, `@`, a backquote) or gives a
    meaning (`*` an alias, `&` an anchor, `|` and `>` a block of text)."""
    pos = err.pos
    if "cannot start any token" in err.problem:
        at = pos
        allowed = _RESERVED
    elif (
        "alias" in err.context or "anchor" in err.context or "block scalar" in err.context
    ) and err.context_pos is not None:
        at = err.context_pos
        allowed = "*&|>"
    elif "node content" in err.problem:
        at = pos
        allowed = "]},"
    else:
        return None
    text = err.line(at.line)
    char = text[at.column - 1 : at.column]
    if not char or char not in allowed:
        return None
    before = text[: at.column - 1]
    written = before.rstrip(" ")
    flow = "[" in before or "{" in before
    if written.endswith(":") and before.endswith(" "):
        name = written[:-1]
        key = name[len(name.rstrip(_NAME_CHARS)) :]
        prefix = f"{key}: " if key else ""
    elif (
        (written.endswith("-") and before.endswith(" "))
        or written.endswith(("[", ","))
        or not written
    ):
        prefix = "- " if written.endswith("-") else ""
    else:
        return None
    value = _value_text(text[at.column - 1 :])
    if flow:
        value = value[: min((i for i in map(value.find, ",]}") if i >= 0), default=len(value))]
    meaning = {
        "*": "starts an alias (`*name`)",
        "&": "starts an anchor (`&name`)",
        "|": "starts a block of text on the lines below",
        ">": "starts a block of text on the lines below",
        "]": "closes a list",
        "}": "closes a mapping",
        ",": "separates entries",
    }.get(char, "is reserved")
    shown = "a backquote" if char == "`" else f"`{char}`"
    return at, (
        f"a value cannot start with {shown} (line {at.line} column {at.column}): in YAML it "
        f"{meaning}; quote the value (`{prefix}{_example(quote(value.rstrip()))}`){err.words}"
    )


_CLOSERS = {"[": "]", "{": "}", '"': '"', "'": "'"}


def _text_after_closing(err: _Error) -> tuple[Pos, str] | None:
    """`title: [WIP] fix` or `title: "a" b`: a value that opens a list, a mapping or a
    quoted text ends at its closing character, and the text after it is unexpected."""
    if "did not find expected key" not in err.problem and "'-' indicator" not in err.problem:
        return None
    text = err.line(err.pos.line)
    key = KEY_LINE.match(text)
    if key is None:
        return None
    start = key.end()
    while start < len(text) and text[start] == " ":
        start += 1
    opener = text[start : start + 1]
    if opener not in _CLOSERS or err.pos.column - 1 <= start:
        return None
    value = _value_text(text[start:])
    what = {"[": "a list", "{": "a mapping"}.get(opener, "a quoted text")
    return err.pos, (
        f"the value of `{key.group(3)}` at line {err.pos.line} starts with `{opener}`, so YAML "
        f"reads {what} that ends at `{_CLOSERS[opener]}` and then finds more text; quote the "
        f"whole value (`{key.group(3)}: {_example(quote(value))}`){err.words}"
    )


def _colon_in_value(err: _Error) -> tuple[Pos, str] | None:
    """`title: Fraud: every login`: a value with `: ` in it reads as a second key."""
    if "mapping values are not allowed" not in err.problem:
        return None
    text = err.line(err.pos.line)
    key = KEY_LINE.match(text)
    if key is None or key.end() >= err.pos.column:
        return None
    value = _value_text(text[key.end() :])
    return err.pos, (
        f"the value of `{key.group(3)}` at line {err.pos.line} contains `: `, which YAML reads "
        f"as the start of another key; quote the value (`{key.group(3)}: "
        f"{_example(quote(value))}`){err.words}"
    )


def _unexpected_colon(err: _Error) -> tuple[Pos, str] | None:
    """A `key:` on a line that continues the value above it (indented under a value)."""
    if "mapping values are not allowed" not in err.problem:
        return None
    pos, lines = err.pos, err.lines
    here = err.line(pos.line)
    before = next(
        (
            n
            for n in range(pos.line - 1, max(pos.line - 1 - LOOK_BACK, 0), -1)
            if _content(_line(lines, n))
        ),
        pos.line,
    )
    above = err.line(before)
    if _indent(here) > _indent(above):
        return pos, (
            f"unexpected `:` at line {pos.line} column {pos.column}: line {pos.line} "
            f"(indented {_spaces(_indent(here))}) is indented under the value of line "
            f"{before} (indented {_spaces(_indent(above))}); indent its key like its "
            f"siblings, or quote a value that contains ': '{err.words}"
        )
    return pos, (
        f"unexpected `:` at line {pos.line} column {pos.column}: YAML reads line {pos.line} as "
        f"more of the text that starts above it; check that line {before} is a complete "
        f"`key: value` line, or quote a value that contains ': '{err.words}"
    )


def _block(context: str) -> str:
    if "collection" in context or "sequence" in context:
        return "list"
    if "mapping" in context:
        return "mapping"
    return "block"


def _fields(opener: str) -> int:
    """The indentation of the fields of a list item that starts on line `opener`."""
    indent = _indent(opener)
    dash = opener[indent:]
    if not dash.startswith("-"):
        return indent + 2
    return max(indent + len(dash) - len(dash.lstrip("- ")), indent + 2)


def _indentation(err: _Error) -> tuple[Pos, str] | None:
    problem = err.problem
    if "did not find expected" not in problem and "expected <block end>" not in problem:
        return None
    if "','" in problem or "node content" in problem or "document start" in problem:
        return None
    pos = err.pos
    start = err.context_pos or Pos(pos.line - 1, 1)
    here, opener = err.line(pos.line), err.line(start.line)
    block = _block(err.context)
    # the block's own column (a mapping in a list item starts after its `- `)
    indent, opened = _indent(here), (start.column - 1 if err.context_pos else _indent(opener))
    item = here[indent:].startswith("-")
    if indent == opened and block == "list" and not item:
        return pos, (
            f"line {pos.line} is indented like the items of the list that starts at line "
            f"{start.line} ({_spaces(opened)}) but does not start with `- `: indent it to "
            f"{_spaces(_fields(opener))} to make it a field of the item above, or start "
            f"it with `- ` to make it an item of its own{err.words}"
        )
    if indent == opened and block == "mapping" and item:
        return pos, (
            f"line {pos.line} is a list item (`- `) among the keys of the mapping that starts at "
            f"line {start.line} ({_spaces(opened)}): indent it under the key that holds the "
            f"list, or write it as `key: value`{err.words}"
        )
    if block == "list" and indent > opened:
        return pos, (
            f"the indentation of line {pos.line} ({_spaces(indent)}) matches neither the items "
            f"of the list that starts at line {start.line} ({_spaces(opened)}) nor their "
            f"fields ({_spaces(_fields(opener))}): indent a field like the fields of its item, "
            f"or an item (`- `) like the other items{err.words}"
        )
    return pos, (
        f"the indentation of line {pos.line} ({_spaces(indent)}) does not match "
        f"the {block} that starts at line {start.line} "
        f"(indented {_spaces(opened)}): line it up with the other entries of "
        f"that {block}, or indent it further to nest it{err.words}"
    )


def _unclosed(err: _Error) -> tuple[Pos, str] | None:
    """A quote, `[` or `{` that is never closed, or closed after something unexpected."""
    start = err.context_pos
    if start is None:
        return None
    if "quoted scalar" in err.context and "end of stream" in err.problem:
        char = err.line(start.line)[start.column - 1 : start.column] or '"'
        return err.pos, (
            f"the quote at line {start.line} column {start.column} is never closed: end the "
            f"text with `{char}`{err.words}"
        )
    if "flow" not in err.context or "did not find expected ','" not in err.problem:
        return None
    opener = "[" if "sequence" in err.context else "{"
    closer = _CLOSERS[opener]
    if err.pos.line > start.line:
        return err.pos, (
            f"the `{opener}` at line {start.line} column {start.column} is not closed on its "
            f"line: end the {'list' if opener == '[' else 'mapping'} with `{closer}`{err.words}"
        )
    return err.pos, (
        f"unexpected text at line {err.pos.line} column {err.pos.column} in the "
        f"`{opener}...{closer}` that starts at column {start.column}: separate its entries with "
        f"`, `, and quote an entry that holds `:`, `[`, `{{` or `,`{err.words}"
    )


def _escape(err: _Error) -> tuple[Pos, str] | None:
    if "unknown escape character" not in err.problem:
        return None
    return err.pos, (
        f"`\\` at line {err.pos.line} column {err.pos.column - 1} starts no escape that "
        "double quotes know: write `\\\\` for a backslash, or use single quotes"
        f"{err.words}"
    )


def _list_on_key_line(err: _Error) -> tuple[Pos, str] | None:
    if "block sequence entries are not allowed" not in err.problem:
        return None
    return err.pos, (
        f"a `- ` item at line {err.pos.line} column {err.pos.column} cannot start on the "
        "line of its key: put each item on a line of its own below the key, or quote a value "
        f"that starts with `- `{err.words}"
    )


_EXPLAINERS: tuple[Callable[[_Error], tuple[Pos, str] | None], ...] = (
    _tab,
    _comma_in_number,
    _no_space_after_colon,
    _not_a_key,
    _reserved_start,
    _text_after_closing,
    _colon_in_value,
    _unexpected_colon,
    _indentation,
    _unclosed,
    _escape,
    _list_on_key_line,
)


def explain(
    text: str, pos: Pos, problem: str, context: str = "", context_pos: Pos | None = None
) -> tuple[Pos, str]:
    """Where the mistake is and a message naming its cause, with the parser's words;
    `pos` and `context_pos` count lines as editors do (source/positions.editor_lines)."""
    err = _Error(editor_lines(text), pos, problem, context, context_pos)
    for explainer in _EXPLAINERS:
        found = explainer(err)
        if found is not None:
            return found
    full = " ".join(part for part in (context, problem) if part) or "invalid YAML"
    return pos, f"line {pos.line} column {pos.column} cannot be read: {full}"
