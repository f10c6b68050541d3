"""The prepared "did you mean" matcher gives exactly what difflib over every choice gives."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstrat.model.strategy import Strategy
from bpstrat.model.suggest import Suggester, closest, closest_difflib

# A small alphabet makes near misses, containment and case collisions frequent.
LETTERS = "abcAB-0\x00é"
words = st.text(alphabet=LETTERS, max_size=12)
cutoffs = st.sampled_from([0.0, 0.3, 0.5, 0.6, 0.75, 0.9, 1.0])


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(word=words, choices=st.lists(words, max_size=40), cutoff=cutoffs)
def test_prepared_matcher_equals_difflib(word: str, choices: list[str], cutoff: float) -> None:
    expected = closest_difflib(word, sorted(set(choices)), cutoff)
    assert Suggester(choices, small=0).closest(word, cutoff) == expected
    assert closest(word, choices, cutoff) == expected


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(word=st.text(alphabet=string.ascii_lowercase + "-", max_size=16), seed=st.integers(0, 99))
def test_prepared_matcher_equals_difflib_on_many_ids(word: str, seed: int) -> None:
    choices = [f"consumer-{(i * 7919 + seed) % 1000}" for i in range(300)] + ["owner", "Ops"]
    suggester = Suggester(choices)
    expected = closest_difflib(word, sorted(set(choices)), 0.6)
    assert suggester.closest(word) == expected


@pytest.mark.slow
def test_typo_in_many_ids_is_found() -> None:
    choices = [f"person-{i}" for i in range(5000)]
    suggester = Suggester(choices)
    assert suggester.closest("persn-4711") == closest_difflib("persn-4711", sorted(choices), 0.6)
    assert suggester.closest("persn-4711") == "person-4711"


def test_containment_fallback_on_many_ids() -> None:
    choices = [f"id-{i:05d}" for i in range(200)] + ["platform-billing-team"]
    suggester = Suggester(choices)
    assert suggester.closest("BILLING") == "platform-billing-team"
    assert suggester.closest("id") is None  # contained in every id: no single answer
    long_word = "x" * 5000 + "platform-billing-team"
    assert suggester.closest(long_word) == closest_difflib(long_word, sorted(choices), 0.6)


def test_strategy_prepares_each_kind_once() -> None:
    strategy = Strategy.__new__(Strategy)
    strategy.known_ids = {"stakeholder": {f"person-{i}": "x" for i in range(100)}}
    strategy._suggesters = {}
    assert strategy.closest("stakeholder", "persom-42") == "person-42"
    first = strategy._suggesters["stakeholder"]
    assert strategy.closest("stakeholder", "persn-7") == "person-7"
    assert strategy._suggesters["stakeholder"] is first
    strategy.known_ids["stakeholder"]["platform-owner"] = "y"
    assert strategy.closest("stakeholder", "platfrom-owner") == "platform-owner"


def test_ties_beyond_the_first_candidates_go_to_the_first_name() -> None:
    # 26 * 26 names equally close to the word: the first of them in order wins.
    choices = [
        f"zz{a}{b}" for a in "abcdefghijklmnopqrstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz"
    ]
    suggester = Suggester(choices)
    assert suggester.closest("zz") == closest_difflib("zz", sorted(choices), 0.6) == "zzaa"
