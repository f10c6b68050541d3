"""Round-trip YAML for commands that edit files: ruamel keeps comments, order and quotes.

Lint never uses this (it is about 30x slower than the fast reader); `fmt`, `init` and
`new` do. A mapping whose keys are numbers chosen to share one hash (every multiple of
2**61 - 1 hashes to 0) would cost the reader a comparison for each pair of them; such a
mapping is refused before it is built (source/equal_hashes.py).
"""

from __future__ import annotations

import io
from typing import Any, cast

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter

from bpstrat.source.equal_hashes import equal_hash_cost

WIDTH = 88
MAX_EQUAL_HASHES = 100_000  # comparisons keys with one hash may cost one mapping
_NUMBER_TAGS = frozenset(["tag:yaml.org,2002:int", "tag:yaml.org,2002:float"])


class _BoundedConstructor(RoundTripConstructor):
    """ruamel's round-trip constructor, refusing a mapping whose number keys share hashes."""

    def construct_mapping(  # type: ignore[override]  # ruamel's own signature differs
        self, node: Any, maptyp: Any, deep: bool = False
    ) -> Any:
        if isinstance(node, MappingNode):
            numbers = (
                self.construct_object(key, deep=True)
                for key, _value in node.value
                if isinstance(key, ScalarNode) and key.tag in _NUMBER_TAGS
            )
            if equal_hash_cost(numbers, MAX_EQUAL_HASHES) > MAX_EQUAL_HASHES:
                raise ConstructorError(
                    None,
                    None,
                    "this mapping's keys are numbers that share one hash (chosen to make "
                    "reading slow?); bpstrat's keys are names",
                    node.start_mark,
                )
        return super().construct_mapping(node, maptyp, deep)


def make_yaml() -> YAML:
    """The one configuration of the round-trip reader and writer."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _BoundedConstructor
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the author's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_duplicate_keys = False
    yaml.representer.add_representer(type(None), _represent_null)
    return yaml


def _represent_null(representer: RoundTripRepresenter, _data: None) -> ScalarNode:
    """Write `null`, not an empty value: what the author most likely wrote."""
    node: ScalarNode = representer.represent_scalar("tag:yaml.org,2002:null", "null")
    return node


def load_all(text: str) -> list[object]:
    """Every document of `text`; raises RoundTripError with a position on bad YAML."""
    try:
        return list(make_yaml().load_all(text))
    except YAMLError as error:
        mark: object = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line, column = getattr(mark, "line", None), getattr(mark, "column", None)
        where = (
            f"{line + 1}:{column + 1}"
            if isinstance(line, int) and isinstance(column, int)
            else "1:1"
        )
        problem: object = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise RoundTripError(where, str(problem)) from None
    except Exception as error:
        raise RoundTripError("1:1", _describe(error)) from None


def dump_all(documents: list[object], explicit_start: bool = False) -> str:
    """The text of `documents`; raises RoundTripError when ruamel cannot write them."""
    out = io.StringIO()
    yaml = make_yaml()
    yaml.explicit_start = explicit_start
    try:
        yaml.dump_all(documents, out)
    except Exception as error:
        raise RoundTripError("1:1", _describe(error)) from None
    return out.getvalue()


def _describe(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    if isinstance(error, ValueError) and "digits" in text:
        return "a number with thousands of digits, which cannot be read as a number"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


# Typed access to ruamel's commented collections (the library is not typed).
Key = str | int | float | bool | None


def keys(node: CommentedMap) -> list[Key]:
    return cast("list[Key]", list(node))


def child(node: CommentedMap, key: Key) -> object:
    value: object = node[key]
    return value


def items(node: CommentedSeq) -> list[object]:
    return cast("list[object]", list(node))


def key_line(node: CommentedMap, key: Key) -> int:
    """0-based line of `key` in `node`."""
    return cast("int", node.lc.key(key)[0])


def value_line(node: CommentedMap, key: Key) -> int | None:
    found = node.lc.value(key)
    return cast("int", found[0]) if found is not None else None


def item_line(node: CommentedSeq, index: int) -> int:
    return cast("int", node.lc.item(index)[0])


def node_line(node: CommentedMap | CommentedSeq) -> int | None:
    return cast("int | None", node.lc.line)


def is_flow(node: CommentedMap | CommentedSeq) -> bool:
    return bool(node.fa.flow_style())


def set_block(node: CommentedMap | CommentedSeq) -> None:
    node.fa.set_block_style()


def move_to_end(node: CommentedMap, key: Key) -> None:
    node.move_to_end(key)


class RoundTripError(Exception):
    """A file the round-trip reader cannot read; `where` is line:column."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message
