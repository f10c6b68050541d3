"""A v2 strategy written by hand from the snippets of the contract's v2 section."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.helpers import write_root

TODAY = dt.date(2026, 11, 20)

CONFIG = """\
product:
  id: pricing-platform
  name: Pricing Platform
  owner: irene-kowalski
  value_chain: [discovery, search, checkout, payment, fulfilment]
"""

FILES: dict[str, str | bytes] = {
    "people.yaml": """\
kind: stakeholder
id: irene-kowalski
name: Irene Kowalski
faction: finance
power: 5
interest: 5
engagement: {current: leading, desired: leading}
reviewed: 2026-11-01
---
kind: stakeholder
id: raj-patel
name: Raj Patel
faction: finance
power: 3
interest: 4
engagement: {current: neutral, desired: neutral}
reviewed: 2026-11-01
---
kind: stakeholder
id: tom-berg
name: Tom Berg
power: 2
interest: 3
engagement: {current: supportive, desired: supportive}
reviewed: 2026-11-01
""",
    "consumers.yaml": """\
kind: consumer
id: checkout
name: Checkout
importance: 5
strategy: {summary: Event driven, reviewed: 2026-10-01}
demands:
  - {dimension: integration-style, option: messaging, strength: must, problem: stale-prices}
---
kind: consumer
id: billing
name: Billing
importance: 4
strategy: {summary: Steady, reviewed: 2026-10-01}
demands:
  - {dimension: integration-style, option: nightly-batch, strength: must, problem: stale-prices}
""",
    "dimension.yaml": """\
kind: dimension
id: integration-style
name: Integration style
options: [{id: messaging, cost: 3}, {id: nightly-batch, cost: 1}, {id: rest-pull}]
""",
    "decisions.yaml": """\
kind: decision
id: integration-style-2026
dimension: integration-style
choice: [nightly-batch]
status: superseded
date: 2026-01-10
---
kind: decision
id: integration-style-2027
dimension: integration-style
choice: [messaging]
status: accepted
date: 2026-10-20
decided_by: irene-kowalski          # stakeholder id
consulted: [raj-patel, tom-berg]    # stakeholder ids
supersedes: integration-style-2026  # decision id (same dimension)
revisit: 2027-06-30                 # look at it again by this date
accommodations:                     # unchosen demands still met, in part
  - consumer: billing               # consumer id; it must demand `option` on this dimension
    option: nightly-batch           # the unchosen option it demanded
    via: a nightly file generated from the event stream
    until: 2027-12-31               # optional: the accommodation ends then
""",
    "problem.yaml": """\
kind: problem
id: stale-prices
title: Prices shown at checkout are up to 15 minutes old
value_chain: checkout
evidence: [2.1% of bookings fail on price change]
""",
    "goal.yaml": """\
kind: goal
id: fresh-prices
title: Prices at checkout are never older than 60 seconds
key: true
problems: [stale-prices]
metric:
  name: p95 price age at checkout
  unit: s
  baseline: 900
  target: 60
  by: 2027-06-30
  influence: direct
  since: 2026-07-01                 # optional: when the trajectory starts
  measurements:                     # dated actual values
    - {date: 2026-09-30, value: 610}
    - {date: 2026-11-15, value: 420}
""",
}


def write(base: Path, config: str = CONFIG, **changes: str) -> Path:
    """The strategy below `base`, with some files replaced."""
    files = dict(FILES)
    files.update(changes)
    return write_root(base, files, config=config, with_ana=False)
