"""Read a strategy root into a Strategy: config, files, documents, validated entities.

One bad document never hides the others, and every problem becomes an Issue of the
strategy (placed on a line later, by the linter).
"""

from __future__ import annotations

import gc
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from bpstrat.findings import Anchor, Issue, Path
from bpstrat.model.config import read_config
from bpstrat.model.contradictions import reject_contradictions
from bpstrat.model.declared_sides import settle_declared_sides
from bpstrat.model.entities import Entity
from bpstrat.model.file_ids import (
    copy_came_first,
    duplicate_message,
    place_of,
    settle_file_ids,
    stem,
)
from bpstrat.model.kind_guess import guess_kind
from bpstrat.model.kinds import KINDS
from bpstrat.model.strategy import Blocker, Record, Strategy
from bpstrat.model.suggest import closest
from bpstrat.model.validate import validate_parts
from bpstrat.source.files import ROOT_FILE, SourceFile, find_root, read_source
from bpstrat.source.parse_cache import ParseCache, disabled_by_environment
from bpstrat.source.tree import FolderTree, Tree
from bpstrat.source.yaml_fast import Document

# Set by a process that runs one command and exits (the console script): everything a load
# builds then lives until the exit, so after the load it is moved out of the collector's
# reach (gc.freeze) instead of being scanned again by every later full collection. Such a
# process starts with the collector paused (its imports build no garbage either), and the
# load resumes it.
_freeze_after_load = False


def freeze_after_load(enabled: bool = True) -> None:
    """Move what each load builds out of the cycle collector's reach (see above)."""
    global _freeze_after_load
    _freeze_after_load = enabled


def load_strategy(
    path: FsPath | Tree,
    progress: Callable[[int, int], None] | None = None,
    cache: bool = False,
    memo: FileMemo | None = None,
    deep: bool = False,
) -> Strategy:
    """Find the root above `path` (or take the tree `path`), read every file, validate
    and index every entity.

    `progress(done, total)` is called after each file, for a progress bar; `cache` reuses
    and updates the parse cache (see parse_cache); `memo` reuses files already read and
    validated at another revision (see FileMemo); `deep` keeps the positions below each
    document's top level that a parse finds (see read_source).
    """
    # Loading builds many small acyclic objects; the cycle collector would keep
    # re-scanning them (15% of a large lint) and never find garbage.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_strategy(path, progress, cache, memo, deep)
    finally:
        if _freeze_after_load:
            gc.freeze()
        if enabled or _freeze_after_load:
            gc.enable()


def _load_strategy(
    path: FsPath | Tree,
    progress: Callable[[int, int], None] | None,
    use_cache: bool,
    memo: FileMemo | None,
    deep: bool = False,
) -> Strategy:
    """load_strategy with the cycle collector paused."""
    tree = path if isinstance(path, Tree) else FolderTree(find_root(path))
    root = tree.root
    cache = ParseCache(root if use_cache and not disabled_by_environment() else None)
    config_key = tree.blob_key(ROOT_FILE) if memo is not None else None
    config_file = memo.source(config_key) if memo is not None and config_key else None
    if config_file is None:
        config_file = read_source(tree, ROOT_FILE, cache)
        if memo is not None and config_key:
            memo.keep(config_key, _Examined(config_file, []))
    config_doc = config_file.documents[0] if config_file.documents else None
    if config_file.text.strip() == "" and not config_file.issues:
        config_doc = None
    config, issues = read_config(config_doc)
    if any(issue.code in ("BP101", "BP105") for issue in config_file.issues):
        issues = []  # the file could not be read; its own issues say why
    strategy = Strategy(root, config, config_file, on_disk=isinstance(tree, FolderTree))
    strategy.issues.extend(config_file.issues)
    strategy.issues.extend(issues)
    if len(config_file.documents) > 1:
        strategy.issues.append(
            Issue(
                "BP103",
                "bpstrat.yaml holds one document; move entities to their own files",
                ROOT_FILE,
                document=1,
                mark=(config_file.documents[1].start.line, config_file.documents[1].start.column),
            )
        )

    rels, problems = tree.discover(config.exclude)
    strategy.issues.extend(problems)
    for problem in problems:
        _block(strategy, problem, "until this file can be read", None, {_stem(problem.file)})
    for done, rel in enumerate(rels, start=1):
        if progress is not None:
            progress(done, len(rels))
        key = tree.blob_key(rel) if memo is not None else None
        examined = memo.get(key) if memo is not None and key else None
        if examined is None:
            examined = _examine_file(read_source(tree, rel, cache, deep))
            if memo is not None and key:
                memo.keep(key, examined)
        strategy.files.append(examined.source)
        strategy.issues.extend(examined.source.issues)
        examined.replay(strategy)
    cache.save()
    settle(strategy)
    return strategy


