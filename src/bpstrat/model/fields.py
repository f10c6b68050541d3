"""Which model describes the mapping at a path inside a document, and its fields."""

from __future__ import annotations

import types
import typing
from typing import Literal, Union, get_args, get_origin

from pydantic import BaseModel

from bpstrat.findings import Path


def fields_at(model: type[BaseModel], loc: Path) -> list[str]:
    """The field names allowed at `loc` inside `model` (for "did you mean")."""
    target = model_at(model, loc)
    return list(target.model_fields) if target is not None else []


def model_at(model: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The model that describes the mapping at `loc`, if any."""
    current: object = model
    for part in loc:
        if isinstance(part, int):
            continue
        target = _model_of(current)
        if target is None or part not in target.model_fields:
            return None
        current = target.model_fields[part].annotation
    return _model_of(current)


def holds_list(model: type[BaseModel], key: str) -> bool:
    """Whether field `key` of `model` holds a list (of mappings or values)."""
    field = model.model_fields.get(key)
    return field is not None and _is_list(field.annotation)


def _is_list(annotation: object) -> bool:
    origin = get_origin(annotation)
    if origin is list:
        return True
    if origin in (Union, types.UnionType, typing.Annotated):
        return any(_is_list(arg) for arg in get_args(annotation))
    return False


def _model_of(annotation: object) -> type[BaseModel] | None:
    """Find the model inside Optional[...], list[...], Annotated[...]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = get_origin(annotation)
    if origin is Literal:
        return None
    if origin in (Union, types.UnionType, list, typing.Annotated) or origin is not None:
        for arg in get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None
