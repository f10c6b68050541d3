"""Validation errors that one mistake explains, reported as that one mistake.

Two mistakes make several errors each:

- Fields dedented out of the mapping they belong to (`metric:` left empty, its `name`,
  `unit` and `baseline` written at its own indentation): each field is unknown where it
  stands, and the mapping is empty. One finding at the first of them says they look like
  the fields of `metric` and to indent them under it.
- A misspelled key (`stregth: could`): it is unknown, and the field it meant is missing.
  The unknown key's finding ("did you mean `strength`?") is the one finding.
- A key glued to its value in a flow mapping (`{current:neutral}`): YAML reads one key,
  `current:neutral`, without a value. One finding says to put a space after the colon.

Either way the value meant is unknown, not absent: its path is returned as cut, so checks
that read it (BP402 "has no metric") stay silent, like for any invalid part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel

from bpstrat.findings import Issue, Path, path_name
from bpstrat.model.fields import fields_at, holds_list, model_at
from bpstrat.model.suggest import closest

# How many of the misplaced fields a message names.
NAMED = 3


@dataclass
class Explained:
    """What to report instead of the errors one mistake explains."""

    hidden: set[int] = field(default_factory=set)  # errors another finding stands for
    issues: dict[int, Issue] = field(default_factory=dict)  # by the first error it replaces
    required: set[int] = field(default_factory=set)  # misspellings of a required field
    cuts: set[Path] = field(default_factory=set)  # values meant but unknown


def explain_errors(
    model: type[BaseModel], data: object, errors: Sequence[tuple[str, Path]]
) -> Explained:
    """Which of `errors` (kind, path) one mistake explains, and the finding for it."""
    found = Explained()
    unknown: dict[Path, dict[str, int]] = {}
    for index, (kind, loc) in enumerate(errors):
        if kind == "extra_forbidden" and loc and isinstance(loc[-1], str):
            unknown.setdefault(loc[:-1], {})[loc[-1]] = index
    for parent, keys in unknown.items():
        mapping = _at(data, parent)
        if isinstance(mapping, dict):
            _misplaced(model, parent, mapping, keys, errors, found)
    for parent, keys in unknown.items():
        mapping = _at(data, parent)
        if isinstance(mapping, dict):
            _glued(model, parent, mapping, keys, errors, found)
            _misspelled(model, parent, mapping, keys, errors, found)
    return found


def _missing(errors: Sequence[tuple[str, Path]], parent: Path) -> dict[str, int]:
    """The required fields missing from the mapping at `parent`, by their error's index."""
    return {
        loc[-1]: i
        for i, (kind, loc) in enumerate(errors)
        if kind == "missing" and loc and loc[:-1] == parent and isinstance(loc[-1], str)
    }


def _glued(
    model: type[BaseModel],
    parent: Path,
    mapping: dict[object, object],
    keys: dict[str, int],
    errors: Sequence[tuple[str, Path]],
    found: Explained,
) -> None:
    """`current:neutral` read as one key: the field before the colon, glued to its value."""
    known = fields_at(model, parent)
    missing = _missing(errors, parent)
    for key, index in keys.items():
        name, colon, value = key.partition(":")
        if not colon or not value or name not in known or mapping.get(key) is not None:
            continue
        if name in mapping or value.startswith((" ", "/")):
            continue
        fixed = f"{name}: {value}"
        found.issues[index] = Issue(
            "BP203",
            f"no space after the colon of `{name}`: YAML reads `{key}` as one key, without "
            f"a value; put a space after the colon (`{fixed}`)",
            path=(*parent, key),
        )
        found.hidden.add(index)
        found.cuts.add((*parent, name))
        if name in missing:
            found.hidden.add(missing[name])


def _at(data: object, path: Path) -> object:
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _misplaced(
    model: type[BaseModel],
    parent: Path,
    mapping: dict[object, object],
    keys: dict[str, int],
    errors: Sequence[tuple[str, Path]],
    found: Explained,
) -> None:
    """Runs of unknown keys right after an empty (or short) mapping whose fields they are."""
    holder = model_at(model, parent)
    if holder is None:
        return
    order = list(mapping)
    for at, key in enumerate(order):
        if not isinstance(key, str) or key in keys or key not in holder.model_fields:
            continue
        inner = model_at(model, (*parent, key))
        value = mapping[key]
        as_list = holds_list(holder, key)
        if inner is None or not (value is None or (isinstance(value, dict) and not as_list)):
            continue
        present = value if isinstance(value, dict) else {}
        run: list[str] = []
        for later in order[at + 1 :]:
            if not (
                isinstance(later, str)
                and later in keys
                and later in inner.model_fields
                and later not in present
            ):
                break
            run.append(later)
        if not run:
            continue
        where = (*parent, key)
        replaced = [keys[name] for name in run]
        # the mapping's own errors: "must be a mapping" when empty, the fields it lacks
        # that stand below it
        replaced += [
            i
            for i, (kind, loc) in enumerate(errors)
            if loc == where or (kind == "missing" and loc[:-1] == where and loc[-1] in run)
        ]
        found.hidden.update(replaced)
        found.issues[keys[run[0]]] = Issue(
            "BP203", _message(key, run, as_list, parent, model), path=(*parent, run[0])
        )
        if value is None:
            found.cuts.add(where)
        else:
            found.cuts.update((*where, name) for name in run)


def _message(key: str, run: list[str], as_list: bool, parent: Path, model: type[BaseModel]) -> str:
    names = [f"`{name}`" for name in run]
    if len(names) > NAMED:
        names = [*names[:NAMED], f"{len(run) - NAMED} more"]
    named = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    owner = f"`{path_name(parent)}`" if parent else f"a {model.__name__.lower()}"
    of = f"an item of `{key}`" if as_list else f"`{key}`"
    if len(run) == 1:
        how = "indent it under it with `- `" if as_list else "indent it under it"
        return f"this looks like a field of {of}: {how} ({named} is not a field of {owner})"
    how = "indent them under it, the first with `- `" if as_list else "indent them under it"
    return f"these look like the fields of {of}: {how} ({named} are not fields of {owner})"


def _misspelled(
    model: type[BaseModel],
    parent: Path,
    mapping: dict[object, object],
    keys: dict[str, int],
    errors: Sequence[tuple[str, Path]],
    found: Explained,
) -> None:
    """An unknown key that suggests a field the mapping lacks stands for that field."""
    known = fields_at(model, parent)
    missing = _missing(errors, parent)
    for key, index in keys.items():
        if index in found.hidden:
            continue
        meant = closest(key, known)
        if meant is None or meant in mapping:
            continue
        found.cuts.add((*parent, meant))
        if meant in missing:
            found.hidden.add(missing[meant])
            found.required.add(index)
