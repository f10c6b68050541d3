"""The parse cache: same results warm and cold, never stale, damage ignored, easy to switch off."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bpstrat.lint.linter import lint
from bpstrat.source import parse_cache
from bpstrat.source.parse_cache import cache_file
from tests.helpers import EXAMPLES, TODAY


@pytest.fixture(autouse=True)
def cache_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("BPSTRAT_NO_CACHE", raising=False)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "pricing"
    shutil.copytree(
        EXAMPLES / "pricing-platform", target, ignore=shutil.ignore_patterns(".bpstrat-cache")
    )
    return target


def snapshot(base: Path, cache: bool) -> list[object]:
    result = lint(base, TODAY, cache=cache)
    docs = [
        (
            s.rel,
            [
                (d.data, d.positions.keys, d.positions.values, d.start, d.problems)
                for d in s.documents
            ],
        )
        for s in result.strategy.files
    ]
    return [docs, result.findings]


def stored(example: Path) -> Path:
    path = cache_file(example)
    assert path is not None
    return path


def test_warm_equals_cold(example: Path, private_cache_home: Path) -> None:
    cold = snapshot(example, cache=False)
    assert not stored(example).exists()
    first = snapshot(example, cache=True)
    assert stored(example).is_file()
    assert stored(example).is_relative_to(private_cache_home / "bpstrat")
    assert sorted(p.name for p in example.iterdir() if p.name.startswith(".")) == []
    warm = snapshot(example, cache=True)
    assert cold == first == warm


def test_edited_file_is_parsed_again(example: Path) -> None:
    snapshot(example, cache=True)
    consumer = example / "consumers" / "mobile-app.yaml"
    consumer.write_text(consumer.read_text().replace("importance: 4", "importance: 9"))
    warm = lint(example, TODAY, cache=True)
    assert [(f.code, f.path) for f in warm.findings if f.code == "BP202"] == [
        ("BP202", "consumers/mobile-app.yaml")
    ]
    assert snapshot(example, cache=True) == snapshot(example, cache=False)


@pytest.mark.parametrize(
    "damage",
    [
        "not json",
        "[]",
        '{"stamp": "x", "entries": {}}',
        "\xff",
        None,  # entries of the right stamp with the wrong shape
    ],
)
def test_damaged_cache_is_ignored(example: Path, damage: str | None) -> None:
    snapshot(example, cache=True)
    path = stored(example)
    if damage is None:
        magic, signature, payload = path.read_text().split("\n", 2)
        data = json.loads(payload)
        data["entries"] = {
            key: json.dumps({"documents": [{"data": 1}], "error": None}) for key in data["entries"]
        }
        path.write_text(f"{magic}\n{signature}\n{json.dumps(data)}")
    else:
        path.write_text(damage, encoding="utf-8", errors="surrogateescape")
    assert snapshot(example, cache=True) == snapshot(example, cache=False)


def test_new_version_invalidates(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot(example, cache=True)
    monkeypatch.setattr(parse_cache, "__version__", "99.0")
    cache = parse_cache.ParseCache(example)
    assert cache.entries == {}


@pytest.mark.parametrize("variable", ["BPSTRAT_NO_CACHE", "CI"])
def test_switched_off_by_environment(
    example: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "1" if variable == "BPSTRAT_NO_CACHE" else "true")
    snapshot(example, cache=True)
    assert not stored(example).exists()
    assert not (example / ".bpstrat-cache").exists()


def test_unwritable_cache_folder_is_fine(example: Path, private_cache_home: Path) -> None:
    private_cache_home.mkdir()
    (private_cache_home / "bpstrat").write_text("a file where the folder should be")
    assert snapshot(example, cache=True) == snapshot(example, cache=False)


def test_entries_are_json_texts_holding_only_what_a_cold_read_keeps(example: Path) -> None:
    snapshot(example, cache=True)
    cache = parse_cache.ParseCache(example)
    assert cache.entries and all(isinstance(text, str) for text in cache.entries.values())
    for text in cache.entries.values():
        for document in json.loads(text)["documents"]:
            assert all(len(path) <= 1 for path, _packed in document["positions"])
