"""`bpstrat score` output: the JSON contract, the text explanation, Markdown and CSV."""

from __future__ import annotations

import csv
import io
import json

from tests.helpers import EXAMPLES, score_out

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
        "factor": 1.25,
    }
    assert data["sides"] == [
        {"id": "client", "demanded": 62.0, "served": 59.0, "served_ratio": 0.952},
        # the connectors' SOAP/XML demands (17) are accommodated at 0.5: 12 + 8.5
        {"id": "supply", "demanded": 41.0, "served": 20.5, "served_ratio": 0.5},
    ]
    assert data["flywheel_imbalance"] == 0.452
    assert {k: data["coalition"][k] for k in ("share", "threshold")} == {
        "share": 0.52,
        "threshold": 0.5,
    }
    assert data["left_out"] == []


def test_text_format_explains_each_dimension() -> None:
    out = score_out(PRICING, "text")
    assert "Price delivery" in out and "✓" in out and "█" in out
    assert (
        "Synchronous price API and Price change events win with 77% of weighted demand; "
        "only if Hotel Connector's weight rose to 1.25x would Nightly bulk file win"
        in " ".join(out.split())
    )
    assert "Checkout Web must 15" in " ".join(out.split())
    assert "Coalition: 52% of power (13 of 25)" in out


def test_markdown_and_csv() -> None:
    md = score_out(PRICING, "markdown")
    assert "### Price delivery" in md and "| ✓ | Synchronous price API | 25 | 48% |" in md
    rows = list(csv.DictReader(io.StringIO(score_out(PRICING, "csv"))))
    assert len(rows) == 6
    assert rows[3]["dimension"] == "price-delivery" and rows[3]["flip_factor"] == "1.25"
    assert rows[0]["consumers"].startswith("checkout-web:must:15")
