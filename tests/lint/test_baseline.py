"""Baselines: record today's findings, then report only new ones, matched by meaning."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from bpstrat.cli.lint import run_lint
from bpstrat.errors import UsageError
from tests.helpers import TODAY, Writer

CONSUMER = """\
kind: consumer
id: web
name: Web
importance: 3
owner: nobody
"""


def lint_json(base: Path, **kwargs: object) -> tuple[int, dict[str, object]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = run_lint(base, format="json", fail_on="warning", today=TODAY, **kwargs)  # type: ignore[arg-type]
    return code, json.loads(out.getvalue()) if out.getvalue() else {}


def test_baseline_hides_known_findings_even_when_lines_move(root: Writer, tmp_path: Path) -> None:
    base = root({"c.yaml": CONSUMER})
    baseline = tmp_path / "baseline.json"
    code, _ = lint_json(base, write_to=baseline)
    assert code == 0
    recorded = json.loads(baseline.read_text())
    assert {f["code"] for f in recorded["findings"]} >= {"BP302", "BP405"}

    # Move every line down: the same findings, on other lines, stay hidden.
    (base / "c.yaml").write_text("# moved\n\n" + CONSUMER)
    code, report = lint_json(base, baseline=baseline)
    assert code == 0 and report["findings"] == []
    assert report["summary"]["baselined"] == len(recorded["findings"])  # type: ignore[index]

    # A new problem is reported.
    (base / "c.yaml").write_text(CONSUMER + "zzz: 1\n")
    code, report = lint_json(base, baseline=baseline)
    assert code == 1
    assert [f["code"] for f in report["findings"]] == ["BP203"]  # type: ignore[index]


def test_each_recorded_finding_hides_one(root: Writer, tmp_path: Path) -> None:
    base = root({"c.yaml": CONSUMER})
    baseline = tmp_path / "b.json"
    lint_json(base, write_to=baseline)
    (base / "d.yaml").write_text(CONSUMER.replace("id: web", "id: app"))
    _, report = lint_json(base, baseline=baseline)
    assert {f["entity"] for f in report["findings"]} == {"consumer:app"}  # type: ignore[index]


@pytest.mark.parametrize("content", ["not json", "[]", '{"findings": [{"x": 1}]}'])
def test_bad_baseline_is_a_usage_error(root: Writer, tmp_path: Path, content: str) -> None:
    baseline = tmp_path / "b.json"
    baseline.write_text(content)
    with pytest.raises(UsageError):
        lint_json(root({}), baseline=baseline)


def test_missing_baseline_is_a_usage_error(root: Writer, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--write-baseline"):
        lint_json(root({}), baseline=tmp_path / "none.json")


def test_sarif_fingerprint_is_the_baseline_key(root: Writer, tmp_path: Path) -> None:
    base = root({"c.yaml": CONSUMER})
    baseline = tmp_path / "b.json"
    lint_json(base, write_to=baseline)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_lint(base, format="sarif", fail_on="error", today=TODAY)
    sarif = {
        r["partialFingerprints"]["bpstratFinding/v1"]
        for r in json.loads(out.getvalue())["runs"][0]["results"]
    }
    assert sarif == {f["fingerprint"] for f in json.loads(baseline.read_text())["findings"]}
