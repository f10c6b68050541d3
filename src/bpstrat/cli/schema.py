"""`bpstrat schema`: print or write a JSON Schema generated from the models, or the
Markdown field reference of docs/format.md."""

from __future__ import annotations

import sys
from pathlib import Path

from bpstrat.model.schema import render
from bpstrat.source.atomic import write_output


def run_schema(kind: str, output: Path | None, markdown: bool = False) -> int:
    if markdown:
        from bpstrat.model.reference_doc import render_markdown, splice_into

        text = render_markdown()
        if output is not None and output.exists():
            text = splice_into(output, text)
    else:
        text = render(None if kind == "entity" else kind)
    if output is None:
        sys.stdout.write(text)
        return 0
    write_output(output, text)
    return 0
