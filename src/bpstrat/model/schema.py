"""JSON Schema (draft 2020-12) generated from the models: one schema for any entity
document (chosen by its `kind`) and one for bpstrat.yaml.

Editors use them to validate and complete as people type
(`# yaml-language-server: $schema=...`); schema validators use them in CI. What the
schema accepts, lint accepts; lint checks more (references, options, strategy rules).
"""

from __future__ import annotations

import functools
import json
from typing import Annotated, Union

from pydantic import Field, TypeAdapter

from bpstrat import __version__
from bpstrat.model.config import RootConfig
from bpstrat.model.kinds import KINDS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "urn:bpstrat:schema"


def _any_entity() -> TypeAdapter[object]:
    """Any kind of the KINDS table, chosen by its `kind`."""
    models = tuple(kind.model for kind in KINDS.values())
    entity = Annotated[Union[models], Field(discriminator="kind")]  # type: ignore[valid-type]
    return TypeAdapter(entity)


JsonObject = dict[str, object]


def _object(value: object) -> JsonObject:
    """`value` when it is a JSON object, else an empty one."""
    return {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}


def entity_schema(kind: str | None = None) -> JsonObject:
    """The schema of one kind, or of any entity document when `kind` is None (a copy of
    its own: the caller may change it)."""
    return _object(json.loads(_entity_text(kind)))


def root_schema() -> JsonObject:
    """The schema of bpstrat.yaml (a copy of its own)."""
    return _object(json.loads(_root_text()))


def render(kind: str | None) -> str:
    """The schema file of `kind` ("bpstrat": bpstrat.yaml; None: any entity document)."""
    return _root_text() if kind == "bpstrat" else _entity_text(kind)


# Generating a schema from the models takes tens of milliseconds; the models do not change
# while the process runs, so each schema is generated once and kept as its file's text.


@functools.cache
def _entity_text(kind: str | None) -> str:
    return _text(_entity_schema(kind))


@functools.cache
def _root_text() -> str:
    return _text(_head(_object(RootConfig.model_json_schema()), "bpstrat.yaml", "bpstrat"))


def _text(schema: JsonObject) -> str:
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def _entity_schema(kind: str | None) -> JsonObject:
    if kind is None:
        schema = _by_kind(_object(_any_entity().json_schema()))
        title = "bpstrat entity"
        name = "entity"
    else:
        schema = _object(KINDS[kind].model.model_json_schema())
        title = f"bpstrat {kind}"
        name = kind
    return _head(schema, title, name)


def _by_kind(union: JsonObject) -> JsonObject:
    """The entity union as one if/then branch per `kind`.

    A plain `oneOf` makes validators and editors report every branch's mismatch
    ("'consumer' was expected", "Additional properties ...") for one wrong date; with
    if/then only the schema of the document's own kind applies, so a decision with a bad
    date reports the date. check-jsonschema and yaml-language-server both read if/then.
    """
    defs = _object(union.get("$defs"))
    mapping = _object(_object(union.get("discriminator")).get("mapping"))
    branches = [
        {
            "if": {"patternProperties": {"^kind$": {"const": name}}, "required": ["kind"]},
            "then": {"$ref": ref},
        }
        for name, ref in mapping.items()
    ]
    return {
        "type": "object",
        "required": ["kind"],
        # patternProperties, not properties: the field reference lists the fields of
        # each kind, and `kind` is described there.
        "patternProperties": {
            "^kind$": {
                "enum": list(mapping),
                "description": "What the document describes: " + ", ".join(mapping) + ".",
            }
        },
        "allOf": branches,
        "$defs": defs,
    }


def _head(schema: JsonObject, title: str, name: str) -> JsonObject:
    head: JsonObject = {"$schema": DRAFT, "$id": f"{BASE}:{name}:{__version__}", "title": title}
    return {**head, **{k: v for k, v in schema.items() if k != "title"}}
