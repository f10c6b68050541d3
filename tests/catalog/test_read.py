"""Reading the catalog is as safe as reading the strategy: bounds, size, YAML, Locations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bpstrat.catalog.read import CatalogRead, read_catalog

COMPONENT = """\
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: {name}
spec:
  type: service
  lifecycle: production
  owner: team-a
  consumesApis: [pricing-api]
"""


def location(*targets: str, key: str = "targets", presence: str | None = None) -> str:
    listed = "".join(f"\n    - {t}" for t in targets) if key == "targets" else f" {targets[0]}"
    extra = f"\n  presence: {presence}" if presence else ""
    return (
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: org\n"
        f"spec:\n  type: file\n  {key}:{listed}{extra}\n"
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git work tree with a strategy root in it."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "strategy").mkdir()
    return tmp_path / "repo"


def read(repo: Path, *paths: str) -> CatalogRead:
    return read_catalog(repo / "strategy", list(paths))


def names(found: CatalogRead) -> list[str]:
    return sorted(e.ref.name for e in found.entities)


def issues(found: CatalogRead) -> list[tuple[str, tuple[object, ...], tuple[int, int] | None]]:
    return [(i.file, i.path, i.mark) for i in found.issues]


def test_locations_are_followed_relative_to_their_file(repo: Path) -> None:
    (repo / "catalog" / "teams" / "b").mkdir(parents=True)
    (repo / "elsewhere").mkdir()
    (repo / "catalog" / "all.yaml").write_text(location("./teams/a.yaml", "teams/b/"))
    (repo / "catalog" / "teams" / "a.yaml").write_text(COMPONENT.format(name="a"))
    (repo / "catalog" / "teams" / "b" / "x.yaml").write_text(
        location("../../../elsewhere/c.yaml", key="target")
    )
    (repo / "elsewhere" / "c.yaml").write_text(COMPONENT.format(name="c"))
    found = read(repo, "../catalog/all.yaml")
    assert names(found) == ["a", "c", "org", "org"]
    assert found.issues == []
    assert found.files == [
        "../catalog/all.yaml",
        "../catalog/teams/a.yaml",
        "../catalog/teams/b/x.yaml",
        "../elsewhere/c.yaml",
    ]


def test_url_targets_are_never_fetched(repo: Path) -> None:
    (repo / "catalog.yaml").write_text(
        location("https://github.com/org/repo/blob/main/catalog-info.yaml", "file:/etc/passwd")
    )
    found = read(repo, "../catalog.yaml")
    assert found.not_fetched == [
        "https://github.com/org/repo/blob/main/catalog-info.yaml",
        "file:/etc/passwd",
    ]
    assert found.issues == []


def test_a_location_loop_is_read_once_and_is_no_error(repo: Path) -> None:
    (repo / "self.yaml").write_text(location("./self.yaml", "./other.yaml"))
    (repo / "other.yaml").write_text(location("self.yaml") + "---\n" + COMPONENT.format(name="a"))
    found = read(repo, "../self.yaml", "../other.yaml", "..")
    assert found.issues == []
    assert found.files == ["../self.yaml", "../other.yaml"]
    assert names(found) == ["a", "org", "org"]


def test_glob_targets_match_below_the_location(repo: Path) -> None:
    for rel in ("svc/a/catalog-info.yaml", "svc/b/deep/catalog-info.yaml", "svc/c/other.yaml"):
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(COMPONENT.format(name=rel.split("/")[1]))
    (repo / "root.yaml").write_text(location("./svc/**/catalog-info.yaml", "./svc/c/*.yml"))
    found = read(repo, "../root.yaml")
    assert names(found) == ["a", "b", "org"]
    assert found.issues == []


def test_missing_paths_and_targets_are_reported_where_they_are_named(repo: Path) -> None:
    (repo / "loc.yaml").write_text(
        location("./gone.yaml") + "---\n" + location("./maybe.yaml", presence="optional")
    )
    found = read(repo, "../no-such-folder", "../loc.yaml")
    assert issues(found) == [
        ("bpstrat.yaml", ("catalog", "backstage", 0), None),
        ("../gone.yaml", (), (1, 1)),
    ]
    assert "not found" in found.issues[0].message and "loc.yaml" in found.issues[1].message


@pytest.mark.parametrize(
    "path", ["/etc", "/etc/passwd", "~", "~/.ssh", "../../..", "../../outside"]
)
def test_nothing_outside_the_work_tree_is_read(repo: Path, path: str) -> None:
    (repo.parent / "outside").mkdir(exist_ok=True)
    (repo.parent / "outside" / "secret.yaml").write_text(COMPONENT.format(name="secret"))
    found = read(repo, path)
    assert found.entities == [] and found.files == []
    assert issues(found) == [("bpstrat.yaml", ("catalog", "backstage", 0), None)]
    assert "outside the git work tree" in found.issues[0].message


def test_a_symlink_out_is_reported_and_not_read(repo: Path) -> None:
    (repo.parent / "secret.yaml").write_text(COMPONENT.format(name="secret"))
    (repo / "catalog").mkdir()
    (repo / "catalog" / "a.yaml").write_text(COMPONENT.format(name="a"))
    os.symlink(repo.parent / "secret.yaml", repo / "catalog" / "link.yaml")
    os.symlink(repo.parent, repo / "catalog" / "up")
    os.symlink(repo / "catalog", repo / "catalog" / "loop")
    (repo / "loc.yaml").write_text(location("./catalog/link.yaml"))
    found = read(repo, "../catalog", "../catalog/link.yaml", "../loc.yaml")
    assert names(found) == ["a", "org"]
    assert issues(found) == [
        ("../catalog/link.yaml", (), (1, 1)),
        ("../catalog/up", (), (1, 1)),
        ("bpstrat.yaml", ("catalog", "backstage", 1), None),
    ]  # the link, found again through the Location, is not reported twice


def test_a_root_outside_git_bounds_itself(tmp_path: Path) -> None:
    (tmp_path / "root").mkdir()
    (tmp_path / "catalog.yaml").write_text(COMPONENT.format(name="a"))
    found = read_catalog(tmp_path / "root", ["../catalog.yaml"])
    assert found.entities == []
    assert "outside the strategy root" in found.issues[0].message


def test_bad_files_are_one_finding_each(repo: Path) -> None:
    folder = repo / "catalog"
    folder.mkdir()
    (folder / "big.yaml").write_text("# x\n" * (600 * 1024))  # 2.4 MB
    (folder / "broken.yaml").write_text(COMPONENT.format(name="ok") + "---\nkey: [unclosed\n")
    (folder / "latin1.yaml").write_bytes("name: caf\xe9\n".encode("latin-1"))
    (folder / "tags.yaml").write_text(
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n"
        "  name: !!python/object/apply:os.system [echo hacked]\nspec: {}\n"
    )
    found = read(repo, "../catalog")
    assert [(i.file, i.mark) for i in found.issues] == [
        ("../catalog/big.yaml", (1, 1)),
        ("../catalog/broken.yaml", (1, 1)),
        ("../catalog/latin1.yaml", (1, 1)),
    ]
    big, broken, latin1 = (i.message for i in found.issues)
    assert "larger than 1024 KiB" in big
    assert "not valid YAML (line 12, column 1" in broken
    assert "UTF-8" in latin1
    assert names(found) == ["ok"]  # the document before the error; the tagged name is no name
    assert found.unsure == {"ok"}


def test_glob_targets_on_their_worst_input_stay_bounded(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A glob backtracking would take minutes on, the same glob from many Locations, and
    many distinct globs over one large folder: each glob is matched once, and all of them
    within one budget (one finding past it)."""
    import time

    from bpstrat.catalog import read as reader

    monkeypatch.setattr(reader, "MAX_GLOB_WORK", 100_000)  # a tenth: the same, faster
    folder = repo / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"{'a' * 60}-{i}.yaml").write_text(COMPONENT.format(name=f"c{i}"))
    hard = "./many/" + "*a" * 12 + "*b.yaml"  # matches none of the names

    def locations(count: int, distinct: bool) -> str:
        return "".join(
            "---\n"
            + location(hard, f"./many/*-{i if distinct else 1}*.yaml").replace(
                "name: org", f"name: l{i}"
            )
            for i in range(count)
        )

    (repo / "same.yaml").write_text(locations(1000, distinct=False))
    (repo / "distinct.yaml").write_text(locations(200, distinct=True))
    start = time.perf_counter()
    same = read(repo, "../same.yaml")
    distinct = read(repo, "../distinct.yaml")
    assert time.perf_counter() - start < 10  # without the budget: minutes
    assert len([e for e in same.entities if e.ref.kind == "component"]) == 111  # 1, 1x, 1xx
    assert same.issues == []
    assert len(distinct.issues) == 1
    assert "glob targets search and match more paths than" in distinct.issues[0].message
