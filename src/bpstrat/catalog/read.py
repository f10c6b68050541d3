"""Read a Backstage software catalog: descriptor files -> catalog entities and BP430 issues.

`catalog.backstage` names files and folders, relative to the root. Folders are searched
recursively for `*.yaml` / `*.yml` (hidden folders left out); every file may hold several
documents; a `kind: Location` entity's `spec.target` / `spec.targets` that are paths are
followed, relative to the Location's file (`*`, `?` and `**` in a target match files as
Backstage's file locations do), URLs are never fetched. Each file is read once, so a
Location loop just ends.

Reading is as safe as reading the strategy: every path is resolved first and read only
inside the bounds (bounds.py), only regular files, at most MAX_FILE_BYTES each, with the
same YAML reader (no tag is ever constructed). Anything else is one BP430 issue and is
not read; documents that are not catalog entities (no `apiVersion: backstage.io/...`,
`kind` and `metadata.name`) are ignored.
"""

from __future__ import annotations

import os
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from bpstrat.catalog.bounds import Bounds
from bpstrat.catalog.refs import Ref, namespace_of, parse_ref
from bpstrat.findings import Issue
from bpstrat.source.files import ROOT_FILE, decode
from bpstrat.source.globs import Globs
from bpstrat.source.tree import MAX_FILE_BYTES, TOO_LARGE, is_yaml_name, read_regular
from bpstrat.source.yaml_fast import parse

