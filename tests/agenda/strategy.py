"""A strategy with one item of every agenda kind, and items that must stay off it.

Today is 2026-11-22, stale_after_days is 30 and the window 30 days (to 2026-12-22).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.helpers import write_root

TODAY = dt.date(2026, 11, 22)

CONFIG = """\
product:
  id: demo
  name: Demo Platform
  owner: ana
lint:
  stale_after_days: 30
"""

FILES: dict[str, str | bytes] = {
    "people/ana.yaml": """\
        kind: stakeholder
        id: ana
        name: Ana Lopez
        power: 3
        interest: 5
        engagement: {current: leading}
        plan:
          next_step: Show the cost model; ask for the budget, then decide.
          due: 2026-11-25
        reviewed: 2026-11-01
        """,
    "people/bob.yaml": """\
        kind: stakeholder
        id: bob
        name: Bob
        power: 2
        interest: 2
        engagement: {current: neutral}
        """,
    "people/cy.yaml": """\
        kind: stakeholder
        id: cy
        name: Cy Mensah
        power: 5
        interest: 4
        engagement: {current: supportive}
        reviewed: 2026-01-01
        """,
    "dimension.yaml": """\
        kind: dimension
        id: interface
        name: Interface style
        options: [{id: rest, name: REST/JSON}, {id: soap, name: SOAP/XML}]
        """,
    "decisions/old.yaml": """\
        kind: decision
        id: old
        dimension: interface
        choice: [soap]
        status: superseded
        date: 2026-01-01
        revisit: 2026-02-01
        """,
    "decisions/new.yaml": """\
        kind: decision
        id: new
        dimension: interface
        choice: [rest]
        status: accepted
        date: 2026-06-01
        decided_by: cy
        supersedes: old
        revisit: 2026-12-10
        accommodations:
          - consumer: web
            option: soap
            via: a SOAP bridge
            until: 2026-12-05
          - consumer: web
            option: soap
            via: a nightly file
            until: 2026-11-01
        """,
    "decisions/idea.yaml": """\
        kind: decision
        id: idea
        dimension: interface
        choice: [soap]
        status: proposed
        date: 2026-07-01
        revisit: 2026-11-30
        """,
    "consumers/web.yaml": """\
        kind: consumer
        id: web
        name: Web Shop
        importance: 4
        strategy:
          summary: Server-side rendering.
          reviewed: 2026-11-10
        demands:
          - dimension: interface
            option: soap
            strength: must
            needed_by: 2026-11-30
          - dimension: interface
            option: rest
            strength: should
            needed_by: 2027-06-01
        """,
    "goals/g1.yaml": """\
        kind: goal
        id: g1
        title: Fresh prices
        key: true
        metric:
          name: price age
          baseline: 100
          target: 0
          by: 2026-12-20
          measurements:
            - {date: 2026-10-01, value: 80}
            - {date: 2026-11-01, value: 60}
            - {date: 2026-12-01, value: 50}
        """,
    "goals/g2.yaml": """\
        kind: goal
        id: g2
        title: Achieved already
        key: true
        metric: {name: m, baseline: 100, target: 0, by: 2026-12-01,
                 measurements: [{date: 2026-11-01, value: 0}]}
        """,
    "goals/g3.yaml": """\
        kind: goal
        id: g3
        title: A suggestion past its date
        key: false
        metric: {name: m, baseline: 0, target: 10, by: 2026-11-15}
        """,
    "goals/g4.yaml": """\
        kind: goal
        id: g4
        title: Measured from December
        key: true
        metric:
          name: m
          baseline: 0
          target: 10
          by: 2027-06-30
          since: 2026-12-02
        """,
    "goals/g5.yaml": """\
        kind: goal
        id: g5
        title: Never measured
        key: true
        metric: {name: m, baseline: 0, target: 10, by: 2027-06-30}
        """,
    "goals/g6.yaml": """\
        kind: goal
        id: g6
        title: No complete metric
        key: true
        metric: {name: m, baseline: 0, target: 10}
        """,
}

EXPECTED = [
    # (date, kind, entity, overdue, path, the text on the field's line, owner)
    ("2026-01-31", "stakeholder-review", "stakeholder:cy", True, "people/cy.yaml", "reviewed:", "ana"),  # noqa: E501
    ("2026-11-15", "goal-due", "goal:g3", True, "goals/g3.yaml", "metric:", "ana"),
    ("2026-11-22", "measurement-due", "goal:g5", False, "goals/g5.yaml", "metric:", "ana"),
    ("2026-11-22", "stakeholder-review", "stakeholder:bob", False, "people/bob.yaml", "kind:", "ana"),  # noqa: E501
    ("2026-11-25", "next-step", "stakeholder:ana", False, "people/ana.yaml", "due:", "ana"),
    ("2026-11-30", "demand-needed", "consumer:web", False, "consumers/web.yaml", "needed_by: 2026-11-30", "ana"),  # noqa: E501
    ("2026-12-01", "measurement-due", "goal:g1", False, "goals/g1.yaml", "2026-11-01", "ana"),
    ("2026-12-01", "stakeholder-review", "stakeholder:ana", False, "people/ana.yaml", "reviewed:", "ana"),  # noqa: E501
    ("2026-12-02", "measurement-due", "goal:g4", False, "goals/g4.yaml", "since:", "ana"),
    ("2026-12-05", "accommodation-ends", "decision:new", False, "decisions/new.yaml", "until: 2026-12-05", "cy"),  # noqa: E501
    ("2026-12-10", "consumer-strategy-review", "consumer:web", False, "consumers/web.yaml", "reviewed:", "ana"),  # noqa: E501
    ("2026-12-10", "decision-revisit", "decision:new", False, "decisions/new.yaml", "revisit:", "cy"),  # noqa: E501
    ("2026-12-20", "goal-due", "goal:g1", False, "goals/g1.yaml", "by:", "ana"),
]  # fmt: skip


def write(base: Path, config: str = CONFIG, **replace: str) -> Path:
    """The strategy below `base`; `replace` maps a file to new contents."""
    files = {**FILES, **{name.replace("__", "/") + ".yaml": text for name, text in replace.items()}}
    return write_root(base, files, config=config, with_ana=False)


def line_of(root: Path, path: str, text: str) -> int:
    """The 1-based line of the first line of `path` containing `text`."""
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)
