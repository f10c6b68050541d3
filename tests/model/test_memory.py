"""What a loaded strategy keeps: the entities and what findings need, not the parse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bpstrat.brief.render import render_brief
from bpstrat.model.entities import Consumer, Demand
from bpstrat.model.load import load_strategy
from tests.helpers import EXAMPLES

EXAMPLE = EXAMPLES / "pricing-platform"


def test_models_given_the_same_fields_share_one_frozen_set_of_their_names() -> None:
    fields = {"dimension": "interface", "option": "rest", "strength": "must"}
    first, second = Demand.model_validate(fields), Demand.model_validate(dict(fields))
    assert first.model_fields_set == set(fields)
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    other = Demand.model_validate({**fields, "problem": "p"})
    assert other.model_fields_set == {*fields, "problem"}


def test_a_copy_with_changes_records_them_and_leaves_the_original_alone() -> None:
    original = Demand.model_validate({"dimension": "d", "option": "o", "strength": "must"})
    changed = original.model_copy(update={"problem": "p"})
    assert changed.problem == "p" and "problem" in changed.model_fields_set
    assert "problem" not in original.model_fields_set
    deep = original.model_copy(deep=True)
    assert deep == original and deep.model_fields_set == original.model_fields_set


def test_indexed_documents_keep_no_parsed_data_and_entities_stay_whole() -> None:
    strategy = load_strategy(EXAMPLE)
    documents = [d for source in strategy.files for d in source.documents]
    assert documents and all(d.data is None for d in documents)
    checkout = strategy.entity(Consumer, "checkout-web")
    assert checkout is not None and checkout.demands  # the model holds the values
    assert strategy.config_document is not None and strategy.config_document.data


def test_forgetting_sources_frees_text_and_positions_and_the_brief_is_the_same(
    tmp_path: Path,
) -> None:
    strategy = load_strategy(EXAMPLE)
    strategy.forget_sources()
    assert all(source.text == "" and source.line(1) == "" for source in strategy.files)
    today = dt.date(2026, 11, 20)
    brief = render_brief(EXAMPLE, None, today)
    assert brief == (EXAMPLE / "BRIEF.md").read_text(encoding="utf-8")
