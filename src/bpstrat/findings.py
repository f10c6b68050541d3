"""A finding: one thing lint reports, with its place in a file."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, Union

PathItem = Union[str, int]
Path = tuple[PathItem, ...]
"""A place inside a YAML document: mapping keys (str) and list indexes (int)."""


def path_name(path: Path) -> str:
    """`demands[0].strength`: how a path reads in a message ('' for the document)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
RANK: dict[str, int] = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True)
class Finding:
    """One reported problem.

    `path` is relative to the strategy root with `/`; `line`/`column` are 1-based;
    `entity` is `kind:id` when the finding belongs to an entity; `field` is the path
    inside the document (stable across edits that move lines, used for baselines).
    """

    code: str
    message: str
    path: str
    line: int
    column: int
    entity: str | None = None
    field: Path = ()
    severity: Level = "error"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def with_severity(self, severity: Level) -> Finding:
        return replace(self, severity=severity)

    def as_json(self) -> dict[str, object]:
        """The documented JSON shape of a finding, plus its fingerprint."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "entity": self.entity,
            "fingerprint": self.fingerprint,
        }

    @property
    def fingerprint(self) -> str:
        """Identity by meaning: code, entity (or file) and field path, not the line number."""
        where = "/".join(str(part) for part in self.field)
        return f"{self.code}|{self.entity or self.path}|{where}"
