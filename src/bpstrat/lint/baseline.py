"""Baselines: adopt bpstrat on an existing strategy by recording today's findings.

`--write-baseline FILE` records the current findings; `--baseline FILE` then reports only
findings that are not in it. Findings are matched by meaning (code, entity or file, and
the field path inside the document), not by line, so edits that move lines do not bring
them back; each recorded finding hides one matching finding.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bpstrat.errors import UsageError
from bpstrat.findings import Finding
from bpstrat.source.atomic import write_output

VERSION = 1


def write_baseline(path: Path, findings: list[Finding]) -> None:
    entries = [
        {
            "fingerprint": f.fingerprint,
            "code": f.code,
            "path": f.path,
            "entity": f.entity,
            "message": f.message,
        }
        for f in findings
    ]
    write_output(
        path,
        json.dumps({"version": VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n",
    )


def read_baseline(path: Path) -> Counter[str]:
    if path.exists() and not path.is_file():
        # A FIFO or device would block or never end: read regular files only.
        raise UsageError(f"baseline {path} is not a regular file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(
            f"baseline {path} does not exist; create it with --write-baseline {path}"
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise UsageError(f"cannot read baseline {path}: {error}") from None
    except RecursionError:
        raise UsageError(
            f"cannot read baseline {path}: it nests too deeply to be a bpstrat baseline"
        ) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise UsageError(f"{path} is not a bpstrat baseline (expected version and findings)")
    return Counter(e["fingerprint"] for e in entries)


def apply_baseline(findings: list[Finding], known: Counter[str]) -> tuple[list[Finding], int]:
    """Findings not in the baseline, and how many were hidden."""
    remaining = Counter(known)
    kept: list[Finding] = []
    hidden = 0
    for finding in findings:
        if remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
            hidden += 1
        else:
            kept.append(finding)
    return kept, hidden
