"""`bpstrat score --format json`: the documented, stable shape plus explanatory extra keys."""

from __future__ import annotations

import math
from typing import Any

from bpstrat.report.json_text import json_text
from bpstrat.score.results import DimensionScore, GoalScore, Investment, ScoreResult, Uncertainty
from bpstrat.score.view import ScoreView


def _r(value: float | None, digits: int = 3) -> float | None:
    """Rounded; null for no value and for a non-finite one, which JSON cannot hold."""
    return None if value is None or not math.isfinite(value) else round(value, digits)


def dimension_json(d: DimensionScore) -> dict[str, Any]:
    return {
        "id": d.id,
        "name": d.name,
        "choose": d.choose,
        "total": _r(d.total),
        "decided": d.decided,
        "decision": d.decision,
        "options": [
            {
                "id": o.id,
                "name": o.name,
                "cost": o.cost,
                "support": _r(o.support),
                "share": _r(o.share),
                "chosen": o.chosen,
                "consumers": [
                    {
                        "id": c.consumer,
                        "strength": c.strength,
                        "support": _r(c.support),
                        "confidence": _r(c.confidence),
                    }
                    for c in o.contributions
                ],
                "uncertain_support": _r(o.uncertain),
            }
            for o in d.options
        ],
        "chosen": list(d.chosen),
        "conflict": d.conflict,
        "intensity": _r(d.intensity),
        "margin": _r(d.margin),
        "flip": (
            {
                "consumer": d.flip.consumer,
                "factor": d.flip.factor,
                "chosen": list(d.flip.chosen),
            }
            if d.flip
            else None
        ),
        "unserved": list(d.unserved),
        "flip_searched": d.flip_searched,
        "accommodated": [
            {
                "consumer": a.consumer,
                "option": a.option,
                "via": a.via,
                "until": a.until.isoformat() if a.until else None,
                "fraction": _r(a.fraction),
            }
            for a in d.accommodated
        ],
        "uncertain": uncertainty_json(d.uncertainty),
    }


def uncertainty_json(u: Uncertainty | None) -> dict[str, Any] | None:
    """What of the choice rests on uncertain demand; null when every demand is sure."""
    if u is None:
        return None
    return {
        "support": _r(u.support),
        "share": _r(u.share),
        "resting": list(u.resting),
        "overturn": (
            {
                "chosen": list(u.overturn.chosen),
                "lost": list(u.overturn.lost),
                "gained": list(u.overturn.gained),
                "doubtful": list(u.overturn.doubtful),
                "hoped": list(u.overturn.hoped),
            }
            if u.overturn
            else None
        ),
    }


def _number(value: float) -> float | int:
    """A measured value as written: 420, not 420.0."""
    return int(value) if value.is_integer() else value


def goal_json(g: GoalScore) -> dict[str, Any]:
    return {
        "id": g.id,
        "key": g.key,
        "progress": _r(g.progress),
        "expected": _r(g.expected),
        "status": g.status,
        "latest": (
            {"date": g.latest.date.isoformat(), "value": _number(g.latest.value)}
            if g.latest
            else None
        ),
    }


def investment_json(i: Investment) -> dict[str, Any]:
    return {
        "currency": i.currency,
        "ask": _r(i.ask),
        "value": _r(i.value),
        "expected_value": _r(i.expected_value),
        "payback_months": _r(i.payback_months),
        "goals": [
            {
                "id": g.id,
                "key": g.key,
                "cost": _r(g.cost),
                "value": _r(g.value),
                "confidence": _r(g.confidence),
                "expected_value": _r(g.expected_value),
                "payback_months": _r(g.payback_months),
            }
            for g in i.goals
        ],
    }


def result_json(result: ScoreResult) -> dict[str, Any]:
    return {
        "version": 1,
        "dimensions": [dimension_json(d) for d in result.dimensions],
        "sides": [
            {
                "id": s.id,
                "demanded": _r(s.demanded),
                "served": _r(s.served),
                "served_ratio": _r(s.served_ratio),
            }
            for s in result.sides
        ],
        "flywheel_imbalance": _r(result.flywheel_imbalance),
        "coalition": {
            "share": _r(result.coalition.share),
            "threshold": result.coalition.threshold,
            "supportive_power": result.coalition.supportive_power,
            "total_power": result.coalition.total_power,
            "factions": [
                {"id": f.id, "power": f.power, "share": _r(f.share)}
                for f in result.coalition.factions
            ],
        },
        "goals": [goal_json(g) for g in result.goals],
        "investment": investment_json(result.investment),
    }


def render(view: ScoreView) -> str:
    document = result_json(view.result)
    document["left_out"] = view.left_out
    if view.baseline is not None:
        document["what_if"] = {
            "factors": dict(view.result.factors),
            "changes": [
                {"dimension": c.dimension, "before": list(c.before), "after": list(c.after)}
                for c in view.changes
            ],
            "flywheel_imbalance_before": _r(view.baseline.flywheel_imbalance),
        }
    return json_text(document)
