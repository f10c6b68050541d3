"""`bpstrat score` output: the JSON contract, the text explanation, Markdown and CSV."""

from __future__ import annotations

import csv
import io
import json

from bpstrat.report.score_csv import cell
from tests.helpers import EXAMPLES, Writer, score_out

PRICING = EXAMPLES / "pricing-platform"


def test_json_matches_the_contract_shape() -> None:
    data = json.loads(score_out(PRICING))
    assert data["version"] == 1
    interface, delivery = data["dimensions"]
    assert {
        k: interface[k]
        for k in (
            "id",
            "choose",
            "total",
            "decided",
            "chosen",
            "conflict",
            "intensity",
            "margin",
            "flip",
        )
    } == {
        "id": "interface",
        "choose": 1,
        "total": 51.0,
        "decided": True,
        "chosen": ["rest-json"],
        # soap-xml (17) is accommodated at 0.5: 1 - (31 + 0.5 * 17) / 51
        "conflict": True,
        "intensity": 0.225,
        "margin": 0.275,
        "flip": None,
    }
    assert [(o["id"], o["support"], o["share"]) for o in interface["options"]] == [
        ("rest-json", 31.0, 0.608),
        ("soap-xml", 17.0, 0.333),
        ("grpc", 3.0, 0.059),
    ]
    assert delivery["chosen"] == ["sync-api", "price-events"] and not delivery["decided"]
    assert {k: delivery["flip"][k] for k in ("consumer", "factor")} == {
        "consumer": "hotel-connector",
        "factor": 1.1,
    }
    # Search Ranking's must (3 x 3 = 9) is 80% sure: 7.2, and price-events 7.2 + 6 = 13.2
    assert [(o["id"], o["support"]) for o in delivery["options"]] == [
        ("sync-api", 25.0),
        ("price-events", 13.2),
        ("bulk-file", 12.0),
    ]
    assert delivery["uncertain"] == {
        "support": 7.2,
        "share": 0.143,
        "resting": ["price-events"],
        "overturn": {
            "chosen": ["sync-api", "bulk-file"],
            "lost": ["price-events"],
            "gained": ["bulk-file"],
            "doubtful": ["search-ranking"],
            "hoped": [],
        },
    }
    assert data["sides"] == [
        {"id": "client", "demanded": 60.2, "served": 57.2, "served_ratio": 0.95},
        # the connectors' SOAP/XML demands (17) are accommodated at 0.5: 12 + 8.5
        {"id": "supply", "demanded": 41.0, "served": 20.5, "served_ratio": 0.5},
    ]
    assert data["flywheel_imbalance"] == 0.45
    assert {k: data["coalition"][k] for k in ("share", "threshold")} == {
        "share": 0.52,
        "threshold": 0.5,
    }
    assert data["left_out"] == []


def test_text_format_explains_each_dimension() -> None:
    out = score_out(PRICING, "text")
    assert "Price delivery" in out and "✓" in out and "█" in out
    flat = " ".join(out.split())
    assert (
        "Synchronous price API and Price change events win with 76% of weighted demand; "
        "only if Hotel Connector's weight rose to 1.1x would Nightly bulk file win" in flat
    )
    assert (
        "Price change events (55% of its support) rests mostly on it; if the uncertain "
        "demands for Price change events (Search Ranking) are not real, Nightly bulk file "
        "would win instead of Price change events." in flat
    )
    assert "Search Ranking must 7.2 (80% sure)" in flat
    assert "Ask of the key goals: EUR\u00a0660,000" in out
    assert "Payback: 12.4 months" in out
    assert "Checkout Web must 15" in " ".join(out.split())
    assert "Coalition: 52% of power (13 of 25)" in out


def test_markdown_and_csv() -> None:
    md = score_out(PRICING, "markdown")
    assert "### Price delivery" in md and "| ✓ | Synchronous price API | 25 | 50% |" in md
    assert "Search Ranking (must, 7.2, 80% sure)" in md
    assert (
        "| same-day-partner-rates | yes | EUR\u00a0420,000 | EUR\u00a0250,000 | 40% | "
        "EUR\u00a0100,000 | 50.4 months |"
    ) in md
    rows = list(csv.DictReader(io.StringIO(score_out(PRICING, "csv"))))
    options = [r for r in rows if r["row"] == "option"]
    assert len(options) == 6 and all(r["dimension"] for r in options)
    assert rows[:6] == options  # the option rows come first, as they always did
    assert options[3]["dimension"] == "price-delivery" and options[3]["flip_factor"] == "1.1"
    assert options[0]["consumers"].startswith("checkout-web:must:15")
    assert options[4]["uncertain_support"] == "7.2"
    money = [
        (r["row"], r["goal"], r["cost"], r["expected_value"], r["payback_months"]) for r in rows[6:]
    ]
    assert money == [
        ("goal", "fresh-prices", "240000", "540000", "5.333"),
        ("goal", "one-price-client", "60000", "112000", "6.429"),
        ("goal", "same-day-partner-rates", "420000", "100000", "50.4"),
        ("investment", "", "660000", "640000", "12.375"),
    ]
    assert all(r["dimension"] == "" and r["currency"] == "EUR" for r in rows[6:])


FORMULAS = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\tTab"]


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(root: Writer) -> None:
    options = ", ".join(
        f"{{id: o{i}, name: {json.dumps(name)}}}" for i, name in enumerate(FORMULAS)
    )
    base = root(
        {
            "d.yaml": f"kind: dimension\nid: d\nname: D\noptions: [{options}]\n",
            "web.yaml": "kind: consumer\nid: web\nname: Web\nimportance: 3\n"
            "demands: [{dimension: d, option: o0, strength: must}]\n",
        }
    )
    rows = list(csv.DictReader(io.StringIO(score_out(base, "csv"), newline="")))
    assert [r["name"] for r in rows if r["row"] == "option"] == ["'" + n for n in FORMULAS]
    assert cell("\rCR") == "'\rCR"  # a name with a CR is refused by lint, but not here
    assert cell("-0.5") == "-0.5" and cell("+3") == "+3"  # numbers stay numbers
    assert cell("Pricing") == "Pricing" and cell("a=b") == "a=b"
