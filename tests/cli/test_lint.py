"""The command line through its real entry points: exit codes, formats, messages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, Writer

BROKEN = {
    "consumers/web.yaml": "kind: consumer\nid: web\nname: Web\nimportance: 3\nowner: bob\n",
    "bad.yaml": "kind: [\n",
}


def bpstrat(*args: str | Path, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None) if "GITHUB_ACTIONS" not in (env or {}) else None
    return subprocess.run(
        [sys.executable, "-m", "bpstrat", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=full_env, timeout=60,
    )


def test_version_and_console_script() -> None:
    result = bpstrat("--version")
    assert result.returncode == 0 and result.stdout.startswith("bpstrat ")
    script = shutil.which("bpstrat", path=str(Path(sys.executable).parent))
    if script:
        assert subprocess.run([script, "--version"], capture_output=True).returncode == 0


@pytest.mark.parametrize("command", [[], ["lint"]])
def test_help(command: list[str]) -> None:
    result = bpstrat(*command, "--help")
    assert result.returncode == 0 and "Usage" in result.stdout


@pytest.mark.parametrize("example", ["pricing-platform", "customer-data"])
def test_examples_have_no_errors(example: str) -> None:
    result = bpstrat("lint", EXAMPLES / example, "--today", "2026-11-20")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.splitlines()[-1]


def test_text_report(root: Writer) -> None:
    base = root(BROKEN)
    result = bpstrat("lint", base)
    assert result.returncode == 1
    out = result.stdout
    assert "\x1b[" not in out  # NO_COLOR and a pipe: plain text
    assert "bad.yaml" in out and "BP101" in out
    assert "consumers/web.yaml" in out and "5:1" in out and "BP302" in out
    assert "5 | owner: bob" in out and "| ^" in out
    assert out.rstrip().endswith("(2 entities)")
    assert "2 errors" in out


def test_text_paths_are_relative_to_cwd(root: Writer) -> None:
    base = root(BROKEN)
    result = bpstrat("lint", base.name, cwd=base.parent)
    assert f"{base.name}/consumers/web.yaml" in result.stdout


def test_json_report(root: Writer) -> None:
    base = root(BROKEN)
    result = bpstrat("lint", base / "consumers", "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["summary"]["error"] == 2
    assert {k: data["summary"][k] for k in ("files", "entities")} == {"files": 4, "entities": 2}
    data["findings"] = [f for f in data["findings"] if not f["code"].startswith("BP4")]
    first = data["findings"][0]
    assert {k: first[k] for k in ("code", "severity", "path", "line", "column", "entity")} == {
        "code": "BP101", "severity": "error", "path": "bad.yaml", "line": 2, "column": 1,
        "entity": None}
    second = data["findings"][1]
    assert (second["path"], second["entity"]) == ("consumers/web.yaml", "consumer:web")


def test_sarif_report(root: Writer) -> None:
    base = root(BROKEN)
    result = bpstrat("lint", base, "--format", "sarif")
    assert result.returncode == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    [res] = [r for r in run["results"] if r["ruleId"] == "BP302"]
    assert res["ruleId"] == "BP302" and res["level"] == "error"
    assert rules[res["ruleIndex"]]["id"] == "BP302"
    location = res["locations"][0]["physicalLocation"]
    assert location["region"] == {"startLine": 5, "startColumn": 1}
    assert location["artifactLocation"]["uri"].endswith("consumers/web.yaml")
    assert res["partialFingerprints"]


def test_github_report_and_auto_detection(root: Writer) -> None:
    base = root(BROKEN)
    result = bpstrat("lint", base, "--format", "github", cwd=base)
    assert [line for line in result.stdout.splitlines() if "BP302" in line] == [
        "::error file=consumers/web.yaml,line=5,col=1,title=BP302::`owner` refers to "
        "stakeholder 'bob', which does not exist; create it with `bpstrat new stakeholder bob`"]
    auto = bpstrat("lint", base, cwd=base, env={"GITHUB_ACTIONS": "true"})
    assert "BP302" in auto.stdout and "::error file=consumers/web.yaml" in auto.stdout


def test_fail_on(root: Writer) -> None:
    base = root({"x.yaml": "kind: consumer\nid: web\nname: Web\nimportance: 3\n"
                 "zzz: 1\n"}, config="product: {id: d, name: D}\nlint:\n"
                "  severity: {BP203: warning}\n", with_ana=False)
    assert bpstrat("lint", base).returncode == 0
    assert bpstrat("lint", base, "--fail-on", "warning").returncode == 1
    assert bpstrat("lint", base, "--fail-on", "info").returncode == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["lint", "--today", "tomorrow"], "YYYY-MM-DD"),
        (["lint", "--format", "xml"], "xml"),
        (["lint", "--fail-on", "never"], "never"),
        (["lint", "/definitely/not/here"], "no such file"),
        (["nonsense"], "No such command"),
    ],
)
def test_usage_errors_exit_2(root: Writer, args: list[str], words: str) -> None:
    base = root({})
    result = bpstrat(*args, cwd=base)
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_no_root_exits_2(tmp_path: Path) -> None:
    result = bpstrat("lint", tmp_path)
    assert result.returncode == 2
    assert "no bpstrat.yaml found" in result.stderr
    assert "Traceback" not in result.stderr


def test_installed_wheel_finds_its_templates(tmp_path: Path) -> None:
    """Templates ship inside the wheel: an installed bpstrat renders outside the source."""
    top = EXAMPLES.parent
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels),
                    str(top)], check=True, capture_output=True, timeout=300)
    target = tmp_path / "site"
    [wheel] = list(wheels.glob("*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    assert (target / "bpstrat" / "templates" / "brief.md.j2").is_file()
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from bpstrat.source.packaged import packaged_templates as p; print(p())",
        ],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert result.stdout.strip() == str(target / "bpstrat" / "templates")
    brief = subprocess.run([sys.executable, "-m", "bpstrat", "brief",
                            str(EXAMPLES / "customer-data"), "--today", "2026-11-20"],
                           capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert brief.returncode == 0, brief.stderr
    assert brief.stdout == (EXAMPLES / "customer-data" / "BRIEF.md").read_text()


def test_prerendered_help_matches_typer() -> None:
    """`bpstrat --help` prints a pre-rendered text; it must be exactly what typer renders."""
    from bpstrat.cli.help_text import HELP, render_live

    assert render_live() == HELP, "regenerate with: python -m bpstrat.cli.help_text"
    fast = bpstrat("--help", env={"COLUMNS": "100"})
    assert fast.returncode == 0 and fast.stdout == HELP
    narrow = bpstrat("--help", env={"COLUMNS": "60"})
    assert narrow.returncode == 0 and narrow.stdout != HELP and "Usage: bpstrat" in narrow.stdout
