"""Property test: whatever text a file holds, the fast reader answers, never raises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpstrat.source.yaml_fast import parse
from tests.fuzzing import SETTINGS, yaml_chars

pytestmark = pytest.mark.slow


@SETTINGS
@given(st.one_of(st.text(max_size=300), yaml_chars))
def test_parse_never_raises(text: str) -> None:
    _docs, error = parse(text)
    assert error is None or error.pos.line >= 1
