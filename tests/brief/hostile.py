"""A strategy whose names and texts are hostile Markdown, HTML and Mermaid: for
tests/brief/test_render.py (the document) and test_mermaid.py (the diagrams)."""

from __future__ import annotations

HOSTILE = {
    "p.yaml": """\
        kind: stakeholder
        id: evil
        name: "<script>alert(1)</script> | a | b"
        role: "end"
        power: 5
        interest: 5
        engagement: {current: resistant, desired: supportive}
        plan: {next_step: "line one\\nline two | [x](javascript:y)"}
        reviewed: 2026-11-01
        """,
    "c.yaml": """\
        kind: consumer
        id: end
        name: "Checkout \\"Web\\" [beta] (new) {x} #1; end"
        importance: 3
        strategy: {summary: "*bold* _it_ `code` # not a heading"}
        demands:
          - {dimension: x, option: o, strength: must}
        """,
    "d.yaml": """\
        kind: dimension
        id: x
        name: "## Interface | style"
        options: [{id: o, name: "A -->|edge| B"}]
        """,
}
