"""`bpstrat diff` output: text for a terminal, Markdown for a PR comment, JSON for tools."""

from __future__ import annotations

import json

from bpstrat.brief.markdown import cell
from bpstrat.diff.compare import StrategyDiff

_MARK = {"added": "+", "removed": "-", "changed": "~"}


def render_text(d: StrategyDiff, base: str, head: str) -> str:
    lines = [f"Strategy changes from {base} to {head}"]
    if d.empty:
        return lines[0] + ": none\n"
    if d.product:
        lines += ["", "Product:"] + [f"  ~ {c}" for c in d.product]
    if d.entities:
        lines += ["", "Entities:"]
        for e in d.entities:
            lines.append(f"  {_MARK[e.status]} {e.ref} ({e.name}) {e.status}")
            lines += [f"      {c}" for c in e.fields]
    score = [f"  chosen {c}" for c in d.choices] + [f"  flip {c}" for c in d.flips]
    if d.coalition:
        score.append(f"  coalition {d.coalition}")
    if d.imbalance:
        score.append(f"  flywheel imbalance {d.imbalance}")
    if score:
        lines += ["", "Score:", *score]
    if d.introduced or d.fixed:
        lines += ["", "Findings:"]
        lines += [f"  new   {f.code} {f.path}:{f.line} {f.message}" for f in d.introduced]
        lines += [f"  fixed {f.code} {f.path} {f.message}" for f in d.fixed]
    return "\n".join(lines) + "\n"


def render_markdown(d: StrategyDiff, base: str, head: str) -> str:
    out = [f"## Strategy changes ({cell(base)} → {cell(head)})", ""]
    if d.empty:
        return "\n".join(out + ["No change to the strategy."]) + "\n"
    if d.product:
        out += ["**Product:** " + "; ".join(cell(c) for c in d.product), ""]
    if d.entities:
        out += ["| | Entity | Change |", "| --- | --- | --- |"]
        for e in d.entities:
            detail = "<br>".join(cell(c) for c in e.fields) or e.status
            out.append(f"| {_MARK[e.status]} | `{cell(e.ref)}` {cell(e.name)} | {detail} |")
        out.append("")
    score = [f"- Chosen: {cell(c)}" for c in d.choices]
    score += [f"- Flip: {cell(c)}" for c in d.flips]
    if d.coalition:
        score.append(f"- Coalition: {d.coalition}")
    if d.imbalance:
        score.append(f"- Flywheel imbalance: {d.imbalance}")
    if score:
        out += ["### Score", ""] + score + [""]
    if d.introduced or d.fixed:
        out += ["### Lint", ""]
        out += [
            f"- :warning: new {f.code} `{cell(f.path)}:{f.line}`: {cell(f.message)}"
            for f in d.introduced
        ]
        out += [
            f"- :white_check_mark: fixed {f.code} `{cell(f.path)}`: {cell(f.message)}"
            for f in d.fixed
        ]
    return "\n".join(out).rstrip() + "\n"


def render_json(d: StrategyDiff, base: str, head: str) -> str:
    document = {
        "version": 1,
        "base": base,
        "head": head,
        "entities": [
            {"ref": e.ref, "name": e.name, "status": e.status, "fields": e.fields}
            for e in d.entities
        ],
        "product": d.product,
        "chosen": d.choices,
        "flips": d.flips,
        "coalition": d.coalition,
        "flywheel_imbalance": d.imbalance,
        "findings": {
            "introduced": [f.as_json() for f in d.introduced],
            "fixed": [f.as_json() for f in d.fixed],
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
