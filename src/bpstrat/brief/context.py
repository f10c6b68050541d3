"""Everything the brief shows, computed once as plain data for the template.

The template only arranges and escapes; numbers, sentences, diagrams and orderings are
decided here, sorted, so the same strategy always renders byte for byte the same brief.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bpstrat.brief.mermaid import Demand, Point, demand_flowchart, quadrant, quadrant_chart
from bpstrat.lint.linter import LintResult
from bpstrat.model.strategy import Strategy
from bpstrat.model.types import ENGAGEMENT_LEVELS
from bpstrat.score.arithmetic import ScoreResult
from bpstrat.score.sentences import dimension_sentence, join_names, pct

PHASES = {
    "buy-in": "Get buy-in: a senior sponsor funds the product as an investment.",
    "problem": "Find the problem: the real problems in the value chain, end to end.",
    "minimum": "Know your minimum: an MVP focused on exactly one goal.",
    "attention": "Gain attention: internal marketing, make the product easy to use.",
    "handover": "Hand over gracefully: a successor takes the product on.",
}


def build_context(
    strategy: Strategy, result: ScoreResult, lint: LintResult, today: dt.date
) -> dict[str, Any]:
    product = strategy.config.product
    people = {p.id: p for p in strategy.stakeholders}
    names = {c.id: c.name for c in strategy.consumers}

    def person(stakeholder_id: str | None) -> str | None:
        if stakeholder_id is None:
            return None
        found = people.get(stakeholder_id)
        return (
            f"{found.name} ({found.role})"
            if found and found.role
            else (found.name if found else stakeholder_id)
        )

    dimensions = _dimensions(strategy, result, names)
    consumers = _consumers(strategy, result)
    stakeholders = _stakeholders(strategy)
    goals = _goals(strategy)
    risks = [
        {
            "code": f.code,
            "message": f.message[:1].upper() + f.message[1:],
            "where": f"{f.path}:{f.line}",
            "severity": f.severity,
        }
        for f in lint.findings
        if f.severity in ("warning", "error")
    ]
    context: dict[str, Any] = {
        "today": today.isoformat(),
        "product": {
            "id": product.id if product else strategy.root.name,
            "name": product.name if product else strategy.root.name,
            "vision": product.vision if product else None,
            "phase": product.phase if product else None,
            "phase_text": PHASES.get(product.phase or "") if product else None,
            "owner": person(product.owner) if product else None,
            "sponsor": person(product.sponsor) if product else None,
            "successor": person(product.successor) if product else None,
            "sides": list(product.sides) if product else [],
        },
        "consumers": consumers,
        "dimensions": dimensions,
        "sides": [
            {
                "id": s.id,
                "demanded": s.demanded,
                "served": s.served,
                "served_ratio": pct(s.served_ratio),
            }
            for s in result.sides
        ],
        "flywheel_imbalance": (
            None if result.flywheel_imbalance is None else round(result.flywheel_imbalance, 2)
        ),
        "flywheel_tolerance": strategy.config.lint.flywheel_tolerance,
        "stakeholders": stakeholders,
        "coalition": {
            "share": pct(result.coalition.share),
            "threshold": pct(result.coalition.threshold),
            "supportive_power": result.coalition.supportive_power,
            "total_power": result.coalition.total_power,
            "standing": result.coalition.share >= result.coalition.threshold - 1e-9
            and result.coalition.total_power > 0,
        },
        "problems": _problems(strategy, names),
        "key_goals": [g for g in goals if g["key"]],
        "suggested_goals": [g for g in goals if not g["key"]],
        "risks": risks,
        "counts": {"errors": lint.count("error"), "warnings": lint.count("warning")},
        "demand_flowchart": demand_flowchart(
            product.name if product else strategy.root.name,
            [c["name"] for c in consumers],
            [
                Demand(c["name"], d["dimension_name"], d["option_name"], d["strength"], d["served"])
                for c in consumers
                for d in c["demands"]
            ],
        )
        if any(c["demands"] for c in consumers)
        else None,
        "stakeholder_chart": quadrant_chart(
            [Point(p["name"], p["interest"], p["power"]) for p in stakeholders]
        )
        if stakeholders
        else None,
    }
    context["summary"] = _summary(context)
    return context


def _consumers(strategy: Strategy, result: ScoreResult) -> list[dict[str, Any]]:
    chosen = {d.id: set(d.chosen) for d in result.dimensions}
    dimension_names = {d.id: d for d in strategy.dimensions}
    people = {p.id: p.name for p in strategy.stakeholders}
    out = []
    for c in sorted(strategy.consumers, key=lambda c: (-c.importance, c.name, c.id)):
        demands = []
        for d in c.demands:
            dimension = dimension_names.get(d.dimension)
            if dimension is None:
                continue
            options = {o.id: o.label for o in dimension.options}
            if d.option not in options:
                continue
            demands.append(
                {
                    "dimension": d.dimension,
                    "dimension_name": dimension.name,
                    "option": d.option,
                    "option_name": options[d.option],
                    "strength": d.strength,
                    "served": d.option in chosen.get(d.dimension, set()),
                    "needed_by": d.needed_by.isoformat() if d.needed_by else None,
                    "problem": d.problem,
                }
            )
        strategy_text = c.strategy.summary if c.strategy and c.strategy.summary else None
        out.append(
            {
                "id": c.id,
                "name": c.name,
                "side": c.side,
                "importance": c.importance,
                "owner": people.get(c.owner, c.owner) if c.owner else None,
                "strategy": strategy_text,
                "sources": list(c.strategy.sources) if c.strategy else [],
                "demands": demands,
            }
        )
    return out


def _dimensions(
    strategy: Strategy, result: ScoreResult, names: dict[str, str]
) -> list[dict[str, Any]]:
    decisions = {d.id: d for d in strategy.decisions}
    out = []
    for d in result.dimensions:
        decision = decisions.get(d.decision or "")
        out.append(
            {
                "id": d.id,
                "name": d.name,
                "choose": d.choose,
                "total": d.total,
                "options": [
                    {
                        "id": o.id,
                        "name": o.name,
                        "support": o.support,
                        "share": pct(o.share),
                        "chosen": o.chosen,
                        "consumers": join_names(
                            [names.get(c.consumer, c.consumer) for c in o.contributions]
                        ),
                    }
                    for o in d.options
                ],
                "chosen": [o.name for o in d.options if o.chosen],
                "decision": None
                if decision is None
                else {
                    "id": decision.id,
                    "date": decision.date.isoformat(),
                    "rationale": " ".join((decision.rationale or "").split()) or None,
                },
                "conflict": d.conflict,
                "intensity": pct(d.intensity),
                "intensity_value": d.intensity,
                "margin": pct(d.margin),
                "sentence": dimension_sentence(d, names),
                "unserved": [names.get(c, c) for c in d.unserved],
            }
        )
    return out


def _stakeholders(strategy: Strategy) -> list[dict[str, Any]]:
    out = []
    for p in sorted(strategy.stakeholders, key=lambda p: (-p.power, -p.interest, p.name)):
        current = p.engagement.current if p.engagement else None
        desired = p.engagement.desired if p.engagement else None
        gap = (
            current is not None
            and desired is not None
            and ENGAGEMENT_LEVELS.index(current) < ENGAGEMENT_LEVELS.index(desired)
        )
        out.append(
            {
                "id": p.id,
                "name": p.name,
                "role": p.role,
                "faction": p.faction,
                "power": p.power,
                "interest": p.interest,
                "quadrant": quadrant(p.power, p.interest),
                "current": current,
                "desired": desired or current,
                "gap": gap,
                "next_step": p.plan.next_step if p.plan else None,
                "concerns": list(p.concerns),
                "reviewed": p.reviewed.isoformat() if p.reviewed else None,
            }
        )
    return out


def _problems(strategy: Strategy, names: dict[str, str]) -> list[dict[str, Any]]:
    goals = strategy.goals
    out = []
    for p in sorted(strategy.problems, key=lambda p: (-(p.impact or 0), p.title, p.id)):
        out.append(
            {
                "id": p.id,
                "title": p.title,
                "value_chain": p.value_chain,
                "impact": p.impact,
                "goals": [g.title for g in goals if p.id in g.problems],
                "consumers": [names.get(c, c) for c in p.consumers],
                "evidence": list(p.evidence),
            }
        )
    return out


def _goals(strategy: Strategy) -> list[dict[str, Any]]:
    titles = {p.id: p.title for p in strategy.problems}
    out = []
    for g in sorted(strategy.goals, key=lambda g: (not g.key, g.title, g.id)):
        m = g.metric
        out.append(
            {
                "id": g.id,
                "title": g.title,
                "key": g.key,
                "category": g.category,
                "problems": [titles.get(p, p) for p in g.problems],
                "metric": None
                if m is None
                else {
                    "name": m.name,
                    "unit": m.unit,
                    "baseline": _number(m.baseline),
                    "target": _number(m.target),
                    "by": m.by.isoformat() if m.by else None,
                    "influence": m.influence,
                },
            }
        )
    return out


def _number(value: float | None) -> str | None:
    return None if value is None else f"{value:g}"


def _summary(context: dict[str, Any]) -> list[str]:
    """A few sentences: key goals, the biggest conflict, the coalition, the top risks."""
    lines = []
    key_goals = [g["title"] for g in context["key_goals"]]
    if key_goals:
        lines.append(f"Key goal{'s' if len(key_goals) > 1 else ''}: {join_names(key_goals)}.")
    else:
        lines.append("No key goal is set yet.")
    conflicts = [d for d in context["dimensions"] if d["conflict"]]
    if conflicts:
        worst = max(conflicts, key=lambda d: (d["intensity_value"], d["id"]))
        state = (
            f"decided for {join_names(worst['chosen'])}" if worst["decision"] else "not decided yet"
        )
        lines.append(
            f"The biggest conflict is {worst['name']} ({state}): "
            f"{worst['intensity']} of weighted demand goes unserved."
        )
    else:
        lines.append("No consumer demands conflict.")
    coalition = context["coalition"]
    if coalition["total_power"] == 0:
        lines.append("No stakeholders are charted yet.")
    else:
        verb = "stands behind" if coalition["standing"] else "does not yet stand behind"
        lines.append(
            f"A coalition holding {coalition['share']} of stakeholder power "
            f"{verb} the strategy (threshold {coalition['threshold']})."
        )
    risks = context["risks"]
    if risks:
        lines.append(
            f"{len(risks)} open risk{'s' if len(risks) > 1 else ''}; the first: "
            f"{risks[0]['message']}."
        )
    else:
        lines.append("No open risks.")
    return lines
