"""`bpstrat schema`: print or write a JSON Schema generated from the models."""

from __future__ import annotations

import sys
from pathlib import Path

from bpstrat.model.schema import render
from bpstrat.source.atomic import write_output


def run_schema(kind: str, output: Path | None) -> int:
    text = render(None if kind == "entity" else kind)
    if output is None:
        sys.stdout.write(text)
        return 0
    write_output(output, text)
    return 0
