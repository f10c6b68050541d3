"""Hypothesis strategies shared by the fuzz tests (source, lint): YAML-like text and
YAML-shaped data built from the fields and kinds the file format knows."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from bpstrat.model.kinds import KINDS as KIND_TABLE

FIELDS = [
    "kind",
    "id",
    "name",
    "importance",
    "demands",
    "dimension",
    "option",
    "strength",
    "problem",
    "owner",
    "power",
    "interest",
    "engagement",
    "current",
    "desired",
    "options",
    "choose",
    "choice",
    "status",
    "date",
    "metric",
    "by",
    "key",
    "side",
    "strategy",
    "summary",
    "sources",
    "problems",
    "consumers",
    "title",
    "reviewed",
]
KINDS = [*KIND_TABLE, "other"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.floats(allow_nan=True),
    st.sampled_from(
        KINDS
        + [
            "web",
            "ana",
            "must",
            "rest-json",
            "2026-01-01",
            "2026-02-30",
            "Web",
            "no",
            "on",
            "~",
            "",
        ]
    ),
    st.text(max_size=8),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(FIELDS), st.text(max_size=5)), children, max_size=6
        ),
    ),
    max_leaves=25,
)
yaml_chars = st.text(
    alphabet=st.sampled_from(list("abk:-[]{}!&*|>'\"#%@`?,. \n\t\r") + ["\x00", "\ufeff", "é"]),
    max_size=120,
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
