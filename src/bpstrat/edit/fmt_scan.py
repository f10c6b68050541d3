"""What `fmt` needs to know about a file before and after it rewrites it, from libyaml tokens.

One pass over the scanner's tokens (libyaml's C scanner: fast, never constructs anything)
gives: every comment (the text between tokens is only blanks and comments, so a `#` inside
a quoted scalar is never taken for one), the first construct `fmt` does not rewrite, where
the `---` and `...` lines are, and where a document's content starts and ends.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from yaml.error import Mark
from yaml.tokens import (
    AliasToken,
    AnchorToken,
    BlockEndToken,
    BlockMappingStartToken,
    BlockSequenceStartToken,
    DirectiveToken,
    DocumentEndToken,
    DocumentStartToken,
    FlowMappingEndToken,
    FlowMappingStartToken,
    FlowSequenceEndToken,
    FlowSequenceStartToken,
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
_BREAK = re.compile("[" + BREAKS + "]")
_LAYOUT = (StreamStartToken, StreamEndToken, DocumentStartToken, DocumentEndToken, BlockEndToken)
_OPEN = (
    BlockMappingStartToken,
    BlockSequenceStartToken,
    FlowMappingStartToken,
    FlowSequenceStartToken,
)
_CLOSE = (BlockEndToken, FlowMappingEndToken, FlowSequenceEndToken)
# Deeper nesting is left as it is: a strategy file nests a few levels, and the round-trip
# reader's cost grows with the depth of what it rewrites.
MAX_NESTING = 20


@dataclass
class Scan:
    """The result of scanning one text (indexes are character offsets into it)."""

    comments: list[tuple[int, str]] = field(default_factory=list)  # (line, text)
    refusal: str | None = None
    markers: list[tuple[int, int]] = field(default_factory=list)  # `---`/`...` lines
    content: tuple[int, int] | None = None  # first content line start, tail start
    aliases: bool = False
    scalars: list[tuple[int, str, str]] = field(default_factory=list)  # (line, style, text)


class LineEnds:
    """Where each line of a text ends: found once, then looked up (a long flow line holds
    thousands of tokens, and walking to its end once per token was quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks = [m.start() for m in _BREAK.finditer(text)]

    def after(self, index: int) -> int:
        """The index just after the line break ending the line that holds `index`."""
        text = self.text
        at = bisect_left(self._breaks, index)
        if at == len(self._breaks):
            return len(text)
        end = self._breaks[at]
        return end + 2 if text.startswith("\r\n", end) else end + 1

    def start(self, index: int) -> int:
        """The index of the first character of the line that holds `index`."""
        at = bisect_left(self._breaks, index)
        return self._breaks[at - 1] + 1 if at else 0


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
    ends = LineEnds(text)
    previous_end = 0
    first: int | None = None
    tail = 0
    depth = 0
    for number, token in enumerate(tokens):
        if token.of(*_OPEN):
            depth += 1
            if depth > MAX_NESTING and result.refusal is None:
                result.refusal = (
                    f"line {token.line + 1}: values nested more than {MAX_NESTING} levels deep; "
                    "fmt leaves such files as they are (a strategy file nests a few levels)"
                )
        elif token.of(*_CLOSE):
            depth -= 1
        _gap(text, previous_end, token.start, token.line, result)
        previous_end = max(previous_end, token.end)
        if result.refusal is None:
            result.refusal = _refusal(text, ends, tokens, number, token)
        if token.of(AliasToken, AnchorToken):
            result.aliases = True
        if token.of(DocumentStartToken, DocumentEndToken):
            result.markers.append((token.start, ends.after(token.end)))
        elif not token.of(*_LAYOUT):
            if first is None:
                first = ends.start(token.start)
            width = token.end > token.start
            if token.of(ScalarToken):
                if token.style in ("|", ">"):
                    _block_header_comment(text, ends, token.start, token.line, result)
                if not (token.plain and _NULL.match(token.value)):  # `~` is written `null`
                    result.scalars.append((token.line + 1, token.style, token.value))
            stop = token.end if width and token.end_column == 0 else ends.after(token.end)
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


def _block_header_comment(text: str, ends: LineEnds, index: int, line: int, result: Scan) -> None:
    """A comment on the `|` or `>` line of a block scalar belongs to the scalar's token."""
    end = ends.after(index)
    header = text[index:end].rstrip(BREAKS)
    at = header.find("#")
    if at > 0 and header[at - 1] in " \t":
        result.comments.append((line + 1, header[at:].rstrip()))


def _refusal(text: str, ends: LineEnds, tokens: list[Tok], number: int, token: Tok) -> str | None:
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
        stop = ends.after(token.end)
        if after is not None and not after.of(StreamEndToken) and after.start < stop:
            marker = text[token.start : token.end]
            return (
                f"line {line}: content on the `{marker}` line: fmt does not rewrite it; "
                f"start the content on the next line"
            )
    return None
