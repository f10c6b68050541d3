"""Shared fixtures; the helpers they build on are in tests/helpers.py."""

from __future__ import annotations

import functools
import itertools
import os
import shutil
import sys
from pathlib import Path

import pytest

# Where PYTHONDONTWRITEBYTECODE is set, every test process (one per core) would compile
# bpstrat and rewrite the asserts of every test module anew: more than a second each. The
# test run keeps them compiled, in __pycache__ folders as Python does by default (git
# ignores them).
sys.dont_write_bytecode = False

import typer.testing  # noqa: E402

# Asserts in the helper modules report their values, as in the tests.
pytest.register_assert_rewrite("tests.helpers", "tests.fuzzing")

from tests.helpers import EXAMPLES, Writer, git, write_root  # noqa: E402

# The tests' folders (tmp_path) are made in memory where the system has a folder in memory
# (/dev/shm on Linux): most tests write a strategy root and many write it atomically (fsync),
# which on a disk costs more than the rest of the test. pytest keeps its usual layout and
# clean-up there (pytest-of-USER/pytest-N, the last three runs kept); a temporary root
# named in PYTEST_DEBUG_TEMPROOT or --basetemp is used as given.
_MEMORY = Path("/dev/shm")
if "PYTEST_DEBUG_TEMPROOT" not in os.environ and _MEMORY.is_dir() and os.access(_MEMORY, os.W_OK):
    os.environ["PYTEST_DEBUG_TEMPROOT"] = str(_MEMORY)

# typer's CliRunner builds the click command from the app on every run (some 15 ms, more
# than most commands take); the app is made once at import and never changes, so each
# process builds it once.
typer.testing._get_command = functools.cache(typer.testing._get_command)


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
