"""What is wrong, in two steps: an Issue says what and where in a document; a Finding is
an Issue placed on a line and column, with its severity.

Every check (the reader, the validator, the reference checks, the rules, suppressions)
yields Issues; one step in the linter places them, applies suppressions and stamps the
severity.
"""

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
RANK: dict[str, int] = {level: len(LEVELS) - i for i, level in enumerate(LEVELS)}


Anchor = Literal["key", "value", "parent"]
"""Which position of `Issue.path` a finding points at: the key (or list item), the
value's start (a whole mapping: an entity, a demand), or the start of the mapping that
holds the path (a missing field)."""


@dataclass(frozen=True)
class Issue:
    """One mistake, before it has a line and column.

    `file` is relative to the strategy root with `/`; `document` is the index of the
    document in the file; `path` is the place inside that document, and also the
    finding's identity for baselines; `mark` is a (line, column) the reader already knows
    (a syntax error, a bad byte), used instead of `path`.
    """

    code: str
    message: str
    file: str = ""
    path: Path = ()
    at: Anchor = "key"
    entity: str | None = None
    document: int = 0
    mark: tuple[int, int] | None = None

    def located(self, file: str, document: int = 0, entity: str | None = None) -> Issue:
        """The same issue in `file` (its `document`, of `entity`)."""
        return replace(self, file=file, document=document, entity=entity or self.entity)


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
