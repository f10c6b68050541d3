"""Round-trip YAML for commands that edit files: ruamel keeps comments, order and quotes.

Lint never uses this (it is about 30x slower than the fast reader); `fmt`, `init` and
`new` do.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

WIDTH = 88


def make_yaml() -> YAML:
    """The one configuration of the round-trip reader and writer."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the author's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_duplicate_keys = False
    yaml.representer.add_representer(type(None), _represent_null)
    return yaml


def _represent_null(representer: Any, _data: None) -> Any:
    """Write `null`, not an empty value: what the author most likely wrote."""
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def load_all(text: str) -> list[Any]:
    """Every document of `text`; raises RoundTripError with a position on bad YAML."""
    try:
        return list(make_yaml().load_all(text))
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark is not None else "1:1"
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise RoundTripError(where, str(problem)) from None
    except Exception as error:
        raise RoundTripError("1:1", _describe(error)) from None


def dump_all(documents: list[Any], explicit_start: bool = False) -> str:
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
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class RoundTripError(Exception):
    """A file the round-trip reader cannot read; `where` is line:column."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message
