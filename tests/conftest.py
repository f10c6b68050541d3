"""Shared fixtures; the helpers they build on are in tests/helpers.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# Asserts in the helper modules report their values, as in the tests.
pytest.register_assert_rewrite("tests.helpers", "tests.fuzzing")

from tests.helpers import EXAMPLES, Writer, git, write_root  # noqa: E402


@pytest.fixture(autouse=True)
def private_cache_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test keeps its parse cache in its own folder, never in the user's."""
    home = tmp_path_factory.mktemp("cache-home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def root(tmp_path: Path) -> Writer:
    def make(files: dict[str, str | bytes] | None = None, **kwargs: object) -> Path:
        return write_root(tmp_path / "strategy", files or {}, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose one commit holds the pricing example in strategy/."""
    shutil.copytree(EXAMPLES / "pricing-platform", tmp_path / "strategy")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    return tmp_path
