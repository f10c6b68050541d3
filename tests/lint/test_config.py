"""lint settings in bpstrat.yaml: severity, ignore, and problems in the file itself."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import Writer, run, where

CONSUMER = """\
kind: consumer
id: web
name: Web
importance: 3
"""


def codes(base: Path) -> list[tuple[str, str, int, int]]:
    return where(run(base))


def test_config_problems_are_findings_and_other_sections_survive(root: Writer) -> None:
    config = (
        "product:\n  id: Demo Product\n  name: Demo\n  phse: problem\n"
        "lint:\n  severity: {BP203: info}\n"
    )
    result = run(root({"x.yaml": CONSUMER + "zzz: 1\n"}, config=config))
    assert [(f.code, f.path, f.line, f.column, f.severity) for f in result.findings] == [
        ("BP202", "bpstrat.yaml", 2, 3, "error"),
        ("BP203", "bpstrat.yaml", 4, 3, "info"),
        ("BP203", "x.yaml", 5, 1, "info"),
    ]


def test_lint_severity_and_ignore(root: Writer) -> None:
    config = "product: {id: demo, name: Demo}\nlint:\n  severity: {BP203: warning}\n"
    result = run(root({"x.yaml": CONSUMER + "zzz: 1\n"}, config=config))
    assert [(f.code, f.severity) for f in result.findings] == [("BP203", "warning")]
    assert not result.failed("error") and result.failed("warning")
    config = "product: {id: demo, name: Demo}\nlint:\n  severity: {BP203: 'off'}\n"
    assert codes(root({"x.yaml": CONSUMER + "zzz: 1\n"}, config=config)) == []


def test_unknown_codes_in_config(root: Writer) -> None:
    config = "product: {id: demo, name: Demo}\nlint:\n  ignore: [BP999]\n"
    assert codes(root({}, config=config)) == [("BP202", "bpstrat.yaml", 3, 12)]


def test_broken_bpstrat_yaml(root: Writer) -> None:
    assert codes(root({"x.yaml": CONSUMER}, config="product: [\n")) == [
        ("BP101", "bpstrat.yaml", 2, 1)
    ]
    assert codes(root({}, config="")) == [("BP103", "bpstrat.yaml", 1, 1)]
    assert codes(root({}, config="product: {name: x}\n")) == [("BP201", "bpstrat.yaml", 1, 10)]
