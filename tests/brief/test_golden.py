"""The examples' briefs are golden files: the brief rendered now is byte for byte the
committed examples/<name>/BRIEF.md (the same file `bpstrat brief --check` guards in CI).

After an intended change to the brief, regenerate them and review the diff:
BPSTRAT_UPDATE_GOLDEN=1 python -m pytest tests/brief/test_golden.py
"""

from __future__ import annotations

import os

import pytest

from bpstrat.brief.render import render_brief
from tests.helpers import EXAMPLE_NAMES, EXAMPLES, TODAY

UPDATE = os.environ.get("BPSTRAT_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_golden_brief(name: str) -> None:
    text = render_brief(EXAMPLES / name, None, TODAY)
    golden = EXAMPLES / name / "BRIEF.md"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