def settle(strategy: Strategy) -> None:
    """What only the whole root can say: an id misspelled in the file named for the id
    its references use, a side misspelled in `product.sides`, and values another entity
    contradicts (left out, so that they take effect nowhere)."""
    settle_file_ids(strategy)
    settle_declared_sides(strategy)
    reject_contradictions(strategy)


@dataclass(frozen=True, slots=True)
class _Block:
    """A place that may hold entities nobody could read (see Blocker)."""

    issue: Issue
    until: str
    kind: str | None
    ids: frozenset[str]
    fields: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Entity:
    """A document with an id: registered (or found a duplicate) when the file is replayed."""

    kind: str
    id: str
    line: int
    entity: Entity | None
    document: Document
    index: int
    broken: frozenset[Path]
    partly_invalid: bool
    stem: str
    document_fields: dict[str, str]  # its raw top-level values, should it be a duplicate


_Step = Issue | _Block | _Entity


@dataclass(slots=True)
class _Examined:
    """One file read and its documents validated: what it adds to any strategy that holds
    it, as steps replayed in order (the same whether examined now or at another revision)."""

    source: SourceFile
    steps: list[_Step]

    def replay(self, strategy: Strategy) -> None:
        for step in self.steps:
            if isinstance(step, Issue):
                strategy.issues.append(step)
            elif isinstance(step, _Block):
                strategy.blockers.append(
                    Blocker(step.issue, step.until, step.kind, step.ids, fields=step.fields)
                )
            else:
                _register(strategy, self.source, step)


class FileMemo:
    """Files read and validated, by path and content (a git blob hash), for reading many
    revisions of one strategy: a file unchanged across revisions is parsed and validated
    once. `sweep` forgets what the last revisions no longer held, so memory follows the
    size of one revision, not the number of revisions."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], _Examined] = {}
        self._used: set[tuple[str, str]] = set()

    def get(self, key: tuple[str, str]) -> _Examined | None:
        found = self._entries.get(key)
        if found is not None:
            self._used.add(key)
        return found

    def source(self, key: tuple[str, str]) -> SourceFile | None:
        found = self.get(key)
        return found.source if found is not None else None

    def keep(self, key: tuple[str, str], examined: _Examined) -> None:
        self._entries[key] = examined
        self._used.add(key)

    def sweep(self) -> None:
        """Forget every file not used since the last sweep."""
        self._entries = {k: v for k, v in self._entries.items() if k in self._used}
        self._used = set()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries


_SEPARATOR = re.compile(r"^---(?:[ \t]|$)", re.MULTILINE)
# Each part is followed by a character it cannot hold (linear: no run is tried two ways).
_RAW_FIELD = re.compile(r"^(id|kind|dimension)[ \t]*:(?P<value>[^#\n]*)", re.MULTILINE)


_stem = stem


def _left_out_copy(strategy: Strategy, kind: str, id_: str, first: str, here: str) -> None:
    """BP301 at the earlier document with `id_`, at `first` (`rel:line`), a copy of the one
    at `here`, whose file is named for the id: the copy is left out, this one kept."""
    rel = place_of(first)
    source = strategy.source(rel)
    line = int(first.rpartition(":")[2])
    documents = source.documents if source is not None else []
    index = next((i for i, d in enumerate(documents) if d.positions.key(("id",)).line == line), 0)
    ref = f"{kind}:{id_}"
    message = duplicate_message(kind, id_, here, rel, True)
    duplicate = Issue("BP301", message, rel, ("id",), entity=ref, document=index)
    strategy.issues.append(duplicate)
    record = strategy.by_kind.get(kind, {}).pop(id_, None)
    fields = _plain_fields(record.entity.model_dump()) if record is not None else {"kind": kind}
    _block(strategy, duplicate, "until the duplicate id is renamed", kind, {_stem(rel)}, fields)
    strategy.skipped.append(f"{ref} ({rel}): left out, its id is used at {here}")


def _raw_fields(text: str) -> dict[str, str]:
    """Top-level `id:`, `kind:` and `dimension:` values readable from raw text."""
    found: dict[str, str] = {}
    for match in _RAW_FIELD.finditer(text):
        value = match.group("value").strip().strip("'\"")
        if value:
            found.setdefault(match.group(1), value)
    return found


def _block(
    steps: list[_Step] | Strategy,
    issue: Issue,
    until: str,
    kind: str | None,
    ids: set[str | None],
    fields: dict[str, str] | None = None,
) -> None:
    """Record that `issue`'s place may hold entities with `ids`: they are unknown."""
    known = frozenset(i for i in ids if i)
    if not known:
        return
    if isinstance(steps, Strategy):
        steps.blockers.append(Blocker(issue, until, kind, known, fields=fields or {}))
    else:
        steps.append(_Block(issue, until, kind, known, fields or {}))


