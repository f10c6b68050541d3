"""Powerful stakeholder speaks for a consumer whose must is not met: the politics of the
unserved.

A stakeholder with power 4 or more who speaks for a consumer (`consumers:`) will fight
for it. When that consumer has a `must` demand whose option is neither chosen nor
actively accommodated by the deciding decision, expect resistance: accommodate the
demand, change the decision, or plan the conversation with that stakeholder.

Worked example: Raj Patel (power 4) speaks for the hotel connector, which must have
nightly bulk rate files. While no decision chooses or accommodates `bulk-file`, this
rule flags Raj; a decision with `accommodations: [{consumer: hotel-connector, option:
bulk-file, via: ...}]` settles it (and serves the demand at `scoring.accommodation`).

The finding points at the stakeholder's `consumers` item naming the consumer, once per
stakeholder and consumer. While a decision on the dimension cannot be read or is invalid,
the rule waits: that decision may choose the option.

Failing example:

```yaml
kind: stakeholder
id: raj
name: Raj Patel
power: 4
interest: 4
consumers: [hotels]
---
kind: consumer
id: hotels
name: Hotels
importance: 3
demands:
  - {dimension: rates, option: bulk-file, strength: must}
---
kind: consumer
id: web
name: Web
importance: 5
demands:
  - {dimension: rates, option: push-api, strength: must}
---
kind: dimension
id: rates
name: Rate intake
options: [{id: push-api}, {id: bulk-file}]
```

Passing example:

```yaml
kind: stakeholder
id: raj
name: Raj Patel
power: 4
interest: 4
consumers: [hotels]
---
kind: consumer
id: hotels
name: Hotels
importance: 3
demands:
  - {dimension: rates, option: bulk-file, strength: must}
---
kind: consumer
id: web
name: Web
importance: 5
demands:
  - {dimension: rates, option: push-api, strength: must}
---
kind: dimension
id: rates
name: Rate intake
options: [{id: push-api}, {id: bulk-file}]
---
kind: decision
id: rates-2027
dimension: rates
choice: [push-api]
status: accepted
date: 2026-10-01
accommodations:
  - {consumer: hotels, option: bulk-file, via: a bulk file translated into pushes}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from bpstrat.findings import Issue
from bpstrat.lint.rules.base import RuleContext
from bpstrat.lint.rules.plain import N_, Plain
from bpstrat.model.entities import Consumer, Stakeholder

CODE = "BP420"
NAME = "unserved-must-behind-stakeholder"
OPTIONS: tuple[str, ...] = ()

PLAIN = Plain(
    "stakeholders",
    risk=N_(
        "Powerful stakeholders speak for consumers whose must-have the strategy leaves "
        "unserved: %(items)s."
    ),
    consequence=N_("They are the coalition's first risk: they may turn against the strategy."),
    next_step=N_("Accommodate the demand, revisit the decision, or talk to them first."),
)

MIN_POWER = 4


def check(ctx: RuleContext) -> Iterator[Issue]:
    for record in ctx.strategy.records(Stakeholder):
        person = record.entity
        if person.power < MIN_POWER:
            continue
        seen: set[str] = set()
        for index, consumer_id in enumerate(person.consumers):
            if consumer_id in seen:
                continue
            seen.add(consumer_id)
            consumer = ctx.strategy.entity(Consumer, consumer_id)
            if consumer is None:
                continue
            unmet = _unmet_musts(ctx, consumer)
            if unmet:
                yield ctx.issue(
                    CODE,
                    f"{person.name} (power {person.power}) speaks for {consumer.name}, whose "
                    f"must {', '.join(unmet)} is neither chosen nor accommodated; accommodate "
                    f"it, revisit the decision, or plan the conversation with {person.name}",
                    record,
                    ("consumers", index),
                )


def _unmet_musts(ctx: RuleContext, consumer: Consumer) -> list[str]:
    """'bulk-file on rates' for each must demand served by nothing."""
    unmet = []
    for demand in consumer.demands:
        if demand.strength != "must":
            continue
        scored = ctx.score.dimension(demand.dimension)
        if scored is None or scored.option(demand.option) is None:
            continue  # an unknown dimension or option has its own finding
        if not scored.decided and ctx.strategy.unsure("decision", "dimension", scored.id):
            continue  # a decision that could not be read may choose it
        accommodated = any(
            a.consumer == consumer.id and a.option == demand.option for a in scored.accommodated
        )
        if demand.option not in scored.chosen and not accommodated:
            unmet.append(f"{demand.option!r} on {demand.dimension!r}")
    return list(dict.fromkeys(unmet))
