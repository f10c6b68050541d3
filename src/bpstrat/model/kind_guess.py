"""Which kind a document without a (known) `kind` was meant to be, from its fields.

A document without `kind` cannot be validated, but its fields usually say what it is
(`power` and `engagement`: a stakeholder). Knowing that, only what could depend on that
kind waits for the document: a stakeholder without `kind` cannot be the decision that
settles a dimension, so no check of decisions waits for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from bpstrat.model.kinds import KINDS


def _fields() -> dict[str, frozenset[str]]:
    return {name: frozenset(kind.model.model_fields) for name, kind in KINDS.items()}


_FIELDS: dict[str, frozenset[str]] | None = None


def guess_kind(keys: Iterable[object]) -> str | None:
    """The one kind whose fields hold more of `keys` than any other kind's, when a field
    only some kinds have is among them; None when the fields could be several kinds'."""
    global _FIELDS
    if _FIELDS is None:
        _FIELDS = _fields()
    named = {key for key in keys if isinstance(key, str)} - {"kind"}
    counts = sorted(((len(named & fields), name) for name, fields in _FIELDS.items()), reverse=True)
    (best, kind), (second, _) = counts[0], counts[1]
    return kind if best > second else None
