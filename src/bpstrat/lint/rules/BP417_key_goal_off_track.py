"""Key goal off track: the measurements lag the straight line to the target.

A key goal's progress is (latest - baseline) / (target - baseline), from its newest
measurement up to today; the expected progress is the share of the time from `since`
(or the first measurement) to `by` that had passed at that measurement. Progress more
than `lint.track_tolerance` (default 0.1) below the expected progress is off track:
change course, or agree a new target or date. Exactly at the tolerance is on track.

Worked example: p95 price age from 900 s to 60 s by 2027-06-30, since 2026-07-01,
measured 420 on 2026-11-15. Progress = (420 - 900) / (60 - 900) = 0.571; expected =
137 / 364 days = 0.376; 0.571 >= 0.376 - 0.1, so it is on track. Had it measured 880,
progress would be 0.024, below 0.276: off track.

The finding points at the goal's `metric` key.

Failing example:

```yaml
kind: goal
id: fresh-prices
title: Fresh prices
key: true
metric:
  name: p95 price age
  baseline: 900
  target: 60
  by: 2026-12-31
  since: 2026-01-01
  measurements: [{date: 2026-11-01, value: 850}]
```

Passing example:

```yaml
kind: goal
id: fresh-prices
title: Fresh prices
key: true
metric:
  name: p95 price age
  baseline: 900
  target: 60
  by: 2026-12-31
  since: 2026-01-01
  measurements: [{date: 2026-11-01, value: 200}]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Goal
from bpstrat.score.sentences import pct

CODE = "BP417"
NAME = "key-goal-off-track"
OPTIONS: tuple[str, ...] = ("track_tolerance",)

PLAIN = Plain(
    "goals",
    risk=N_("These key goals are off track: %(items)s."),
    consequence=N_("At this pace they will not be reached by their date."),
    next_step=N_("Find what holds them back, and change the plan or the target openly."),
)


def check(ctx: RuleContext) -> Iterator[Issue]:
    for record in ctx.strategy.records(Goal):
        scored = ctx.score.goal(record.id)
        if scored is None or not scored.key or scored.status != "off-track":
            continue
        assert scored.latest is not None
        yield ctx.issue(
            CODE,
            f"key goal {record.entity.title!r} is off track: {pct(scored.progress)} of the way "
            f"to {scored.target:g} on {scored.latest.date}, where the straight line to "
            f"{scored.by} expects {pct(scored.expected)}; change course, or agree a new "
            "target or `by` date",
            record,
            ("metric",),
        )
