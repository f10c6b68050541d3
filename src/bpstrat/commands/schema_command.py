"""`bpstrat schema`: print or write a JSON Schema generated from the models."""

from __future__ import annotations

import sys
from pathlib import Path

from bpstrat.atomic import write_atomic
from bpstrat.errors import UsageError
from bpstrat.schema import render


def run_schema(kind: str, output: Path | None) -> int:
    text = render(None if kind == "entity" else kind)
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(output, text)
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror or error}") from None
    return 0
