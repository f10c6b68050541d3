"""The loaded strategy: every valid entity, indexed by kind and id, with its place in a file.

`load_strategy` reads a root (config, files, documents), validates each document against
its kind's model and indexes the result. Problems become findings; one bad document
never hides the others.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from bpstrat.findings import Finding
from bpstrat.model.config import Config, read_config
from bpstrat.model.entities import (
    Consumer,
    Decision,
    Dimension,
    Goal,
    Problem,
    Stakeholder,
)
from bpstrat.model.kinds import KINDS
from bpstrat.model.suggest import closest
from bpstrat.model.validate import Issue, validate
from bpstrat.source.files import ROOT_FILE, SourceFile, discover, find_root, read_file
from bpstrat.source.parse_cache import ParseCache, disabled_by_environment
from bpstrat.source.positions import Path, Pos
from bpstrat.source.yaml_fast import Document


@dataclass
class Record:
    """One valid entity and where it came from."""

    kind: str
    id: str
    entity: Any
    file: SourceFile
    document: Document

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.id}"

    def key_pos(self, path: Path) -> Pos:
        return self.document.positions.key(path)


@dataclass
class Strategy:
    """Everything a root holds that could be read and validated."""

    root: FsPath
    config: Config
    config_file: SourceFile
    files: list[SourceFile] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    by_kind: dict[str, dict[str, Record]] = field(default_factory=dict)
    known_ids: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> file:line
    findings: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def config_document(self) -> Document | None:
        """The document of bpstrat.yaml, when it could be read."""
        documents = self.config_file.documents
        return documents[0] if documents else None

    def all(self, kind: str) -> list[Record]:
        """Valid entities of `kind`, first occurrence of each id, in file order."""
        return list(self.by_kind.get(kind, {}).values())

    def get(self, kind: str, id_: str) -> Record | None:
        return self.by_kind.get(kind, {}).get(id_)

    def exists(self, kind: str, id_: str) -> bool:
        """True for any entity with that id, valid or not (no cascading reference errors)."""
        return id_ in self.known_ids.get(kind, {})

    def closest(self, kind: str, id_: str) -> str | None:
        return closest(id_, self.known_ids.get(kind, {}))

    @property
    def consumers(self) -> list[Consumer]:
        return [r.entity for r in self.all("consumer")]

    @property
    def stakeholders(self) -> list[Stakeholder]:
        return [r.entity for r in self.all("stakeholder")]

    @property
    def problems(self) -> list[Problem]:
        return [r.entity for r in self.all("problem")]

    @property
    def goals(self) -> list[Goal]:
        return [r.entity for r in self.all("goal")]

    @property
    def dimensions(self) -> list[Dimension]:
        return [r.entity for r in self.all("dimension")]

    @property
    def decisions(self) -> list[Decision]:
        return [r.entity for r in self.all("decision")]

    @property
    def entity_count(self) -> int:
        return len(self.records)


def finding(source: SourceFile, issue: Issue, entity: str | None = None) -> Finding:
    return Finding(
        issue.code, issue.message, source.rel, issue.pos.line, issue.pos.column, entity, issue.field
    )


def load_strategy(
    path: FsPath, progress: Callable[[int, int], None] | None = None, cache: bool = False
) -> Strategy:
    """Find the root above `path`, read every file, validate and index every entity.

    `progress(done, total)` is called after each file, for a progress bar; `cache` reuses
    and updates the parse cache in the root (see parse_cache).
    """
    # Loading builds many small acyclic objects; the cycle collector would keep
    # re-scanning them (15% of a large lint) and never find garbage.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_strategy(path, progress, cache)
    finally:
        if enabled:
            gc.enable()


def _load_strategy(
    path: FsPath, progress: Callable[[int, int], None] | None, use_cache: bool
) -> Strategy:
    """load_strategy with the cycle collector paused."""
    root = find_root(path)
    cache = ParseCache(root if use_cache and not disabled_by_environment() else None)
    config_file = read_file(root / ROOT_FILE, ROOT_FILE, cache)
    config_doc = config_file.documents[0] if config_file.documents else None
    if config_file.text.strip() == "" and not config_file.findings:
        config_doc = None
    config, issues = read_config(config_doc)
    if config_file.findings and any(f.code in ("BP101", "BP105") for f in config_file.findings):
        issues = []  # the file could not be read; its own findings say why
    strategy = Strategy(root, config, config_file)
    strategy.findings.extend(config_file.findings)
    strategy.findings.extend(finding(config_file, issue) for issue in issues)
    if len(config_file.documents) > 1:
        extra = config_file.documents[1]
        strategy.findings.append(
            Finding(
                "BP103",
                "bpstrat.yaml holds one document; move entities to their own files",
                ROOT_FILE,
                extra.start.line,
                extra.start.column,
            )
        )

    paths, findings = discover(root, config.exclude)
    strategy.findings.extend(findings)
    for done, file_path in enumerate(paths, start=1):
        if progress is not None:
            progress(done, len(paths))
        rel = file_path.relative_to(root).as_posix()
        source = read_file(file_path, rel, cache)
        strategy.files.append(source)
        strategy.findings.extend(source.findings)
        _index_file(strategy, source)
    cache.save()
    return strategy


def _index_file(strategy: Strategy, source: SourceFile) -> None:
    documents = [d for d in source.documents if d.data is not None]
    if not documents and not source.findings:
        strategy.findings.append(
            Finding(
                "BP103",
                "file holds no document; add one starting with `kind:` or delete the file",
                source.rel,
                1,
                1,
            )
        )
    for document in documents:
        _index_document(strategy, source, document)


def _index_document(strategy: Strategy, source: SourceFile, document: Document) -> None:
    data = document.data
    start = document.positions.value(())
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else f"the value {data!r}"
        strategy.findings.append(
            Finding(
                "BP103",
                f"document is {what}, not a mapping; "
                "an entity is `kind: ...` followed by its fields",
                source.rel,
                start.line,
                start.column,
            )
        )
        return
    kind = data.get("kind")
    if kind is None:
        strategy.findings.append(
            Finding(
                "BP103",
                f"document has no `kind`; add `kind:` with one of: {', '.join(KINDS)}",
                source.rel,
                start.line,
                start.column,
            )
        )
        return
    found = KINDS.get(kind) if isinstance(kind, str) else None
    model = found.model if found is not None else None
    if model is None:
        pos = document.positions.key(("kind",))
        close = closest(str(kind), KINDS, 0.5)
        hint = f"; did you mean `{close}`?" if close else ""
        strategy.findings.append(
            Finding(
                "BP104",
                f"unknown kind {kind!r}{hint} (kinds: {', '.join(KINDS)})",
                source.rel,
                pos.line,
                pos.column,
                field=("kind",),
            )
        )
        return
    raw_id = data.get("id")
    id_ = str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else None
    entity, issues = validate(model, data, document.positions)
    ref = f"{kind}:{id_}" if id_ else None
    strategy.findings.extend(finding(source, issue, ref) for issue in issues)
    if id_ is None:
        return
    known = strategy.known_ids.setdefault(kind, {})
    pos = document.positions.key(("id",))
    first = known.get(id_)
    if first is not None:
        strategy.findings.append(
            Finding(
                "BP301",
                f"duplicate {kind} id {id_!r}: first defined at {first}; rename one of them",
                source.rel,
                pos.line,
                pos.column,
                ref,
                ("id",),
            )
        )
        return
    known[id_] = f"{source.rel}:{pos.line}"
    if entity is None:
        strategy.skipped.append(f"{ref} ({source.rel}): left out, it is invalid")
        return
    if issues:
        strategy.skipped.append(f"{ref} ({source.rel}): invalid parts left out")
    record = Record(kind, id_, entity, source, document)
    strategy.records.append(record)
    strategy.by_kind.setdefault(kind, {})[id_] = record
