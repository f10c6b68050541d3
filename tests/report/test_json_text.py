"""Reports' JSON text is exactly what json.dumps writes, built without keeping every piece."""

from __future__ import annotations

import json

import pytest

from bpstrat.report.json_text import json_text


@pytest.mark.parametrize(
    "document",
    [
        {},
        [],
        {"a": [1, 2.5, {"b": "é ✓"}], "c": None, "d": True},
        [{"id": f"consumer-{i}", "weights": [i, i / 3]} for i in range(5000)],  # many batches
    ],
)
def test_same_text_as_json_dumps(document: object) -> None:
    expected = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    assert json_text(document) == expected


def test_nan_is_refused_as_json_dumps_refuses_it() -> None:
    with pytest.raises(ValueError):
        json_text({"x": float("nan")})
