"""Pydantic validation errors -> findings (BP201 missing, BP202 invalid, BP203 unknown).

Each error's `loc` becomes the issue's path inside the document: the offending key for
wrong and unknown fields, the mapping that lacks a required one. Messages say what to
write instead.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from bpstrat.findings import Issue, Path, path_name
from bpstrat.model.explained_errors import explain_errors
from bpstrat.model.fields import fields_at, model_at
from bpstrat.model.suggest import closest
from bpstrat.model.types import MEANINGS

__all__ = ["fields_at", "model_at", "validate", "validate_parts"]

M = TypeVar("M", bound=BaseModel)

Quoted = Callable[[Path], bool]
"""Whether the value at a path was written in quotes in the source."""

SYNONYMS: dict[str, tuple[str, ...]] = {
    "accepted": ("approved", "agreed", "done", "decided", "final", "adopted", "yes"),
    "proposed": ("draft", "open", "pending", "suggested", "new", "wip", "review"),
    "superseded": ("replaced", "obsolete", "deprecated", "outdated", "old", "retired"),
    "must": ("high", "critical", "required", "mandatory", "essential", "blocker", "p1"),
    "should": ("medium", "important", "normal", "p2"),
    "could": ("low", "nice", "nice-to-have", "optional", "wish", "p3"),
    "supportive": ("supporter", "positive", "support", "champion", "ally"),
    "resistant": ("against", "negative", "opposed", "blocker", "hostile"),
    "leading": ("leader", "lead", "driving", "owner"),
    "unaware": ("unknown", "ignorant"),
    "neutral": ("indifferent", "undecided"),
    "direct": ("full", "own", "high"),
    "shared": ("partial", "partner", "joint", "medium"),
    "indirect": ("none", "low", "external"),
}
"""Words people write for an enum value, by the value they mean: checked before
spelling similarity, so `status: approved` suggests `accepted`, not `proposed`."""

NUMERIC = re.compile(r"\s*[-+]?\d+(?:\.\d*)?\s*")  # a number written as text
# A number with a decimal comma, as German and Dutch write it (`92,9`, `1.234,5`): each
# part is followed by a character it cannot hold.
DECIMAL_COMMA = re.compile(r"\s*([-+]?)(\d{1,3}(?:\.\d{3})+|\d+),(\d+)\s*")
# A number with thousands commas, as English writes it (`1,500`, `2,000,000`).
THOUSANDS = re.compile(r"\s*[-+]?\d{1,3}(?:,\d{3})+\s*")


def validate(
    model: type[M], data: object, base: Path = (), quoted: Quoted | None = None
) -> tuple[M | None, list[Issue]]:
    """Validate `data`; return the model (None when invalid) and the issues found.

    The issues carry paths (under `base`) but no file: the caller locates them.
    `quoted` tells whether a value was written in quotes (for "remove the quotes").
    """
    found, issues, _ = validate_parts(model, data, base, quoted)
    return found, issues


@dataclass(frozen=True)
class _Error:
    """One pydantic error, read once into typed values."""

    kind: str
    loc: Path
    msg: str
    value: object
    ctx: dict[str, object]


def _errors(error: ValidationError) -> list[_Error]:
    out = []
    for details in error.errors():
        loc: Path = tuple(part for part in details["loc"] if isinstance(part, (str, int)))
        ctx: dict[str, object] = dict(details.get("ctx") or {})
        value: object = details.get("input")
        out.append(_Error(str(details["type"]), loc, str(details["msg"]), value, ctx))
    return out


def validate_parts(
    model: type[M], data: object, base: Path = (), quoted: Quoted | None = None
) -> tuple[M | None, list[Issue], frozenset[Path]]:
    """`validate`, plus the paths of the invalid parts left out of the model (their
    values are unknown: checks that read them must not report them missing)."""
    try:
        return model.model_validate(data), [], frozenset()
    except ValidationError as error:
        errors = _errors(error)
        explained = explain_errors(model, data, [(err.kind, err.loc) for err in errors])
        issues = []
        for index, err in enumerate(errors):
            instead = explained.issues.get(index)
            if instead is not None:
                issues.append(replace(instead, path=base + instead.path))
            elif index not in explained.hidden:
                required = index in explained.required
                issues.append(_issue(model, err, base, quoted, required))
        found, cuts = _salvage(model, data, errors)
        return found, issues, cuts | explained.cuts


def _salvage(
    model: type[M], data: object, errors: list[_Error]
) -> tuple[M | None, frozenset[Path]]:
    """The entity without its broken parts, when only optional parts are broken.

    An unknown field, an invalid optional field or a broken list item is dropped, so one
    typo does not hide the entity from reference checks and scoring; a broken required
    field makes the entity unusable (None). The findings are reported either way.
    """
    cuts: list[Path] = []
    for err in errors:
        cut = _cut_for(model, err.loc, err.kind)
        if cut is None:
            return None, frozenset()
        cuts.append(cut)
    trimmed = copy.deepcopy(data)
    # Longest and highest indexes first, so earlier cuts do not shift later ones.
    for cut in sorted(set(cuts), key=_cut_order, reverse=True):
        _delete(trimmed, cut)
    try:
        return model.model_validate(trimmed), frozenset(cuts)
    except ValidationError:
        return None, frozenset()


def _cut_order(cut: Path) -> tuple[int, int]:
    return (len(cut), cut[-1] if cut and isinstance(cut[-1], int) else -1)


def _cut_for(model: type[BaseModel], loc: Path, kind: str) -> Path | None:
    """What to remove to get rid of an error at `loc`, or None if it cannot be removed."""
    if not loc:
        return None
    if kind == "extra_forbidden" or (kind != "missing" and _optional(model, loc)):
        return loc
    # The nearest list item or optional mapping holding it: a broken `cost.amount` drops
    # the goal's `cost`, not the goal.
    for n in range(len(loc) - 1, 0, -1):
        if isinstance(loc[n], int):
            return loc[: n + 1]
        if _optional(model, loc[:n]):
            return loc[:n]
    return None


def _optional(model: type[BaseModel], loc: Path) -> bool:
    if isinstance(loc[-1], int):
        return False
    parent = model_at(model, loc[:-1])
    field = parent.model_fields.get(str(loc[-1])) if parent is not None else None
    return field is not None and not field.is_required()


def _delete(data: object, path: Path) -> None:
    """Remove the value at `path` from nested dicts and lists, if it is there."""
    target = data
    for part in path[:-1]:
        target = _child(target, part)
    last = path[-1]
    if isinstance(target, dict):
        target.pop(last, None)
    elif isinstance(target, list) and isinstance(last, int) and 0 <= last < len(target):
        del target[last]


def _child(value: object, part: str | int) -> object:
    if isinstance(value, dict):
        found: object = value.get(part)
        return found
    if isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
        item: object = value[part]
        return item
    return None


def _issue(
    model: type[BaseModel], err: _Error, base: Path, quoted: Quoted | None, required: bool
) -> Issue:
    """The finding for one error; `required`: the unknown key stands for a missing
    required field (its "did you mean" is the one finding of both)."""
    loc: Path = base + err.loc
    local = err.loc
    kind = err.kind
    name = _name(local)
    if kind == "missing":
        where = f" to {_name(local[:-1])}" if len(local) > 1 else ""
        return Issue(
            "BP201",
            f"required field `{local[-1]}` is missing; add `{local[-1]}:`{where}",
            path=loc,
            at="parent",
        )
    if kind == "extra_forbidden":
        known = fields_at(model, local[:-1])
        hint = _did_you_mean(str(local[-1]), known)
        if hint and required:
            hint += " (a required field)"
        listing = f" (known fields: {', '.join(known)})" if known and not hint else ""
        return Issue(
            "BP203", f"unknown field `{local[-1]}`{_where(local[:-1])}{hint}{listing}", path=loc
        )
    was_quoted = quoted(local) if quoted is not None else True
    return Issue("BP202", _invalid_message(name, err, was_quoted), path=loc)


def _name(loc: Path) -> str:
    return path_name(loc) or "document"


def _where(loc: Path) -> str:
    return f" in `{_name(loc)}`" if loc else ""


def _did_you_mean(word: str, choices: list[str], value: bool = False) -> str:
    """'; did you mean `summary`?' for a field name, "'must'" for a value."""
    close = closest(word, choices)
    if not close:
        return ""
    return f"; did you mean {close!r}?" if value else f"; did you mean `{close}`?"


def _got(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _meaning(value: str, expected: list[str]) -> str | None:
    """The expected value that `value` means (`approved` -> `accepted`), if any."""
    word = value.strip().lower().replace("_", "-").replace(" ", "-")
    for meant, words in SYNONYMS.items():
        if meant in expected and word in words:
            return meant
    return None


_BOUNDS = {
    "greater_than_equal": ("ge", "greater than or equal to"),
    "less_than_equal": ("le", "less than or equal to"),
    "greater_than": ("gt", "greater than"),
    "less_than": ("lt", "less than"),
}


def _plain(text: str) -> str:
    """Library wording ("Value error, ...", "Input should be ...") in plain words."""
    text = re.sub(r"^(?:Value|Assertion) error, ", "", text)
    return re.sub(r"\b[Ii]nput should be\b", "must be", text)


def _invalid_message(name: str, err: _Error, was_quoted: bool = True) -> str:
    kind, value, ctx = err.kind, err.value, err.ctx
    if kind == "literal_error":
        listed = str(ctx.get("expected", "")).replace(" or ", ", ")
        expected = [part.strip(" '") for part in listed.split(",")]
        meant = _meaning(value, expected) if isinstance(value, str) else None
        if meant is not None:
            hint = f"; did you mean {meant!r}?"
        else:
            hint = _did_you_mean(str(value), expected, value=True) if isinstance(value, str) else ""
        meanings = MEANINGS.get(tuple(expected), {})
        listed = ", ".join(
            f"{word} ({meanings[word]})" if word in meanings else word for word in expected
        )
        if meanings:
            return f"`{name}` must be one of: {listed}; got {_got(value)}{hint}"
        return f"`{name}` must be one of: {listed} (got {_got(value)}){hint}"
    if kind == "value_error":
        error = ctx.get("error")
        return f"`{name}`: {error}" if error is not None else f"`{name}`: {_plain(err.msg)}"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        bound = ctx.get(key)
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)  # "greater than 0", not "greater than 0.0"
        return f"`{name}` must be {words} {bound} (got {_got(value)})"
    numeric = isinstance(value, str) and NUMERIC.fullmatch(value)
    quotes = " (remove the quotes)" if numeric and was_quoted else ""
    whole = kind in ("int_type", "int_parsing", "int_from_float")
    if isinstance(value, str) and (whole or kind in ("float_type", "float_parsing")):
        comma = _comma_number(name, value, whole)
        if comma is not None:
            return comma
    if whole:
        return f"`{name}` must be a whole number, got {_got(value)}{quotes}"
    if kind in ("float_type", "float_parsing"):
        return f"`{name}` must be a number, got {_got(value)}{quotes}"
    if kind == "bool_type":
        return f"`{name}` must be true or false, got {_got(value)}"
    if kind == "string_type":
        return f"`{name}` must be text, got {_describe(value)}"
    if kind in ("list_type",):
        return f"`{name}` must be a list (`[a, b]` or `- item` lines), got {_describe(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"`{name}` must be a mapping of `field: value` lines, got {_describe(value)}"
    if kind == "too_short":
        return f"`{name}` must not be empty"
    if kind == "string_too_short":
        return f"`{name}` must not be empty text"
    return f"`{name}`: {_plain(err.msg)} (got {_got(value)})"


def _comma_number(name: str, value: str, whole: bool) -> str | None:
    """The message for a number written with a comma (`92,9`, `1,500`), if it is one."""
    thousands = THOUSANDS.fullmatch(value)
    decimal = DECIMAL_COMMA.fullmatch(value)
    if thousands is not None:
        plain = value.strip().replace(",", "")
        if decimal is None or "." in decimal.group(2):
            return f"`{name}` has commas in a number (got {_got(value)}): write {plain}"
        meant = f"{decimal.group(1)}{decimal.group(2)}.{decimal.group(3)}"
        kind = "a whole number" if whole else "a number"
        return (
            f"`{name}` must be {kind}, got {_got(value)}: write {plain} without the thousands "
            f"comma, or {meant} if the comma is a decimal comma"
        )
    if decimal is None:
        return None
    meant = f"{decimal.group(1)}{decimal.group(2).replace('.', '')}.{decimal.group(3)}"
    if whole:
        return (
            f"`{name}` must be a whole number, got {_got(value)}, a number with a decimal "
            f"comma ({meant}); write a whole number"
        )
    return (
        f"`{name}` has a decimal comma (got {_got(value)}): YAML numbers are written with a "
        f"decimal point; write {meant}"
    )


def _describe(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return _got(value)
