"""`bpstrat diff` for a terminal."""

from __future__ import annotations

from bpstrat.diff.compare import StrategyDiff
from bpstrat.source.visible import visible

MARK = {"added": "+", "removed": "-", "changed": "~"}


def render(d: StrategyDiff, base: str, head: str) -> str:
    lines = [f"Strategy changes from {base} to {head}"]
    if d.empty:
        return lines[0] + ": none\n"
    if d.product:
        lines += ["", "Product:"] + [f"  ~ {c}" for c in d.product]
    if d.entities:
        lines += ["", "Entities:"]
        for e in d.entities:
            lines.append(f"  {MARK[e.status]} {e.ref} ({e.name}) {e.status}")
            lines += [f"      {c}" for c in e.fields]
    score = [f"  chosen {c}" for c in d.choices] + [f"  flip {c}" for c in d.flips]
    if d.coalition:
        score.append(f"  coalition {d.coalition}")
    if d.imbalance:
        score.append(f"  flywheel imbalance {d.imbalance}")
    score += [f"  goal {c}" for c in d.goals]
    score += [f"  accommodation {c}" for c in d.accommodations]
    score += [f"  decision {c}" for c in d.superseded]
    if score:
        lines += ["", "Score:", *score]
    if d.introduced or d.fixed:
        lines += ["", "Findings:"]
        lines += [f"  new   {f.code} {f.path}:{f.line} {f.message}" for f in d.introduced]
        lines += [f"  fixed {f.code} {f.path} {f.message}" for f in d.fixed]
    return "\n".join(visible(line) for line in lines) + "\n"
