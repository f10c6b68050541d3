"""Property tests: whatever text or YAML-shaped data a file holds, lint reports, never crashes."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bpstrat.cli.lint import run_lint
from tests.fuzzing import KINDS, SETTINGS, trees, yaml_chars
from tests.helpers import TODAY, write_root

pytestmark = pytest.mark.slow


def lint_files(files: dict[str, str | bytes]) -> int:
    """Lint through the command; every finding must point inside its file."""
    with tempfile.TemporaryDirectory() as tmp:
        base = write_root(Path(tmp) / "root", files)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = run_lint(base, format="json", fail_on="error", today=TODAY)
        for finding in json.loads(out.getvalue())["findings"]:
            raw = (base / finding["path"]).read_bytes()
            lines = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
            assert 1 <= finding["line"] <= len(lines) + 1, finding
            assert finding["column"] >= 1, finding
        return code


@SETTINGS
@given(st.binary(max_size=300))
def test_lint_of_arbitrary_bytes(data: bytes) -> None:
    assert lint_files({"x.yaml": data}) in (0, 1)


@SETTINGS
@given(yaml_chars)
def test_lint_of_yaml_like_text(text: str) -> None:
    assert lint_files({"x.yaml": text}) in (0, 1)


@SETTINGS
@given(st.lists(trees, min_size=1, max_size=3), st.sampled_from(KINDS))
def test_lint_of_yaml_shaped_trees(documents: list[Any], kind: str) -> None:
    shaped = [{"kind": kind, **d} if isinstance(d, dict) else d for d in documents]
    text = yaml.safe_dump_all(shaped, allow_unicode=True)
    assert lint_files({"x.yaml": text, "y.yaml": yaml.safe_dump(documents[0])}) in (0, 1)


@SETTINGS
@given(trees)
def test_lint_of_arbitrary_config(tree: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = write_root(Path(tmp) / "root", {}, config=yaml.safe_dump(tree))
        with contextlib.redirect_stdout(io.StringIO()):
            assert run_lint(base, format="text", fail_on="error", today=TODAY) in (0, 1)
