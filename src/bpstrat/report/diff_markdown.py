"""`bpstrat diff --format markdown`: a pull-request comment."""

from __future__ import annotations

from bpstrat.brief.markdown import cell, code, inline
from bpstrat.diff.compare import StrategyDiff
from bpstrat.report.diff_text import MARK

_MARKS = {"error": ":x:", "warning": ":warning:", "info": ":information_source:"}


def render(d: StrategyDiff, base: str, head: str) -> str:
    out = [f"## Strategy changes ({cell(base)} → {cell(head)})", ""]
    if d.empty:
        return "\n".join(out + ["No change to the strategy."]) + "\n"
    if d.product:
        out += ["**Product:** " + "; ".join(cell(c) for c in d.product), ""]
    if d.entities:
        out += ["| | Entity | Change |", "| --- | --- | --- |"]
        for e in d.entities:
            detail = "<br>".join(cell(c) for c in e.fields) or e.status
            out.append(
                f"| {MARK[e.status]} | {code(e.ref, table=True)} {cell(e.name)} | {detail} |"
            )
        out.append("")
    score = [f"- Chosen: {cell(c)}" for c in d.choices]
    score += [f"- Flip: {cell(c)}" for c in d.flips]
    if d.coalition:
        score.append(f"- Coalition: {d.coalition}")
    if d.imbalance:
        score.append(f"- Flywheel imbalance: {d.imbalance}")
    score += [f"- Goal: {cell(c)}" for c in d.goals]
    score += [f"- Accommodation: {cell(c)}" for c in d.accommodations]
    score += [f"- Decision: {cell(c)}" for c in d.superseded]
    if score:
        out += ["### Score", ""] + score + [""]
    if d.introduced or d.fixed:
        out += ["### Lint", ""]
        out += [
            f"- {_MARKS.get(f.severity, ':warning:')} new {f.code} "
            f"{code(f'{f.path}:{f.line}')}: {inline(f.message)}"
            for f in d.introduced
        ]
        out += [
            f"- :white_check_mark: fixed {f.code} {code(f.path)}: {inline(f.message)}"
            for f in d.fixed
        ]
    return "\n".join(out).rstrip() + "\n"
