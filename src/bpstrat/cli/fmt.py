"""`bpstrat fmt`: rewrite strategy files in canonical form, or check that they are.

Only errors, and files that would change under `--check`, exit 1; `--check` and `--diff`
never write (edit/fmt_files.py does the work).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bpstrat.edit.fmt_files import format_root


def _files(count: int) -> str:
    return f"{count} file{'' if count == 1 else 's'}"


def run_fmt(path: Path, check: bool, show_diff: bool) -> int:
    run = format_root(path, check or show_diff, show_diff)
    for outcome in run.outcomes:
        for note in outcome.notes:
            sys.stderr.write(f"{outcome.rel}: {note}\n")
        if outcome.ending == "left":
            sys.stderr.write(f"{outcome.rel}: left as is: {outcome.reason}\n")
        elif outcome.ending == "failed":
            sys.stderr.write(f"{outcome.rel}{outcome.reason}\n")
        sys.stdout.write(outcome.diff)
    verb = "would reformat" if run.preview else "reformatted"
    for rel in run.changed:
        sys.stderr.write(f"{verb} {rel}\n")
    summary = [f"{verb} {_files(len(run.changed))}", f"{_files(run.count('unchanged'))} unchanged"]
    if run.count("left"):
        summary.append(f"{_files(run.count('left'))} left as is (reasons above)")
    failed = run.count("failed")
    if failed:
        verb = "it is" if failed == 1 else "they are"
        summary.append(f"{_files(failed)} left as {verb} (errors above)")
    sys.stderr.write(", ".join(summary) + "\n")
    if failed or (check and run.changed):
        return 1
    return 0