def _block_unread(steps: list[_Step], source: SourceFile) -> None:
    """Ids that may live in documents of `source` that could not be read or parsed."""
    stem = _stem(source.rel)
    for issue in source.issues:
        if issue.code == "BP105":
            _block(steps, issue, "until this file can be read", None, {stem})
        elif issue.code == "BP101":
            text = source.text
            chunks = _SEPARATOR.split(text)
            if chunks and not chunks[0].strip() and _SEPARATOR.match(text):
                chunks = chunks[1:]
            unread = chunks[len(source.documents) :] or [""]
            for chunk in unread:
                fields = _raw_fields(chunk)
                kind = fields.get("kind")
                _block(
                    steps,
                    issue,
                    "until this file parses",
                    kind if kind in KINDS else None,
                    {stem, fields.get("id")},
                    fields,
                )


_COMMA_DIGITS = re.compile(r",[ \t]*[0-9]{3}")
THREE_DIGITS = re.compile(r"\d{3}(?!\d)")


def _comma_numbers(data: object, path: Path = ()) -> list[Issue]:
    """`[2,000 carriers]` read as `2` and `000 carriers`: a comma inside a number in a
    flow list splits it into two items."""
    found: list[Issue] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                found.extend(_comma_numbers(value, (*path, key)))
    elif isinstance(data, list):
        for index, (item, after) in enumerate(itertools.pairwise(data)):
            # a scalar only: str() of a container costs its size and never starts a digit
            if (
                type(item) is int
                and isinstance(after, (str, int, float))
                and THREE_DIGITS.match(str(after))
            ):
                found.append(
                    Issue(
                        "BP202",
                        f"`{item},{after}` was read as two items, {item!r} and {after!r}: a "
                        "comma separates items in a `[...]` list; quote the text "
                        f"(`'{item},{after}'`) or write the number without the comma",
                        path=(*path, index),
                    )
                )
        for index, item in enumerate(data):
            found.extend(_comma_numbers(item, (*path, index)))
    return found


