"""`lint FILE...` reports only the files named; GitHub formats use repository paths."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bpstrat.cli.app import app
from tests.helpers import write_root

BROKEN = {
    "consumers/a.yaml": "kind: consumer\nid: a\nname: A\nimportance: 9\n",
    "consumers/b.yaml": "kind: consumer\nid: b\nname: B\nimportance: 0\n",
    "goals/g.yaml": "kind: goal\nid: g\ntitle: G\nkey: maybe\n",
}
CONFIG = "product:\n  id: demo\n  name: Demo\n  owner: nobody\n"


def run(*args: str) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(app, ["lint", "--format", "json", "--today", "2026-11-20", *args])
    return result.exit_code, json.loads(result.output)["findings"]


def paths_of(findings: list[dict[str, object]]) -> set[object]:
    return {f["path"] for f in findings}


def test_one_file_named_reports_only_that_file(tmp_path: Path) -> None:
    root = write_root(tmp_path / "s", BROKEN, config=CONFIG)
    code, findings = run(str(root / "consumers/a.yaml"))
    assert paths_of(findings) == {"consumers/a.yaml"} and code == 1


def test_several_files_named_as_pre_commit_passes_them(tmp_path: Path) -> None:
    root = write_root(tmp_path / "s", BROKEN, config=CONFIG)
    code, findings = run(str(root / "consumers/a.yaml"), str(root / "goals/g.yaml"))
    assert paths_of(findings) == {"consumers/a.yaml", "goals/g.yaml"} and code == 1


def test_a_clean_file_named_exits_0_although_others_have_errors(tmp_path: Path) -> None:
    root = write_root(tmp_path / "s", BROKEN, config=CONFIG)
    code, findings = run(str(root / "ana.yaml"))
    assert [f for f in findings if f["severity"] == "error"] == [] and code == 0


def test_references_are_resolved_against_the_whole_root(tmp_path: Path) -> None:
    files = {
        "p.yaml": "kind: problem\nid: p\ntitle: P\nconsumers: [a]\n",
        "a.yaml": "kind: consumer\nid: a\nname: A\nimportance: 3\n",
    }
    root = write_root(tmp_path / "s", files)
    _, findings = run(str(root / "p.yaml"))
    assert "BP302" not in {f["code"] for f in findings}


def test_root_wide_findings_only_when_bpstrat_yaml_or_a_folder_is_named(
    tmp_path: Path,
) -> None:
    root = write_root(tmp_path / "s", BROKEN, config=CONFIG)
    _, only_file = run(str(root / "consumers/a.yaml"))
    assert "bpstrat.yaml" not in paths_of(only_file)
    _, config = run(str(root / "bpstrat.yaml"))
    assert paths_of(config) == {"bpstrat.yaml"}
    _, folder = run(str(root / "consumers"))  # a folder: the whole root, as always
    assert paths_of(folder) == {
        "bpstrat.yaml",
        "consumers/a.yaml",
        "consumers/b.yaml",
        "goals/g.yaml",
    }
    _, everything = run(str(root))
    assert "goals/g.yaml" in paths_of(everything)


def test_files_outside_any_strategy_root_are_left_out(tmp_path: Path) -> None:
    root = write_root(tmp_path / "s", BROKEN, config=CONFIG)
    (tmp_path / "ci.yml").write_text("on: push\n")
    code, findings = run(str(tmp_path / "ci.yml"), str(root / "consumers/a.yaml"))
    assert paths_of(findings) == {"consumers/a.yaml"} and code == 1


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    root = write_root(tmp_path / "s", BROKEN, config=CONFIG)
    result = CliRunner().invoke(
        app, ["lint", str(root / "consumers/a.yaml"), str(root / "nope.yaml")]
    )
    assert result.exit_code == 2 and "nope.yaml" in result.output


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_github_and_sarif_paths_are_relative_to_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    root = write_root(repo / "strategy", BROKEN, config=CONFIG)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    monkeypatch.chdir(root / "consumers")
    runner = CliRunner()
    github = runner.invoke(app, ["lint", "--format", "github", "--today", "2026-11-20", "."])
    assert "file=strategy/consumers/a.yaml," in github.output
    assert str(tmp_path) not in github.output
    sarif = json.loads(runner.invoke(app, ["lint", "--format", "sarif", "."]).output)
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for loc in result["locations"]
    }
    assert {"strategy/bpstrat.yaml", "strategy/consumers/a.yaml", "strategy/goals/g.yaml"} <= uris
    assert not [uri for uri in uris if not uri.startswith("strategy/")]
    _, findings = run("a.yaml")  # the JSON path stays relative to the strategy root
    assert paths_of(findings) == {"consumers/a.yaml"}


def test_outside_git_github_paths_are_relative_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_root(tmp_path / "work" / "strategy", BROKEN, config=CONFIG)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path / "work")
    github = CliRunner().invoke(app, ["lint", "--format", "github", "strategy/consumers"])
    assert "file=strategy/consumers/a.yaml," in github.output
