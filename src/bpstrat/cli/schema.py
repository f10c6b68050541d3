"""`bpstrat schema`: print or write a JSON Schema generated from the models, or the
Markdown field reference of docs/format.md."""

from __future__ import annotations

import sys
from pathlib import Path

from bpstrat.errors import UsageError
from bpstrat.model.schema import render
from bpstrat.source.atomic import write_output


def run_schema(kind: str, output: Path | None, markdown: bool = False) -> int:
    if markdown:
        from bpstrat.model.reference_doc import render_markdown

        text = render_markdown()
        if output is not None and output.exists():
            text = _splice_into(output, text)
    else:
        text = render(None if kind == "entity" else kind)
    if output is None:
        sys.stdout.write(text)
        return 0
    write_output(output, text)
    return 0


def _splice_into(output: Path, generated: str) -> str:
    """The existing page at `output` with its generated part replaced."""
    from bpstrat.model.reference_doc import splice

    try:
        page = output.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise UsageError(f"cannot read {output}: {reason or error}") from None
    try:
        return splice(page, generated)
    except UsageError as error:
        raise UsageError(f"{output}: {error}") from None