_FOREIGN: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"apiVersion", "kind"}), "a Kubernetes manifest"),
    (frozenset({"apiVersion"}), "a Kubernetes manifest"),
    (frozenset({"services"}), "a docker-compose file"),
    (frozenset({"on", "jobs"}), "a GitHub Actions workflow"),
    (frozenset({"jobs"}), "a CI configuration"),
    (frozenset({"stages"}), "a CI configuration"),
    (frozenset({"repos"}), "a pre-commit configuration"),
    (frozenset({"openapi"}), "an OpenAPI description"),
    (frozenset({"swagger"}), "an OpenAPI description"),
    (frozenset({"version", "updates"}), "a Dependabot configuration"),
    (frozenset({"version"}), "another tool's configuration"),
)


def _foreign(data: dict[object, object]) -> str | None:
    """What another tool's YAML file looks like (docker-compose, Kubernetes, CI), if so."""
    keys = {key for key in data if isinstance(key, str)}
    if keys & {"id", "title"}:
        return None
    return next((what for needed, what in _FOREIGN if needed <= keys), None)


def is_descriptor(data: dict[object, object]) -> bool:
    """True for a Backstage catalog entity (`apiVersion: backstage.io/...`): not part of
    the strategy, whatever its `kind`."""
    version = data.get("apiVersion")
    return isinstance(version, str) and version.startswith("backstage.io/")


DEMAND_COUNT = "demand count"  # no field of a kind holds a space


def _held_fields(data: Mapping[Any, object]) -> dict[str, str]:
    """The plain fields of a document left out, and how many demands it makes (they are
    not counted while it is left out, and its finding says so)."""
    fields = _plain_fields(data)
    demands = data.get("demands")
    if isinstance(demands, list) and demands:
        fields[DEMAND_COUNT] = str(len(demands))
    return fields


def _plain_fields(data: Mapping[Any, object]) -> dict[str, str]:
    return {
        key: str(value)
        for key, value in data.items()
        if isinstance(key, str) and isinstance(value, (str, int)) and not isinstance(value, bool)
    }


def _examine_file(source: SourceFile) -> _Examined:
    """Validate every document of `source`; what it adds to a strategy, as steps."""
    steps: list[_Step] = []
    _block_unread(steps, source)
    documents = [(i, d) for i, d in enumerate(source.documents) if d.data is not None]
    if not documents and not source.issues:
        empty = Issue(
            "BP103",
            "file holds no document; add one starting with `kind:` or delete the file",
            source.rel,
            mark=(1, 1),
        )
        steps.append(empty)
        # The id its name suggests may be what others refer to: unknown, not missing.
        _block(steps, empty, "until this file holds its document", None, {_stem(source.rel)})
    commas = _COMMA_DIGITS.search(source.text) is not None  # most files hold no `,000`
    for index, document in documents:
        _examine_document(steps, source, document, index, commas)
        # Indexed: the entity holds what is needed; the parsed containers are dropped
        # (a fifth of the memory of a large root). Positions and text stay for findings.
        document.data = None
    return _Examined(source, steps)


