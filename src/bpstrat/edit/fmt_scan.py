"""What `fmt` needs to know about a file before and after it rewrites it, from libyaml tokens.

One pass over the scanner's tokens (libyaml's C scanner: fast, never constructs anything)
gives: every comment (the text between tokens is only blanks and comments, so a `#` inside
a quoted scalar is never taken for one), the first construct `fmt` does not rewrite, where
the `---` and `...` lines are, and where a document's content starts and ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from yaml.tokens import (
    AliasToken,
    AnchorToken,
    BlockEndToken,
    DirectiveToken,
    DocumentEndToken,
    DocumentStartToken,
    KeyToken,
    ScalarToken,
    StreamEndToken,
    StreamStartToken,
    TagToken,
)

try:
    from yaml._yaml import CParser as _Scanner
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Scanner  # type: ignore[assignment]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
BREAKS = "\n\r\x85\u2028\u2029"
BLANKS = " \t\ufeff" + BREAKS
_LAYOUT = (StreamStartToken, StreamEndToken, DocumentStartToken, DocumentEndToken, BlockEndToken)


@dataclass
class Scan:
    """The result of scanning one text (indexes are character offsets into it)."""

    comments: list[tuple[int, str]] = field(default_factory=list)  # (line, text)
    refusal: str | None = None
    markers: list[tuple[int, int]] = field(default_factory=list)  # `---`/`...` lines
    content: tuple[int, int] | None = None  # first content line start, tail start
    aliases: bool = False
    scalars: list[tuple[int, str, str]] = field(default_factory=list)  # (line, style, text)


def line_end(text: str, index: int) -> int:
    """The index just after the line break ending the line that holds `index`."""
    while index < len(text) and text[index] not in BREAKS:
        index += 1
    if text.startswith("\r\n", index):
        return index + 2
    return min(index + 1, len(text))


def line_start(text: str, index: int) -> int:
    while index > 0 and text[index - 1] not in BREAKS:
        index -= 1
    return index


def _tokens(text: str) -> list[Any]:
    scanner = _Scanner(text)
    tokens: list[Any] = []
    try:
        while True:
            token = scanner.get_token()
            if token is None:
                break
            tokens.append(token)
            if isinstance(token, StreamEndToken):
                break
    finally:
        scanner.dispose()
    return tokens


def scan(text: str) -> Scan:
    """Scan `text` (already known to be valid YAML); raises yaml.YAMLError if it is not."""
    result = Scan()
    tokens = _tokens(text)
    previous_end = 0
    first: int | None = None
    tail = 0
    for number, token in enumerate(tokens):
        start, end = token.start_mark, token.end_mark
        _gap(text, previous_end, start.index, start.line, result)
        previous_end = max(previous_end, end.index)
        if result.refusal is None:
            result.refusal = _refusal(text, tokens, number, token)
        if isinstance(token, (AliasToken, AnchorToken)):
            result.aliases = True
        if isinstance(token, (DocumentStartToken, DocumentEndToken)):
            result.markers.append((start.index, line_end(text, end.index)))
        elif not isinstance(token, _LAYOUT):
            if first is None:
                first = line_start(text, start.index)
            width = end.index > start.index
            if isinstance(token, ScalarToken):
                if token.style in ("|", ">"):
                    _block_header_comment(text, start.index, start.line, result)
                if not (token.plain and _NULL.match(token.value)):  # `~` is written `null`
                    result.scalars.append((start.line + 1, token.style or "", token.value))
            stop = end.index if width and end.column == 0 else line_end(text, end.index)
            tail = max(tail, stop)
    if first is not None:
        result.content = (first, tail)
    result.comments.sort()
    return result


def _gap(text: str, begin: int, stop: int, line: int, result: Scan) -> None:
    """Record the comments between two tokens (only blanks and comments may stand there)."""
    index = begin
    while index < stop:
        char = text[index]
        if char in BLANKS:
            index += 1
        elif char == "#":
            end = index
            while end < len(text) and text[end] not in BREAKS:
                end += 1
            number = line - text.count("\n", end, stop)
            result.comments.append((number + 1, text[index:end].rstrip()))
            index = end
        else:
            if result.refusal is None:
                result.refusal = "its layout could not be checked; fmt leaves it as it is"
            index += 1


def _block_header_comment(text: str, index: int, line: int, result: Scan) -> None:
    """A comment on the `|` or `>` line of a block scalar belongs to the scalar's token."""
    end = line_end(text, index)
    header = text[index:end].rstrip(BREAKS)
    at = header.find("#")
    if at > 0 and header[at - 1] in " \t":
        result.comments.append((line + 1, header[at:].rstrip()))


def _refusal(text: str, tokens: list[Any], number: int, token: Any) -> str | None:
    """Why fmt leaves the file alone because of this token, or None."""
    line = token.start_mark.line + 1
    if isinstance(token, DirectiveToken):
        return (
            f"line {line}: `%{token.name}` directive: fmt does not rewrite files with "
            "directives (they change how the rest reads); remove it if it is not needed"
        )
    if isinstance(token, TagToken):
        return (
            f"line {line}: YAML tag: fmt does not rewrite tagged values; "
            "bpstrat reads plain data only, so remove the tag"
        )
    if isinstance(token, KeyToken) and token.end_mark.index > token.start_mark.index:
        return (
            f"line {line}: explicit `?` key: fmt does not rewrite them; "
            "write the key as `name: value`"
        )
    if isinstance(token, ScalarToken) and token.plain and token.value == "<<":
        return (
            f"line {line}: merge key `<<`: fmt does not rewrite merges; write the keys out instead"
        )
    if isinstance(token, (DocumentStartToken, DocumentEndToken)):
        after = tokens[number + 1] if number + 1 < len(tokens) else None
        stop = line_end(text, token.end_mark.index)
        if (
            after is not None
            and not isinstance(after, StreamEndToken)
            and after.start_mark.index < stop
        ):
            marker = text[token.start_mark.index : token.end_mark.index]
            return (
                f"line {line}: content on the `{marker}` line: fmt does not rewrite it; "
                f"start the content on the next line"
            )
    return None
