"""`bpstrat diff --format json`: for tools."""

from __future__ import annotations

from bpstrat.diff.compare import StrategyDiff
from bpstrat.report.json_text import json_text


def render(d: StrategyDiff, base: str, head: str) -> str:
    document = {
        "version": 1,
        "base": base,
        "head": head,
        "entities": [
            {
                "ref": e.ref,
                "name": e.name,
                "status": e.status,
                "fields": e.fields,
                "changes": [c.as_json() for c in e.changes],
            }
            for e in d.entities
        ],
        "product": d.product,
        "chosen": d.choices,
        "flips": d.flips,
        "coalition": d.coalition,
        "flywheel_imbalance": d.imbalance,
        "scores": {
            "coalition": d.coalition_change.as_json() if d.coalition_change else None,
            "flywheel_imbalance": d.imbalance_change.as_json() if d.imbalance_change else None,
        },
        "goals": d.goals,
        "accommodations": d.accommodations,
        "superseded": d.superseded,
        "findings": {
            "introduced": [f.as_json() for f in d.introduced],
            "fixed": [f.as_json() for f in d.fixed],
        },
    }
    return json_text(document)
