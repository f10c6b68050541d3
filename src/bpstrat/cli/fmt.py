"""`bpstrat fmt`: rewrite strategy files in canonical form, or check that they are."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from bpstrat.edit.fmt import format_text
from bpstrat.model.config import read_config
from bpstrat.source.atomic import write_atomic
from bpstrat.source.files import ROOT_FILE, decode, discover, find_root, read_file
from bpstrat.source.roundtrip import RoundTripError


def _files(count: int) -> str:
    return f"{count} file{'' if count == 1 else 's'}"


def run_fmt(path: Path, check: bool, show_diff: bool) -> int:
    root = find_root(path)
    config_file = read_file(root / ROOT_FILE, ROOT_FILE)
    config, _ = read_config(config_file.documents[0] if config_file.documents else None)
    files, _ = discover(root, config.exclude)
    targets = [root / ROOT_FILE, *files]
    if path.resolve() != root and path.resolve().is_file():
        targets = [path.resolve()]
    changed: list[str] = []
    failed = 0
    for target in targets:
        rel = target.relative_to(root).as_posix()
        try:
            raw = target.read_bytes()
        except OSError as error:
            sys.stderr.write(f"{rel}: cannot read: {error.strerror or error}\n")
            failed += 1
            continue
        text, problem = decode(raw)
        if text is None:
            sys.stderr.write(f"{rel}:{problem[0]}:{problem[1]}: {problem[2]}; left as it is\n")
            failed += 1
            continue
        try:
            result = format_text(text, rel == ROOT_FILE)
        except RoundTripError as error:
            sys.stderr.write(f"{rel}:{error.where}: invalid YAML: {error.message}; left as it is\n")
            failed += 1
            continue
        for note in result.notes:
            sys.stderr.write(f"{rel}: {note}\n")
        if result.text == text:
            continue
        changed.append(rel)
        if show_diff:
            sys.stdout.writelines(
                difflib.unified_diff(
                    text.splitlines(keepends=True),
                    result.text.splitlines(keepends=True),
                    f"a/{rel}",
                    f"b/{rel}",
                )
            )
        if not check:
            try:
                write_atomic(target, result.text)
            except OSError as error:
                sys.stderr.write(f"{rel}: cannot write: {error.strerror or error}; left as it is\n")
                changed.pop()
                failed += 1
    verb = "would reformat" if check else "reformatted"
    for rel in changed:
        sys.stderr.write(f"{verb} {rel}\n")
    unchanged = len(targets) - len(changed) - failed
    summary = [f"{verb} {_files(len(changed))}", f"{_files(unchanged)} unchanged"]
    if failed:
        summary.append(f"{_files(failed)} left as they are (errors above)")
    sys.stderr.write(", ".join(summary) + "\n")
    if failed or (check and changed):
        return 1
    return 0
