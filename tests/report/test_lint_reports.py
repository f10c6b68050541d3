"""`bpstrat lint` reports: text, JSON, SARIF and GitHub annotations (also detected on
GitHub Actions)."""

from __future__ import annotations

import json
import os
from urllib.parse import unquote

from bpstrat.lint.linter import lint
from bpstrat.report import lint_sarif
from bpstrat.report.lint_sarif import artifact_uri
from tests.helpers import BROKEN, TODAY, Writer, bpstrat


def test_text_report(root: Writer) -> None:
    base = root(BROKEN)
    result = bpstrat("lint", base, "--today", "2026-11-20")
    assert result.returncode == 1
    out = result.stdout
    assert "\x1b[" not in out  # NO_COLOR and a pipe: plain text
    assert "bad.yaml" in out and "BP101" in out
    assert "consumers/web.yaml" in out and "5:1" in out and "BP302" in out
    assert "5 | owner: bob" in out and "| ^" in out
    assert out.rstrip().endswith("(2 entities), as of 2026-11-20")
    assert "2 errors" in out


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
        "code": "BP101",
        "severity": "error",
        "path": "bad.yaml",
        "line": 2,
        "column": 1,
        "entity": None,
    }
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
        "stakeholder 'bob', which does not exist; create it with `bpstrat new stakeholder bob`"
    ]
    auto = bpstrat("lint", base, cwd=base, env={"GITHUB_ACTIONS": "true"})
    assert "BP302" in auto.stdout and "::error file=consumers/web.yaml" in auto.stdout


def test_sarif_uris_are_percent_encoded(root: Writer) -> None:
    broken = "kind: [\n"
    names = ["p%41.yaml", "a b#c?.yaml", "café.yaml", os.fsdecode(b"raw\xff.yaml")]
    base = root({name: broken for name in names})
    log = json.loads(lint_sarif.render(lint(base, TODAY)))
    uris = sorted(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
        if r["ruleId"] == "BP101"
    )
    assert uris == ["a%20b%23c%3F.yaml", "caf%C3%A9.yaml", "p%2541.yaml", "raw%FF.yaml"]
    assert [unquote(uri) for uri in uris[:3]] == ["a b#c?.yaml", "café.yaml", "p%41.yaml"]
    assert artifact_uri("strategy/goals/g.yaml") == "strategy/goals/g.yaml"