def _examine_document(
    steps: list[_Step], source: SourceFile, document: Document, index: int, commas: bool
) -> None:
    """Validate and index one document; `commas`: its file holds a `,000` somewhere."""
    data = document.data

    def issue(code: str, message: str, path: Path = (), at: Anchor = "key") -> Issue:
        return Issue(code, message, source.rel, path, at, document=index)

    stem = _stem(source.rel)

    def report(found: Issue, until: str, kind: str | None, ids: set[str | None]) -> None:
        steps.append(found)
        fields = _held_fields(data) if isinstance(data, dict) else {}
        _block(steps, found, until, kind, ids, fields)

    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else f"the value {data!r}"
        report(
            issue(
                "BP103",
                f"document is {what}, not a mapping; "
                "an entity is `kind: ...` followed by its fields",
                (),
                "value",
            ),
            "until this document is a mapping",
            None,
            {stem},
        )
        return
    if is_descriptor(data):
        return  # a Backstage catalog file (catalog.backstage may point inside the root)
    raw_id = data.get("id")
    id_ = str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else None
    kind = data.get("kind")
    if kind is None:
        foreign = _foreign(data)
        meant = None if foreign else guess_kind(data)
        if foreign:
            message = (
                f"not a strategy file? it looks like {foreign} and has no `kind`; add it "
                f"to `exclude:` in bpstrat.yaml (e.g. `exclude: [{source.rel}]`)"
            )
        elif meant:
            message = f"document has no `kind`; its fields are a {meant}'s: add `kind: {meant}`"
        else:
            message = f"document has no `kind`; add `kind:` with one of: {', '.join(KINDS)}"
        # Only what could be of the kind its fields say waits for it.
        report(issue("BP103", message, (), "value"), "until it has a `kind`", meant, {stem, id_})
        return
    found = KINDS.get(kind) if isinstance(kind, str) else None
    if found is None:
        close = closest(str(kind), KINDS, 0.5)
        meant = None if _foreign(data) else guess_kind(data)
        if meant is not None and meant != close:  # the fields say more than the spelling
            close = meant
            hint = f"; its fields are a {close}'s: write `kind: {close}`"
        else:
            hint = f"; did you mean `{close}`?" if close else ""
        foreign = _foreign(data)
        message = (
            f"not a strategy file? it looks like {foreign}; add it to `exclude:` in "
            f"bpstrat.yaml (e.g. `exclude: [{source.rel}]`)"
            if foreign and not close
            else f"unknown kind {kind!r}{hint} (kinds: {', '.join(KINDS)})"
        )
        report(
            issue("BP104", message, ("kind",)),
            "until its `kind` is fixed",
            close,
            {stem, id_},
        )
        return

    def quoted(path: Path) -> bool:
        line, column = document.positions.value(path)
        return source.line(line)[column - 1 : column] in ("'", '"')

    entity, issues, broken = validate_parts(found.model, data, quoted=quoted)
    ref = f"{kind}:{id_}" if id_ else None
    located = [issue.located(source.rel, index, ref) for issue in issues]
    if commas:
        located += [issue.located(source.rel, index, ref) for issue in _comma_numbers(data)]
    steps.extend(located)
    if entity is None and located:
        fields = _held_fields(data)
        _block(steps, located[0], f"until this {kind} is valid", kind, {stem, id_}, fields)
    if id_ is None:
        return
    line = document.positions.key(("id",)).line
    fields = _plain_fields(data)
    steps.append(
        _Entity(kind, id_, line, entity, document, index, broken, bool(issues), stem, fields)
    )


def _register(strategy: Strategy, source: SourceFile, step: _Entity) -> None:
    """Index one entity, or report it as a duplicate of one indexed before."""
    kind, id_, index, stem = step.kind, step.id, step.index, step.stem
    ref = f"{kind}:{id_}"
    known = strategy.known_ids.setdefault(kind, {})
    first = known.get(id_)
    here = f"{source.rel}:{step.line}"
    if first is not None and copy_came_first(id_, place_of(first), source.rel):
        # The earlier document is the copy (this file is named for the id): it gets the
        # finding and is left out; this one is kept.
        _left_out_copy(strategy, kind, id_, first, here)
    elif first is not None:
        copy = stem != id_ and _stem(place_of(first)) == id_  # the first is named for it
        message = duplicate_message(kind, id_, first, source.rel, copy)
        duplicate = Issue("BP301", message, source.rel, ("id",), document=index)
        duplicate = duplicate.located(source.rel, index, ref)
        strategy.issues.append(duplicate)
        # Either file may be the one whose id was copied and not changed.
        others: set[str | None] = {s for s in (stem, _stem(place_of(first))) if s != id_}
        until = "until the duplicate id is renamed"
        _block(strategy, duplicate, until, kind, others, step.document_fields)
        strategy.skipped.append(f"{ref} ({source.rel}): left out, its id is used at {first}")
        return
    known[id_] = here
    if step.entity is None:
        strategy.skipped.append(f"{ref} ({source.rel}): left out, it is invalid")
        return
    if step.partly_invalid:
        strategy.skipped.append(f"{ref} ({source.rel}): invalid parts left out")
    strategy.add(Record(kind, id_, step.entity, source, step.document, index, step.broken))
