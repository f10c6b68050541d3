"""What a careful reader of the brief found: the same risk order in every language, the
intensity explained as it is computed, accommodated consumers told how."""

from __future__ import annotations

from bpstrat.brief.context import build_context
from bpstrat.brief.i18n import language
from bpstrat.brief.render import render_brief
from bpstrat.lint.linter import lint
from tests.helpers import EXAMPLES, TODAY


def test_risks_rank_the_same_in_every_language() -> None:
    result = lint(EXAMPLES / "pricing-platform", TODAY)
    orders = {
        code: [
            r.code
            for r in build_context(
                result.strategy, result.score, result, TODAY, language(code)
            ).risks
        ]
        for code in ("en", "de", "nl")
    }
    assert orders["en"] == orders["de"] == orders["nl"]
    assert len(orders["en"]) >= 3


def test_the_intensity_paragraph_counts_accommodations() -> None:
    text = render_brief(EXAMPLES / "customer-data", None, TODAY)
    assert "a demand met by a compromise (an accommodation) counts in part" in text


def test_an_accommodated_consumer_is_told_how() -> None:
    text = render_brief(EXAMPLES / "customer-data", None, TODAY, recipient="consumer:billing")
    assert (
        "Not offered; instead: a nightly file generated from the event stream, until "
        "2027-12-31. Settled by:"
    ) in text
    german = render_brief(
        EXAMPLES / "customer-data", None, TODAY, lang="de", recipient="consumer:billing"
    )
    assert "a nightly file generated from the event stream, bis 31. Dezember 2027" in german
