"""`bpstrat init` and `bpstrat new`."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from bpstrat.cli.options import resolve_today
from bpstrat.edit.scaffold import init, new
from bpstrat.source.visible import visible


def run_init(
    folder: Path,
    *,
    name: str | None,
    pre_commit: bool,
    github_actions: bool,
    today: dt.date | None = None,
) -> int:
    here = os.fsencode(folder.resolve().name).decode("utf-8", "replace")  # a name not UTF-8
    title = name or here.replace("-", " ").title() or "My Product"
    notes: list[str] = []
    written = init(folder, title, resolve_today(today), pre_commit, github_actions, notes)
    for path in written:
        sys.stdout.write(f"created {visible(path.relative_to(folder).as_posix())}\n")
    for note in notes:
        sys.stderr.write(f"note: {note}\n")
    sys.stdout.write(f"next: edit the files, then run `bpstrat lint {folder}`\n")
    return 0


def run_new(
    path: Path, *, kind: str, id_: str, name: str | None, today: dt.date | None = None
) -> int:
    target = new(path, kind, id_, name, resolve_today(today))
    sys.stdout.write(f"created {_shown(target)}\n")
    return 0


def _shown(path: Path) -> str:
    """`path` relative to the current folder when it is below it, else as it is."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
