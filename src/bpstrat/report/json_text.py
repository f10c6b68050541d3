"""JSON text of a report: indented by 2, UTF-8 kept, no NaN, ending with a line break.

Control, bidi, zero-width and tag characters of user text are written as JSON escapes
(`\u202e`, source/visible.py): the same values to a reader, but a report printed in a
terminal or a CI log hides nothing and obeys nothing.

Indented JSON is written in millions of small pieces on a large root; they are joined a
few thousand at a time, so the pieces never all exist at once (json.dumps keeps them
all until the end, doubling a large report's memory).
"""

from __future__ import annotations

import json

from bpstrat.source.visible import json_visible

_BATCH = 8192


def json_text(document: object) -> str:
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False, allow_nan=False)
    chunks: list[str] = []
    pieces: list[str] = []
    for piece in encoder.iterencode(document):
        pieces.append(piece)
        if len(pieces) >= _BATCH:
            chunks.append(json_visible("".join(pieces)))
            pieces.clear()
    chunks.append(json_visible("".join(pieces)))
    chunks.append("\n")
    return "".join(chunks)
