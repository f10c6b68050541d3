"""Shared fixtures; the helpers they build on are in tests/helpers.py."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

# Asserts in the helper modules report their values, as in the tests.
pytest.register_assert_rewrite("tests.helpers", "tests.fuzzing")

from tests.helpers import EXAMPLES, Writer, git, write_root  # noqa: E402


@pytest.fixture(scope="session")
def cache_homes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache-homes")


_TESTS = itertools.count()


@pytest.fixture(autouse=True)
def private_cache_home(cache_homes: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps its parse cache in its own folder, never in the user's. The folder
    is made by the first write to it (bpstrat makes its cache folder with its parents), so
    the many tests that write no cache make no folder."""
    home = cache_homes / str(next(_TESTS))
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
