"""The kind a document without a known `kind` was meant to be, from its fields."""

from __future__ import annotations

import pytest

from bpstrat.model.kind_guess import guess_kind


@pytest.mark.parametrize(
    ("keys", "kind"),
    [
        (["id", "name", "power", "interest", "engagement"], "stakeholder"),
        (["id", "dimension", "choice", "status", "date"], "decision"),
        (["id", "title", "impact", "evidence"], "problem"),
        (["id", "name", "importance", "demands"], "consumer"),
        (["id", "title", "key", "metric", "problems"], "goal"),
        (["id", "name", "choose", "options"], "dimension"),
        # a misspelled field among them does not hide what the others say
        (["id", "name", "powr", "interest", "reviewed"], "stakeholder"),
    ],
)
def test_the_fields_of_one_kind_name_it(keys: list[str], kind: str) -> None:
    assert guess_kind(keys) == kind


@pytest.mark.parametrize(
    "keys",
    [
        [],
        ["id", "name"],  # a consumer, a stakeholder or a dimension
        ["id", "title", "consumers"],  # a problem or a goal
        ["services", "volumes"],
        [1, None],
    ],
)
def test_fields_several_kinds_share_name_none(keys: list[object]) -> None:
    assert guess_kind(keys) is None
