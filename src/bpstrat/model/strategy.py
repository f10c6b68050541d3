"""The loaded strategy: every valid entity, typed, indexed by kind and id, with its place
in a file; and the one place that turns an Issue into a Finding with a line and column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath
from typing import Generic, TypeVar, cast

from bpstrat.findings import Anchor, Finding, Issue, Path
from bpstrat.model.config import Config
from bpstrat.model.entities import (
    Consumer,
    Decision,
    Dimension,
    Entity,
    Goal,
    Option,
    Problem,
    Stakeholder,
)
from bpstrat.model.kinds import kind_of
from bpstrat.model.suggest import Suggester
from bpstrat.source.files import ROOT_FILE, SourceFile
from bpstrat.source.key_outline import outline_positions
from bpstrat.source.positions import Pos, Positions
from bpstrat.source.yaml_fast import Document

E = TypeVar("E", bound=Entity)


@dataclass(slots=True)  # one per entity: no per-object dict
class Record(Generic[E]):
    """One valid entity and where it came from."""

    kind: str
    id: str
    entity: E
    file: SourceFile
    document: Document
    index: int = 0  # which document of the file
    broken: frozenset[Path] = frozenset()  # invalid parts left out (their issues say why)

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.id}"

    def is_broken(self, path: Path) -> bool:
        """True when `path`, or a mapping or list item holding it, was left out as invalid:
        its value is unknown, so checks that read it must not report it missing."""
        return any(path[: len(cut)] == cut for cut in self.broken)

    def key_pos(self, path: Path) -> Pos:
        return self.document.positions.key(path)

    def issue(self, code: str, message: str, path: Path = (), at: Anchor = "key") -> Issue:
        """An issue about this entity, at `path` inside its document."""
        return Issue(code, message, self.file.rel, path, at, self.ref, self.index)


@dataclass
class Blocker:
    """A place that may hold entities nobody could read: a file that does not parse, a
    document with a wrong `kind`, an invalid entity, a duplicate id.

    Ids it may hold are unknown rather than missing: references to them are not reported;
    they are counted here, and the one issue at the real spot says how many wait for it.
    """

    issue: Issue
    until: str  # "until this file parses"
    kind: str | None  # None: any kind
    ids: frozenset[str]
    references: Counter[str] = field(default_factory=Counter)
    checks: set[str] = field(default_factory=set)  # "the conflict on 'interface'"
    fields: dict[str, str] = field(default_factory=dict)  # raw top-level values, when readable

    def holds(self, kind: str, id_: str) -> bool:
        return id_ in self.ids and (self.kind is None or self.kind == kind)

    def explained(self) -> Issue:
        """The issue, saying which references and checks wait for it."""
        if not self.references and not self.checks:
            return self.issue
        parts = []
        for id_, count in sorted(self.references.items()):
            noun = "reference" if count == 1 else "references"
            parts.append(f"{count} {noun} to {id_!r}")
        parts += sorted(self.checks)
        verb = "is" if sum(self.references.values()) + len(self.checks) == 1 else "are"
        listed = ", ".join(parts)
        if self.checks and len(parts) > 1:  # "..., the conflict on 'x' and the flywheel balance"
            listed = ", ".join(parts[:-1]) + " and " + parts[-1]
        message = f"{self.issue.message}; {listed} {verb} not checked {self.until}"
        return replace(self.issue, message=message)


@dataclass
class Strategy:
    """Everything a root holds that could be read and validated."""

    root: FsPath
    config: Config
    config_file: SourceFile
    files: list[SourceFile] = field(default_factory=list)
    by_kind: dict[str, dict[str, Record[Entity]]] = field(default_factory=dict)
    known_ids: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> file:line
    issues: list[Issue] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    blockers: list[Blocker] = field(default_factory=list)
    on_disk: bool = True  # read from a folder (not a git revision): its catalog can be read
    _files_by_rel: dict[str, SourceFile] = field(default_factory=dict, repr=False)
    _config_outline: Positions | None = field(default=None, repr=False)
    _suggesters: dict[str, Suggester] = field(default_factory=dict, repr=False)
    _blockers_by_id: dict[str, list[Blocker]] = field(default_factory=dict, repr=False)
    _blocker_count: int = field(default=0, repr=False)
    _option_index: dict[str, tuple[Dimension, dict[str, Option]]] = field(
        default_factory=dict, repr=False
    )

    def forget_sources(self) -> None:
        """Free each file's text and positions, a large share of a big root's memory, for
        a command that places no more findings once the lint is done (the brief)."""
        empty = Positions()
        for source in self.files:
            source.text = ""
            source.forget_lines()
            for document in source.documents:
                document.positions = empty

    @property
    def config_document(self) -> Document | None:
        """The document of bpstrat.yaml, when it could be read."""
        documents = self.config_file.documents
        return documents[0] if documents else None

    @property
    def config_positions(self) -> Positions:
        """Where the keys of bpstrat.yaml are: its document's, or, when it does not parse,
        its outline's (findings about it stay on their lines)."""
        document = self.config_document
        if document is not None:
            return document.positions
        if self._config_outline is None:
            self._config_outline = outline_positions(self.config_file.text)
        return self._config_outline

    def add(self, record: Record[E]) -> None:
        self.by_kind.setdefault(record.kind, {})[record.id] = cast("Record[Entity]", record)

    def rename(self, kind: str, ids: dict[str, str]) -> None:
        """Index the `kind` entities with the ids `ids` maps under the ids it maps them to,
        each in its place among its kind and with its entity's `id` set to it: the ids
        their references name (model/file_ids.py). One pass over the kind for all."""
        found = self.by_kind.get(kind, {})
        renamed: dict[str, Record[Entity]] = {}
        for key, record in found.items():
            new = ids.get(key)
            if new is None:
                renamed[key] = record
                continue
            entity = record.entity.model_copy(update={"id": new})
            renamed[new] = replace(record, id=new, entity=entity)
        self.by_kind[kind] = renamed
        known = self.known_ids.setdefault(kind, {})
        for old, new in ids.items():
            place = known.pop(old, None)
            if place is not None:
                known[new] = place
        self._suggesters.pop(kind, None)  # its choices changed

    def leave_out(
        self, record: Record[E], issue: Issue, until: str, fields: dict[str, str]
    ) -> None:
        """Take `record` out of the strategy, as unknown until `issue` is fixed: references
        to it wait for it, and checks that its `fields` could settle (the decision of a
        dimension) wait too, as for a document that cannot be read."""
        self.by_kind.get(record.kind, {}).pop(record.id, None)
        self.blockers.append(
            Blocker(issue, until, record.kind, frozenset({record.id}), fields=fields)
        )
        self.skipped.append(f"{record.ref} ({record.file.rel}): left out, {until}")

    def all_records(self) -> list[Record[Entity]]:
        """Every valid entity of every kind."""
        return [record for records in self.by_kind.values() for record in records.values()]

    def records(self, model: type[E]) -> list[Record[E]]:
        """Valid entities of one kind, first occurrence of each id, in file order."""
        found = self.by_kind.get(kind_of(model), {})
        return cast("list[Record[E]]", list(found.values()))

    def get(self, model: type[E], id_: str) -> Record[E] | None:
        return cast("Record[E] | None", self.by_kind.get(kind_of(model), {}).get(id_))

    def entity(self, model: type[E], id_: str) -> E | None:
        record = self.get(model, id_)
        return record.entity if record is not None else None

    def exists(self, kind: str, id_: str) -> bool:
        """True for any entity with that id, valid or not (no cascading reference errors)."""
        return id_ in self.known_ids.get(kind, {})

    def blocker(self, kind: str, id_: str) -> Blocker | None:
        """The first unreadable or invalid place that may hold `kind` `id_`, if any."""
        if self._blocker_count != len(self.blockers):  # blockers are added while loading
            self._blockers_by_id = {}
            for found in self.blockers:
                for held in found.ids:
                    self._blockers_by_id.setdefault(held, []).append(found)
            self._blocker_count = len(self.blockers)
        candidates = self._blockers_by_id.get(id_, ())
        return next((b for b in candidates if b.holds(kind, id_)), None)

    def resolves(self, kind: str, id_: str) -> bool:
        """True when a reference to `kind` `id_` needs no finding: a valid entity has that
        id, or it may live in a place that could not be read or validated (the reference
        then waits for that place: see `waits`), or an invalid entity has it."""
        return (
            id_ in self.by_kind.get(kind, {})
            or self.blocker(kind, id_) is not None
            or self.exists(kind, id_)
        )

    def waits(self, kind: str, id_: str) -> bool:
        """True when no valid entity has that id but a place that could not be read or
        validated may hold it: the reference is counted on that place's issue."""
        return id_ not in self.by_kind.get(kind, {}) and self.blocker(kind, id_) is not None

    def unsure(self, kind: str, field_name: str, value: str) -> bool:
        """True when an unreadable or invalid `kind` entity may have `field_name: value`
        (its raw value is that, or could not be read)."""
        return self.unsure_because(kind, field_name, value) is not None

    def unsure_because(self, kind: str, field_name: str, value: str) -> Blocker | None:
        """The first unreadable or invalid place that may hold a `kind` entity with
        `field_name: value`, if any (`unsure`)."""
        for found in self.blockers:
            if found.kind not in (None, kind):
                continue
            raw_kind = found.fields.get("kind")
            if found.kind is None and raw_kind is not None and raw_kind != kind:
                continue
            if kind == "decision" and found.fields.get("status") in ("proposed", "superseded"):
                continue  # a decision that is not accepted settles nothing
            raw = found.fields.get(field_name)
            if raw is None or raw == value:
                return found
        return None

    def explain(
        self,
        issues: list[Issue],
        waiting: Counter[tuple[str, str]],
        held: Sequence[tuple[Blocker, str]] = (),
    ) -> list[Issue]:
        """`issues` with each blocker's issue saying which references and checks wait for
        it; `waiting` counts the references to each (kind, id) that wait
        (lint/references.py), `held` names the checks each blocker holds back."""
        merged: dict[int, Blocker] = {}
        for found in self.blockers:
            merged.setdefault(id(found.issue), replace(found, references=Counter(), checks=set()))
        for (kind, id_), count in waiting.items():
            holder = self.blocker(kind, id_)
            if holder is not None:
                merged[id(holder.issue)].references[id_] += count
        for holder, check in held:
            merged[id(holder.issue)].checks.add(check)
        return [merged[id(i)].explained() if id(i) in merged else i for i in issues]

    def closest(self, kind: str, id_: str) -> str | None:
        """The known id of `kind` closest to the mistyped `id_` (prepared once per kind)."""
        known = self.known_ids.get(kind, {})
        suggester = self._suggesters.get(kind)
        if suggester is None or suggester.size != len(known):
            suggester = self._suggesters[kind] = Suggester(known)
        return suggester.closest(id_)

    def closest_option(self, dimension: str, option: str) -> str | None:
        """The option id of `dimension` closest to the mistyped `option` (prepared once
        per dimension)."""
        options = self._options(dimension)
        if options is None:
            return None
        key = f"options of {dimension}"  # no kind holds a space
        suggester = self._suggesters.get(key)
        if suggester is None or suggester.size != len(options):
            suggester = self._suggesters[key] = Suggester(options)
        return suggester.closest(option)

    def option(self, dimension: str, option: str) -> Option | None:
        """The option `option` of dimension `dimension`, when both exist and are valid."""
        options = self._options(dimension)
        return options.get(option) if options is not None else None

    def _options(self, dimension: str) -> dict[str, Option] | None:
        """The options of `dimension` by id (the first of a repeated id), indexed once:
        a dimension of many options and many demands is not searched once per demand."""
        found = self.entity(Dimension, dimension)
        if found is None:
            return None
        cached = self._option_index.get(dimension)
        if cached is None or cached[0] is not found:
            index: dict[str, Option] = {}
            for item in found.options:
                index.setdefault(item.id, item)
            cached = self._option_index[dimension] = (found, index)
        return cached[1]

    @property
    def consumers(self) -> list[Consumer]:
        return [r.entity for r in self.records(Consumer)]

    @property
    def stakeholders(self) -> list[Stakeholder]:
        return [r.entity for r in self.records(Stakeholder)]

    @property
    def problems(self) -> list[Problem]:
        return [r.entity for r in self.records(Problem)]

    @property
    def goals(self) -> list[Goal]:
        return [r.entity for r in self.records(Goal)]

    @property
    def dimensions(self) -> list[Dimension]:
        return [r.entity for r in self.records(Dimension)]

    @property
    def decisions(self) -> list[Decision]:
        return [r.entity for r in self.records(Decision)]

    @property
    def entity_count(self) -> int:
        return sum(len(records) for records in self.by_kind.values())

    def source(self, rel: str) -> SourceFile | None:
        """The file at root-relative `rel` (bpstrat.yaml included)."""
        if len(self._files_by_rel) != len(self.files) + 1:
            self._files_by_rel = {f.rel: f for f in (self.config_file, *self.files)}
        return self._files_by_rel.get(rel)

    def config_issue(self, code: str, message: str, path: Path = ()) -> Issue:
        """An issue in bpstrat.yaml at `path`."""
        return Issue(code, message, ROOT_FILE, path)

    def place(self, issue: Issue) -> Finding:
        """The issue on a 1-based line and column of its file."""
        if issue.mark is not None:
            line, column = issue.mark
        else:
            source = self.source(issue.file)
            documents = source.documents if source is not None else []
            positions: Positions | None = None
            if 0 <= issue.document < len(documents):
                positions = documents[issue.document].positions
            elif source is self.config_file and issue.document == 0:
                positions = self.config_positions
            if positions is not None:
                if issue.at == "key":
                    line, column = positions.key(issue.path)
                elif issue.at == "value":
                    line, column = positions.value(issue.path)
                else:
                    line, column = positions.value(issue.path[:-1])
            else:
                line, column = 1, 1
        file = issue.file or ROOT_FILE
        return Finding(issue.code, issue.message, file, line, column, issue.entity, issue.path)
