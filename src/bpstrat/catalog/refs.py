"""Backstage entity references: `[kind:][namespace/]name`, compared without case.

A reference leaves out the kind and the namespace where its context gives defaults
(`pricing-api` in `spec.consumesApis` is `api:<the entity's namespace>/pricing-api`). It is
split as Backstage splits it: the kind ends at the first `:` unless a `/` comes first, the
namespace ends at the first `/`. Backstage also writes a reference as a mapping (`{kind:
Group, namespace: x, name: y}`), which is read too. Every reference is kept in lower case
and written in full: `api:default/pricing-api`.
"""

from __future__ import annotations

from typing import NamedTuple

from bpstrat.model.types import MAX_REF_CHARS

DEFAULT_NAMESPACE = "default"


class Ref(NamedTuple):
    """A full reference, each part in lower case."""

    kind: str
    namespace: str
    name: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.namespace}/{self.name}"


def parse_ref(value: object, kind: str | None, namespace: str = DEFAULT_NAMESPACE) -> Ref | None:
    """The full reference `value` names, with `kind` and `namespace` where it leaves them
    out; None when it is not a reference (or names no kind and `kind` is None)."""
    if isinstance(value, dict):
        return _compound(value, kind, namespace)
    if not isinstance(value, str) or not value or len(value) > MAX_REF_CHARS:
        return None
    text = value.strip()
    colon = text.find(":")
    slash = text.find("/")
    if slash != -1 and slash < colon:
        colon = -1  # the `:` is inside the name
    given_kind = text[:colon] if colon != -1 else None
    given_namespace = text[colon + 1 : slash] if slash != -1 else None
    name = text[max(colon, slash) + 1 :]
    if given_kind == "" or given_namespace == "" or not name:
        return None
    return _full(given_kind or kind, given_namespace or namespace, name)


def _compound(value: dict[object, object], kind: str | None, namespace: str) -> Ref | None:
    given = {key: value.get(key) for key in ("kind", "namespace", "name")}
    if not all(v is None or isinstance(v, str) for v in given.values()):
        return None
    name = given["name"]
    if not isinstance(name, str) or not name:
        return None
    given_kind = given["kind"] if isinstance(given["kind"], str) else None
    given_ns = given["namespace"] if isinstance(given["namespace"], str) else None
    return _full(given_kind or kind, given_ns or namespace, name)


def _full(kind: str | None, namespace: str, name: str) -> Ref | None:
    if not kind or not namespace:
        return None
    return Ref(kind.strip().lower(), namespace.strip().lower(), name.strip().lower())


def namespace_of(metadata: object) -> str:
    """An entity's namespace (`metadata.namespace`, default `default`), in lower case."""
    if isinstance(metadata, dict):
        value = metadata.get("namespace")
        if isinstance(value, str) and value.strip():
            return value.strip().lower()
    return DEFAULT_NAMESPACE
