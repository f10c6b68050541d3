"""The canonical key order of the file format: the order of each model's fields, keys the
format does not know after them in the order they were written."""

from __future__ import annotations

from functools import cache, lru_cache

from pydantic import BaseModel

from bpstrat.model.config import RootConfig
from bpstrat.model.fields import model_at
from bpstrat.model.kinds import KINDS


def document_model(kind: object, is_root_config: bool) -> type[BaseModel] | None:
    """The model whose field order a document's keys follow: bpstrat.yaml's, else that of
    the document's `kind` (None, for an unknown kind: its keys keep their order)."""
    if is_root_config:
        return RootConfig
    found = KINDS.get(kind) if isinstance(kind, str) else None
    return found.model if found is not None else None


def key_rank(model: type[BaseModel], key: object) -> int:
    """Where `key` goes in a mapping described by `model` (unknown keys: last)."""
    unknown = len(model.model_fields)
    return _ranks(model).get(key, unknown) if isinstance(key, str) else unknown


@cache
def _ranks(model: type[BaseModel]) -> dict[str, int]:
    return {name: index for index, name in enumerate(model.model_fields)}


@lru_cache(maxsize=4096)
def child_model(model: type[BaseModel] | None, key: object) -> type[BaseModel] | None:
    """The model of the mapping (or of the list's mappings) under `key`, if any."""
    if model is None or not isinstance(key, str):
        return None
    return model_at(model, (key,))
