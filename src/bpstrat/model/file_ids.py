"""A file's name says which id it was meant to hold: where a finding about an id lands.

- A misspelled id: references name an id X of a kind that nothing has, and the one
  entity of that kind in a file named X has an id nothing names. The mistake is that
  `id:` line, not every correct reference: ONE BP302 at it, and the entity is indexed
  as X (what every reference means), so score, lint and brief see it once, where the
  references say.
- A copied file: two documents share an id and exactly one of them lives in the file
  named for it. The other is the copy: the BP301 is placed at the copy's `id`, and the
  entity of the file named for the id is the one kept.
"""

from __future__ import annotations

from collections import Counter

from bpstrat.findings import Issue
from bpstrat.model.entities import Entity
from bpstrat.model.references import references
from bpstrat.model.strategy import Record, Strategy
from bpstrat.model.types import is_slug


def stem(rel: str) -> str:
    """The id a file's name suggests (consumers/load-matching.yaml -> 'load-matching'):
    PurePosixPath(rel).stem, without building a path for every file."""
    name = rel.rpartition("/")[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def file_name(rel: str) -> str:
    return rel.rpartition("/")[2]


def place_of(location: str) -> str:
    """The file of a `rel:line` location (known_ids' values)."""
    return location.rpartition(":")[0]


# -- a copied file ---------------------------------------------------------------------


def copy_came_first(id_: str, first: str, here: str) -> bool:
    """True when the earlier document with `id_` (in file `first`) is the copy: this file
    (`here`) is named for the id and the earlier one is not."""
    return stem(here) == id_ and stem(first) != id_


def duplicate_message(kind: str, id_: str, other: str, copy_rel: str, named: bool) -> str:
    """BP301 at the document `copy_rel`; `other` is where the id also is (`rel:line`),
    `named`: that file is named for the id, so this one is the copy."""
    if not named:
        return f"duplicate {kind} id {id_!r}: first defined at {other}; rename one of them"
    own = stem(copy_rel)
    hint = f" (`id: {own}`, as its file is named?)" if is_slug(own) and own != id_ else ""
    return (
        f"duplicate {kind} id {id_!r}: {other} has it too, in the file named for it; this "
        f"file looks like a copy: give it its own id{hint}"
    )


# -- a misspelled id -------------------------------------------------------------------


def settle_file_ids(strategy: Strategy) -> None:
    """One BP302 at each id misspelled in the file named for the id its references use,
    and the entity indexed under that id."""
    named: dict[str, set[str]] = {}
    dangling: Counter[tuple[str, str]] = Counter()
    for ref in references(strategy):
        named.setdefault(ref.kind, set()).add(ref.value)
        if not strategy.resolves(ref.kind, ref.value):
            dangling[(ref.kind, ref.value)] += 1
    if not dangling:
        return
    for kind, records in list(strategy.by_kind.items()):
        wanted = {value for (of, value) in dangling if of == kind}
        if not wanted:
            continue
        per_file = Counter(place_of(where) for where in strategy.known_ids.get(kind, {}).values())
        candidates: dict[str, list[Record[Entity]]] = {}
        for record in records.values():
            meant = stem(record.file.rel)
            if (
                meant in wanted
                and record.id not in named.get(kind, ())
                and per_file[record.file.rel] == 1
            ):
                candidates.setdefault(meant, []).append(record)
        renames: dict[str, str] = {}
        for meant, found in candidates.items():
            if len(found) != 1:
                continue  # two files of that name: which one is meant is not clear
            record = found[0]
            count = dangling[(kind, meant)]
            noun = "reference names" if count == 1 else "references name"
            strategy.issues.append(
                Issue(
                    "BP302",
                    f"`id` is {record.id!r}, which nothing refers to, but the file is "
                    f"{file_name(record.file.rel)} and {count} {noun} {meant!r}; did you "
                    f"mean `id: {meant}`?",
                    record.file.rel,
                    ("id",),
                    entity=f"{kind}:{record.id}",
                    document=record.index,
                )
            )
            renames[record.id] = meant
        if renames:
            strategy.rename(kind, renames)
