"""`--format sarif`: SARIF 2.1.0 that GitHub code scanning accepts.

Code scanning shows each message to reviewers, so a message's control, bidi, zero-width
and tag characters (a name from a pull request may hold them) are written as escapes,
as in the text report (source/visible.py).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from bpstrat import __version__
from bpstrat.lint.codes import CODES
from bpstrat.lint.linter import LintResult
from bpstrat.report.json_text import json_text
from bpstrat.source.visible import visible

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference: `%`, `#`, `?`, spaces and every byte that is
    not ASCII percent-encoded (UTF-8; a name that is not UTF-8 keeps its own bytes), so
    `p%41.yaml` stays `p%41.yaml` and never reads as `pA.yaml`."""
    return quote(path.encode("utf-8", "surrogateescape"), safe="/")


def render(result: LintResult, prefix: str = "") -> str:
    """SARIF log; `prefix` makes artifact paths relative to the repository root."""
    used = sorted({f.code for f in result.findings} | set(CODES))
    index = {code: i for i, code in enumerate(used)}
    rules = []
    for code in used:
        info = CODES.get(code)
        summary = info.summary if info else code
        help_text = info.help if info else summary
        rules.append(
            {
                "id": code,
                "name": info.name if info else code,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": summary},
                "help": {"text": help_text, "markdown": f"**{code}**: {summary}\n\n{help_text}"},
                "defaultConfiguration": {
                    "level": _LEVEL[info.default_severity if info else "error"]
                },
            }
        )
    results: list[dict[str, Any]] = []
    for f in result.findings:
        results.append(
            {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": _LEVEL[f.severity],
                "message": {"text": visible(f.message)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": artifact_uri(f"{prefix}{f.path}"),
                                "uriBaseId": "%SRCROOT%",
                            },
                            "region": {"startLine": f.line, "startColumn": f.column},
                        }
                    }
                ],
                "partialFingerprints": {"bpstratFinding/v1": f.fingerprint},
            }
        )
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "bpstrat",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/bpstrat/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json_text(log)
