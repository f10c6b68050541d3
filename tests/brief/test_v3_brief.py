"""The brief speaks of money in every language it speaks, and tells the v3 risks (a key
goal without a cost in buy-in, one that does not pay back, an overdue next step)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpstrat.brief.i18n import language
from bpstrat.brief.render import render_brief
from tests.helpers import EXAMPLES
from tests.v3_strategy import BUY_IN, FILES, TODAY, write

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("code", "amounts"),
    [
        ("en", ["EUR 240,000", "EUR 1,234.50", "JPY 1,234", "CHF 0"]),
        ("de", ["240.000 EUR", "1.234,50 EUR", "1.234 JPY", "0 CHF"]),
        ("nl", ["EUR 240.000", "EUR 1.234,50", "JPY 1.234", "CHF 0"]),
    ],
)
def test_money_as_each_language_writes_it(code: str, amounts: list[str]) -> None:
    lang = language(code)
    written = [
        lang.money(240000, "EUR"),
        lang.money(1234.5, "EUR"),
        lang.money(1234.4, "JPY"),  # a currency without cents: none are shown
        lang.money(0, "CHF"),
    ]
    # the code and the number are kept together on one line, as CLDR spaces them
    assert [text.replace(NBSP, " ") for text in written] == amounts
    assert all(NBSP in text for text in written)


def test_money_without_a_currency_and_beyond_precision() -> None:
    en = language("en")
    assert en.money(240000, None) == "240,000"
    assert en.money(1e25, "EUR").startswith(">EUR")  # past Babel's precision: its bound


RISKY_PEOPLE = str(FILES["people.yaml"]).replace("due: 2026-12-15", "due: 2026-11-01")
RISKY_GOALS = """\
kind: goal
id: partner-rates
title: Partner rates are live within one hour
key: true
problems: [stale-prices]
cost: {amount: 420000}
value: {amount: 250000}
confidence: 0.4
---
kind: goal
id: one-client
title: One price client
key: true
problems: [stale-prices]
"""


@pytest.mark.parametrize(
    ("code", "risks"),
    [
        (
            "en",
            [
                "Nobody has said what these key goals cost: One price client.",
                "These key goals do not earn back their cost in time: Partner rates are live "
                "within one hour.",
                "The next steps planned with these stakeholders are overdue: Irene Kowalski.",
            ],
        ),
        (
            "de",
            [
                "Niemand hat gesagt, was diese Kernziele kosten: One price client.",
                "Diese Kernziele spielen ihre Kosten nicht rechtzeitig wieder ein: Partner "
                "rates are live within one hour.",
                "Die mit diesen Stakeholdern geplanten nächsten Schritte sind überfällig: "
                "Irene Kowalski.",
            ],
        ),
        (
            "nl",
            [
                "Niemand heeft gezegd wat deze kerndoelen kosten: One price client.",
                "Deze kerndoelen verdienen hun kosten niet op tijd terug: Partner rates are "
                "live within one hour.",
                "De geplande volgende stappen met deze stakeholders zijn te laat: Irene Kowalski.",
            ],
        ),
    ],
)
def test_brief_tells_the_v3_risks(tmp_path: Path, code: str, risks: list[str]) -> None:
    base = write(
        tmp_path,
        config=BUY_IN,
        **{"more-goals.yaml": RISKY_GOALS, "people.yaml": RISKY_PEOPLE},
    )
    text = render_brief(base, None, TODAY, lang=code)
    for risk in risks:
        assert risk in text


def test_brief_says_when_a_choice_rests_on_uncertain_demand() -> None:
    text = render_brief(EXAMPLES / "pricing-platform", None, TODAY)
    assert (
        "- Uncertain demand: 14% of the weighted demand here comes from demands we are not "
        "sure of; Price change events (55% of its support) rests mostly on it; if the "
        "uncertain demands for Price change events (Search Ranking) are not real, Nightly "
        "bulk file would win instead of Price change events."
    ) in text
    decided = render_brief(EXAMPLES / "customer-data", None, TODAY, lang="nl")
    assert "het besluit rust er niet op" in decided
