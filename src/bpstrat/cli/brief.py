"""`bpstrat brief`: render the strategy brief to stdout or a file, or check a file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bpstrat.brief.render import render_brief
from bpstrat.errors import UsageError
from bpstrat.source.atomic import write_output


def run_brief(
    path: Path,
    output: Path | None,
    template: Path | None,
    check: bool,
    today: dt.date | None,
    cache: bool = False,
) -> int:
    if check and output is None:
        raise UsageError("--check needs -o FILE: the brief to compare with")
    text = render_brief(path, template, today, cache)
    if output is None:
        sys.stdout.write(text)
        return 0
    if check:
        try:
            current = output.read_text(encoding="utf-8")
        except FileNotFoundError:
            sys.stderr.write(f"{output} does not exist; run bpstrat brief -o {output}\n")
            return 1
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read {output}: {error}") from None
        if current != text:
            sys.stderr.write(f"{output} is out of date; run bpstrat brief -o {output}\n")
            return 1
        return 0
    write_output(output, text)
    return 0
