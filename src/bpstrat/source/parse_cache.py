"""A content-hash cache of parsed files, for warm runs of lint, score and brief.

Each entry is keyed on the exact text of a file, and the whole cache on the bpstrat
version and the source of the YAML reader, so it is never stale: an edited file has a
new key, a new bpstrat a new cache. It is plain JSON (never pickle: a cache in a shared
repository must not be able to run code), lives in `.bpstrat-cache/` in the strategy
root (a hidden folder: lint skips it; add it to .gitignore), and anything unreadable or
unexpected in it is ignored. `--no-cache` or BPSTRAT_NO_CACHE=1 switch it off; it is
also off in CI (CI=true), where every checkout is fresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from bpstrat import __version__
from bpstrat.findings import Issue
from bpstrat.source import yaml_fast
from bpstrat.source.positions import Pos, Positions
from bpstrat.source.yaml_fast import Document, YamlSyntaxError, parse

FOLDER = ".bpstrat-cache"
FILE = "parsed.json"

Parsed = tuple[list[Document], YamlSyntaxError | None]


def disabled_by_environment() -> bool:
    """BPSTRAT_NO_CACHE=1, or a CI run: a fresh checkout would only pay to write it."""
    if os.environ.get("BPSTRAT_NO_CACHE", "").strip() not in ("", "0"):
        return True
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false")


def _stamp() -> str:
    """Changes whenever bpstrat or its YAML reader changes."""
    reader = Path(yaml_fast.__file__).read_bytes()
    return f"{__version__}:{hashlib.blake2b(reader, digest_size=8).hexdigest()}"


class ParseCache:
    """Parsed documents by content hash; `parse` is the only way in."""

    def __init__(self, root: Path | None) -> None:
        self.path = root / FOLDER / FILE if root is not None else None
        self.stamp = _stamp() if root is not None else ""
        self.entries: dict[str, Any] = {}
        self.used: set[str] = set()
        self.dirty = False
        if self.path is not None:
            self.entries = self._read(self.path)

    def _read(self, path: Path) -> dict[str, Any]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            return {}
        if not isinstance(data, dict) or data.get("stamp") != self.stamp:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def parse(self, text: str) -> Parsed:
        if self.path is None:
            return parse(text)
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        self.used.add(key)
        cached = self.entries.get(key)
        if cached is not None:
            try:
                return _decode(cached)
            except (TypeError, ValueError, KeyError, IndexError, AttributeError):
                pass  # a damaged entry: parse again and replace it
        result = parse(text)
        self.entries[key] = _encode(result)
        self.dirty = True
        return result

    def save(self) -> None:
        """Write the entries used in this run (others are dropped); never fails."""
        if self.path is None or not (self.dirty or set(self.entries) != self.used):
            return
        from bpstrat.source.atomic import write_atomic

        kept = {k: v for k, v in self.entries.items() if k in self.used}
        text = json.dumps({"stamp": self.stamp, "entries": kept}, separators=(",", ":"))
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            write_atomic(self.path, text)


def _encode(result: Parsed) -> dict[str, Any]:
    documents, error = result
    return {
        "documents": [
            {
                "data": d.data,
                "keys": [[list(p), pos.line, pos.column] for p, pos in d.positions.keys.items()],
                "values": [
                    [list(p), pos.line, pos.column] for p, pos in d.positions.values.items()
                ],
                "start": [d.start.line, d.start.column],
                "problems": [
                    [p.code, *(p.mark or (1, 1)), p.message, list(p.path)] for p in d.problems
                ],
            }
            for d in documents
        ],
        "error": None if error is None else [error.pos.line, error.pos.column, error.message],
    }


def _decode(entry: dict[str, Any]) -> Parsed:
    documents = []
    for d in entry["documents"]:
        positions = Positions()
        positions.keys = {tuple(p): Pos(line, column) for p, line, column in d["keys"]}
        positions.values = {tuple(p): Pos(line, column) for p, line, column in d["values"]}
        problems = [
            Issue(code, message, path=tuple(path), mark=(line, column))
            for code, line, column, message, path in d["problems"]
        ]
        documents.append(Document(d["data"], positions, Pos(*d["start"]), problems))
    error = entry["error"]
    syntax = None if error is None else YamlSyntaxError(Pos(error[0], error[1]), error[2])
    return documents, syntax
