"""`bpstrat brief`: render the strategy brief to stdout or a file, or check a file."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import sys
from pathlib import Path

from bpstrat.brief.render import render_brief
from bpstrat.errors import UsageError
from bpstrat.source.atomic import write_output

# The machine-readable date every brief and letter records, in any language; briefs
# written before it record the date only in their `| As of |` row.
_AS_OF = re.compile(r"^<!-- bpstrat: as-of (\d{4}-\d{2}-\d{2}) -->$", re.M)
_AS_OF_ROW = re.compile(r"^\| As of \| (\d{4}-\d{2}-\d{2}) \|$", re.M)


def run_brief(
    path: Path,
    *,
    output: Path | None,
    template: Path | None,
    check: bool,
    today: dt.date | None,
    cache: bool = False,
    lang: str | None = None,
    recipient: str | None = None,
) -> int:
    """`today` is --today; without it a check uses the date the brief records, so a
    committed brief goes out of date only when its inputs change."""
    if check and output is None:
        raise UsageError("--check needs -o FILE: the brief to compare with")
    current = _read(output) if check and output is not None else None
    as_of = today or (recorded_as_of(current) if current else None) or dt.date.today()
    text = render_brief(path, template, as_of, cache, lang, recipient)
    if output is None:
        sys.stdout.write(text)
        return 0
    if check:
        if current is None:
            fix = _fix(path, output, template, lang, recipient)
            sys.stderr.write(f"{output} does not exist; run {fix}\n")
            return 1
        if current != text:
            fix = _fix(path, output, template, lang, recipient)
            sys.stderr.write(f"{output} is out of date; run {fix}\n")
            return 1
        return 0
    write_output(output, text)
    return 0


def recorded_as_of(brief: str) -> dt.date | None:
    """The as-of date a rendered brief records, if it records one."""
    found = _AS_OF.search(brief) or _AS_OF_ROW.search(brief)
    if found is None:
        return None
    try:
        return dt.date.fromisoformat(found.group(1))
    except ValueError:
        return None


def _read(output: Path) -> str | None:
    if output.exists() and not output.is_file():
        # A FIFO or device would block or never end: compare with regular files only.
        raise UsageError(f"{output} is not a regular file; --check compares with a file")
    try:
        return output.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read {output}: {error}") from None


def _fix(
    path: Path, output: Path, template: Path | None, lang: str | None, recipient: str | None
) -> str:
    """The command that rewrites the brief, as it can be run from here."""
    words = ["bpstrat", "brief", str(path), "-o", str(output)]
    if template is not None:
        words += ["--template", str(template)]
    if lang is not None:
        words += ["--lang", lang]
    if recipient is not None:
        words += ["--for", recipient]
    return " ".join(shlex.quote(word) for word in words)
