"""The field reference of docs/format.md, rendered from the models' JSON Schema.

One section for bpstrat.yaml and one per kind: the kind's description, an example built
from the fields' examples, and a table of every field (nested ones as `strategy.summary`,
`demands[].option`) with its type in words, whether it is required or its default, and
its description. Fields come in the order the models declare them, so the output is the
same on every run. `splice` puts the output between the markers of an existing page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from bpstrat.errors import UsageError
from bpstrat.model.kinds import KINDS
from bpstrat.model.schema import entity_schema, root_schema
from bpstrat.model.types import CURRENCY_PATTERN, SLUG_PATTERN

BEGIN = "<!-- generated: bpstrat schema --markdown -->"
END = "<!-- end generated -->"

Schema = dict[str, Any]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PLAIN = re.compile(r"^[A-Za-z0-9/.~](?:[^\n#:]|:(?! |$))*$")
_FLOW_INDICATORS = re.compile(r"[,\[\]{}]")
_PLAIN_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}
_PLURALS = {"id": "ids", "date": "dates", "mapping": "mappings", "number": "numbers"}


def render_markdown() -> str:
    """The whole generated part, markers included."""
    root = root_schema()
    parts = [BEGIN, "", *_section("bpstrat.yaml", root, root)]
    everything = entity_schema()
    defs = everything.get("$defs")
    for name, kind in KINDS.items():
        schema = defs.get(kind.class_name, {}) if isinstance(defs, dict) else {}
        parts += _section(name, schema, everything)
    parts.append(END)
    return "\n".join(parts) + "\n"


def generated_part(page: str) -> str | None:
    """The generated part of `page`, markers included, or None when it has none."""
    start, end = page.find(BEGIN), page.find(END)
    if start < 0 or end < start:
        return None
    return page[start : end + len(END)] + "\n"


def splice(page: str, generated: str) -> str:
    """`page` with its generated part replaced by `generated`."""
    start, end = page.find(BEGIN), page.find(END)
    if start < 0 or end < start:
        raise UsageError(
            f"the file has no generated part: add the lines {BEGIN} and {END} where the "
            "field reference belongs"
        )
    after = page[end + len(END) :]
    return page[:start] + generated.rstrip("\n") + after


def splice_into(output: FsPath, generated: str) -> str:
    """The existing page at `output` with its generated part replaced by `generated`."""
    try:
        page = output.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise UsageError(f"cannot read {output}: {reason or error}") from None
    try:
        return splice(page, generated)
    except UsageError as error:
        raise UsageError(f"{output}: {error}") from None


def _section(title: str, schema: Schema, document: Schema) -> list[str]:
    defs: dict[str, Schema] = document.get("$defs", {})
    lines = [f"### {title}", ""]
    if schema.get("description"):
        lines += [_one_line(schema["description"]), ""]
    example = _example(schema, defs)
    lines += ["```yaml", *_yaml_lines(example, 0), "```", ""]
    lines += ["| field | type | required or default | description |", "| --- | --- | --- | --- |"]
    for row in _rows(schema, defs, ""):
        lines.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
    lines.append("")
    return lines


def _rows(schema: Schema, defs: dict[str, Schema], prefix: str) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    required = set(schema.get("required", ()))
    for name, prop in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        inner = _without_null(prop)
        target = _ref(inner, defs)
        description = prop.get("description") or (target or {}).get("description", "")
        rows.append((f"`{path}`", _words(inner, defs), _need(name, prop, required), description))
        if target is not None:
            rows += _rows(target, defs, f"{path}.")
        elif inner.get("type") == "array":
            item = _ref(_without_null(inner.get("items", {})), defs)
            if item is not None:
                rows += _rows(item, defs, f"{path}[].")
    return rows


def _need(name: str, prop: Schema, required: set[str]) -> str:
    if name in required:
        return "required"
    default = prop.get("default")
    if default is None or default == [] or default == {}:
        return "optional"
    return f"default `{_scalar(default)}`"


def _without_null(prop: Schema) -> Schema:
    """The schema of a value that may also be null, without the null."""
    options = prop.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        rest = [o for o in options if o != {"type": "null"}]
        return rest[0] if len(rest) == 1 else {**prop, "anyOf": rest}
    return prop


def _ref(prop: Schema, defs: dict[str, Schema]) -> Schema | None:
    ref = prop.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return defs.get(ref.removeprefix("#/$defs/"))
    return None


def _words(prop: Schema, defs: dict[str, Schema]) -> str:
    """The type of a value in plain words."""
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        return "one of " + ", ".join(f"`{value}`" for value in prop["enum"])
    if _ref(prop, defs) is not None:
        return "mapping"
    options = prop.get("anyOf")
    if isinstance(options, list):
        if any(o.get("pattern") == SLUG_PATTERN for o in options):
            return "id"
        if any(o.get("type") == "string" for o in options):
            return "text"
    kind = prop.get("type")
    if kind == "string":
        if prop.get("pattern") == CURRENCY_PATTERN:
            return "currency code"
        return "date" if prop.get("format") == "date" else "text"
    if kind == "boolean":
        return "true or false"
    if kind in ("integer", "number"):
        return _number_words(prop, "whole number" if kind == "integer" else "number")
    if kind == "array":
        item = _words(_without_null(prop.get("items", {})), defs)
        words = f"list of {_PLURALS.get(item, item)}"
        return f"{words}, at least one" if prop.get("minItems") else words
    if kind == "object":
        value = prop.get("additionalProperties")
        if isinstance(value, dict):
            return f"mapping of names to {_words(value, defs)}"
        return "mapping"
    return "any value"


def _number_words(prop: Schema, noun: str) -> str:
    low, high = prop.get("minimum"), prop.get("maximum")
    above = prop.get("exclusiveMinimum")
    if noun == "whole number" and low == 1 and high == 5:
        return "scale 1-5"
    if above is not None and high is not None:
        return f"{noun} above {_scalar(above)}, up to {_scalar(high)}"
    if above is not None:
        return f"{noun} above {_scalar(above)}"
    if low is not None and high is not None:
        return f"{noun} from {_scalar(low)} to {_scalar(high)}"
    if low is not None:
        return f"{noun}, at least {_scalar(low)}"
    return noun


@dataclass
class _Block:
    """A mapping written in block style, one key per line."""

    items: list[tuple[str, object]] = field(default_factory=list)


def _example(schema: Schema, defs: dict[str, Schema]) -> _Block:
    block = _Block()
    for name, prop in schema.get("properties", {}).items():
        value = _example_value(prop, defs)
        if value is not None:
            block.items.append((name, value))
    return block


def _example_value(prop: Schema, defs: dict[str, Schema]) -> object:
    inner = _without_null(prop)
    if prop.get("examples"):
        return _in_field_order(prop["examples"][0], inner, defs)
    if "const" in prop:
        return prop["const"]
    target = _ref(inner, defs)
    if target is not None:
        return _example(target, defs)
    if inner.get("type") == "array":
        item = _ref(_without_null(inner.get("items", {})), defs)
        if item is not None:
            return [_example(item, defs)]
    return None


def _in_field_order(value: object, prop: Schema, defs: dict[str, Schema]) -> object:
    """An example mapping with its keys in the order the model declares them (the
    schema sorts the keys of examples)."""
    if isinstance(value, list):
        item = _without_null(prop.get("items", {}))
        return [_in_field_order(v, item, defs) for v in value]
    target = _ref(prop, defs)
    if isinstance(value, dict) and target is not None:
        order = list(target.get("properties", {}))
        keys = sorted(value, key=lambda k: order.index(k) if k in order else len(order))
        return {k: value[k] for k in keys}
    return value


def _yaml_lines(block: _Block, indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in block.items:
        if isinstance(value, _Block):
            lines += [f"{pad}{key}:", *_yaml_lines(value, indent + 2)]
        elif isinstance(value, list) and value and isinstance(value[0], _Block):
            lines.append(f"{pad}{key}:")
            for item in value:
                inner = _yaml_lines(item, indent + 4)
                lines += [f"{pad}  - {inner[0].lstrip()}", *inner[1:]]
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines += [f"{pad}{key}:", *(f"{pad}  - {_flow(item)}" for item in value)]
        elif isinstance(value, (list, dict)):
            lines.append(f"{pad}{key}: {_flow(value)}")
        else:
            lines.append(f"{pad}{key}: {_scalar(value, flow=False)}")
    return lines


def _flow(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    return _scalar(value, flow=True)


def _scalar(value: object, flow: bool = True) -> str:
    """A scalar as YAML: plain where that reads back as the same text, else quoted."""
    if isinstance(value, str):
        plain = _ISO_DATE.match(value) or (
            _PLAIN.match(value)
            and not (flow and _FLOW_INDICATORS.search(value))
            and value == value.strip()
            and value.lower() not in _PLAIN_WORDS
            and not _is_number(value)
        )
        return value if plain else json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


def _one_line(text: str) -> str:
    return " ".join(text.split())
