"""`bpstrat diff BASE HEAD --affected`: who a change concerns, and why, as text, Markdown
or JSON (`{"version": 1, "base": ..., "head": ..., "affected": [{"ref", "name", "why"}]}`)."""

from __future__ import annotations

from bpstrat.brief.markdown import cell, inline
from bpstrat.diff.affected import Affected
from bpstrat.report.json_text import json_text
from bpstrat.source.visible import visible


def render(items: list[Affected], base: str, head: str, format: str) -> str:
    if format == "json":
        document = {
            "version": 1,
            "base": base,
            "head": head,
            "affected": [item.as_json() for item in items],
        }
        return json_text(document)
    if format == "markdown":
        lines = [f"### Who the change from {inline(base)} to {inline(head)} concerns", ""]
        if not items:
            return "\n".join([*lines, "No consumer or stakeholder."]) + "\n"
        lines += ["| Who | Why |", "| --- | --- |"]
        lines += [
            f"| {cell(f'{item.name} ({item.ref})')} | {cell('; '.join(item.why))} |"
            for item in items
        ]
        return "\n".join(lines) + "\n"
    lines = [visible(f"Who the change from {base} to {head} concerns:")]
    if not items:
        return lines[0] + " nobody\n"
    for item in items:
        lines.append(visible(f"  {item.ref} ({item.name})"))
        lines += [visible(f"      {why}") for why in item.why]
    return "\n".join(lines) + "\n"
