"""JSON Schema (draft 2020-12) generated from the models: one schema for any entity
document (chosen by its `kind`) and one for bpstrat.yaml.

Editors use them to validate and complete as people type
(`# yaml-language-server: $schema=...`); schema validators use them in CI. What the
schema accepts, lint accepts; lint checks more (references, options, strategy rules).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Union

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


def entity_schema(kind: str | None = None) -> dict[str, Any]:
    """The schema of one kind, or of any entity document when `kind` is None."""
    if kind is None:
        schema = _by_kind(_any_entity().json_schema())
        title = "bpstrat entity"
        name = "entity"
    else:
        schema = KINDS[kind].model.model_json_schema()
        title = f"bpstrat {kind}"
        name = kind
    return _head(schema, title, name)


def _by_kind(union: dict[str, Any]) -> dict[str, Any]:
    """The entity union as one if/then branch per `kind`.

    A plain `oneOf` makes validators and editors report every branch's mismatch
    ("'consumer' was expected", "Additional properties ...") for one wrong date; with
    if/then only the schema of the document's own kind applies, so a decision with a bad
    date reports the date. check-jsonschema and yaml-language-server both read if/then.
    """
    defs = union.get("$defs", {})
    mapping = union.get("discriminator", {}).get("mapping", {})
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


def root_schema() -> dict[str, Any]:
    return _head(RootConfig.model_json_schema(), "bpstrat.yaml", "bpstrat")


def _head(schema: dict[str, Any], title: str, name: str) -> dict[str, Any]:
    head = {"$schema": DRAFT, "$id": f"{BASE}:{name}:{__version__}", "title": title}
    return {**head, **{k: v for k, v in schema.items() if k != "title"}}


def render(kind: str | None) -> str:
    schema = root_schema() if kind == "bpstrat" else entity_schema(kind)
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
