"""What `fmt` needs to know about a file before and after it rewrites it, from libyaml tokens.

One pass over the scanner's tokens (libyaml's C scanner: fast, never constructs anything)
gives: every comment (the text between tokens is only blanks and comments, so a `#` inside
a quoted scalar is never taken for one), the first construct `fmt` does not rewrite, where
the `---` and `...` lines are, and where a document's content starts and ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yaml.error import Mark
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
    Token,
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


@dataclass(frozen=True)
class Tok:
    """What fmt reads of one scanner token (libyaml's tokens are untyped)."""

    kind: type[Token]
    start: int  # character offsets
    end: int
    line: int  # 0-based line of the start
    end_column: int
    value: str = ""  # scalar text, or a directive's name
    style: str = ""
    plain: bool = False

    def of(self, *kinds: type[Token]) -> bool:
        return issubclass(self.kind, kinds)


def _tok(token: Token) -> Tok:
    start: Mark = token.start_mark
    end: Mark = token.end_mark
    value = ""
    style, plain = "", False
    if isinstance(token, ScalarToken):
        scalar: ScalarToken = token
        value, style, plain = str(scalar.value), str(scalar.style or ""), bool(scalar.plain)
    elif isinstance(token, DirectiveToken):
        directive: DirectiveToken = token
        value = str(directive.name)
    return Tok(type(token), start.index, end.index, start.line, end.column, value, style, plain)


def _tokens(text: str) -> list[Tok]:
    scanner = _Scanner(text)
    tokens: list[Tok] = []
    try:
        while True:
            token = scanner.get_token()
            if token is None:
                break
            tokens.append(_tok(token))
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
        _gap(text, previous_end, token.start, token.line, result)
        previous_end = max(previous_end, token.end)
        if result.refusal is None:
            result.refusal = _refusal(text, tokens, number, token)
        if token.of(AliasToken, AnchorToken):
            result.aliases = True
        if token.of(DocumentStartToken, DocumentEndToken):
            result.markers.append((token.start, line_end(text, token.end)))
        elif not token.of(*_LAYOUT):
            if first is None:
                first = line_start(text, token.start)
            width = token.end > token.start
            if token.of(ScalarToken):
                if token.style in ("|", ">"):
                    _block_header_comment(text, token.start, token.line, result)
                if not (token.plain and _NULL.match(token.value)):  # `~` is written `null`
                    result.scalars.append((token.line + 1, token.style, token.value))
            stop = token.end if width and token.end_column == 0 else line_end(text, token.end)
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


def _refusal(text: str, tokens: list[Tok], number: int, token: Tok) -> str | None:
    """Why fmt leaves the file alone because of this token, or None."""
    line = token.line + 1
    if token.of(DirectiveToken):
        return (
            f"line {line}: `%{token.value}` directive: fmt does not rewrite files with "
            "directives (they change how the rest reads); remove it if it is not needed"
        )
    if token.of(TagToken):
        return (
            f"line {line}: YAML tag: fmt does not rewrite tagged values; "
            "bpstrat reads plain data only, so remove the tag"
        )
    if token.of(KeyToken) and token.end > token.start:
        return (
            f"line {line}: explicit `?` key: fmt does not rewrite them; "
            "write the key as `name: value`"
        )
    if token.of(ScalarToken) and token.plain and token.value == "<<":
        return (
            f"line {line}: merge key `<<`: fmt does not rewrite merges; write the keys out instead"
        )
    if token.of(DocumentStartToken, DocumentEndToken):
        after = tokens[number + 1] if number + 1 < len(tokens) else None
        stop = line_end(text, token.end)
        if after is not None and not after.of(StreamEndToken) and after.start < stop:
            marker = text[token.start : token.end]
            return (
                f"line {line}: content on the `{marker}` line: fmt does not rewrite it; "
                f"start the content on the next line"
            )
    return None
