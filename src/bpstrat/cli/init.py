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
    path: Path,
    *,
    kind: str,
    id_: str | None,
    name: str | None,
    today: dt.date | None = None,
    from_catalog: str | None = None,
) -> int:
    if from_catalog is not None and id_ is not None and path == Path(".") and _a_path(id_):
        path, id_ = Path(id_), None  # `new consumer --from-catalog REF ROOT`: no ID given
    target = new(path, kind, id_, name, resolve_today(today), from_catalog)
    sys.stdout.write(f"created {_shown(target)}\n")
    return 0


def _a_path(text: str) -> bool:
    """True for an existing folder or file that is no valid id."""
    from bpstrat.model.types import is_slug

    return not is_slug(text) and Path(text).exists()


def _shown(path: Path) -> str:
    """`path` relative to the current folder when it is below it, else as it is."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