CODE = "BP430"
MAX_TARGET_CHARS = 4096
MAX_GLOB_WORK = 1_000_000
"""How much all glob targets of one catalog may search and match together, in characters
of the paths listed and matched (about a second): many Locations whose globs search the
same large folders would otherwise cost the product of the two."""
# `scheme:` of a URL (`https://`, `file:`, `github:`): at least two characters, so that a
# Windows drive letter (`C:`) is not one. Linear: one run of allowed characters, then `:`.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")
_GLOB_CHARS = ("*", "?")
# A `name:` line, for the names a file that does not parse may hold (see `unsure`).
_RAW_NAME = re.compile(r"^[ \t]*name[ \t]*:[ \t]*['\"]?([A-Za-z0-9][A-Za-z0-9._-]*)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class CatalogEntity:
    """One entity of the catalog, with the parts bpstrat reads."""

    ref: Ref
    name: str  # metadata.name as written
    title: str | None
    description: str | None
    owner: Ref | None  # spec.owner, default kind group
    system: Ref | None  # spec.system, default kind system
    consumes: tuple[Ref, ...]  # spec.consumesApis, default kind api
    file: str  # relative to the root, `/`-separated (may begin with `../`)
    line: int


@dataclass
class CatalogRead:
    """What the catalog paths hold, and why any of it could not be read."""

    entities: list[CatalogEntity] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # descriptor files read, in read order
    not_fetched: list[str] = field(default_factory=list)  # URL targets of Locations
    unsure: set[str] = field(default_factory=set)  # names, lowered, in files that did not parse
    complete: bool = True  # False when a path or file could not be read at all


@dataclass(frozen=True, slots=True)
class _Place:
    """A path to read and where a problem with it is reported."""

    path: str  # absolute, not resolved (its links are resolved when it is checked)
    item: int | None  # the catalog.backstage item that names it, else None (found below)
    via: str  # how it was found, for messages
    optional: bool = False  # a Location target with `presence: optional`


def read_catalog(root: Path, paths: list[str]) -> CatalogRead:
    """Every catalog entity below `paths` (catalog.backstage, relative to `root`)."""
    return _Reader(root).run(paths)


class _Reader:
    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.bounds = Bounds(root)
        self.out = CatalogRead()
        self.queue: deque[_Place] = deque()
        self.read: set[str] = set()  # real paths of files read (each once)
        self.walked: set[tuple[int, int]] = set()  # folders searched (links may repeat one)
        self.reported: set[str] = set()  # files with a finding
        self.listed: dict[str, list[str]] = {}  # YAML files below a folder, for globs
        self.globbed: set[tuple[str, str]] = set()  # (folder, glob) pairs matched
        self.glob_budget = MAX_GLOB_WORK

    def run(self, paths: list[str]) -> CatalogRead:
        for index, given in enumerate(paths):
            path = os.path.expanduser(given) if given.startswith("~") else given
            self.queue.append(_Place(os.path.join(self.root, path), index, f"`{given}`"))
        while self.queue:
            self._visit(self.queue.popleft())
        return self.out

    def rel(self, path: str) -> str:
        """`path` relative to the root, with `/` (it may begin with `../`)."""
        try:
            return os.path.relpath(path, self.root).replace(os.sep, "/")
        except ValueError:  # another drive on Windows
            return path.replace(os.sep, "/")

    def problem(self, place: _Place, message: str, complete: bool = False) -> None:
        """One BP430 issue; `complete`: what the place holds is still known (a file
        that does not parse, whose names are scanned)."""
        self.out.complete = self.out.complete and complete
        if place.item is not None:
            issue = Issue(CODE, message, ROOT_FILE, ("catalog", "backstage", place.item))
        else:
            rel = self.rel(place.path)
            if rel in self.reported:
                return  # found again another way: one finding per file
            self.reported.add(rel)
            issue = Issue(CODE, message, rel, mark=(1, 1))
        self.out.issues.append(issue)

    def _visit(self, place: _Place) -> None:
        try:
            real = os.path.realpath(place.path)
        except (OSError, ValueError) as error:
            self.problem(place, f"{place.via}: cannot be resolved ({error}); not read")
            return
        if not self.bounds.holds(real):
            self.problem(
                place,
                f"{place.via} is outside {self.bounds.what} ({self.rel(real)}): not read; "
                "point `catalog.backstage` at descriptor files in the repository",
            )
            return
        try:
            is_dir = os.path.isdir(real)
            exists = is_dir or os.path.exists(real)
        except (OSError, ValueError):
            is_dir = exists = False
        if not exists:
            if not place.optional:
                self.problem(place, f"{place.via} not found: no such file or folder")
            return
        if is_dir:
            self._walk(place, real)
        else:
            self._read(place, real)

    def _walk(self, place: _Place, real: str) -> None:
        """Every YAML file below the folder `real`, by name, hidden entries left out."""
        stack = [(place.path, real)]
        while stack:
            folder, real_folder = stack.pop()
            try:
                info = os.stat(real_folder)
                entries = sorted(os.scandir(real_folder), key=lambda e: e.name)
            except OSError as error:
                self.problem(_Place(folder, None, self.rel(folder)), _cannot(error))
                continue
            if (info.st_dev, info.st_ino) in self.walked:
                continue
            self.walked.add((info.st_dev, info.st_ino))
            below: list[tuple[str, str]] = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                shown = os.path.join(folder, entry.name)
                try:
                    link = entry.is_symlink()
                    target = os.path.realpath(entry.path) if link else entry.path
                    is_dir = entry.is_dir(follow_symlinks=True)
                except (OSError, ValueError):
                    link, target, is_dir = False, entry.path, False
                if not is_dir and not is_yaml_name(entry.name):
                    continue
                found = _Place(shown, None, f"`{self.rel(shown)}`")
                if link and not self.bounds.holds(target):
                    self._visit(found)  # reported: a link out
                elif is_dir:
                    below.append((shown, target))
                else:
                    self._read(found, target)
            stack.extend(reversed(below))

    def _read(self, place: _Place, real: str) -> None:
        if real in self.read:
            return
        self.read.add(real)
        raw = read_regular(real, MAX_FILE_BYTES)
        if isinstance(raw, str):
            self.problem(place, f"{place.via}: {raw}")
            return
        if len(raw) > MAX_FILE_BYTES:
            self.problem(place, f"{place.via}: {TOO_LARGE}")
            return
        text, (_, _, why) = decode(raw)
        if text is None:
            self.problem(place, f"{place.via}: {why}")
            return
        rel = self.rel(place.path)
        self.out.files.append(rel)
        documents, syntax = parse(text)
        if syntax is not None:
            where = f"line {syntax.pos.line}, column {syntax.pos.column}"
            self.problem(place, f"{place.via} is not valid YAML ({where}: {syntax.message})", True)
            self.out.unsure.update(m.group(1).lower() for m in _RAW_NAME.finditer(text))
        for document in documents:
            if isinstance(document.data, dict):
                self._document(document.data, place.path, rel, document.start.line)

    def _document(self, data: dict[object, object], path: str, rel: str, line: int) -> None:
        version, kind, metadata = data.get("apiVersion"), data.get("kind"), data.get("metadata")
        if not (isinstance(version, str) and version.startswith("backstage.io/")):
            return
        if not isinstance(kind, str) or not kind.strip() or not isinstance(metadata, dict):
            return
        name = metadata.get("name")
        if not isinstance(name, str) or not name.strip():
            return
        namespace = namespace_of(metadata)
        ref = parse_ref(name, kind, namespace)
        if ref is None or ref.name != name.strip().lower():
            return  # a name holding `:` or `/` is no name
        spec = data.get("spec")
        spec = spec if isinstance(spec, dict) else {}
        if ref.kind == "location":
            self._location(spec, path, rel)
        consumes = spec.get("consumesApis")
        refs = (parse_ref(item, "api", namespace) for item in _items(consumes))
        self.out.entities.append(
            CatalogEntity(
                ref=ref,
                name=name.strip(),
                title=_text(metadata.get("title")),
                description=_text(metadata.get("description")),
                owner=parse_ref(spec.get("owner"), "group", namespace),
                system=parse_ref(spec.get("system"), "system", namespace),
                consumes=tuple(dict.fromkeys(r for r in refs if r is not None)),
                file=rel,
                line=line,
            )
        )

    def _location(self, spec: dict[object, object], path: str, rel: str) -> None:
        """Queue the Location's path targets; note its URLs (never fetched)."""
        targets = [spec.get("target"), *_items(spec.get("targets"))]
        optional = spec.get("presence") == "optional"
        folder = os.path.dirname(path)
        for target in targets:
            if not isinstance(target, str) or not target.strip():
                continue
            target = target.strip()
            if len(target) > MAX_TARGET_CHARS or "\0" in target:
                continue
            if _URL.match(target):
                self.out.not_fetched.append(target)
                continue
            via = f"`{target}` (a target of the Location in {rel})"
            if any(c in target for c in _GLOB_CHARS):
                self._glob(folder, target, via)
                continue
            self.queue.append(_Place(os.path.join(folder, target), None, via, optional))

    def _glob(self, folder: str, target: str, via: str) -> None:
        """The YAML files a glob target matches, below the glob's fixed folder."""
        parts = target.replace("\\", "/").split("/")
        fixed = []
        while parts and not any(c in parts[0] for c in _GLOB_CHARS):
            fixed.append(parts.pop(0))
        base = os.path.normpath(os.path.join(folder, *fixed)) if fixed else folder
        place = _Place(base, None, via)
        try:
            real = os.path.realpath(base)
        except (OSError, ValueError):
            return
        if not self.bounds.holds(real):
            self._visit(place)  # reported: outside the bounds
            return
        if not os.path.isdir(real):
            return  # nothing matches
        if (real, "/".join(parts)) in self.globbed:
            return  # the same glob from the same folder: its files are queued already
        self.globbed.add((real, "/".join(parts)))
        files = self._listing(real)
        work = sum(len(path) + 1 for path in files) if files is not None else 0
        if files is not None and work <= self.glob_budget:
            self.glob_budget -= work  # matching them: the budget holds that too
        else:
            files = None
        if files is None:
            self.problem(
                place,
                f"{via}: the catalog's glob targets search and match more paths than bpstrat "
                "reads in a run; name the files or their folder instead",
            )
            return
        # Anchored at `base`: a leading folder name no path below it can hold.
        globs = Globs(["\0/" + "/".join(parts)])
        for rel_path in files:
            if globs.match("\0/" + rel_path):
                self.queue.append(_Place(os.path.join(base, rel_path), None, via))

    def _listing(self, real: str) -> list[str] | None:
        """The YAML files below the folder `real` (listed once), None past the budget."""
        found = self.listed.get(real)
        if found is None:
            listed = _files_below(real, self.bounds, self.glob_budget)
            if listed is None:
                self.glob_budget = 0
                return None
            found, used = listed
            self.glob_budget -= used
            self.listed[real] = found
        return found


def _files_below(real: str, bounds: Bounds, budget: int) -> tuple[list[str], int] | None:
    """The relative path of every YAML file below the folder `real`, hidden entries and
    links out of the bounds left out, each folder searched once, and the characters of
    the names listed; None when they are more than `budget`."""
    found: list[str] = []
    used = 0
    seen: set[tuple[int, int]] = set()
    stack = [("", real)]
    while stack:
        rel, folder = stack.pop()
        try:
            info = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        below = []
        used += sum(len(entry.name) + 1 for entry in entries)
        if used > budget:
            return None
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                target = os.path.realpath(entry.path)
                is_dir = entry.is_dir(follow_symlinks=True)
            except (OSError, ValueError):
                continue
            if not bounds.holds(target):
                continue
            child = f"{rel}{entry.name}"
            if is_dir:
                below.append((child + "/", target))
            elif is_yaml_name(entry.name):
                found.append(child)
        stack.extend(reversed(below))
    return found, used


def _items(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _cannot(error: OSError) -> str:
    return f"cannot be read: {error.strerror or error}"
